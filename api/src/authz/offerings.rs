//! Who may do what to an offering: everyone sees the marketplace; the members of the
//! offering's organisation (and its keys with `offerings:write`) change it.

use diesel_async::AsyncPgConnection;
use shared::{Offering, Scope};
use uuid::Uuid;

use super::{Denied, Viewer};
use crate::auth::Caller;
use crate::db;
use crate::error::ApiError;

/// What a caller wants to do with an offering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferingAction {
    /// See it and the needs it fits.
    View,
    /// Change it, pause it.
    Edit,
}

/// The rules. `offers` says whether the caller may act for the offering's organisation.
pub fn decide(caller: &Caller, offers: bool, action: OfferingAction) -> Result<(), Denied> {
    match (action, caller) {
        (OfferingAction::View, _) => Ok(()),
        (OfferingAction::Edit, Caller::Anonymous) => Err(Denied::Unauthenticated),
        (OfferingAction::Edit, _) if offers => Ok(()),
        (OfferingAction::Edit, Caller::ApiKey(key))
            if !key.scopes.contains(&Scope::OfferingsWrite) =>
        {
            Err(Denied::MissingScope(Scope::OfferingsWrite))
        }
        (OfferingAction::Edit, _) => Err(Denied::Forbidden),
    }
}

/// Loads an offering as `viewer` sees it and checks that `viewer` may do `action`.
pub async fn offering(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
    action: OfferingAction,
) -> Result<Offering, ApiError> {
    // A change by an anonymous caller is refused before anything is looked up.
    if action != OfferingAction::View {
        viewer.caller.signed_in()?;
    }
    let offering = db::offerings::find(conn, viewer, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    decide(&viewer.caller, offering.can_edit, action)
        .map_err(|denied| denied.into_error("offering"))?;
    Ok(offering)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::testing::{key, person};

    const ORG: Uuid = Uuid::from_u128(1);

    #[test]
    fn everyone_sees_an_offering() {
        for caller in [Caller::Anonymous, person(false), key(ORG, &[])] {
            assert_eq!(decide(&caller, false, OfferingAction::View), Ok(()));
        }
    }

    #[test]
    fn only_its_organisation_changes_an_offering() {
        assert_eq!(
            decide(&Caller::Anonymous, false, OfferingAction::Edit),
            Err(Denied::Unauthenticated)
        );
        assert_eq!(decide(&person(false), true, OfferingAction::Edit), Ok(()));
        assert_eq!(
            decide(&person(false), false, OfferingAction::Edit),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            decide(&person(true), false, OfferingAction::Edit),
            Err(Denied::Forbidden),
            "platform admins moderate, they do not write others' offerings"
        );
        let writer = key(ORG, &[Scope::OfferingsWrite]);
        assert_eq!(decide(&writer, true, OfferingAction::Edit), Ok(()));
        assert_eq!(
            decide(&writer, false, OfferingAction::Edit),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            decide(&key(ORG, &[Scope::Read]), false, OfferingAction::Edit),
            Err(Denied::MissingScope(Scope::OfferingsWrite))
        );
    }
}
