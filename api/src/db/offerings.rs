//! Offerings, and the candidates the matchmaking engine scores.
//!
//! Offerings are public (the marketplace). Reads bind the viewer's organisations that may
//! change offerings ([`bind_offers`]), for `can_edit`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{Coverage, Offering, OfferingKind, OfferingStatus, OrganizationRef};
use uuid::Uuid;

use super::schema::offerings;
use super::search::{KeyFields, Listing, Place, Searched, SortKey, Window, analyse};
use super::sql::Sql;
use crate::authz::Viewer;

#[derive(QueryableByName)]
pub struct OfferingRow {
    #[diesel(sql_type = sql::Uuid)]
    id: Uuid,
    #[diesel(sql_type = sql::Uuid)]
    organization_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    organization_name: String,
    #[diesel(sql_type = sql::Text)]
    title: String,
    #[diesel(sql_type = sql::Text)]
    description: String,
    #[diesel(sql_type = sql::Text)]
    kind: OfferingKind,
    #[diesel(sql_type = sql::Array<sql::Text>)]
    challenge_areas: Vec<String>,
    #[diesel(sql_type = sql::Bool)]
    coverage_national: bool,
    #[diesel(sql_type = sql::Array<sql::Text>)]
    coverage_counties: Vec<String>,
    #[diesel(sql_type = sql::Array<sql::Text>)]
    coverage_municipalities: Vec<String>,
    #[diesel(sql_type = sql::Array<sql::Text>)]
    tags: Vec<String>,
    #[diesel(sql_type = sql::Text)]
    status: OfferingStatus,
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
    /// The search rank (or, for candidates, the text rank against the need).
    #[diesel(sql_type = sql::Float4)]
    pub rank: f32,
    /// For candidates: the organisation's accepted, active or completed matches.
    #[diesel(sql_type = sql::BigInt)]
    pub track_record: i64,
    /// For candidates: the Swedish stems of its title and description.
    #[diesel(sql_type = sql::Array<sql::Text>)]
    pub words: Vec<String>,
}

impl From<OfferingRow> for Offering {
    fn from(row: OfferingRow) -> Self {
        Offering {
            id: row.id,
            organization: OrganizationRef {
                id: row.organization_id,
                name: row.organization_name,
            },
            title: row.title,
            description: row.description,
            kind: row.kind,
            challenge_areas: row.challenge_areas,
            coverage: Coverage {
                national: row.coverage_national,
                counties: row.coverage_counties,
                municipalities: row.coverage_municipalities,
            },
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

/// The select list of an offering; `offers` is the placeholder of the organisations whose
/// offerings the viewer changes, `rank` and `track_record` are SQL expressions, and `words`
/// whether to include its stems.
pub(super) fn select(offers: &str, rank: &str, track_record: &str, words: bool) -> String {
    let words = if words {
        "tsvector_to_array(o.search)"
    } else {
        "'{}'::text[]"
    };
    format!(
        "SELECT o.id, o.organization_id, org.name AS organization_name, o.title, o.description,
                o.kind, o.challenge_areas, o.coverage_national, o.coverage_counties,
                o.coverage_municipalities, o.tags, o.status,
                o.organization_id = ANY({offers}) AS can_edit, o.hidden_at IS NOT NULL AS hidden,
                o.created_at, o.updated_at, o.version, {rank} AS rank,
                {track_record} AS track_record, {words} AS words
           FROM offerings o
           JOIN organizations org ON org.id = o.organization_id"
    )
}

/// An organisation's matches that went through: what "track record" counts.
pub(super) const TRACK_RECORD: &str = "(SELECT count(*) FROM matches tr \
     WHERE tr.offering_organization_id = o.organization_id \
     AND tr.state IN ('accepted', 'active', 'completed'))";

/// The placeholder of the organisations whose offerings the viewer changes.
pub(super) fn bind_offers(sql: &mut Sql<'_>, viewer: &Viewer) -> String {
    sql.bind::<sql::Array<sql::Uuid>, _>(viewer.offer_organizations.clone())
}

pub async fn find(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
) -> QueryResult<Option<Offering>> {
    let mut sql = Sql::default();
    let offers = bind_offers(&mut sql, viewer);
    let id = sql.bind::<sql::Uuid, _>(id);
    let moderates = sql.bind::<sql::Bool, _>(viewer.sees_everything());
    sql.push(select(&offers, "0::real", "0::bigint", false));
    // Hidden by moderation: its own organisation's and the moderators' only.
    sql.push(format!(
        " WHERE o.id = {id} AND (o.hidden_at IS NULL OR o.organization_id = ANY({offers}) OR {moderates})"
    ));
    let row: Option<OfferingRow> = sql.finish().get_result(conn).await.optional()?;
    Ok(row.map(Offering::from))
}

/// Filters of the offering list. `place` is where it is available: a municipality
/// directly, by its county, or nationally; a county in part or nationally.
#[derive(Debug, Default)]
pub struct Filter {
    pub kind: Option<OfferingKind>,
    pub place: Place,
    pub organization: Option<Uuid>,
    pub status: Option<OfferingStatus>,
    pub query: Option<String>,
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    filter: &Filter,
    window: Window,
) -> QueryResult<Vec<(Offering, SortKey)>> {
    let mut sql = Sql::default();
    let offers = bind_offers(&mut sql, viewer);
    let listing = Listing::bind(&mut sql, "o", window, filter.query.as_deref());
    sql.push(select(&offers, &listing.rank(), "0::bigint", false));
    sql.push(" WHERE o.hidden_at IS NULL");
    sql.and_eq::<sql::Text, _>("o.kind", filter.kind);
    if let Some(area) = &filter.place.challenge_area {
        let area = sql.bind::<sql::Text, _>(area.clone());
        sql.push(format!(" AND o.challenge_areas @> ARRAY[{area}]"));
    }
    if let Some(code) = &filter.place.municipality_code {
        let code = sql.bind::<sql::Text, _>(code.clone());
        sql.push(format!(
            " AND ({code} = ANY(o.coverage_municipalities) OR o.coverage_national \
               OR (SELECT county_code FROM municipalities WHERE code = {code}) = ANY(o.coverage_counties))"
        ));
    }
    if let Some(county) = &filter.place.county_code {
        let county = sql.bind::<sql::Text, _>(county.clone());
        sql.push(format!(
            " AND ({county} = ANY(o.coverage_counties) OR o.coverage_national \
               OR EXISTS (SELECT 1 FROM municipalities cm WHERE cm.code = ANY(o.coverage_municipalities) \
                          AND cm.county_code = {county}))"
        ));
    }
    sql.and_eq::<sql::Uuid, _>("o.organization_id", filter.organization)
        .and_eq::<sql::Text, _>("o.status", filter.status);
    listing.push_search(&mut sql, Searched::Offerings);
    listing.push_page(&mut sql);
    let rows: Vec<OfferingRow> = sql.finish().load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let key = window.order.key_of(KeyFields::of(
                row.id,
                row.created_at,
                row.updated_at,
                row.rank,
            ));
            (Offering::from(row), key)
        })
        .collect())
}

