//! Organisations, their members and their API keys.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use shared::{
    Member, MyOrganization, Organization, OrganizationKind, OrganizationReview, ReviewState, Role,
};
use uuid::Uuid;

use super::schema::{memberships, municipalities, organizations, users};
use super::sql::escape_like;

macro_rules! organization_columns {
    () => {
        (
            organizations::id,
            organizations::name,
            organizations::kind,
            organizations::org_number,
            organizations::municipality_code,
            municipalities::name,
            municipalities::county_code,
            organizations::description,
            organizations::website,
            organizations::verified,
            organizations::hidden_at.is_not_null(),
            organizations::created_at,
            organizations::updated_at,
            organizations::version,
        )
    };
}

/// The fields of a new or changed organisation, already validated.
pub struct OrganizationFields<'a> {
    pub name: &'a str,
    pub kind: OrganizationKind,
    pub municipality_code: &'a str,
    pub description: &'a str,
    pub website: Option<&'a str>,
}

/// Why an organisation could not be stored.
pub enum WriteError {
    OrgNumberTaken,
    Query(diesel::result::Error),
}

impl From<diesel::result::Error> for WriteError {
    fn from(error: diesel::result::Error) -> Self {
        WriteError::Query(error)
    }
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Organization>> {
    organizations::table
        .inner_join(municipalities::table)
        .filter(organizations::id.eq(id))
        .select(organization_columns!())
        .first(conn)
        .await
        .optional()
}

/// Creates an organisation with its creator as owner (in the caller's transaction).
pub async fn insert(
    conn: &mut AsyncPgConnection,
    fields: &OrganizationFields<'_>,
    org_number: &str,
    owner: Uuid,
) -> Result<Organization, WriteError> {
    let id = Uuid::now_v7();
    let inserted = diesel::insert_into(organizations::table)
        .values((
            organizations::id.eq(id),
            organizations::name.eq(fields.name),
            organizations::kind.eq(fields.kind.as_str()),
            organizations::org_number.eq(org_number),
            organizations::municipality_code.eq(fields.municipality_code),
            organizations::description.eq(fields.description),
            organizations::website.eq(fields.website),
        ))
        .on_conflict(organizations::org_number)
        .do_nothing()
        .execute(conn)
        .await?;
    if inserted == 0 {
        return Err(WriteError::OrgNumberTaken);
    }
    diesel::insert_into(memberships::table)
        .values((
            memberships::organization_id.eq(id),
            memberships::user_id.eq(owner),
            memberships::role.eq(Role::Owner.as_str()),
        ))
        .execute(conn)
        .await?;
    find(conn, id)
        .await?
        .ok_or(WriteError::Query(diesel::result::Error::NotFound))
}

lock_version_of!(organizations);

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    fields: &OrganizationFields<'_>,
) -> QueryResult<Organization> {
    diesel::update(organizations::table.find(id))
        .set((
            organizations::name.eq(fields.name),
            organizations::kind.eq(fields.kind.as_str()),
            organizations::municipality_code.eq(fields.municipality_code),
            organizations::description.eq(fields.description),
            organizations::website.eq(fields.website),
            organizations::version.eq(organizations::version + 1),
            organizations::updated_at.eq(diesel::dsl::now),
            // Changed after it was turned down: back in the verification queue.
            organizations::rejected_at.eq(None::<DateTime<Utc>>),
        ))
        .execute(conn)
        .await?;
    find(conn, id).await?.ok_or(diesel::result::Error::NotFound)
}

