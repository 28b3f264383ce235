//! For whom a caller creates something (a lab, an offering): an organisation the caller
//! acts for, never free input.

use diesel_async::AsyncPgConnection;
use shared::Scope;
use uuid::Uuid;

use super::Denied;
use crate::auth::Caller;
use crate::db;
use crate::error::ApiError;

/// The rule: `asked` if the caller acts for it; a person's only organisation when not
/// asked; a partner system's own organisation, if its key has `scope`. `mine` are the
/// person's organisations. Problems name `field`.
pub fn choose(
    caller: &Caller,
    asked: Option<Uuid>,
    mine: &[Uuid],
    scope: Scope,
    field: &str,
) -> Result<Uuid, ApiError> {
    let not_yours = || {
        ApiError::invalid_field(
            field,
            "not_member",
            crate::t!("field-not-your-organization"),
        )
    };
    match caller {
        Caller::Anonymous => Err(ApiError::unauthorized()),
        Caller::ApiKey(key) => {
            if !key.scopes.contains(&scope) {
                return Err(Denied::MissingScope(scope).into_error("organisation"));
            }
            match asked {
                Some(asked) if asked != key.organization_id => Err(not_yours()),
                _ => Ok(key.organization_id),
            }
        }
        Caller::Person(_) => match (asked, mine) {
            (Some(asked), _) if mine.contains(&asked) => Ok(asked),
            (Some(_), _) => Err(not_yours()),
            (None, [only]) => Ok(*only),
            (None, []) => Err(ApiError::invalid_field(
                field,
                "required",
                crate::t!("field-no-organization-yet"),
            )),
            (None, _) => Err(ApiError::invalid_field(
                field,
                "required",
                crate::t!("field-which-organization"),
            )),
        },
    }
}

/// The organisation a new lab or offering belongs to (see [`choose`]).
pub async fn acting_organization(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    asked: Option<Uuid>,
    scope: Scope,
    field: &str,
) -> Result<Uuid, ApiError> {
    let mine = match caller {
        Caller::Person(person) => db::organizations::ids_of_user(conn, person.user_id).await?,
        _ => Vec::new(),
    };
    choose(caller, asked, &mine, scope, field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::testing::{key, person};

    const A: Uuid = Uuid::from_u128(1);
    const B: Uuid = Uuid::from_u128(2);

    fn field_code(result: Result<Uuid, ApiError>) -> Option<String> {
        match result {
            Err(ApiError::Validation(errors)) => errors.first().map(|e| e.code.clone()),
            _ => None,
        }
    }

    #[test]
    fn a_person_acts_for_an_organisation_of_theirs() {
        let caller = person(false);
        assert_eq!(
            choose(&caller, Some(B), &[A, B], Scope::LabsWrite, "f").ok(),
            Some(B)
        );
        assert_eq!(
            choose(&caller, None, &[A], Scope::LabsWrite, "f").ok(),
            Some(A)
        );
        assert_eq!(
            field_code(choose(&caller, Some(B), &[A], Scope::LabsWrite, "f")).as_deref(),
            Some("not_member")
        );
        assert_eq!(
            field_code(choose(&caller, None, &[A, B], Scope::LabsWrite, "f")).as_deref(),
            Some("required"),
            "with several, the person says which"
        );
        assert_eq!(
            field_code(choose(&caller, None, &[], Scope::LabsWrite, "f")).as_deref(),
            Some("required")
        );
    }

    #[test]
    fn a_partner_system_acts_for_its_own_organisation_within_its_scope() {
        let writer = key(A, &[Scope::OfferingsWrite]);
        assert_eq!(
            choose(&writer, None, &[], Scope::OfferingsWrite, "f").ok(),
            Some(A)
        );
        assert_eq!(
            choose(&writer, Some(A), &[], Scope::OfferingsWrite, "f").ok(),
            Some(A)
        );
        assert_eq!(
            field_code(choose(&writer, Some(B), &[], Scope::OfferingsWrite, "f")).as_deref(),
            Some("not_member")
        );
        assert!(matches!(
            choose(&writer, None, &[], Scope::LabsWrite, "f"),
            Err(ApiError::Forbidden(_))
        ));
        assert!(matches!(
            choose(&Caller::Anonymous, None, &[], Scope::LabsWrite, "f"),
            Err(ApiError::Unauthorized(_))
        ));
    }
}
