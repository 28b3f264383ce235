//! What the lists of labs, needs and ideas share: Swedish full-text search, the orders
//! they can be sorted in, and the keyset cursors of those orders.
//!
//! The lists are plain SQL (built with [`Sql`]) with the listed table aliased; these helpers
//! write the parts that depend on the search and the order, so each list states only its
//! own filters.

use chrono::{DateTime, Utc};
use diesel::result::QueryResult;
use diesel::sql_types as sql;
use diesel::{OptionalExtension, QueryableByName};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::sql::Sql;
use crate::domain::swedish;

/// A table whose rows are searched, with the parts of the compound words of its title and
/// of its other texts stored beside them (`title_parts`, `text_parts`; see migration
/// `compound_parts`), which its search document indexes with the title's weight and a low one.
#[derive(Debug, Clone, Copy)]
pub enum Searched {
    Labs,
    Needs,
    Ideas,
    Offerings,
    Methods,
}

impl Searched {
    const ALL: [Self; 5] = [
        Self::Labs,
        Self::Needs,
        Self::Ideas,
        Self::Offerings,
        Self::Methods,
    ];

    /// The table.
    fn table(self) -> &'static str {
        self.table_and_texts().0
    }

    /// The table, and its searched texts besides the title as an SQL array.
    fn table_and_texts(self) -> (&'static str, &'static str) {
        match self {
            Self::Labs => ("labs", "ARRAY[summary, neighbourhood, description]"),
            Self::Needs => ("needs", "ARRAY[description]"),
            Self::Ideas => ("ideas", "ARRAY[body]"),
            Self::Offerings => ("offerings", "ARRAY[description]"),
            Self::Methods => ("methods", "ARRAY[summary, problem, approach, results]"),
        }
    }
}

/// How many rows are analysed in one statement.
const ANALYSED_AT_ONCE: i64 = 500;

/// Stores the compound parts of a row just written (in the write's transaction). Each write
/// of a searched text calls it, so which texts are searched is said once, in [`Searched`].
pub async fn analyse(conn: &mut AsyncPgConnection, table: Searched, id: Uuid) -> QueryResult<()> {
    analyse_rows(conn, table, Some(id)).await.map(|_| ())
}

/// Stores the compound parts of the rows not analysed yet (written before the parts
/// existed, or set back to NULL by a migration for a new word list); how many there were.
/// Each row gets a change in the changes feed (the feed cannot tell this update from
/// others) but keeps its version and `updated_at`.
pub async fn analyse_pending(conn: &mut AsyncPgConnection) -> QueryResult<usize> {
    let mut analysed = 0;
    for table in Searched::ALL {
        loop {
            match analyse_rows(conn, table, None).await? {
                0 => break,
                rows => analysed += rows,
            }
        }
    }
    Ok(analysed)
}

/// Analyses the row `id` of `table`, or (without one) a batch of its rows not analysed yet.
async fn analyse_rows(
    conn: &mut AsyncPgConnection,
    table: Searched,
    id: Option<Uuid>,
) -> QueryResult<usize> {
    #[derive(QueryableByName)]
    struct Texts {
        #[diesel(sql_type = sql::Uuid)]
        id: Uuid,
        #[diesel(sql_type = sql::Text)]
        title: String,
        #[diesel(sql_type = sql::Array<sql::Text>)]
        texts: Vec<String>,
    }
    let (table, texts) = table.table_and_texts();
    let mut select = Sql::new(format!(
        "SELECT id, title, {texts} AS texts FROM {table} WHERE "
    ));
    match id {
        Some(id) => {
            let id = select.bind::<sql::Uuid, _>(id);
            select.push(format!("id = {id}"));
        }
        None => {
            let limit = select.bind::<sql::BigInt, _>(ANALYSED_AT_ONCE);
            select.push(format!(
                "(title_parts IS NULL OR text_parts IS NULL) LIMIT {limit}"
            ));
        }
    }
    let rows: Vec<Texts> = select.finish().load(conn).await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let (mut ids, mut titles, mut others) = (Vec::new(), Vec::new(), Vec::new());
    for row in &rows {
        let texts: Vec<&str> = row.texts.iter().map(String::as_str).collect();
        ids.push(row.id);
        titles.push(swedish::compound_parts(&[&row.title]));
        others.push(swedish::compound_parts(&texts));
    }
    let mut update = Sql::default();
    let (ids, titles, others) = (
        update.bind::<sql::Array<sql::Uuid>, _>(ids),
        update.bind::<sql::Array<sql::Text>, _>(titles),
        update.bind::<sql::Array<sql::Text>, _>(others),
    );
    update.push(format!(
        "UPDATE {table} t SET title_parts = v.title, text_parts = v.other \
         FROM unnest({ids}::uuid[], {titles}::text[], {others}::text[]) AS v(id, title, other) \
         WHERE t.id = v.id"
    ));
    update.finish().execute(conn).await?;
    Ok(rows.len())
}

