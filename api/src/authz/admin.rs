//! What only platform admins do, on no one object: the verification queue and the whole
//! audit log.

use super::Denied;
use crate::auth::Caller;
use crate::error::ApiError;

/// The rule: a signed-in platform admin; partner systems never are one.
pub fn decide_platform_admin(caller: &Caller) -> Result<(), Denied> {
    match caller {
        Caller::Anonymous => Err(Denied::Unauthenticated),
        Caller::Person(person) if person.is_platform_admin => Ok(()),
        Caller::Person(_) | Caller::ApiKey(_) => Err(Denied::Forbidden),
    }
}

/// [`decide_platform_admin`] as the API answers it.
pub fn platform_admin(caller: &Caller) -> Result<(), ApiError> {
    decide_platform_admin(caller).map_err(|denied| match denied {
        Denied::Forbidden => ApiError::Forbidden(crate::t!("problem-platform-admins-only")),
        other => other.into_error("platform"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::testing::{key, person};
    use shared::Scope;
    use uuid::Uuid;

    #[test]
    fn only_a_signed_in_platform_admin_passes() {
        assert_eq!(decide_platform_admin(&person(true)), Ok(()));
        assert_eq!(
            decide_platform_admin(&person(false)),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            decide_platform_admin(&key(Uuid::from_u128(1), &Scope::ALL)),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            decide_platform_admin(&Caller::Anonymous),
            Err(Denied::Unauthenticated)
        );
    }
}
