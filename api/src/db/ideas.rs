//! Ideas, their votes and comments. An idea is visible exactly when its lab is.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{Idea, IdeaStatus, LabRef, OrganizationRef, PersonRef};
use uuid::Uuid;

use super::labs::BoundViewer;
use super::schema::{idea_comments, idea_votes, ideas, users};
use super::search::{KeyFields, Listing, Searched, SortKey, Window, analyse};
use super::sql::Sql;
use crate::authz::{self, Viewer};

#[derive(QueryableByName)]
struct IdeaRow {
    #[diesel(sql_type = sql::Uuid)]
    id: Uuid,
    #[diesel(sql_type = sql::Uuid)]
    lab_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    lab_title: String,
    #[diesel(sql_type = sql::Text)]
    challenge_area: String,
    #[diesel(sql_type = sql::Text)]
    title: String,
    #[diesel(sql_type = sql::Text)]
    body: String,
    #[diesel(sql_type = sql::Text)]
    status: IdeaStatus,
    #[diesel(sql_type = sql::Nullable<sql::Text>)]
    status_reason: Option<String>,
    #[diesel(sql_type = sql::Nullable<sql::Uuid>)]
    author_id: Option<Uuid>,
    #[diesel(sql_type = sql::Nullable<sql::Text>)]
    author_name: Option<String>,
    #[diesel(sql_type = sql::Nullable<sql::Uuid>)]
    organization_id: Option<Uuid>,
    #[diesel(sql_type = sql::Nullable<sql::Text>)]
    organization_name: Option<String>,
    #[diesel(sql_type = sql::Integer)]
    vote_count: i32,
    #[diesel(sql_type = sql::Bool)]
    voted_by_me: bool,
    #[diesel(sql_type = sql::Integer)]
    comment_count: i32,
    #[diesel(sql_type = sql::Bool)]
    hosts: bool,
    #[diesel(sql_type = sql::Bool)]
    hidden: bool,
    #[diesel(sql_type = sql::Bool)]
    awaiting_review: bool,
    #[diesel(sql_type = sql::Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = sql::Timestamptz)]
    updated_at: DateTime<Utc>,
    #[diesel(sql_type = sql::Integer)]
    version: i32,
    #[diesel(sql_type = sql::Float4)]
    rank: f32,
}

impl IdeaRow {
    fn into_idea(self, viewer: &Viewer) -> Idea {
        let status = self.status;
        Idea {
            id: self.id,
            lab: LabRef {
                id: self.lab_id,
                title: self.lab_title,
            },
            challenge_area: self.challenge_area,
            title: self.title,
            body: self.body,
            status,
            status_reason: self.status_reason,
            author: self
                .author_id
                .zip(self.author_name)
                .map(|(id, display_name)| PersonRef { id, display_name }),
            organization: self
                .organization_id
                .zip(self.organization_name)
                .map(|(id, name)| OrganizationRef { id, name }),
            vote_count: self.vote_count,
            voted_by_me: self.voted_by_me,
            comment_count: self.comment_count,
            can_edit: status == IdeaStatus::Submitted
                && authz::may_edit_idea(&viewer.caller, self.author_id, self.organization_id),
            can_change_status: self.hosts,
            hidden: self.hidden,
            awaiting_review: self.awaiting_review,
            created_at: self.created_at,
            updated_at: self.updated_at,
            version: self.version,
        }
    }
}

/// The select list of an idea, for a viewer bound as `who` whose user id is `me` (for
/// `voted_by_me`); `rank` is the search rank.
fn select(who: &BoundViewer, me: &str, rank: &str) -> String {
    format!(
        "SELECT i.id, i.lab_id, l.title AS lab_title, l.challenge_area, i.title, i.body,
                i.status, i.status_reason, i.author_id, u.display_name AS author_name,
                i.organization_id, o.name AS organization_name, i.vote_count,
                EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = i.id
                        AND v.user_id = {me}) AS voted_by_me,
                i.comment_count, {runs} AS hosts, i.hidden_at IS NOT NULL AS hidden,
                EXISTS (SELECT 1 FROM reports r WHERE r.target_type = 'idea' AND r.target_id = i.id
                        AND r.held AND r.status = 'open') AS awaiting_review,
                i.created_at, i.updated_at, i.version, {rank} AS rank
           FROM ideas i
           JOIN labs l ON l.id = i.lab_id
           LEFT JOIN users u ON u.id = i.author_id
           LEFT JOIN organizations o ON o.id = i.organization_id",
        runs = who.runs(),
    )
}

/// One idea, whether or not the viewer may see it (the caller asks `authz::idea`).
pub async fn find(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
) -> QueryResult<Option<Idea>> {
    let mut sql = Sql::default();
    let who = BoundViewer::bind(&mut sql, viewer);
    let me = sql.bind::<sql::Nullable<sql::Uuid>, _>(viewer.user_id());
    sql.push(select(&who, &me, "0::real"));
    let id = sql.bind::<sql::Uuid, _>(id);
    sql.push(format!(" WHERE i.id = {id}"));
    let row: Option<IdeaRow> = sql.finish().get_result(conn).await.optional()?;
    Ok(row.map(|row| row.into_idea(viewer)))
}

