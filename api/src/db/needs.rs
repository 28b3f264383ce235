//! Needs: what labs look for. A need is visible exactly when its lab is (`BoundViewer::may_see`),
//! and its lab's hosts edit it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{LabRef, Need, NeedStatus, OrganizationRef};
use uuid::Uuid;

use super::labs::BoundViewer;
use super::schema::needs;
use super::search::{KeyFields, Listing, Place, Searched, SortKey, Window, analyse};
use super::sql::Sql;
use crate::authz::Viewer;

#[derive(QueryableByName)]
struct NeedRow {
    #[diesel(sql_type = sql::Uuid)]
    id: Uuid,
    #[diesel(sql_type = sql::Uuid)]
    lab_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    lab_title: String,
    #[diesel(sql_type = sql::Uuid)]
    organization_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    organization_name: String,
    #[diesel(sql_type = sql::Text)]
    title: String,
    #[diesel(sql_type = sql::Text)]
    description: String,
    #[diesel(sql_type = sql::Text)]
    challenge_area: String,
    #[diesel(sql_type = sql::Text)]
    municipality_code: String,
    #[diesel(sql_type = sql::Text)]
    municipality_name: String,
    #[diesel(sql_type = sql::Text)]
    county_code: String,
    #[diesel(sql_type = sql::Array<sql::Text>)]
    tags: Vec<String>,
    #[diesel(sql_type = sql::Text)]
    status: NeedStatus,
    #[diesel(sql_type = sql::Bool)]
    can_edit: bool,
    #[diesel(sql_type = sql::Bool)]
    hidden: bool,
    #[diesel(sql_type = sql::Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = sql::Timestamptz)]
    updated_at: DateTime<Utc>,
    #[diesel(sql_type = sql::Integer)]
    version: i32,
    #[diesel(sql_type = sql::Float4)]
    rank: f32,
}

impl From<NeedRow> for Need {
    fn from(row: NeedRow) -> Self {
        Need {
            id: row.id,
            lab: LabRef {
                id: row.lab_id,
                title: row.lab_title,
            },
            organization: OrganizationRef {
                id: row.organization_id,
                name: row.organization_name,
            },
            title: row.title,
            description: row.description,
            challenge_area: row.challenge_area,
            municipality_code: row.municipality_code,
            municipality_name: row.municipality_name,
            county_code: row.county_code,
            tags: row.tags,
            status: row.status,
            can_edit: row.can_edit,
            hidden: row.hidden,
            created_at: row.created_at,
            updated_at: row.updated_at,
            version: row.version,
        }
    }
}

/// The select list of a need, for a viewer bound as `who`; `rank` is the search rank.
fn select(who: &BoundViewer, rank: &str) -> String {
    format!(
        "SELECT n.id, n.lab_id, l.title AS lab_title, n.organization_id,
                o.name AS organization_name, n.title, n.description, n.challenge_area,
                n.municipality_code, m.name AS municipality_name, m.county_code, n.tags,
                n.status, {runs} AS can_edit, n.hidden_at IS NOT NULL AS hidden,
                n.created_at, n.updated_at, n.version, {rank} AS rank
           FROM needs n
           JOIN labs l ON l.id = n.lab_id
           JOIN organizations o ON o.id = n.organization_id
           JOIN municipalities m ON m.code = n.municipality_code",
        runs = who.runs(),
    )
}

/// One need, whether or not the viewer may see it (the caller asks `authz::need`).
pub async fn find(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
) -> QueryResult<Option<Need>> {
    let mut sql = Sql::default();
    let who = BoundViewer::bind(&mut sql, viewer);
    sql.push(select(&who, "0::real"));
    let id = sql.bind::<sql::Uuid, _>(id);
    // Hidden by moderation: its lab's hosts' and the moderators' only.
    sql.push(format!(
        " WHERE n.id = {id} AND (n.hidden_at IS NULL OR {})",
        who.runs_or_moderates()
    ));
    let row: Option<NeedRow> = sql.finish().get_result(conn).await.optional()?;
    Ok(row.map(Need::from))
}

