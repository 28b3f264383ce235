//! Reference data: challenge areas, counties, municipalities.

use shared::{ChallengeArea, County, Municipality, Page};

use super::Read;

/// `list_challenge_areas`
pub fn challenge_areas() -> Read<Page<ChallengeArea>> {
    Read::new("/challenge-areas")
}

/// `list_counties`
pub fn counties() -> Read<Page<County>> {
    Read::new("/counties")
}

/// `list_municipalities`
pub fn municipalities() -> Read<Page<Municipality>> {
    Read::new("/municipalities")
}