/// Filters of the idea lists.
#[derive(Debug, Default)]
pub struct Filter {
    pub lab: Option<Uuid>,
    pub challenge_area: Option<String>,
    pub status: Option<IdeaStatus>,
    pub author: Option<Uuid>,
    pub query: Option<String>,
}

/// A page of the ideas the viewer may see, in `order`.
pub async fn list(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    filter: &Filter,
    window: Window,
) -> QueryResult<Vec<(Idea, SortKey)>> {
    let mut sql = Sql::default();
    let who = BoundViewer::bind(&mut sql, viewer);
    let me = sql.bind::<sql::Nullable<sql::Uuid>, _>(viewer.user_id());
    let listing = Listing::bind(&mut sql, "i", window, filter.query.as_deref());
    sql.push(select(&who, &me, &listing.rank()));
    // Hidden by moderation: in no list, for anyone (authors and moderators open it by id).
    sql.push(format!(" WHERE {} AND i.hidden_at IS NULL", who.may_see()));
    sql.and_eq::<sql::Uuid, _>("i.lab_id", filter.lab)
        .and_eq::<sql::Text, _>("l.challenge_area", filter.challenge_area.clone())
        .and_eq::<sql::Text, _>("i.status", filter.status)
        .and_eq::<sql::Uuid, _>("i.author_id", filter.author);
    listing.push_search(&mut sql, Searched::Ideas);
    listing.push_page(&mut sql);
    let rows: Vec<IdeaRow> = sql.finish().load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let key = window.order.key_of(KeyFields {
                votes: row.vote_count,
                ..KeyFields::of(row.id, row.created_at, row.updated_at, row.rank)
            });
            (row.into_idea(viewer), key)
        })
        .collect())
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    lab_id: Uuid,
    author_id: Option<Uuid>,
    organization_id: Option<Uuid>,
    title: &str,
    body: &str,
) -> QueryResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(ideas::table)
        .values((
            ideas::id.eq(id),
            ideas::lab_id.eq(lab_id),
            ideas::author_id.eq(author_id),
            ideas::organization_id.eq(organization_id),
            ideas::title.eq(title),
            ideas::body.eq(body),
        ))
        .execute(conn)
        .await?;
    analyse(conn, Searched::Ideas, id).await?;
    Ok(id)
}