/// Filters of the need lists.
#[derive(Debug, Default)]
pub struct Filter {
    pub lab: Option<Uuid>,
    pub place: Place,
    pub status: Option<NeedStatus>,
    pub query: Option<String>,
}

/// A page of the needs the viewer may see.
pub async fn list(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    filter: &Filter,
    window: Window,
) -> QueryResult<Vec<(Need, SortKey)>> {
    let mut sql = Sql::default();
    let who = BoundViewer::bind(&mut sql, viewer);
    let listing = Listing::bind(&mut sql, "n", window, filter.query.as_deref());
    sql.push(select(&who, &listing.rank()));
    sql.push(format!(" WHERE {} AND n.hidden_at IS NULL", who.may_see()));
    sql.and_eq::<sql::Uuid, _>("n.lab_id", filter.lab);
    filter.place.push(&mut sql, "n");
    sql.and_eq::<sql::Text, _>("n.status", filter.status);
    listing.push_search(&mut sql, Searched::Needs);
    listing.push_page(&mut sql);
    let rows: Vec<NeedRow> = sql.finish().load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let key = window.order.key_of(KeyFields::of(
                row.id,
                row.created_at,
                row.updated_at,
                row.rank,
            ));
            (Need::from(row), key)
        })
        .collect())
}

/// The fields of a new or changed need, already validated.
pub struct NeedFields<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub challenge_area: &'a str,
    pub municipality_code: &'a str,
    pub tags: &'a [String],
    pub status: NeedStatus,
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    lab_id: Uuid,
    organization_id: Uuid,
    fields: &NeedFields<'_>,
    created_by: Option<Uuid>,
) -> QueryResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(needs::table)
        .values((
            needs::id.eq(id),
            needs::lab_id.eq(lab_id),
            needs::organization_id.eq(organization_id),
            needs::title.eq(fields.title),
            needs::description.eq(fields.description),
            needs::challenge_area.eq(fields.challenge_area),
            needs::municipality_code.eq(fields.municipality_code),
            needs::tags.eq(fields.tags),
            needs::status.eq(fields.status.as_str()),
            needs::created_by.eq(created_by),
        ))
        .execute(conn)
        .await?;
    analyse(conn, Searched::Needs, id).await?;
    Ok(id)
}

lock_version_of!(needs);

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    fields: &NeedFields<'_>,
) -> QueryResult<()> {
    diesel::update(needs::table.find(id))
        .set((
            needs::title.eq(fields.title),
            needs::description.eq(fields.description),
            needs::challenge_area.eq(fields.challenge_area),
            needs::municipality_code.eq(fields.municipality_code),
            needs::tags.eq(fields.tags),
            needs::status.eq(fields.status.as_str()),
            needs::version.eq(needs::version + 1),
            needs::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    analyse(conn, Searched::Needs, id).await?;
    Ok(())
}

/// The id and organisation of the need with this title (the demo links its matches by title).
pub async fn id_by_title(
    conn: &mut AsyncPgConnection,
    title: &str,
) -> QueryResult<Option<(Uuid, Uuid)>> {
    needs::table
        .filter(needs::title.eq(title))
        .select((needs::id, needs::organization_id))
        .first(conn)
        .await
        .optional()
}

/// Hides a need by moderation, or shows it again; `false` when it already was so.
pub async fn set_hidden(conn: &mut AsyncPgConnection, id: Uuid, hidden: bool) -> QueryResult<bool> {
    let at = hidden.then(chrono::Utc::now);
    let changed = diesel::update(needs::table.find(id))
        .filter(needs::hidden_at.is_null().eq(hidden))
        .set(needs::hidden_at.eq(at))
        .execute(conn)
        .await?;
    Ok(changed == 1)
}
