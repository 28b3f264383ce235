//! One module per page.

mod coming_soon;
mod not_found;
mod start;

pub use coming_soon::{ComingSoon, Section};
pub use not_found::NotFound;
pub use start::Start;
