//! Matches, their messages; who sits on which side.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{
    Match, MatchAction, MatchMessage, MatchSide, MatchState, NeedRef, OfferingRef, OrganizationRef,
    PersonRef,
};
use uuid::Uuid;

use super::schema::{match_messages, matches, organizations, users};
use super::search::{Listing, Window};
use super::sql::Sql;

/// A match as stored, with the ids the rules need.
#[derive(QueryableByName, Debug, Clone)]
pub struct MatchRecord {
    #[diesel(sql_type = sql::Uuid)]
    pub id: Uuid,
    #[diesel(sql_type = sql::Uuid)]
    pub need_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    need_title: String,
    #[diesel(sql_type = sql::Uuid)]
    pub lab_of_need: Uuid,
    #[diesel(sql_type = sql::Uuid)]
    pub offering_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    offering_title: String,
    #[diesel(sql_type = sql::Uuid)]
    pub need_organization_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    need_organization_name: String,
    #[diesel(sql_type = sql::Uuid)]
    pub offering_organization_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    offering_organization_name: String,
    #[diesel(sql_type = sql::Text)]
    requested_by: MatchSide,
    #[diesel(sql_type = sql::Text)]
    state: MatchState,
    #[diesel(sql_type = sql::Text)]
    message: String,
    #[diesel(sql_type = sql::Nullable<sql::Text>)]
    reason: Option<String>,
    #[diesel(sql_type = sql::Nullable<sql::Text>)]
    outcome: Option<String>,
    #[diesel(sql_type = sql::Nullable<sql::Uuid>)]
    pub lab_id: Option<Uuid>,
    #[diesel(sql_type = sql::Timestamptz)]
    pub created_at: DateTime<Utc>,
    #[diesel(sql_type = sql::Timestamptz)]
    pub updated_at: DateTime<Utc>,
}

impl MatchRecord {
    pub fn state(&self) -> MatchState {
        self.state
    }

    pub fn requested_by(&self) -> MatchSide {
        self.requested_by
    }

    pub fn organization_of(&self, side: MatchSide) -> Uuid {
        match side {
            MatchSide::Need => self.need_organization_id,
            MatchSide::Offering => self.offering_organization_id,
        }
    }

    pub fn need_title(&self) -> &str {
        &self.need_title
    }

    pub fn offering_title(&self) -> &str {
        &self.offering_title
    }

    /// The sides that organisations in `acting` sit on.
    pub fn sides_of(&self, acting: &[Uuid]) -> Vec<MatchSide> {
        MatchSide::ALL
            .iter()
            .copied()
            .filter(|side| acting.contains(&self.organization_of(*side)))
            .collect()
    }