/// The search text as a Postgres query: the web-search syntax of `websearch_to_tsquery`
/// (phrases in quotes, `or`, `-` for not), each word widened to its synonyms and to its
/// parts when it is a compound (see [`swedish::expand_query`]), all bound into `sql`.
pub fn search_query(sql: &mut Sql<'_>, query: &str) -> String {
    let mut expression = format!(
        "websearch_to_tsquery('swedish', {})",
        sql.bind::<sql::Text, _>(query.to_owned())
    );
    for expansion in swedish::expand_query(query) {
        let word = format!(
            "plainto_tsquery('swedish', {})",
            sql.bind::<sql::Text, _>(expansion.word)
        );
        let mut widened = word.clone();
        for alternative in expansion.alternatives {
            widened.push_str(&format!(
                " || plainto_tsquery('swedish', {})",
                sql.bind::<sql::Text, _>(alternative)
            ));
        }
        expression = format!("ts_rewrite({expression}, {word}, {widened})");
    }
    expression
}

/// Gathers the words of the visible texts again (see migration `search_words`) when
/// something changed since they last were, unless another instance is at it; whether it did.
pub async fn refresh_words(conn: &mut AsyncPgConnection) -> QueryResult<bool> {
    #[derive(QueryableByName)]
    struct State {
        #[diesel(sql_type = sql::Nullable<sql::Timestamptz>)]
        changes_until: Option<DateTime<Utc>>,
        #[diesel(sql_type = sql::Nullable<sql::Timestamptz>)]
        latest: Option<DateTime<Utc>>,
    }
    conn.transaction(async |conn| {
        let state: Option<State> = diesel::sql_query(
            "SELECT changes_until, (SELECT max(at) FROM changes) AS latest \
                 FROM search_words_refreshed FOR UPDATE SKIP LOCKED",
        )
        .get_result(conn)
        .await
        .optional()?;
        let Some(latest) = state.and_then(|state| {
            state
                .latest
                .filter(|&latest| Some(latest) > state.changes_until)
        }) else {
            return Ok(false);
        };
        // Gathering reads every searched text (seconds on a large platform): a background
        // task, not a request, so the requests' statement timeout does not apply.
        diesel::sql_query("SET LOCAL statement_timeout = 0")
            .execute(conn)
            .await?;
        diesel::sql_query("REFRESH MATERIALIZED VIEW CONCURRENTLY search_words")
            .execute(conn)
            .await?;
        let mut update = Sql::default();
        let latest = update.bind::<sql::Timestamptz, _>(latest);
        update.push(format!(
            "UPDATE search_words_refreshed SET changes_until = {latest}"
        ));
        update.finish().execute(conn).await?;
        Ok(true)
    })
    .await
}

/// For each of `words` that no visible text holds, the closest word that one does (by
/// trigram similarity, most common first among equals), where one is close enough.
pub async fn closest_words(
    conn: &mut AsyncPgConnection,
    words: Vec<String>,
) -> QueryResult<Vec<(String, String)>> {
    #[derive(QueryableByName)]
    struct Closest {
        #[diesel(sql_type = sql::Text)]
        typed: String,
        #[diesel(sql_type = sql::Text)]
        closest: String,
    }
    let mut sql = Sql::default();
    let words = sql.bind::<sql::Array<sql::Text>, _>(words);
    sql.push(format!(
        "SELECT q.word AS typed, c.word AS closest FROM unnest({words}::text[]) AS q(word)
         CROSS JOIN LATERAL (SELECT s.word FROM search_words s WHERE s.word % q.word
                             ORDER BY similarity(s.word, q.word) DESC, s.documents DESC, s.word
                             LIMIT 1) c
         WHERE NOT EXISTS (SELECT 1 FROM search_words k WHERE k.word = q.word)"
    ));
    let found: Vec<Closest> = sql.finish().load(conn).await?;
    Ok(found
        .into_iter()
        .map(|found| (found.typed, found.closest))
        .collect())
}

/// The visible texts' words that begin with `prefix` (lower case letters), most common first.
pub async fn words_beginning(
    conn: &mut AsyncPgConnection,
    prefix: &str,
    limit: i64,
) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Word {
        #[diesel(sql_type = sql::Text)]
        word: String,
    }
    let mut sql = Sql::default();
    // Letters only reach here, so the pattern has no wildcard but its last.
    let pattern = sql.bind::<sql::Text, _>(format!("{prefix}%"));
    let limit = sql.bind::<sql::BigInt, _>(limit);
    sql.push(format!(
        "SELECT word FROM search_words WHERE word LIKE {pattern} \
         ORDER BY documents DESC, word LIMIT {limit}"
    ));
    let words: Vec<Word> = sql.finish().load(conn).await?;
    Ok(words.into_iter().map(|word| word.word).collect())
}