/// The idea's version and status, locking its row until the transaction ends.
pub async fn lock(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<Option<(i32, IdeaStatus)>> {
    ideas::table
        .find(id)
        .select((ideas::version, ideas::status))
        .for_update()
        .first(conn)
        .await
        .optional()
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    title: &str,
    body: &str,
) -> QueryResult<()> {
    diesel::update(ideas::table.find(id))
        .set((
            ideas::title.eq(title),
            ideas::body.eq(body),
            ideas::version.eq(ideas::version + 1),
            ideas::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    analyse(conn, Searched::Ideas, id).await?;
    Ok(())
}

pub async fn set_status(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    status: IdeaStatus,
    reason: Option<&str>,
) -> QueryResult<()> {
    diesel::update(ideas::table.find(id))
        .set((
            ideas::status.eq(status.as_str()),
            ideas::status_reason.eq(reason),
            ideas::version.eq(ideas::version + 1),
            ideas::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Records a person's vote (once); the count follows in the same transaction.
pub async fn vote(conn: &mut AsyncPgConnection, idea_id: Uuid, user_id: Uuid) -> QueryResult<()> {
    let inserted = diesel::insert_into(idea_votes::table)
        .values((
            idea_votes::idea_id.eq(idea_id),
            idea_votes::user_id.eq(user_id),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    if inserted == 1 {
        diesel::update(ideas::table.find(idea_id))
            .set(ideas::vote_count.eq(ideas::vote_count + 1))
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Takes a person's vote back, if there was one.
pub async fn unvote(conn: &mut AsyncPgConnection, idea_id: Uuid, user_id: Uuid) -> QueryResult<()> {
    let deleted = diesel::delete(idea_votes::table.find((idea_id, user_id)))
        .execute(conn)
        .await?;
    if deleted == 1 {
        diesel::update(ideas::table.find(idea_id))
            .set(ideas::vote_count.eq(ideas::vote_count - 1))
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// A comment as stored.
#[derive(Debug, Clone)]
pub struct CommentRow {
    pub id: Uuid,
    pub idea_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub author: Option<PersonRef>,
    pub body: String,
    pub removed: bool,
    /// Hidden by moderation.
    pub hidden: bool,
    /// Held until a moderator has looked at it.
    pub awaiting_review: bool,
    pub created_at: DateTime<Utc>,
}

type CommentTuple = (
    Uuid,
    Uuid,
    Option<Uuid>,
    Option<Uuid>,
    Option<String>,
    String,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    bool,
    DateTime<Utc>,
);

fn comment_of(row: CommentTuple) -> CommentRow {
    let (
        id,
        idea_id,
        parent_id,
        author_id,
        author_name,
        body,
        removed_at,
        hidden_at,
        awaiting_review,
        created_at,
    ) = row;
    CommentRow {
        id,
        idea_id,
        parent_id,
        author: author_id
            .zip(author_name)
            .map(|(id, display_name)| PersonRef { id, display_name }),
        body,
        removed: removed_at.is_some(),
        hidden: hidden_at.is_some(),
        awaiting_review,
        created_at,
    }
}

macro_rules! comment_columns {
    () => {
        (
            idea_comments::id,
            idea_comments::idea_id,
            idea_comments::parent_id,
            idea_comments::author_id,
            users::display_name.nullable(),
            idea_comments::body,
            idea_comments::removed_at,
            idea_comments::hidden_at,
            diesel::dsl::sql::<diesel::sql_types::Bool>(
                "EXISTS (SELECT 1 FROM reports r WHERE r.target_type = 'comment' \
                 AND r.target_id = idea_comments.id AND r.held AND r.status = 'open')",
            ),
            idea_comments::created_at,
        )
    };
}

pub async fn find_comment(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<Option<CommentRow>> {
    let row: Option<CommentTuple> = idea_comments::table
        .left_join(users::table)
        .filter(idea_comments::id.eq(id))
        .select(comment_columns!())
        .first(conn)
        .await
        .optional()?;
    Ok(row.map(comment_of))
}

/// A page of an idea's top-level comments, oldest first, after `after`.
pub async fn top_level_comments(
    conn: &mut AsyncPgConnection,
    idea_id: Uuid,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> QueryResult<Vec<CommentRow>> {
    let mut query = idea_comments::table
        .left_join(users::table)
        .filter(idea_comments::idea_id.eq(idea_id))
        .filter(idea_comments::parent_id.is_null())
        .order((idea_comments::created_at, idea_comments::id))
        .select(comment_columns!())
        .limit(limit)
        .into_boxed();
    if let Some((at, id)) = after {
        query = query.filter(
            idea_comments::created_at
                .gt(at)
                .or(idea_comments::created_at
                    .eq(at)
                    .and(idea_comments::id.gt(id))),
        );
    }
    let rows: Vec<CommentTuple> = query.load(conn).await?;
    Ok(rows.into_iter().map(comment_of).collect())
}

/// The replies to these comments, oldest first.
pub async fn replies(
    conn: &mut AsyncPgConnection,
    parents: &[Uuid],
) -> QueryResult<Vec<CommentRow>> {
    let rows: Vec<CommentTuple> = idea_comments::table
        .left_join(users::table)
        .filter(idea_comments::parent_id.eq_any(parents))
        .order((idea_comments::created_at, idea_comments::id))
        .select(comment_columns!())
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(comment_of).collect())
}

pub async fn insert_comment(
    conn: &mut AsyncPgConnection,
    idea_id: Uuid,
    parent_id: Option<Uuid>,
    author_id: Uuid,
    body: &str,
) -> QueryResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(idea_comments::table)
        .values((
            idea_comments::id.eq(id),
            idea_comments::idea_id.eq(idea_id),
            idea_comments::parent_id.eq(parent_id),
            idea_comments::author_id.eq(author_id),
            idea_comments::body.eq(body),
        ))
        .execute(conn)
        .await?;
    diesel::update(ideas::table.find(idea_id))
        .set(ideas::comment_count.eq(ideas::comment_count + 1))
        .execute(conn)
        .await?;
    Ok(id)
}

/// Removes a comment's text, keeping its place in the thread; `false` if it was removed already.
pub async fn remove_comment(
    conn: &mut AsyncPgConnection,
    comment: &CommentRow,
) -> QueryResult<bool> {
    let removed = diesel::update(
        idea_comments::table
            .find(comment.id)
            .filter(idea_comments::removed_at.is_null()),
    )
    .set((
        idea_comments::removed_at.eq(diesel::dsl::now),
        idea_comments::body.eq(""),
    ))
    .execute(conn)
    .await?;
    if removed == 1 {
        diesel::update(ideas::table.find(comment.idea_id))
            .set(ideas::comment_count.eq(ideas::comment_count - 1))
            .execute(conn)
            .await?;
    }
    Ok(removed == 1)
}

/// Hides an idea or shows it again (moderation); whether it changed.
pub async fn set_idea_hidden(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    hidden: bool,
) -> QueryResult<bool> {
    let at = hidden.then(Utc::now);
    let changed = diesel::update(ideas::table.find(id))
        .filter(ideas::hidden_at.is_null().eq(hidden))
        .set(ideas::hidden_at.eq(at))
        .execute(conn)
        .await?;
    Ok(changed == 1)
}

/// Hides a comment or shows it again (moderation); whether it changed.
pub async fn set_comment_hidden(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    hidden: bool,
) -> QueryResult<bool> {
    let at = hidden.then(Utc::now);
    let changed = diesel::update(idea_comments::table.find(id))
        .filter(idea_comments::hidden_at.is_null().eq(hidden))
        .set(idea_comments::hidden_at.eq(at))
        .execute(conn)
        .await?;
    Ok(changed == 1)
}