    /// The match as a caller acting on `sides` sees it.
    pub fn to_match(&self, sides: Vec<MatchSide>) -> Match {
        Match {
            id: self.id,
            need: NeedRef {
                id: self.need_id,
                title: self.need_title.clone(),
                lab_id: self.lab_of_need,
            },
            offering: OfferingRef {
                id: self.offering_id,
                title: self.offering_title.clone(),
            },
            need_organization: OrganizationRef {
                id: self.need_organization_id,
                name: self.need_organization_name.clone(),
            },
            offering_organization: OrganizationRef {
                id: self.offering_organization_id,
                name: self.offering_organization_name.clone(),
            },
            requested_by: self.requested_by(),
            state: self.state(),
            message: self.message.clone(),
            reason: self.reason.clone(),
            outcome: self.outcome.clone(),
            lab_id: self.lab_id,
            allowed_actions: MatchAction::allowed(self.state(), self.requested_by(), &sides),
            my_sides: sides,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

const SELECT: &str = "SELECT x.id, x.need_id, n.title AS need_title, n.lab_id AS lab_of_need,
        x.offering_id, o.title AS offering_title,
        x.need_organization_id, no.name AS need_organization_name,
        x.offering_organization_id, oo.name AS offering_organization_name,
        x.requested_by, x.state, x.message, x.reason, x.outcome, x.lab_id,
        x.created_at, x.updated_at
   FROM matches x
   JOIN needs n ON n.id = x.need_id
   JOIN offerings o ON o.id = x.offering_id
   JOIN organizations no ON no.id = x.need_organization_id
   JOIN organizations oo ON oo.id = x.offering_organization_id";

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<MatchRecord>> {
    let mut sql = Sql::new(SELECT);
    let id = sql.bind::<sql::Uuid, _>(id);
    sql.push(format!(" WHERE x.id = {id}"));
    sql.finish().get_result(conn).await.optional()
}

/// Which matches of the caller's organisations a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Requested by the other side.
    Incoming,
    /// Requested by the caller's side.
    Outgoing,
}

/// A page of the matches that `organizations` are a side of, in the window's order (newest
/// first, or by `updated_at` for incremental sync).
pub async fn list(
    conn: &mut AsyncPgConnection,
    organizations: &[Uuid],
    direction: Option<Direction>,
    state: Option<MatchState>,
    window: Window,
) -> QueryResult<Vec<MatchRecord>> {
    let mut sql = Sql::new(SELECT);
    let mine = sql.bind::<sql::Array<sql::Uuid>, _>(organizations.to_vec());
    sql.push(format!(
        " WHERE (x.need_organization_id = ANY({mine}) OR x.offering_organization_id = ANY({mine}))"
    ));
    // Outgoing: the side that asked is the caller's; incoming: the side that was asked.
    let sides = match direction {
        None => None,
        Some(Direction::Outgoing) => Some(("need", "offering")),
        Some(Direction::Incoming) => Some(("offering", "need")),
    };
    if let Some((when_need_asked, when_offering_asked)) = sides {
        sql.push(format!(
            " AND ((x.requested_by = 'need' AND x.{when_need_asked}_organization_id = ANY({mine})) \
               OR (x.requested_by = 'offering' AND x.{when_offering_asked}_organization_id = ANY({mine})))"
        ));
    }
    sql.and_eq::<sql::Text, _>("x.state", state);
    Listing::bind(&mut sql, "x", window, None).push_page(&mut sql);
    sql.finish().load(conn).await
}

/// A new match request; `None` when the pair has a live match already.
pub struct NewMatch<'a> {
    pub need_id: Uuid,
    pub offering_id: Uuid,
    pub need_organization_id: Uuid,
    pub offering_organization_id: Uuid,
    pub requested_by: MatchSide,
    pub message: &'a str,
    pub created_by: Option<Uuid>,
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewMatch<'_>) -> QueryResult<Option<Uuid>> {
    let id = Uuid::now_v7();
    let inserted = diesel::insert_into(matches::table)
        .values((
            matches::id.eq(id),
            matches::need_id.eq(new.need_id),
            matches::offering_id.eq(new.offering_id),
            matches::need_organization_id.eq(new.need_organization_id),
            matches::offering_organization_id.eq(new.offering_organization_id),
            matches::requested_by.eq(new.requested_by.as_str()),
            matches::message.eq(new.message),
            matches::created_by.eq(new.created_by),
        ))
        .execute(conn)
        .await;
    match inserted {
        Ok(_) => Ok(Some(id)),
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
        Err(error) => Err(error),
    }
}

/// The match's state, locking its row until the transaction ends.
pub async fn lock_state(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<MatchState> {
    matches::table
        .find(id)
        .select(matches::state)
        .for_update()
        .first(conn)
        .await
}

pub async fn set_state(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    state: MatchState,
    reason: Option<&str>,
    outcome: Option<&str>,
) -> QueryResult<()> {
    diesel::update(matches::table.find(id))
        .set((
            matches::state.eq(state.as_str()),
            matches::reason.eq(reason),
            matches::outcome.eq(outcome),
            matches::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_lab(conn: &mut AsyncPgConnection, id: Uuid, lab_id: Uuid) -> QueryResult<()> {
    diesel::update(matches::table.find(id))
        .set((
            matches::lab_id.eq(lab_id),
            matches::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_message(
    conn: &mut AsyncPgConnection,
    match_id: Uuid,
    author_id: Option<Uuid>,
    organization_id: Uuid,
    body: &str,
) -> QueryResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(match_messages::table)
        .values((
            match_messages::id.eq(id),
            match_messages::match_id.eq(match_id),
            match_messages::author_id.eq(author_id),
            match_messages::organization_id.eq(organization_id),
            match_messages::body.eq(body),
        ))
        .execute(conn)
        .await?;
    Ok(id)
}

/// Which of a match's messages to read.
pub enum Messages {
    /// A page, oldest first: up to `limit` after the `(created_at, id)` key.
    Page {
        after: Option<(DateTime<Utc>, Uuid)>,
        limit: i64,
    },
    /// The one with this id.
    One(Uuid),
}

/// A match's messages, oldest first.
pub async fn messages(
    conn: &mut AsyncPgConnection,
    match_id: Uuid,
    which: Messages,
) -> QueryResult<Vec<MatchMessage>> {
    let mut query = match_messages::table
        .inner_join(organizations::table)
        .left_join(users::table)
        .filter(match_messages::match_id.eq(match_id))
        .order((match_messages::created_at, match_messages::id))
        .select((
            match_messages::id,
            match_messages::author_id,
            users::display_name.nullable(),
            organizations::id,
            organizations::name,
            match_messages::body,
            match_messages::created_at,
        ))
        .into_boxed();
    let (after, limit) = match which {
        Messages::Page { after, limit } => (after, limit),
        Messages::One(id) => {
            query = query.filter(match_messages::id.eq(id));
            (None, 1)
        }
    };
    query = query.limit(limit);
    if let Some((at, id)) = after {
        query = query.filter(
            match_messages::created_at
                .gt(at)
                .or(match_messages::created_at
                    .eq(at)
                    .and(match_messages::id.gt(id))),
        );
    }
    type Row = (
        Uuid,
        Option<Uuid>,
        Option<String>,
        Uuid,
        String,
        String,
        DateTime<Utc>,
    );
    let rows: Vec<Row> = query.load(conn).await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, author_id, author_name, org_id, org_name, body, created_at)| MatchMessage {
                id,
                author: author_id
                    .zip(author_name)
                    .map(|(id, display_name)| PersonRef { id, display_name }),
                organization: OrganizationRef {
                    id: org_id,
                    name: org_name,
                },
                body,
                created_at,
            },
        )
        .collect())
}
