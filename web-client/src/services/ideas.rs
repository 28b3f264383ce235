//! Ideas and their comments.

use std::fmt::Display;

use shared::{Comment, Idea, Page};

use super::{Read, segment};

/// `get_idea`
pub fn get(id: impl Display) -> Read<Idea> {
    Read::new(format!("/ideas/{}", segment(id)))
}

/// An idea's comments, up to 100 threads (`list_idea_comments`).
pub fn comments(id: impl Display) -> Read<Page<Comment>> {
    Read::new(format!("/ideas/{}/comments?limit=100", segment(id)))
}