/// The fields of a new or changed offering, already validated.
pub struct OfferingFields<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub kind: OfferingKind,
    pub challenge_areas: &'a [String],
    pub coverage: &'a Coverage,
    pub tags: &'a [String],
    pub status: OfferingStatus,
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    fields: &OfferingFields<'_>,
    created_by: Option<Uuid>,
) -> QueryResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(offerings::table)
        .values((
            offerings::id.eq(id),
            offerings::organization_id.eq(organization_id),
            offerings::created_by.eq(created_by),
            offerings::title.eq(fields.title),
            offerings::description.eq(fields.description),
            offerings::kind.eq(fields.kind.as_str()),
            offerings::challenge_areas.eq(fields.challenge_areas),
            offerings::coverage_national.eq(fields.coverage.national),
            offerings::coverage_counties.eq(&fields.coverage.counties),
            offerings::coverage_municipalities.eq(&fields.coverage.municipalities),
            offerings::tags.eq(fields.tags),
            offerings::status.eq(fields.status.as_str()),
        ))
        .execute(conn)
        .await?;
    analyse(conn, Searched::Offerings, id).await?;
    Ok(id)
}

lock_version_of!(offerings);

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    fields: &OfferingFields<'_>,
) -> QueryResult<()> {
    diesel::update(offerings::table.find(id))
        .set((
            offerings::title.eq(fields.title),
            offerings::description.eq(fields.description),
            offerings::kind.eq(fields.kind.as_str()),
            offerings::challenge_areas.eq(fields.challenge_areas),
            offerings::coverage_national.eq(fields.coverage.national),
            offerings::coverage_counties.eq(&fields.coverage.counties),
            offerings::coverage_municipalities.eq(&fields.coverage.municipalities),
            offerings::tags.eq(fields.tags),
            offerings::status.eq(fields.status.as_str()),
            offerings::version.eq(offerings::version + 1),
            offerings::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    analyse(conn, Searched::Offerings, id).await?;
    Ok(())
}

/// The id and organisation of the offering with this title (the demo links its matches by title).
pub async fn id_by_title(
    conn: &mut AsyncPgConnection,
    title: &str,
) -> QueryResult<Option<(Uuid, Uuid)>> {
    offerings::table
        .filter(offerings::title.eq(title))
        .order(offerings::created_at)
        .select((offerings::id, offerings::organization_id))
        .first(conn)
        .await
        .optional()
}

/// Hides an offering by moderation, or shows it again; `false` when it already was so.
pub async fn set_hidden(conn: &mut AsyncPgConnection, id: Uuid, hidden: bool) -> QueryResult<bool> {
    let at = hidden.then(Utc::now);
    let changed = diesel::update(offerings::table.find(id))
        .filter(offerings::hidden_at.is_null().eq(hidden))
        .set(offerings::hidden_at.eq(at))
        .execute(conn)
        .await?;
    Ok(changed == 1)
}
