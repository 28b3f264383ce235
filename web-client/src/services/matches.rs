//! Matches and their threads.

use std::fmt::Display;

use shared::{
    CreateMatch, CreateMatchMessage, Lab, Match, MatchAction, MatchDecision, MatchMessage, Page,
};

use super::{Read, Write, segment};

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

/// `create_match`
pub fn create(body: &CreateMatch) -> Write<Match> {
    Write::post("/matches", body)
}

/// `accept_match`, `decline_match`, `withdraw_match`, `start_match`, `complete_match`
pub fn act(id: impl Display, action: MatchAction, body: &MatchDecision) -> Write<Match> {
    Write::post(
        format!("/matches/{}/{}", segment(id), action.as_str()),
        body,
    )
}

/// `create_match_lab`
pub fn create_lab(id: impl Display) -> Write<Lab> {
    Write::post_empty(format!("/matches/{}/lab", segment(id)))
}

/// `post_match_message`
pub fn post_message(id: impl Display, body: &CreateMatchMessage) -> Write<MatchMessage> {
    Write::post(format!("/matches/{}/messages", segment(id)), body)
}
