//! Who may do what to a lab, and through it to its needs, ideas and comments.
//!
//! A public lab is seen by everyone; a members-only lab only by the people (and API keys
//! with `read`) of its participating organisations, and by platform admins. Everyone else
//! gets 404, as if it did not exist. Members of the host organisations run the lab.

use diesel_async::AsyncPgConnection;
use shared::{Lab, Scope, Visibility};
use uuid::Uuid;

use super::{Denied, Viewer};
use crate::auth::Caller;
use crate::db;
use crate::error::ApiError;

/// What a caller wants to do with a lab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabAction {
    /// See the lab, its participants, indicators, needs, ideas and comments.
    View,
    /// Change the lab, its phase, participants, indicators and needs, and ideas' status.
    Edit,
    /// Post an idea to it.
    PostIdea,
    /// Vote and comment: people only.
    Participate,
    /// Remove anyone's comment: the lab's hosts and platform admins.
    Moderate,
}

/// What the rules need to know about a lab and the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabFacts {
    pub public: bool,
    /// The caller belongs to a participating organisation (or is a platform admin).
    pub participates: bool,
    /// The caller may run the lab: a member of (or an API key with `labs:write` of) a host.
    pub hosts: bool,
    /// Hidden by moderation: only its hosts and platform admins see it.
    pub hidden: bool,
}

/// The rules.
pub fn decide(caller: &Caller, lab: LabFacts, action: LabAction) -> Result<(), Denied> {
    // Everything but reading needs credentials, whichever lab it is: saying so first tells
    // an anonymous caller nothing about the lab.
    if action != LabAction::View && *caller == Caller::Anonymous {
        return Err(Denied::Unauthenticated);
    }
    let is_admin = matches!(caller, Caller::Person(person) if person.is_platform_admin);
    if !(lab.public || lab.participates) || (lab.hidden && !(lab.hosts || is_admin)) {
        return Err(Denied::Invisible);
    }
    let refused = match caller {
        Caller::Anonymous => Denied::Unauthenticated,
        _ => Denied::Forbidden,
    };
    let allowed = match action {
        LabAction::View => true,
        LabAction::Edit => lab.hosts,
        LabAction::Moderate => lab.hosts || is_admin,
        LabAction::PostIdea => match caller {
            Caller::Anonymous => false,
            Caller::Person(_) => true,
            Caller::ApiKey(key) => key.scopes.contains(&Scope::IdeasWrite),
        },
        LabAction::Participate => matches!(caller, Caller::Person(_)),
    };
    if allowed { Ok(()) } else { Err(refused) }
}

/// Whether the caller wrote an idea (its author, or for an idea a partner system posted,
/// a key of the same organisation with `ideas:write`). Its status decides whether it may
/// still be edited.
pub fn may_edit_idea(
    caller: &Caller,
    author_id: Option<Uuid>,
    organization_id: Option<Uuid>,
) -> bool {
    match caller {
        Caller::Anonymous => false,
        Caller::Person(person) => author_id == Some(person.user_id),
        Caller::ApiKey(key) => {
            author_id.is_none()
                && organization_id == Some(key.organization_id)
                && key.scopes.contains(&Scope::IdeasWrite)
        }
    }
}

/// A lab the caller may act on.
pub struct LabAccess {
    pub lab: Lab,
}

