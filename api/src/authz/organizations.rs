//! Who may do what to an organisation.

use diesel_async::AsyncPgConnection;
use shared::{Organization, Role, Scope};
use uuid::Uuid;

use super::Denied;
use crate::auth::Caller;
use crate::db;
use crate::error::ApiError;

/// What a caller wants to do to an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgAction {
    View,
    Edit,
    ViewMembers,
    ManageMembers,
    ManageApiKeys,
    ManageWebhooks,
    Verify,
    /// Give an API key its own rate limit: platform admins only.
    LimitApiKeys,
    /// Read the organisation's audit log: its owners and platform admins.
    ReadAuditLog,
}

/// The rules. `role` is the caller's role in the organisation when the caller is a person.
pub fn decide(
    caller: &Caller,
    organization_id: Uuid,
    role: Option<Role>,
    action: OrgAction,
) -> Result<(), Denied> {
    if action == OrgAction::View {
        return Ok(());
    }
    let allowed = match caller {
        Caller::Anonymous => return Err(Denied::Unauthenticated),
        Caller::Person(person) => match action {
            OrgAction::View => true,
            OrgAction::Verify | OrgAction::LimitApiKeys => person.is_platform_admin,
            OrgAction::ViewMembers => role.is_some() || person.is_platform_admin,
            OrgAction::ReadAuditLog => role == Some(Role::Owner) || person.is_platform_admin,
            OrgAction::Edit
            | OrgAction::ManageMembers
            | OrgAction::ManageApiKeys
            | OrgAction::ManageWebhooks => role >= Some(Role::Admin),
        },
        // A partner system acts for its own organisation only: it reads the members, and
        // manages the webhooks with their scope; nothing else.
        Caller::ApiKey(key) => {
            let own = key.organization_id == organization_id;
            match action {
                OrgAction::ManageWebhooks
                    if own && !key.scopes.contains(&Scope::WebhooksManage) =>
                {
                    return Err(Denied::MissingScope(Scope::WebhooksManage));
                }
                OrgAction::ManageWebhooks => own,
                _ => action == OrgAction::ViewMembers && own && key.scopes.contains(&Scope::Read),
            }
        }
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

/// Whether the caller sees an organisation hidden by moderation: its members, its own API
/// keys and the platform admins do; to everyone else it is not there.
pub fn sees_hidden(caller: &Caller, organization_id: Uuid, role: Option<Role>) -> bool {
    match caller {
        Caller::Anonymous => false,
        Caller::Person(person) => role.is_some() || person.is_platform_admin,
        Caller::ApiKey(key) => key.organization_id == organization_id,
    }
}

/// Whether a member with role `actor` (`None`: not a member) may give someone role
/// `granted`, or change or remove someone who has role `target`: owners may do anything;
/// admins manage members and admins but never touch owners.
pub fn decide_membership(
    actor: Option<Role>,
    target: Option<Role>,
    granted: Option<Role>,
) -> Result<(), Denied> {
    let allowed = match actor {
        Some(Role::Owner) => true,
        Some(Role::Admin) => target != Some(Role::Owner) && granted != Some(Role::Owner),
        Some(Role::Member) | None => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

/// [`decide_membership`] as the API answers it.
pub fn manage_member(
    actor: Option<Role>,
    target: Option<Role>,
    granted: Option<Role>,
) -> Result<(), ApiError> {
    decide_membership(actor, target, granted)
        .map_err(|_| ApiError::Forbidden(crate::t!("problem-owners-make-owners")))
}

/// An organisation the caller may act on, and the caller's role in it.
pub struct OrgAccess {
    pub organization: Organization,
    pub role: Option<Role>,
}

/// Loads an organisation and checks that the caller may do `action` to it.
pub async fn organization(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    organization_id: Uuid,
    action: OrgAction,
) -> Result<OrgAccess, ApiError> {
    let organization = db::organizations::find(conn, organization_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let role = match caller {
        Caller::Person(person) => {
            db::organizations::role_of(conn, organization_id, person.user_id).await?
        }
        _ => None,
    };
    if organization.hidden && !sees_hidden(caller, organization_id, role) {
        return Err(ApiError::NotFound);
    }
    decide(caller, organization_id, role, action)
        .map_err(|denied| denied.into_error("organisation"))?;
    Ok(OrgAccess { organization, role })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::testing::{key, person};

    const ORG: Uuid = Uuid::from_u128(1);
    const OTHER: Uuid = Uuid::from_u128(2);

    #[test]
    fn anyone_may_view_an_organisation() {
        for caller in [Caller::Anonymous, person(false), key(OTHER, &[])] {
            assert_eq!(decide(&caller, ORG, None, OrgAction::View), Ok(()));
        }
    }

    #[test]
    fn a_hidden_organisation_is_its_members_its_keys_and_the_platform_admins_only() {
        assert!(sees_hidden(&person(false), ORG, Some(Role::Member)));
        assert!(sees_hidden(&person(true), ORG, None));
        assert!(sees_hidden(&key(ORG, &[]), ORG, None));
        assert!(!sees_hidden(&person(false), ORG, None));
        assert!(!sees_hidden(&key(OTHER, &[Scope::Read]), ORG, None));
        assert!(!sees_hidden(&Caller::Anonymous, ORG, None));
    }

    #[test]
    fn anonymous_callers_must_sign_in_for_anything_else() {
        for action in [
            OrgAction::Edit,
            OrgAction::ViewMembers,
            OrgAction::ManageMembers,
            OrgAction::ManageApiKeys,
            OrgAction::ManageWebhooks,
            OrgAction::Verify,
            OrgAction::ReadAuditLog,
        ] {
            assert_eq!(
                decide(&Caller::Anonymous, ORG, None, action),
                Err(Denied::Unauthenticated)
            );
        }
    }

    #[test]
    fn owners_and_admins_manage_members_see_them() {
        for action in [
            OrgAction::Edit,
            OrgAction::ManageMembers,
            OrgAction::ManageApiKeys,
            OrgAction::ManageWebhooks,
        ] {
            assert_eq!(
                decide(&person(false), ORG, Some(Role::Owner), action),
                Ok(())
            );
            assert_eq!(
                decide(&person(false), ORG, Some(Role::Admin), action),
                Ok(())
            );
            assert_eq!(
                decide(&person(false), ORG, Some(Role::Member), action),
                Err(Denied::Forbidden)
            );
            assert_eq!(
                decide(&person(false), ORG, None, action),
                Err(Denied::Forbidden)
            );
        }
        assert_eq!(
            decide(
                &person(false),
                ORG,
                Some(Role::Member),
                OrgAction::ViewMembers
            ),
            Ok(())
        );
        assert_eq!(
            decide(&person(false), ORG, None, OrgAction::ViewMembers),
            Err(Denied::Forbidden)
        );
    }

    #[test]
    fn only_owners_and_platform_admins_read_the_audit_log() {
        let read = OrgAction::ReadAuditLog;
        assert_eq!(decide(&person(false), ORG, Some(Role::Owner), read), Ok(()));
        assert_eq!(decide(&person(true), ORG, None, read), Ok(()));
        for role in [Some(Role::Admin), Some(Role::Member), None] {
            assert_eq!(
                decide(&person(false), ORG, role, read),
                Err(Denied::Forbidden)
            );
        }
        let own_key = key(ORG, &Scope::ALL);
        assert_eq!(decide(&own_key, ORG, None, read), Err(Denied::Forbidden));
    }

    #[test]
    fn a_key_manages_its_own_organisations_webhooks_with_their_scope_only() {
        let manager = key(ORG, &[Scope::WebhooksManage]);
        assert_eq!(
            decide(&manager, ORG, None, OrgAction::ManageWebhooks),
            Ok(())
        );
        assert_eq!(
            decide(&manager, OTHER, None, OrgAction::ManageWebhooks),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            decide(
                &key(ORG, &[Scope::Read]),
                ORG,
                None,
                OrgAction::ManageWebhooks
            ),
            Err(Denied::MissingScope(Scope::WebhooksManage))
        );
        assert_eq!(
            decide(&manager, ORG, None, OrgAction::ManageApiKeys),
            Err(Denied::Forbidden),
            "the webhooks' scope manages nothing else"
        );
    }

    #[test]
    fn only_platform_admins_verify() {
        assert_eq!(decide(&person(true), ORG, None, OrgAction::Verify), Ok(()));
        assert_eq!(
            decide(&person(false), ORG, Some(Role::Owner), OrgAction::Verify),
            Err(Denied::Forbidden)
        );
    }

    #[test]
    fn api_keys_read_their_own_members_with_the_read_scope_and_manage_nothing() {
        assert_eq!(
            decide(&key(ORG, &[Scope::Read]), ORG, None, OrgAction::ViewMembers),
            Ok(())
        );
        assert_eq!(
            decide(
                &key(ORG, &[Scope::LabsWrite]),
                ORG,
                None,
                OrgAction::ViewMembers
            ),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            decide(
                &key(OTHER, &[Scope::Read]),
                ORG,
                None,
                OrgAction::ViewMembers
            ),
            Err(Denied::Forbidden)
        );
        for action in [
            OrgAction::Edit,
            OrgAction::ManageMembers,
            OrgAction::ManageApiKeys,
            OrgAction::Verify,
        ] {
            assert_eq!(
                decide(&key(ORG, &Scope::ALL), ORG, None, action),
                Err(Denied::Forbidden)
            );
        }
    }

    #[test]
    fn owners_manage_everyone_admins_all_but_owners_members_no_one() {
        let may = |actor, target, granted| decide_membership(actor, target, granted).is_ok();
        assert!(may(
            Some(Role::Owner),
            Some(Role::Owner),
            Some(Role::Member)
        ));
        assert!(may(
            Some(Role::Admin),
            Some(Role::Member),
            Some(Role::Admin)
        ));
        assert!(may(Some(Role::Admin), None, Some(Role::Member)));
        assert!(!may(Some(Role::Admin), None, Some(Role::Owner)));
        assert!(!may(Some(Role::Admin), Some(Role::Owner), None));
        assert!(!may(Some(Role::Member), None, Some(Role::Member)));
        assert!(!may(None, Some(Role::Member), None));
    }
}
