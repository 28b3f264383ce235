//! Callers for the rules' unit tests.

use shared::Scope;
use uuid::Uuid;

use crate::auth::{Caller, KeyCaller, Person};

/// A signed-in person (user id nil), a platform admin or not.
pub fn person(admin: bool) -> Caller {
    Caller::Person(Person {
        user_id: Uuid::nil(),
        session_id: Uuid::nil(),
        is_platform_admin: admin,
    })
}

/// A partner system of `organization_id` with `scopes`.
pub fn key(organization_id: Uuid, scopes: &[Scope]) -> Caller {
    Caller::ApiKey(KeyCaller {
        key_id: Uuid::nil(),
        organization_id,
        scopes: scopes.to_vec(),
        rate_limit: None,
    })
}
