//! Ideas and their comments.

use std::fmt::Display;

use shared::{ChangeIdeaStatus, Comment, CreateComment, Idea, Page, UpdateIdea};

use super::{Read, Write, segment};

/// `get_idea`
pub fn get(id: impl Display) -> Read<Idea> {
    Read::new(format!("/ideas/{}", segment(id)))
}

/// An idea's comments, up to 100 threads (`list_idea_comments`).
pub fn comments(id: impl Display) -> Read<Page<Comment>> {
    Read::new(format!("/ideas/{}/comments?limit=100", segment(id)))
}

/// `update_idea`
pub fn update(id: impl Display, body: &UpdateIdea) -> Write<Idea> {
    Write::patch(format!("/ideas/{}", segment(id)), body)
}

/// `change_idea_status`
pub fn change_status(id: impl Display, body: &ChangeIdeaStatus) -> Write<Idea> {
    Write::post(format!("/ideas/{}/status", segment(id)), body)
}

/// `add_idea_vote` or `remove_idea_vote`
pub fn vote(id: impl Display, voted: bool) -> Write<Idea> {
    let path = format!("/ideas/{}/vote", segment(id));
    if voted {
        Write::put(path)
    } else {
        Write::delete(path)
    }
}

/// `create_idea_comment`
pub fn comment(id: impl Display, body: &CreateComment) -> Write<Comment> {
    Write::post(format!("/ideas/{}/comments", segment(id)), body)
}

/// `remove_comment`
pub fn remove_comment(id: impl Display) -> Write<()> {
    Write::delete(format!("/comments/{}", segment(id)))
}
