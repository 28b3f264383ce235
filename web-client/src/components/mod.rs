//! Reusable parts of the pages.

mod chart;
pub mod form;
mod language_switch;
mod layout;
pub mod places;
mod reasons;
pub mod status;
mod tags;

pub use chart::IndicatorChart;
pub use layout::Layout;
pub use reasons::ReasonList;
pub use status::{ErrorMessage, Loading, fetched};
pub use tags::TagList;
