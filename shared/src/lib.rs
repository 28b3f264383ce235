//! The request and response bodies of Innolabb's REST API.
//!
//! Both the API (`api`) and the web client (`web-client`) compile these types, so the
//! server, the browser and the OpenAPI document can never disagree about a field.
//! The `openapi` feature adds the `utoipa::ToSchema` derives; the wasm build leaves it off.

pub mod health;
pub mod page;
pub mod problem;
pub mod reference;

pub use health::{Health, Readiness};
pub use page::Page;
pub use problem::{FieldError, Problem};
pub use reference::{ChallengeArea, County, LocalizedText, Municipality};
