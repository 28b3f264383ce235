//! What the lists of labs, needs and ideas share: Swedish full-text search, the orders
//! they can be sorted in, and the keyset cursors of those orders.
//!
//! The lists are plain SQL with the listed table aliased; these helpers write the parts
//! that depend on the order, so each list states only its own filters.

use chrono::{DateTime, Utc};
use diesel::pg::Pg;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel::sql_types as sql;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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

/// The search rank of the rows of `alias` for the query in parameter `param`.
pub fn rank_expression(alias: &str, param: &str) -> String {
    format!("ts_rank({alias}.search, websearch_to_tsquery('swedish', {param}))")
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

    /// The rank to select: the real one when sorting by it, else 0.
    pub fn rank_or_zero(self, rank: &str) -> String {
        match self {
            Self::Relevance => rank.to_owned(),
            _ => "0::real".to_owned(),
        }
    }

    /// The condition "after the cursor in parameters `first`, `id`" (true without one).
    pub fn keyset(self, alias: &str, rank: &str, first: &str, id: &str) -> String {
        let (cast, column) = match self {
            Self::Newest => ("timestamptz", format!("{alias}.created_at")),
            Self::Relevance => ("real", rank.to_owned()),
            Self::MostVoted => ("integer", format!("{alias}.vote_count")),
        };
        format!("({first}::{cast} IS NULL OR ({column}, {alias}.id) < ({first}, {id}))")
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

/// Binds the cursor's two parameters (both `NULL` on the first page).
pub fn bind_keyset<'a>(
    query: BoxedSqlQuery<'a, Pg, SqlQuery>,
    order: Order,
    after: Option<SortKey>,
) -> BoxedSqlQuery<'a, Pg, SqlQuery> {
    let id = after.map(|key| match key {
        SortKey::Newest(_, id) | SortKey::Rank(_, id) | SortKey::Votes(_, id) => id,
    });
    let query = match order {
        Order::Newest => query.bind::<sql::Nullable<sql::Timestamptz>, _>(match after {
            Some(SortKey::Newest(at, _)) => Some(at),
            _ => None,
        }),
        Order::Relevance => query.bind::<sql::Nullable<sql::Float4>, _>(match after {
            Some(SortKey::Rank(rank, _)) => Some(rank),
            _ => None,
        }),
        Order::MostVoted => query.bind::<sql::Nullable<sql::Integer>, _>(match after {
            Some(SortKey::Votes(votes, _)) => Some(votes),
            _ => None,
        }),
    };
    query.bind::<sql::Nullable<sql::Uuid>, _>(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_order_has_its_keyset_and_takes_only_its_own_cursors() {
        assert_eq!(
            Order::MostVoted.keyset("i", "", "$1", "$2"),
            "($1::integer IS NULL OR (i.vote_count, i.id) < ($1, $2))"
        );
        assert!(Order::Newest.accepts(&SortKey::Newest(Utc::now(), Uuid::nil())));
        assert!(!Order::Relevance.accepts(&SortKey::Newest(Utc::now(), Uuid::nil())));
    }
}
