//! Matches and their threads.

use std::fmt::Display;

use shared::{Match, MatchMessage, Page};

use super::{Read, segment};

/// `GET /matches` with the inbox's filters (`list_matches`).
pub fn list(filters: &[(&str, Option<String>)]) -> Read<Page<Match>> {
    Read::with_query("/matches", filters)
}

/// `get_match`
pub fn get(id: impl Display) -> Read<Match> {
    Read::new(format!("/matches/{}", segment(id)))
}

/// A match's thread, up to 100 messages (`list_match_messages`).
pub fn messages(id: impl Display) -> Read<Page<MatchMessage>> {
    Read::new(format!("/matches/{}/messages?limit=100", segment(id)))
}
