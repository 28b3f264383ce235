//! What waits for a verified e-mail address: creating organisations and API keys, and
//! being an owner or admin. Everything a resident does at a workshop (ideas, votes,
//! comments) does not wait for mail.

use diesel_async::AsyncPgConnection;
use shared::Role;
use uuid::Uuid;

use crate::auth::Caller;
use crate::db;
use crate::error::ApiError;

/// The signed-in person, if their address is verified; 403 if not.
pub async fn verified_person(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
) -> Result<Uuid, ApiError> {
    let user_id = caller.person()?.user_id;
    let user = db::users::find(conn, user_id)
        .await?
        .ok_or_else(ApiError::unauthorized)?;
    if user.email_verified_at.is_none() {
        return Err(ApiError::Forbidden(crate::t!("problem-email-unverified")));
    }
    Ok(user_id)
}

/// Whether a person may be given `role`: owners and admins need a verified address.
pub fn may_hold_role(email_verified: bool, role: Role) -> Result<(), ApiError> {
    if email_verified || role == Role::Member {
        return Ok(());
    }
    Err(ApiError::invalid_field(
        "role",
        "unverified",
        crate::t!("field-role-needs-verified-email"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_members_may_be_unverified() {
        assert!(may_hold_role(false, Role::Member).is_ok());
        assert!(may_hold_role(false, Role::Admin).is_err());
        assert!(may_hold_role(false, Role::Owner).is_err());
        assert!(may_hold_role(true, Role::Owner).is_ok());
    }
}
