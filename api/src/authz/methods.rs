//! Who may do what to a method and its adoptions. A draft is its organisation's own: a 404
//! to everyone else but platform admins. Published and retired methods, and their
//! adoptions, are public. The owning organisation's members (and its keys with
//! `methods:write`) write the method and its evidence; the adopting organisation writes
//! its adoption. An independent reviewer — a platform admin, or a member of a research
//! organisation that took no part in the method — sets the reviewed level.

use diesel_async::AsyncPgConnection;
use shared::{Adoption, Method, MethodStatus, Scope};
use uuid::Uuid;

use super::{Denied, Viewer};
use crate::auth::Caller;
use crate::db;
use crate::error::ApiError;

/// What a caller wants to do with a method (or an adoption).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodAction {
    /// Read it, its evidence, adoptions and spread.
    View,
    /// Change it, publish or retire it, add evidence; for an adoption, change it.
    Edit,
}

/// What the rules need to know about a method (or an adoption) and the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MethodFacts {
    pub draft: bool,
    /// The caller sees the owner's drafts: a member or `read` key of it, or a platform admin.
    pub sees_drafts: bool,
    /// The caller writes for the owner (of the method, or of the adoption).
    pub writes: bool,
}

/// The rules.
pub fn decide(caller: &Caller, facts: MethodFacts, action: MethodAction) -> Result<(), Denied> {
    if facts.draft && !facts.sees_drafts {
        return Err(Denied::Invisible);
    }
    match (action, caller) {
        (MethodAction::View, _) => Ok(()),
        (MethodAction::Edit, Caller::Anonymous) => Err(Denied::Unauthenticated),
        (MethodAction::Edit, _) if facts.writes => Ok(()),
        (MethodAction::Edit, Caller::ApiKey(key)) if !key.scopes.contains(&Scope::MethodsWrite) => {
            Err(Denied::MissingScope(Scope::MethodsWrite))
        }
        (MethodAction::Edit, _) => Err(Denied::Forbidden),
    }
}

fn facts_of(viewer: &Viewer, method: &Method) -> MethodFacts {
    MethodFacts {
        draft: method.status == MethodStatus::Draft,
        sees_drafts: viewer.sees_everything()
            || viewer.view_organizations.contains(&method.organization.id),
        writes: method.can_edit,
    }
}

/// Loads a method as `viewer` sees it (its levels' reasons in `language`) and checks that
/// `viewer` may do `action`.
pub async fn method(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
    action: MethodAction,
    language: &str,
) -> Result<Method, ApiError> {
    if action != MethodAction::View {
        viewer.caller.signed_in()?;
    }
    let method = db::methods::find(conn, viewer, id, language)
        .await?
        .ok_or(ApiError::NotFound)?;
    decide(&viewer.caller, facts_of(viewer, &method), action)
        .map_err(|denied| denied.into_error("method"))?;
    Ok(method)
}

/// Loads an adoption and checks that `viewer` may do `action` (its method is never a
/// draft: only published methods are adopted).
pub async fn adoption(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
    action: MethodAction,
) -> Result<Adoption, ApiError> {
    if action != MethodAction::View {
        viewer.caller.signed_in()?;
    }
    let adoption = db::adoptions::find(conn, viewer, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let facts = MethodFacts {
        draft: false,
        sees_drafts: false,
        writes: adoption.can_edit,
    };
    decide(&viewer.caller, facts, action).map_err(|denied| denied.into_error("adoption"))?;
    Ok(adoption)
}

/// The rule for reviews: platform admins review as the platform (`None`); a person
/// reviews for `outsider`, a research organisation of theirs that took no part.
pub fn decide_review(caller: &Caller, outsider: Option<Uuid>) -> Result<Option<Uuid>, Denied> {
    match caller {
        Caller::Anonymous => Err(Denied::Unauthenticated),
        Caller::Person(person) if person.is_platform_admin => Ok(None),
        Caller::Person(_) => outsider.map(Some).ok_or(Denied::Forbidden),
        Caller::ApiKey(_) => Err(Denied::Forbidden),
    }
}

/// Checks that `viewer` may review `method`; answers the reviewing organisation.
pub async fn reviewer(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    method: &Method,
) -> Result<Option<Uuid>, ApiError> {
    let outsider = match viewer.user_id() {
        Some(user_id) => {
            db::methods::outsider_research_organization(conn, user_id, method.id).await?
        }
        None => None,
    };
    decide_review(&viewer.caller, outsider).map_err(|denied| match denied {
        Denied::Forbidden => ApiError::Forbidden(crate::t!("problem-review-outsiders-only")),
        other => other.into_error("method"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::testing::{key, person};

    const ORG: Uuid = Uuid::from_u128(1);

    fn facts(draft: bool, sees_drafts: bool, writes: bool) -> MethodFacts {
        MethodFacts {
            draft,
            sees_drafts,
            writes,
        }
    }

    #[test]
    fn a_draft_is_invisible_but_to_its_organisation_and_admins() {
        for caller in [Caller::Anonymous, person(false), key(ORG, &Scope::ALL)] {
            assert_eq!(
                decide(&caller, facts(true, false, false), MethodAction::View),
                Err(Denied::Invisible)
            );
            assert_eq!(
                decide(&caller, facts(true, false, false), MethodAction::Edit),
                Err(Denied::Invisible),
                "no 403 that would tell a draft exists"
            );
        }
        assert_eq!(
            decide(&person(false), facts(true, true, true), MethodAction::View),
            Ok(())
        );
        assert_eq!(
            decide(&person(true), facts(true, true, false), MethodAction::View),
            Ok(())
        );
    }

    #[test]
    fn everyone_reads_a_published_method() {
        for caller in [Caller::Anonymous, person(false), key(ORG, &[])] {
            assert_eq!(
                decide(&caller, facts(false, false, false), MethodAction::View),
                Ok(())
            );
        }
    }

    #[test]
    fn only_its_organisation_writes_a_method() {
        let published = facts(false, false, false);
        assert_eq!(
            decide(&Caller::Anonymous, published, MethodAction::Edit),
            Err(Denied::Unauthenticated)
        );
        assert_eq!(
            decide(&person(false), published, MethodAction::Edit),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            decide(&person(true), facts(true, true, false), MethodAction::Edit),
            Err(Denied::Forbidden),
            "admins see drafts but do not write others' methods"
        );
        assert_eq!(
            decide(&person(false), facts(true, true, true), MethodAction::Edit),
            Ok(())
        );
        let writer = key(ORG, &[Scope::Read, Scope::MethodsWrite]);
        assert_eq!(
            decide(&writer, facts(false, true, true), MethodAction::Edit),
            Ok(())
        );
        assert_eq!(
            decide(
                &key(ORG, &[Scope::Read]),
                facts(false, true, false),
                MethodAction::Edit
            ),
            Err(Denied::MissingScope(Scope::MethodsWrite))
        );
    }

    #[test]
    fn reviewers_are_admins_or_outside_researchers() {
        assert_eq!(decide_review(&person(true), None), Ok(None));
        assert_eq!(decide_review(&person(false), Some(ORG)), Ok(Some(ORG)));
        assert_eq!(decide_review(&person(false), None), Err(Denied::Forbidden));
        assert_eq!(
            decide_review(&key(ORG, &Scope::ALL), Some(ORG)),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            decide_review(&Caller::Anonymous, None),
            Err(Denied::Unauthenticated)
        );
    }
}
