//! Authorisation: the one place that decides whether a caller may do something to an
//! object. Handlers call [`organization`] or [`lab`] (which also covers a lab's needs,
//! ideas and comments) before they touch an object; the rules themselves are plain
//! functions (`decide`), unit-tested beside them.
//!
//! 404 for what the caller may not see, 401 for what needs credentials, 403 for what the
//! caller may see but not do.

mod labs;
mod organizations;
mod viewer;

pub use labs::{LabAccess, LabAction, LabFacts, lab, may_edit_idea};
pub use organizations::{OrgAccess, OrgAction, decide, organization};
pub use viewer::Viewer;

use crate::error::ApiError;

/// Why a caller is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// The object does not exist for this caller: 404.
    Invisible,
    /// No credentials: 401.
    Unauthenticated,
    /// Known, but not allowed: 403.
    Forbidden,
}

impl Denied {
    /// The error to answer with; `what` names the object ("lab") in a 403's detail.
    pub fn into_error(self, what: &str) -> ApiError {
        match self {
            Denied::Invisible => ApiError::NotFound,
            Denied::Unauthenticated => ApiError::unauthorized(),
            Denied::Forbidden => {
                ApiError::Forbidden(format!("You may not do this to this {what}."))
            }
        }
    }
}
