//! What the lists of labs, needs and ideas share: Swedish full-text search, the orders
//! they can be sorted in, and the keyset cursors of those orders.
//!
//! The lists are plain SQL (built with [`Sql`]) with the listed table aliased; these helpers
//! write the parts that depend on the search and the order, so each list states only its
//! own filters.

use chrono::{DateTime, Utc};
use diesel::sql_types as sql;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::sql::Sql;

/// Where a page ends, in the list's order; the next page starts after it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum SortKey {
    Newest(DateTime<Utc>, Uuid),
    Rank(f32, Uuid),
    Votes(i32, Uuid),
}

/// How a list is sorted. Every order ends with the id, so it is total and keysets work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Newest first.
    Newest,
    /// Best match for the search first (title counts more than text).
    Relevance,
    /// Most votes first.
    MostVoted,
}

impl Order {
    /// Best matches first when searching, else newest first.
    pub fn for_query(has_query: bool) -> Self {
        if has_query {
            Self::Relevance
        } else {
            Self::Newest
        }
    }

    /// Whether a cursor belongs to this order.
    pub fn accepts(self, key: &SortKey) -> bool {
        matches!(
            (self, key),
            (Self::Newest, SortKey::Newest(..))
                | (Self::Relevance, SortKey::Rank(..))
                | (Self::MostVoted, SortKey::Votes(..))
        )
    }

    pub fn order_by(self, alias: &str, rank: &str) -> String {
        match self {
            Self::Newest => format!("{alias}.created_at DESC, {alias}.id DESC"),
            Self::Relevance => format!("{rank} DESC, {alias}.id DESC"),
            Self::MostVoted => format!("{alias}.vote_count DESC, {alias}.id DESC"),
        }
    }

    /// The cursor of a row.
    pub fn key_of(self, created_at: DateTime<Utc>, rank: f32, votes: i32, id: Uuid) -> SortKey {
        match self {
            Self::Newest => SortKey::Newest(created_at, id),
            Self::Relevance => SortKey::Rank(rank, id),
            Self::MostVoted => SortKey::Votes(votes, id),
        }
    }
}

/// The place filters that the lists of labs and needs share (offerings reach places in
/// their own way): a challenge area, a municipality and a county, each optional.
#[derive(Debug, Default, Clone)]
pub struct Place {
    pub challenge_area: Option<String>,
    pub municipality_code: Option<String>,
    pub county_code: Option<String>,
}

impl Place {
    /// Appends the conditions, for rows of `alias` joined to their municipality as `m`.
    pub fn push(&self, sql: &mut Sql<'_>, alias: &str) {
        sql.and_eq::<sql::Text, _>(
            &format!("{alias}.challenge_area"),
            self.challenge_area.clone(),
        )
        .and_eq::<sql::Text, _>(
            &format!("{alias}.municipality_code"),
            self.municipality_code.clone(),
        )
        .and_eq::<sql::Text, _>("m.county_code", self.county_code.clone());
    }
}

/// A list query's search and order, bound into it: lists of labs, needs, ideas and
/// offerings write their select list with [`Listing::rank`], add their own filters, then
/// [`Listing::push_page`].
pub struct Listing {
    order: Order,
    alias: &'static str,
    /// The placeholder of the search text, when searching.
    query: Option<String>,
}

impl Listing {
    /// Binds the search text, if any, for a list of the rows of `alias` in `order`.
    pub fn bind(sql: &mut Sql<'_>, alias: &'static str, order: Order, query: Option<&str>) -> Self {
        let query = query.map(|query| sql.bind::<sql::Text, _>(query.to_owned()));
        Self {
            order,
            alias,
            query,
        }
    }

    /// The rank to select: the search rank (title over text) when sorting by it, else 0.
    pub fn rank(&self) -> String {
        match (&self.query, self.order) {
            (Some(query), Order::Relevance) => format!(
                "ts_rank({}.search, websearch_to_tsquery('swedish', {query}))",
                self.alias
            ),
            _ => "0::real".to_owned(),
        }
    }

    /// Appends the search condition (nothing without a search).
    pub fn push_search(&self, sql: &mut Sql<'_>) {
        if let Some(query) = &self.query {
            sql.push(format!(
                " AND {}.search @@ websearch_to_tsquery('swedish', {query})",
                self.alias
            ));
        }
    }

    /// Appends the rows after the cursor (on pages after the first), the order and the limit.
    pub fn push_page(&self, sql: &mut Sql<'_>, after: Option<SortKey>, limit: i64) {
        let alias = self.alias;
        let rank = self.rank();
        if let Some(key) = after {
            let (value, id) = match key {
                SortKey::Newest(at, id) => (sql.bind::<sql::Timestamptz, _>(at), id),
                SortKey::Rank(rank, id) => (sql.bind::<sql::Float4, _>(rank), id),
                SortKey::Votes(votes, id) => (sql.bind::<sql::Integer, _>(votes), id),
            };
            let id = sql.bind::<sql::Uuid, _>(id);
            let column = match self.order {
                Order::Newest => format!("{alias}.created_at"),
                Order::Relevance => rank.clone(),
                Order::MostVoted => format!("{alias}.vote_count"),
            };
            sql.push(format!(" AND ({column}, {alias}.id) < ({value}, {id})"));
        }
        let limit = sql.bind::<sql::BigInt, _>(limit);
        sql.push(format!(
            " ORDER BY {} LIMIT {limit}",
            self.order.order_by(alias, &rank)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_order_pages_on_its_own_key_and_takes_only_its_own_cursors() {
        let mut sql = Sql::default();
        let listing = Listing::bind(&mut sql, "i", Order::MostVoted, Some("läxhjälp"));
        listing.push_search(&mut sql);
        listing.push_page(&mut sql, Some(SortKey::Votes(3, Uuid::nil())), 20);
        assert_eq!(
            sql.text(),
            " AND i.search @@ websearch_to_tsquery('swedish', $1) \
             AND (i.vote_count, i.id) < ($2, $3) ORDER BY i.vote_count DESC, i.id DESC LIMIT $4"
        );
        assert!(Order::Newest.accepts(&SortKey::Newest(Utc::now(), Uuid::nil())));
        assert!(!Order::Relevance.accepts(&SortKey::Newest(Utc::now(), Uuid::nil())));
    }
}