/// Where a page ends, in the list's order; the next page starts after it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum SortKey {
    Newest(DateTime<Utc>, Uuid),
    Rank(f32, Uuid),
    Votes(i32, Uuid),
    Updated(DateTime<Utc>, Uuid),
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
    /// The least recently changed first (`sort=updated_at`), for incremental sync: a row
    /// changed while a partner pages moves to the end, where the partner still reads it.
    Updated,
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
                | (Self::Updated, SortKey::Updated(..))
        )
    }

    pub fn order_by(self, alias: &str, rank: &str) -> String {
        match self {
            Self::Newest => format!("{alias}.created_at DESC, {alias}.id DESC"),
            Self::Relevance => format!("{rank} DESC, {alias}.id DESC"),
            Self::MostVoted => format!("{alias}.vote_count DESC, {alias}.id DESC"),
            Self::Updated => format!("{alias}.updated_at, {alias}.id"),
        }
    }

    /// The cursor of a row.
    pub fn key_of(self, row: KeyFields) -> SortKey {
        match self {
            Self::Newest => SortKey::Newest(row.created_at, row.id),
            Self::Relevance => SortKey::Rank(row.rank, row.id),
            Self::MostVoted => SortKey::Votes(row.votes, row.id),
            Self::Updated => SortKey::Updated(row.updated_at, row.id),
        }
    }
}

/// What a row's cursor may be made of, in any order.
#[derive(Debug, Clone, Copy)]
pub struct KeyFields {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub rank: f32,
    pub votes: i32,
}

impl KeyFields {
    /// The fields of a row that has no votes (anything but an idea).
    pub fn of(id: Uuid, created_at: DateTime<Utc>, updated_at: DateTime<Utc>, rank: f32) -> Self {
        Self {
            id,
            created_at,
            updated_at,
            rank,
            votes: 0,
        }
    }
}

/// Which part of a list a query reads: its order, where the previous page ended, how many
/// rows, (for incremental sync) only rows changed at or after a time, and (for a quick
/// search) how many of the newest matches are ranked.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub order: Order,
    pub after: Option<SortKey>,
    pub limit: i64,
    pub updated_since: Option<DateTime<Utc>>,
    /// When searching, rank only this many of the newest matches instead of all: ranking
    /// costs each match, and a word of a third of 100,000 ideas takes some 70 ms to rank
    /// in full (`cargo xtask bench-search`); `None` ranks every match, as lists must.
    pub candidates: Option<i64>,
}

