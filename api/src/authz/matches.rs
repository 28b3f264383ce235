//! Who may see a match and act on it: only its two organisations (their people, and their
//! keys — `read` to see, `matches:write` to act) and platform admins see it; everyone else
//! gets 404. Acting (answering, writing in the thread, making a lab of it) is for the two
//! sides only.

use diesel_async::AsyncPgConnection;
use shared::{MatchSide, Scope};
use uuid::Uuid;

use super::{Denied, Viewer};
use crate::auth::Caller;
use crate::db;
use crate::db::matches::MatchRecord;
use crate::error::ApiError;

/// What a caller wants to do with a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchRight {
    /// See it and its thread.
    See,
    /// Take a step of its state machine, write in its thread, make a lab of it; or, for a
    /// new match, ask for it.
    Act,
}

/// What the rules need to know about a match and the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchFacts {
    /// The caller may act for one of the two sides.
    pub acts_for_a_side: bool,
    /// The caller may read for one of the two sides.
    pub reads_for_a_side: bool,
}

/// The rules.
pub fn decide(caller: &Caller, facts: MatchFacts, right: MatchRight) -> Result<(), Denied> {
    if *caller == Caller::Anonymous {
        return Err(Denied::Unauthenticated);
    }
    let is_admin = matches!(caller, Caller::Person(person) if person.is_platform_admin);
    if !(facts.acts_for_a_side || facts.reads_for_a_side || is_admin) {
        return Err(Denied::Invisible);
    }
    match right {
        MatchRight::See => Ok(()),
        MatchRight::Act if facts.acts_for_a_side => Ok(()),
        MatchRight::Act => Err(match caller {
            Caller::ApiKey(_) => Denied::MissingScope(Scope::MatchesWrite),
            _ => Denied::Forbidden,
        }),
    }
}

/// The side that asks for a new match of `need_organization`'s need and
/// `offering_organization`'s offering, both visible to the caller: the need's side if the
/// caller acts for both.
pub fn requesting_side(
    caller: &Caller,
    acting: &[Uuid],
    need_organization: Uuid,
    offering_organization: Uuid,
) -> Result<MatchSide, Denied> {
    if acting.contains(&need_organization) {
        Ok(MatchSide::Need)
    } else if acting.contains(&offering_organization) {
        Ok(MatchSide::Offering)
    } else {
        Err(match caller {
            Caller::Anonymous => Denied::Unauthenticated,
            Caller::ApiKey(key) if !key.scopes.contains(&Scope::MatchesWrite) => {
                Denied::MissingScope(Scope::MatchesWrite)
            }
            _ => Denied::Forbidden,
        })
    }
}

/// A match the caller may see, with the sides the caller acts for.
pub struct MatchAccess {
    pub record: MatchRecord,
    pub sides: Vec<MatchSide>,
}

/// Loads a match and checks that `viewer` may do `right` to it.
pub async fn a_match(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
    right: MatchRight,
) -> Result<MatchAccess, ApiError> {
    if viewer.caller == Caller::Anonymous {
        return Err(ApiError::unauthorized());
    }
    let record = db::matches::find(conn, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let sides = record.sides_of(&viewer.match_organizations);
    let facts = MatchFacts {
        acts_for_a_side: !sides.is_empty(),
        reads_for_a_side: !record.sides_of(&viewer.view_organizations).is_empty(),
    };
    decide(&viewer.caller, facts, right).map_err(|denied| denied.into_error("match"))?;
    Ok(MatchAccess { record, sides })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::testing::{key, person};

    const NEED_ORG: Uuid = Uuid::from_u128(1);
    const OFFER_ORG: Uuid = Uuid::from_u128(2);

    fn facts(acts: bool, reads: bool) -> MatchFacts {
        MatchFacts {
            acts_for_a_side: acts,
            reads_for_a_side: reads,
        }
    }

    #[test]
    fn anonymous_callers_must_sign_in_even_to_learn_whether_a_match_exists() {
        for right in [MatchRight::See, MatchRight::Act] {
            assert_eq!(
                decide(&Caller::Anonymous, facts(false, false), right),
                Err(Denied::Unauthenticated)
            );
        }
    }

    #[test]
    fn outsiders_do_not_see_a_match_but_platform_admins_do() {
        for caller in [person(false), key(OFFER_ORG, &[Scope::Read])] {
            assert_eq!(
                decide(&caller, facts(false, false), MatchRight::See),
                Err(Denied::Invisible)
            );
        }
        assert_eq!(
            decide(&person(true), facts(false, false), MatchRight::See),
            Ok(())
        );
        assert_eq!(
            decide(&person(true), facts(false, false), MatchRight::Act),
            Err(Denied::Forbidden),
            "admins see, but only the sides act"
        );
    }

    #[test]
    fn the_sides_act_and_a_read_key_only_sees() {
        assert_eq!(
            decide(&person(false), facts(true, true), MatchRight::Act),
            Ok(())
        );
        let reader = key(NEED_ORG, &[Scope::Read]);
        assert_eq!(decide(&reader, facts(false, true), MatchRight::See), Ok(()));
        assert_eq!(
            decide(&reader, facts(false, true), MatchRight::Act),
            Err(Denied::MissingScope(Scope::MatchesWrite))
        );
    }

    #[test]
    fn the_need_side_asks_when_the_caller_acts_for_both() {
        let caller = person(false);
        assert_eq!(
            requesting_side(&caller, &[NEED_ORG, OFFER_ORG], NEED_ORG, OFFER_ORG),
            Ok(MatchSide::Need)
        );
        assert_eq!(
            requesting_side(&caller, &[OFFER_ORG], NEED_ORG, OFFER_ORG),
            Ok(MatchSide::Offering)
        );
        assert_eq!(
            requesting_side(&caller, &[], NEED_ORG, OFFER_ORG),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            requesting_side(&key(NEED_ORG, &[Scope::Read]), &[], NEED_ORG, OFFER_ORG),
            Err(Denied::MissingScope(Scope::MatchesWrite))
        );
    }
}
