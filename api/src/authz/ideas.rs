//! Ideas and their comments, through their lab (see `labs`): who edits an idea, and who
//! removes a comment.

use diesel_async::AsyncPgConnection;
use shared::{Idea, Need};
use uuid::Uuid;

use super::labs::{LabAction, lab, may_edit_idea, permits};
use super::{Denied, Viewer};
use crate::auth::Caller;
use crate::db;
use crate::db::ideas::CommentRow;
use crate::error::ApiError;

/// What a caller wants to do with an idea.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdeaAction {
    /// What the caller may do to the idea's lab: see it, move its status (`Edit`), vote
    /// (`Participate`).
    Lab(LabAction),
    /// Change its text: its author (or its organisation's key with `ideas:write`).
    EditText,
}

/// Whether the caller may change an idea's text, given who wrote it.
pub fn decide_text_edit(
    caller: &Caller,
    author_id: Option<Uuid>,
    organization_id: Option<Uuid>,
) -> Result<(), Denied> {
    match caller {
        Caller::Anonymous => Err(Denied::Unauthenticated),
        _ if may_edit_idea(caller, author_id, organization_id) => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

/// Loads an idea as `viewer` sees it and checks that `viewer` may do `action` to it.
pub async fn idea(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
    action: IdeaAction,
) -> Result<Idea, ApiError> {
    if action != IdeaAction::Lab(LabAction::View) {
        viewer.caller.signed_in()?;
    }
    let idea = db::ideas::find(conn, viewer, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if idea.hidden {
        let own = idea
            .author
            .as_ref()
            .is_some_and(|author| Some(author.id) == viewer.user_id());
        if !decide_hidden_visible(own, moderates(conn, viewer, idea.lab.id).await?) {
            return Err(ApiError::NotFound);
        }
    }
    match action {
        IdeaAction::Lab(action) => {
            lab(conn, viewer, idea.lab.id, action).await?;
        }
        IdeaAction::EditText => {
            lab(conn, viewer, idea.lab.id, LabAction::View).await?;
            decide_text_edit(
                &viewer.caller,
                idea.author.as_ref().map(|author| author.id),
                idea.organization
                    .as_ref()
                    .map(|organization| organization.id),
            )
            .map_err(|denied| denied.into_error("idea"))?;
        }
    }
    Ok(idea)
}

/// Loads a need as `viewer` sees it and checks that `viewer` may do `action` to its lab.
pub async fn need(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
    action: LabAction,
) -> Result<Need, ApiError> {
    if action != LabAction::View {
        viewer.caller.signed_in()?;
    }
    let need = db::needs::find(conn, viewer, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    lab(conn, viewer, need.lab.id, action).await?;
    Ok(need)
}

/// What the rules need to know about a comment and the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommentFacts {
    /// The caller wrote it.
    pub own: bool,
    /// The caller moderates its lab (a host, or a platform admin).
    pub moderates: bool,
}

impl CommentFacts {
    /// What `viewer` is to `row`, a comment in a lab that `viewer` moderates or not.
    pub fn of(row: &CommentRow, viewer: &Viewer, moderates: bool) -> Self {
        Self {
            own: row
                .author
                .as_ref()
                .is_some_and(|author| Some(author.id) == viewer.user_id()),
            moderates,
        }
    }

    /// Whether the caller may remove the comment.
    pub fn may_remove(self) -> bool {
        self.own || self.moderates
    }
}

/// What a caller wants to do with a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentAction {
    View,
    /// Its author, the lab's hosts and platform admins remove it.
    Remove,
}

/// The rules of comments.
pub fn decide_comment(
    caller: &Caller,
    facts: CommentFacts,
    action: CommentAction,
) -> Result<(), Denied> {
    match action {
        CommentAction::View => Ok(()),
        CommentAction::Remove if *caller == Caller::Anonymous => Err(Denied::Unauthenticated),
        CommentAction::Remove if facts.may_remove() => Ok(()),
        CommentAction::Remove => Err(Denied::Forbidden),
    }
}

/// A comment the caller may see, and what the caller is to it.
pub struct CommentAccess {
    pub row: CommentRow,
    pub facts: CommentFacts,
}

/// Loads a comment the viewer may see (through its idea's lab) and checks `action`. A
/// removed comment is gone as a resource; only its placeholder stays in the thread.
pub async fn comment(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
    action: CommentAction,
) -> Result<CommentAccess, ApiError> {
    if action != CommentAction::View {
        viewer.caller.signed_in()?;
    }
    let row = db::ideas::find_comment(conn, id)
        .await?
        .filter(|row| !row.removed)
        .ok_or(ApiError::NotFound)?;
    let idea = idea(conn, viewer, row.idea_id, IdeaAction::Lab(LabAction::View)).await?;
    let facts = CommentFacts::of(&row, viewer, moderates(conn, viewer, idea.lab.id).await?);
    if row.hidden && !decide_hidden_visible(facts.own, facts.moderates) {
        return Err(ApiError::NotFound);
    }
    decide_comment(&viewer.caller, facts, action).map_err(|denied| denied.into_error("comment"))?;
    Ok(CommentAccess { row, facts })
}

/// Whether content hidden by moderation is shown to a viewer: to its author and to the
/// moderators (the lab's hosts, platform admins); to everyone else it is not there.
pub fn decide_hidden_visible(own: bool, moderates: bool) -> bool {
    own || moderates
}

/// Whether the viewer moderates the comments of a lab it sees.
pub async fn moderates(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    lab_id: Uuid,
) -> Result<bool, ApiError> {
    permits(conn, viewer, lab_id, LabAction::Moderate).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::testing::{key, person};
    use shared::Scope;

    #[test]
    fn hidden_content_is_its_authors_and_the_moderators_only() {
        assert!(decide_hidden_visible(true, false));
        assert!(decide_hidden_visible(false, true));
        assert!(!decide_hidden_visible(false, false));
    }

    #[test]
    fn only_the_author_edits_an_idea_s_text() {
        let me = Uuid::nil();
        assert_eq!(decide_text_edit(&person(false), Some(me), None), Ok(()));
        assert_eq!(
            decide_text_edit(&person(true), Some(Uuid::max()), None),
            Err(Denied::Forbidden),
            "not even a platform admin"
        );
        assert_eq!(
            decide_text_edit(&Caller::Anonymous, Some(me), None),
            Err(Denied::Unauthenticated)
        );
        assert_eq!(
            decide_text_edit(&key(me, &[Scope::IdeasWrite]), None, Some(me)),
            Ok(())
        );
    }

    #[test]
    fn authors_and_moderators_remove_comments_and_everyone_who_sees_them_reads_them() {
        let facts = |own, moderates| CommentFacts { own, moderates };
        for caller in [Caller::Anonymous, person(false)] {
            assert_eq!(
                decide_comment(&caller, facts(false, false), CommentAction::View),
                Ok(())
            );
        }
        assert_eq!(
            decide_comment(&person(false), facts(true, false), CommentAction::Remove),
            Ok(())
        );
        assert_eq!(
            decide_comment(&person(false), facts(false, true), CommentAction::Remove),
            Ok(())
        );
        assert_eq!(
            decide_comment(&person(false), facts(false, false), CommentAction::Remove),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            decide_comment(
                &Caller::Anonymous,
                facts(false, false),
                CommentAction::Remove
            ),
            Err(Denied::Unauthenticated)
        );
    }
}