pub async fn verify(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Organization> {
    diesel::update(organizations::table.find(id))
        .set((
            organizations::verified.eq(true),
            organizations::verified_at.eq(diesel::dsl::now),
            organizations::rejected_at.eq(None::<DateTime<Utc>>),
            organizations::rejection_reason.eq(""),
            organizations::version.eq(organizations::version + 1),
            organizations::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    find(conn, id).await?.ok_or(diesel::result::Error::NotFound)
}

/// Turns an unverified organisation down with a reason; `false` when it is verified.
pub async fn reject(conn: &mut AsyncPgConnection, id: Uuid, reason: &str) -> QueryResult<bool> {
    let changed = diesel::update(organizations::table.find(id))
        .filter(organizations::verified.eq(false))
        .set((
            organizations::rejected_at.eq(diesel::dsl::now),
            organizations::rejection_reason.eq(reason),
        ))
        .execute(conn)
        .await?;
    Ok(changed == 1)
}

/// Hides an organisation by moderation, or shows it again; `false` when it already was.
/// Its offerings and hosted labs follow (a trigger, migration 000021).
pub async fn set_hidden(conn: &mut AsyncPgConnection, id: Uuid, hidden: bool) -> QueryResult<bool> {
    let at = hidden.then(Utc::now);
    let changed = diesel::update(organizations::table.find(id))
        .filter(organizations::hidden_at.is_null().eq(hidden))
        .set(organizations::hidden_at.eq(at))
        .execute(conn)
        .await?;
    Ok(changed == 1)
}

/// A page of the verification queue in `state`, the longest waiting first.
pub async fn reviews(
    conn: &mut AsyncPgConnection,
    state: ReviewState,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> QueryResult<Vec<OrganizationReview>> {
    let mut query = organizations::table
        .inner_join(municipalities::table)
        .filter(organizations::verified.eq(false))
        .select((
            organization_columns!(),
            organizations::rejected_at,
            organizations::rejection_reason,
        ))
        .order((organizations::created_at, organizations::id))
        .limit(limit)
        .into_boxed();
    query = match state {
        ReviewState::Pending => query.filter(organizations::rejected_at.is_null()),
        ReviewState::Rejected => query.filter(organizations::rejected_at.is_not_null()),
    };
    if let Some((at, id)) = after {
        query = query.filter(
            organizations::created_at
                .gt(at)
                .or(organizations::created_at
                    .eq(at)
                    .and(organizations::id.gt(id))),
        );
    }
    let rows: Vec<(Organization, Option<DateTime<Utc>>, String)> = query.load(conn).await?;
    let ids: Vec<Uuid> = rows
        .iter()
        .map(|(organization, ..)| organization.id)
        .collect();
    let mut members: HashMap<Uuid, Vec<Member>> = HashMap::new();
    for (organization_id, member) in load_members(conn, &ids, None).await? {
        members.entry(organization_id).or_default().push(member);
    }
    Ok(rows
        .into_iter()
        .map(
            |(organization, rejected_at, rejection_reason)| OrganizationReview {
                state: if rejected_at.is_some() {
                    ReviewState::Rejected
                } else {
                    ReviewState::Pending
                },
                members: members.remove(&organization.id).unwrap_or_default(),
                organization,
                rejected_at,
                rejection_reason,
            },
        )
        .collect())
}

/// The ids of an organisation's members.
pub async fn member_ids(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
) -> QueryResult<Vec<Uuid>> {
    memberships::table
        .filter(memberships::organization_id.eq(organization_id))
        .select(memberships::user_id)
        .load(conn)
        .await
}

/// The accounts of an organisation's owners (whom its mail is for).
pub async fn owners(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
) -> QueryResult<Vec<super::users::User>> {
    memberships::table
        .inner_join(users::table)
        .filter(memberships::organization_id.eq(organization_id))
        .filter(memberships::role.eq(Role::Owner.as_str()))
        .select(super::users::User::as_select())
        .load(conn)
        .await
}

/// Filters of the organisation list.
#[derive(Debug, Default)]
pub struct Filter {
    pub kind: Option<OrganizationKind>,
    pub municipality_code: Option<String>,
    pub county_code: Option<String>,
    pub query: Option<String>,
    /// Only those changed at or after this time.
    pub updated_since: Option<DateTime<Utc>>,
}

/// Where a page of organisations ends, in the list's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Key {
    /// In alphabetical order.
    Name(String, Uuid),
    /// The least recently changed first (incremental sync).
    Updated(DateTime<Utc>, Uuid),
}

impl Key {
    /// The key of `organization` in the order `after` belongs to (`by_update` or by name).
    pub fn of(organization: &Organization, by_update: bool) -> Self {
        if by_update {
            Self::Updated(organization.updated_at, organization.id)
        } else {
            Self::Name(organization.name.clone(), organization.id)
        }
    }
}

/// A page of organisations in Swedish alphabetical order (or by `updated_at` when
/// `by_update`), after `after`, which must be a key of that order.
pub async fn list(
    conn: &mut AsyncPgConnection,
    filter: &Filter,
    by_update: bool,
    after: Option<Key>,
    limit: i64,
) -> QueryResult<Vec<Organization>> {
    // Hidden organisations are out of the public directory (their members find theirs
    // under their own memberships).
    let mut query = organizations::table
        .inner_join(municipalities::table)
        .filter(organizations::hidden_at.is_null())
        .select(organization_columns!())
        .limit(limit)
        .into_boxed();
    query = if by_update {
        query.order((organizations::updated_at, organizations::id))
    } else {
        query.order((organizations::name, organizations::id))
    };
    if let Some(since) = filter.updated_since {
        query = query.filter(organizations::updated_at.ge(since));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(organizations::kind.eq(kind.as_str()));
    }
    if let Some(code) = &filter.municipality_code {
        query = query.filter(organizations::municipality_code.eq(code.clone()));
    }
    if let Some(code) = &filter.county_code {
        query = query.filter(municipalities::county_code.eq(code.clone()));
    }
    if let Some(text) = &filter.query {
        // Words (with Swedish stemming), or any part of the name: someone picking an
        // organisation types the start of it ("Hyresgäst" for "Hyresgästföreningen").
        query = query.filter(
            diesel::dsl::sql::<Bool>("organizations.search @@ websearch_to_tsquery('swedish', ")
                .bind::<Text, _>(text.clone())
                .sql(")")
                .or(organizations::name.ilike(format!("%{}%", escape_like(text)))),
        );
    }
    match after {
        Some(Key::Name(name, id)) => {
            query = query.filter(
                organizations::name
                    .gt(name.clone())
                    .or(organizations::name.eq(name).and(organizations::id.gt(id))),
            );
        }
        Some(Key::Updated(at, id)) => {
            query = query.filter(
                organizations::updated_at
                    .gt(at)
                    .or(organizations::updated_at
                        .eq(at)
                        .and(organizations::id.gt(id))),
            );
        }
        None => {}
    }
    query.load(conn).await
}

/// The organisations a person belongs to, with their role.
pub async fn of_user(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<Vec<MyOrganization>> {
    let rows: Vec<(Organization, Role)> = organizations::table
        .inner_join(municipalities::table)
        .inner_join(memberships::table)
        .filter(memberships::user_id.eq(user_id))
        .order(organizations::name)
        .select((organization_columns!(), memberships::role))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(organization, role)| MyOrganization { organization, role })
        .collect())
}

/// The id of the organisation with this (normalised) organisation number.
pub async fn id_by_org_number(
    conn: &mut AsyncPgConnection,
    org_number: &str,
) -> QueryResult<Option<Uuid>> {
    organizations::table
        .filter(organizations::org_number.eq(org_number))
        .select(organizations::id)
        .first(conn)
        .await
        .optional()
}

/// The ids of the organisations a person belongs to.
pub async fn ids_of_user(conn: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<Vec<Uuid>> {
    memberships::table
        .filter(memberships::user_id.eq(user_id))
        .select(memberships::organization_id)
        .load(conn)
        .await
}

/// A person's role in an organisation, if they are a member.
pub async fn role_of(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    user_id: Uuid,
) -> QueryResult<Option<Role>> {
    let role: Option<String> = memberships::table
        .find((organization_id, user_id))
        .select(memberships::role)
        .first(conn)
        .await
        .optional()?;
    Ok(role.as_deref().and_then(Role::parse))
}

pub async fn members(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
) -> QueryResult<Vec<Member>> {
    Ok(strip(load_members(conn, &[organization_id], None).await?))
}

/// One member of an organisation, if that person is one.
pub async fn member(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    user_id: Uuid,
) -> QueryResult<Option<Member>> {
    Ok(strip(load_members(conn, &[organization_id], Some(user_id)).await?).pop())
}

fn strip(members: Vec<(Uuid, Member)>) -> Vec<Member> {
    members.into_iter().map(|(_, member)| member).collect()
}

/// The members of the organisations `organization_ids` (each with its organisation's id),
/// in the order they joined; only `only` when given.
async fn load_members(
    conn: &mut AsyncPgConnection,
    organization_ids: &[Uuid],
    only: Option<Uuid>,
) -> QueryResult<Vec<(Uuid, Member)>> {
    let mut query = memberships::table
        .inner_join(users::table)
        .filter(memberships::organization_id.eq_any(organization_ids.to_vec()))
        .order((memberships::created_at, users::id))
        .select((
            memberships::organization_id,
            users::id,
            users::display_name,
            users::email,
            memberships::role,
            memberships::created_at,
        ))
        .into_boxed();
    if let Some(user_id) = only {
        query = query.filter(memberships::user_id.eq(user_id));
    }
    let rows: Vec<(Uuid, Uuid, String, String, Role, DateTime<Utc>)> = query.load(conn).await?;
    Ok(rows
        .into_iter()
        .map(
            |(organization_id, user_id, display_name, email, role, joined_at)| {
                let member = Member {
                    user_id,
                    display_name,
                    email,
                    role,
                    joined_at,
                };
                (organization_id, member)
            },
        )
        .collect())
}

/// Adds a member; `false` when they already are one.
pub async fn add_member(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    user_id: Uuid,
    role: Role,
) -> QueryResult<bool> {
    let inserted = diesel::insert_into(memberships::table)
        .values((
            memberships::organization_id.eq(organization_id),
            memberships::user_id.eq(user_id),
            memberships::role.eq(role.as_str()),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(inserted == 1)
}

pub async fn set_role(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    user_id: Uuid,
    role: Role,
) -> QueryResult<()> {
    diesel::update(memberships::table.find((organization_id, user_id)))
        .set(memberships::role.eq(role.as_str()))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn remove_member(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    user_id: Uuid,
) -> QueryResult<()> {
    diesel::delete(memberships::table.find((organization_id, user_id)))
        .execute(conn)
        .await?;
    Ok(())
}

/// Counts the owners, locking the organisation's membership rows so that two concurrent
/// changes cannot both remove "the other" last owner.
pub async fn count_owners_for_update(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
) -> QueryResult<usize> {
    let owners: Vec<Uuid> = memberships::table
        .filter(memberships::organization_id.eq(organization_id))
        .filter(memberships::role.eq(Role::Owner.as_str()))
        .select(memberships::user_id)
        .for_update()
        .load(conn)
        .await?;
    Ok(owners.len())
}
