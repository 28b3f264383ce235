//! Reusable parts of the pages.

pub mod form;
mod language_switch;
mod layout;
mod status;

pub use layout::Layout;
pub use status::{ErrorMessage, Loading};
