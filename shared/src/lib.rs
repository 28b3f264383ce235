//! The request and response bodies of Innolabb's REST API.
//!
//! Both the API (`api`) and the web client (`web-client`) compile these types, so the
//! server, the browser and the OpenAPI document can never disagree about a field.
//! The `openapi` feature adds the `utoipa::ToSchema` derives; the wasm build leaves it off.

pub mod auth;
pub mod health;
pub mod org_number;
pub mod organizations;
pub mod page;
pub mod problem;
pub mod reference;

pub use auth::{
    ChangePassword, Locale, LoginRequest, Me, RefreshRequest, RegisterRequest, SessionMode,
    TokenResponse, UpdateMe,
};
pub use health::{Health, Readiness};
pub use organizations::{
    AddMember, ApiKey, CreateApiKey, CreateOrganization, CreatedApiKey, Member, MyOrganization,
    Organization, OrganizationKind, Role, Scope, UpdateMember, UpdateOrganization,
};
pub use page::Page;
pub use problem::{FieldError, Problem};
pub use reference::{ChallengeArea, County, LocalizedText, Municipality};
