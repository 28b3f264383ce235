//! Authorisation: the one place that decides whether a caller may do something to an
//! object. Handlers ask one loader per kind of object — [`organization`], [`lab`],
//! [`need`], [`idea`], [`comment`], [`offering`], [`a_match`], [`method`], [`adoption`] — before they touch it, and
//! [`acting_organization`] for whom they create something, [`platform_admin`] for the
//! admins' queues; handlers never decide. The
//! rules themselves are plain functions (`decide…`), unit-tested beside them.
//!
//! 404 for what the caller may not see, 401 for what needs credentials, 403 for what the
//! caller may see but not do.

mod acting;
mod admin;
mod email;
mod ideas;
mod labs;
mod matches;
mod methods;
mod moderation;
mod offerings;
mod organizations;
#[cfg(test)]
mod testing;
mod viewer;

pub use acting::acting_organization;
pub use admin::platform_admin;
pub use email::{may_hold_role, verified_person};
pub use ideas::{
    CommentAccess, CommentAction, CommentFacts, IdeaAction, comment, decide_hidden_visible, idea,
    moderates, need,
};
pub use labs::{LabAccess, LabAction, LabFacts, lab, may_edit_idea};
pub use matches::{MatchAccess, MatchRight, a_match, requesting_side};
pub use methods::{MethodAction, adoption, method, reviewer};
pub use moderation::{moderation_scope, report, reportable};
pub use offerings::{OfferingAction, offering};
pub use organizations::{OrgAccess, OrgAction, decide, manage_member, organization};
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
    /// A partner system whose key lacks the scope this needs: 403, naming the scope.
    MissingScope(shared::Scope),
}

impl Denied {
    /// The error to answer with; `what` names the object ("lab") in a 403's detail.
    pub fn into_error(self, what: &str) -> ApiError {
        match self {
            Denied::Invisible => ApiError::NotFound,
            Denied::Unauthenticated => ApiError::unauthorized(),
            Denied::Forbidden => {
                ApiError::Forbidden(crate::t!("problem-forbidden-on", what = what))
            }
            Denied::MissingScope(scope) => {
                ApiError::Forbidden(crate::t!("problem-missing-scope", scope = scope.as_str()))
            }
        }
    }
}