impl Window {
    /// The first `limit` rows in `order`.
    pub fn first(order: Order, limit: i64) -> Self {
        Self {
            order,
            after: None,
            limit,
            updated_since: None,
            candidates: None,
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
    window: Window,
    alias: &'static str,
    /// The search as a Postgres query (see [`search_query`]), when searching.
    query: Option<String>,
}

impl Listing {
    /// Binds the search text, if any, for the `window` of a list of the rows of `alias`.
    pub fn bind(
        sql: &mut Sql<'_>,
        alias: &'static str,
        window: Window,
        query: Option<&str>,
    ) -> Self {
        let query = query.map(|query| search_query(sql, query));
        Self {
            window,
            alias,
            query,
        }
    }

    /// The rank to select: the search rank (title over text) when sorting by it, else 0.
    pub fn rank(&self) -> String {
        match (&self.query, self.window.order) {
            (Some(query), Order::Relevance) => format!("ts_rank({}.search, {query})", self.alias),
            _ => "0::real".to_owned(),
        }
    }

    /// Appends the search condition on the rows of `table` (nothing without a search):
    /// its matches, or the newest of them when the window bounds the candidates (an array
    /// gathered once, then read by primary key, so no plan scans the table to join them).
    /// The matches are found through the text index before they are sorted (`OFFSET 0`
    /// keeps the planner from walking the newest-first index instead, in hope of meeting
    /// 100 matches early): among 100,000 ideas a word no idea holds took 57 ms that way,
    /// 0.5 ms this way; a word every idea holds takes 37 ms instead of 4.
    pub fn push_search(&self, sql: &mut Sql<'_>, table: Searched) {
        let (Some(query), alias) = (&self.query, self.alias) else {
            return;
        };
        match self.window.candidates {
            None => {
                sql.push(format!(" AND {alias}.search @@ {query}"));
            }
            Some(candidates) => {
                let candidates = sql.bind::<sql::BigInt, _>(candidates);
                sql.push(format!(
                    " AND {alias}.id = ANY(ARRAY(SELECT c.id FROM (SELECT c.id, c.created_at \
                     FROM {} c WHERE c.search @@ {query} OFFSET 0) c \
                     ORDER BY c.created_at DESC, c.id DESC LIMIT {candidates}))",
                    table.table()
                ));
            }
        }
    }

    /// Appends the rows changed since the window's time (for incremental sync), those after
    /// the cursor (on pages after the first), the order and the limit.
    pub fn push_page(&self, sql: &mut Sql<'_>) {
        let Window {
            order,
            after,
            limit,
            updated_since,
            ..
        } = self.window;
        let alias = self.alias;
        let rank = self.rank();
        sql.and_at_least::<sql::Timestamptz, _>(&format!("{alias}.updated_at"), updated_since);
        if let Some(key) = after {
            let (value, id) = match key {
                SortKey::Newest(at, id) | SortKey::Updated(at, id) => {
                    (sql.bind::<sql::Timestamptz, _>(at), id)
                }
                SortKey::Rank(rank, id) => (sql.bind::<sql::Float4, _>(rank), id),
                SortKey::Votes(votes, id) => (sql.bind::<sql::Integer, _>(votes), id),
            };
            let id = sql.bind::<sql::Uuid, _>(id);
            let (column, after) = match order {
                Order::Newest => (format!("{alias}.created_at"), "<"),
                Order::Relevance => (rank.clone(), "<"),
                Order::MostVoted => (format!("{alias}.vote_count"), "<"),
                Order::Updated => (format!("{alias}.updated_at"), ">"),
            };
            sql.push(format!(
                " AND ({column}, {alias}.id) {after} ({value}, {id})"
            ));
        }
        let limit = sql.bind::<sql::BigInt, _>(limit);
        sql.push(format!(
            " ORDER BY {} LIMIT {limit}",
            order.order_by(alias, &rank)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_order_pages_on_its_own_key_and_takes_only_its_own_cursors() {
        let mut sql = Sql::default();
        let window = Window {
            after: Some(SortKey::Votes(3, Uuid::nil())),
            ..Window::first(Order::MostVoted, 20)
        };
        let listing = Listing::bind(&mut sql, "i", window, Some("kaffe"));
        listing.push_search(&mut sql, Searched::Ideas);
        listing.push_page(&mut sql);
        assert_eq!(
            sql.text(),
            " AND i.search @@ websearch_to_tsquery('swedish', $1) \
             AND (i.vote_count, i.id) < ($2, $3) ORDER BY i.vote_count DESC, i.id DESC LIMIT $4"
        );
        assert!(Order::Newest.accepts(&SortKey::Newest(Utc::now(), Uuid::nil())));
        assert!(!Order::Relevance.accepts(&SortKey::Newest(Utc::now(), Uuid::nil())));
    }

    #[test]
    fn a_bounded_search_ranks_only_the_newest_matches_of_its_table() {
        let mut sql = Sql::default();
        let window = Window {
            candidates: Some(100),
            ..Window::first(Order::Relevance, 5)
        };
        let listing = Listing::bind(&mut sql, "o", window, Some("kaffe"));
        listing.push_search(&mut sql, Searched::Offerings);
        assert_eq!(
            sql.text(),
            " AND o.id = ANY(ARRAY(SELECT c.id FROM (SELECT c.id, c.created_at \
             FROM offerings c WHERE c.search @@ websearch_to_tsquery('swedish', $1) OFFSET 0) c \
             ORDER BY c.created_at DESC, c.id DESC LIMIT $2))"
        );
    }

    #[test]
    fn a_search_widens_each_word_with_synonyms_and_parts_in_one_rewrite_each() {
        let mut sql = Sql::default();
        let query = search_query(&mut sql, "kaffe trygghetsvandringar");
        assert_eq!(
            query,
            "ts_rewrite(websearch_to_tsquery('swedish', $1), plainto_tsquery('swedish', $2), \
             plainto_tsquery('swedish', $2) || plainto_tsquery('swedish', $3))"
        );
        assert_eq!(
            search_query(&mut Sql::default(), "kaffe"),
            "websearch_to_tsquery('swedish', $1)"
        );
    }

    #[test]
    fn a_sync_reads_forward_from_its_time_and_cursor() {
        let mut sql = Sql::default();
        let window = Window {
            after: Some(SortKey::Updated(Utc::now(), Uuid::nil())),
            updated_since: Some(Utc::now()),
            ..Window::first(Order::Updated, 50)
        };
        Listing::bind(&mut sql, "l", window, None).push_page(&mut sql);
        assert_eq!(
            sql.text(),
            " AND l.updated_at >= $1 AND (l.updated_at, l.id) > ($2, $3) \
             ORDER BY l.updated_at, l.id LIMIT $4"
        );
        assert!(!Order::Updated.accepts(&SortKey::Newest(Utc::now(), Uuid::nil())));
    }
}