/// Loads a lab as `viewer` sees it and checks that `viewer` may do `action`.
pub async fn lab(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    lab_id: Uuid,
    action: LabAction,
) -> Result<LabAccess, ApiError> {
    let record = db::labs::find(conn, viewer, lab_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let facts = LabFacts {
        public: record.lab.visibility == Visibility::Public,
        participates: record.participates || viewer.sees_everything(),
        hosts: record.lab.can_edit,
        hidden: record.lab.hidden,
    };
    decide(&viewer.caller, facts, action).map_err(|denied| denied.into_error("lab"))?;
    Ok(LabAccess { lab: record.lab })
}

/// Whether `viewer` may do `action` to a lab it sees (404 when it sees none): for what a
/// page offers, such as the remove buttons of comments.
pub async fn permits(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    lab_id: Uuid,
    action: LabAction,
) -> Result<bool, ApiError> {
    match lab(conn, viewer, lab_id, action).await {
        Ok(_) => Ok(true),
        Err(ApiError::Forbidden(_) | ApiError::Unauthorized(_)) => Ok(false),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::testing::person;

    fn key(scopes: &[Scope]) -> Caller {
        crate::authz::testing::key(Uuid::nil(), scopes)
    }

    const PUBLIC: LabFacts = LabFacts {
        public: true,
        participates: false,
        hosts: false,
        hidden: false,
    };
    const MEMBERS_ONLY: LabFacts = LabFacts {
        public: false,
        participates: false,
        hosts: false,
        hidden: false,
    };
    const HOSTED: LabFacts = LabFacts {
        public: false,
        participates: true,
        hosts: true,
        hidden: false,
    };

    #[test]
    fn members_only_labs_do_not_exist_for_outsiders() {
        for caller in [person(false), key(&Scope::ALL)] {
            for action in [LabAction::View, LabAction::Edit, LabAction::PostIdea] {
                assert_eq!(
                    decide(&caller, MEMBERS_ONLY, action),
                    Err(Denied::Invisible)
                );
            }
        }
        assert_eq!(
            decide(&Caller::Anonymous, MEMBERS_ONLY, LabAction::View),
            Err(Denied::Invisible)
        );
        assert_eq!(
            decide(&Caller::Anonymous, MEMBERS_ONLY, LabAction::Edit),
            Err(Denied::Unauthenticated),
            "a write needs credentials first, whichever lab it names"
        );
    }

    #[test]
    fn a_hidden_lab_exists_only_for_its_hosts_and_platform_admins() {
        let hidden = LabFacts {
            hidden: true,
            ..PUBLIC
        };
        for caller in [Caller::Anonymous, person(false), key(&Scope::ALL)] {
            assert_eq!(
                decide(&caller, hidden, LabAction::View),
                Err(Denied::Invisible)
            );
        }
        assert_eq!(decide(&person(true), hidden, LabAction::View), Ok(()));
        let run = LabFacts {
            hidden: true,
            ..HOSTED
        };
        assert_eq!(decide(&person(false), run, LabAction::Edit), Ok(()));
    }

    #[test]
    fn anyone_sees_a_public_lab_but_only_hosts_run_it() {
        assert_eq!(decide(&Caller::Anonymous, PUBLIC, LabAction::View), Ok(()));
        assert_eq!(
            decide(&Caller::Anonymous, PUBLIC, LabAction::Edit),
            Err(Denied::Unauthenticated)
        );
        assert_eq!(
            decide(&person(false), PUBLIC, LabAction::Edit),
            Err(Denied::Forbidden)
        );
        let participant = LabFacts {
            participates: true,
            ..MEMBERS_ONLY
        };
        assert_eq!(
            decide(&person(false), participant, LabAction::Edit),
            Err(Denied::Forbidden)
        );
        assert_eq!(decide(&person(false), HOSTED, LabAction::Edit), Ok(()));
    }

    #[test]
    fn people_post_vote_and_comment_partner_systems_only_post_with_their_scope() {
        assert_eq!(decide(&person(false), PUBLIC, LabAction::PostIdea), Ok(()));
        assert_eq!(
            decide(&person(false), PUBLIC, LabAction::Participate),
            Ok(())
        );
        assert_eq!(
            decide(&Caller::Anonymous, PUBLIC, LabAction::Participate),
            Err(Denied::Unauthenticated)
        );
        assert_eq!(
            decide(&key(&[Scope::IdeasWrite]), PUBLIC, LabAction::PostIdea),
            Ok(())
        );
        assert_eq!(
            decide(&key(&[Scope::Read]), PUBLIC, LabAction::PostIdea),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            decide(&key(&Scope::ALL), PUBLIC, LabAction::Participate),
            Err(Denied::Forbidden)
        );
    }

    #[test]
    fn authors_edit_their_ideas_and_partner_systems_their_organisations() {
        let me = Uuid::nil();
        assert!(may_edit_idea(&person(false), Some(me), None));
        assert!(!may_edit_idea(&person(false), Some(Uuid::max()), None));
        assert!(!may_edit_idea(&Caller::Anonymous, Some(me), None));
        assert!(may_edit_idea(&key(&[Scope::IdeasWrite]), None, Some(me)));
        assert!(!may_edit_idea(&key(&[Scope::Read]), None, Some(me)));
        assert!(!may_edit_idea(
            &key(&[Scope::IdeasWrite]),
            Some(me),
            Some(me)
        ));
    }

    #[test]
    fn hosts_and_platform_admins_moderate() {
        assert_eq!(decide(&person(false), HOSTED, LabAction::Moderate), Ok(()));
        assert_eq!(decide(&person(true), PUBLIC, LabAction::Moderate), Ok(()));
        assert_eq!(
            decide(&person(false), PUBLIC, LabAction::Moderate),
            Err(Denied::Forbidden)
        );
    }
}
