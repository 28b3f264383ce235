//! Plain SQL built in pieces, where a value is bound where it is written: `sql.bind::<Text,
//! _>(value)` binds the value and answers its placeholder (`$3`) to write into the text. No
//! parameter is numbered by hand, a filter and its value are added together, and a query
//! states only the conditions it has.
//!
//! A finished query is a prepared statement the connection keeps, keyed by its text (as
//! diesel keeps its typed queries): Postgres parses and plans each text once per connection,
//! not on every request as with diesel's `sql_query`. The texts are finitely many — values
//! are always bound, never written into the text — so the cache stays small.

use std::marker::PhantomData;

use diesel::QueryResult;
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::{HasSqlType, Untyped};

/// A query being written.
#[derive(Default)]
pub struct Sql<'a> {
    text: String,
    binds: Vec<Box<dyn QueryFragment<Pg> + Send + 'a>>,
}

impl<'a> Sql<'a> {
    pub fn new(text: impl AsRef<str>) -> Self {
        let mut sql = Self::default();
        sql.push(text);
        sql
    }

    /// Binds `value` as the next parameter and answers its placeholder.
    pub fn bind<T, V>(&mut self, value: V) -> String
    where
        Pg: HasSqlType<T>,
        V: ToSql<T, Pg> + Send + 'a,
        T: Send + 'a,
    {
        self.binds.push(Box::new(Bind {
            value,
            kind: PhantomData,
        }));
        format!("${}", self.binds.len())
    }

    /// Appends ` AND {column} = {value}` when there is a value: a list's optional filter.
    pub fn and_eq<T, V>(&mut self, column: &str, value: Option<V>) -> &mut Self
    where
        Pg: HasSqlType<T>,
        V: ToSql<T, Pg> + Send + 'a,
        T: Send + 'a,
    {
        self.and_compare::<T, V>(column, "=", value)
    }

    /// Appends `AND column >= $n` when there is a value.
    pub fn and_at_least<T, V>(&mut self, column: &str, value: Option<V>) -> &mut Self
    where
        Pg: HasSqlType<T>,
        V: ToSql<T, Pg> + Send + 'a,
        T: Send + 'a,
    {
        self.and_compare::<T, V>(column, ">=", value)
    }

    fn and_compare<T, V>(&mut self, column: &str, operator: &str, value: Option<V>) -> &mut Self
    where
        Pg: HasSqlType<T>,
        V: ToSql<T, Pg> + Send + 'a,
        T: Send + 'a,
    {
        if let Some(value) = value {
            let value = self.bind::<T, V>(value);
            self.push(format!(" AND {column} {operator} {value}"));
        }
        self
    }

    /// Appends text (which may name placeholders from [`Sql::bind`]).
    pub fn push(&mut self, text: impl AsRef<str>) -> &mut Self {
        self.text.push_str(text.as_ref());
        self
    }

    /// The query, to run with diesel-async's `RunQueryDsl`.
    pub fn finish(self) -> Query<'a> {
        Query {
            text: self.text,
            binds: self.binds,
        }
    }

    #[cfg(test)]
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// A finished query: its text and the values its placeholders stand for.
pub struct Query<'a> {
    text: String,
    binds: Vec<Box<dyn QueryFragment<Pg> + Send + 'a>>,
}

impl QueryFragment<Pg> for Query<'_> {
    /// The text with each `$n` handed to diesel as the n-th bound value (diesel numbers the
    /// parameters again as it writes them). Unlike `sql_query`, nothing marks the query
    /// unsafe to cache, so the connection keeps it prepared under its text.
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        let mut rest = self.text.as_str();
        while let Some(dollar) = rest.find('$') {
            let digits = rest[dollar + 1..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            let number: Option<usize> = rest[dollar + 1..dollar + 1 + digits].parse().ok();
            let bind = number.and_then(|n| self.binds.get(n.checked_sub(1)?));
            match bind {
                Some(bind) => {
                    out.push_sql(&rest[..dollar]);
                    bind.walk_ast(out.reborrow())?;
                }
                // Not a placeholder of ours: the text as written.
                None => out.push_sql(&rest[..dollar + 1 + digits]),
            }
            rest = &rest[dollar + 1 + digits..];
        }
        out.push_sql(rest);
        Ok(())
    }
}

impl QueryId for Query<'_> {
    type QueryId = ();
    // Keyed by its text, not by its Rust type.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl diesel::query_builder::Query for Query<'_> {
    type SqlType = Untyped;
}

/// One bound value of SQL type `T`.
struct Bind<T, V> {
    value: V,
    kind: PhantomData<T>,
}

impl<T, V> QueryFragment<Pg> for Bind<T, V>
where
    Pg: HasSqlType<T>,
    V: ToSql<T, Pg>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_bind_param::<T, V>(&self.value)
    }
}

/// `text` as a literal inside a `LIKE` pattern: its `%`, `_` and backslash match only themselves.
pub fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if matches!(character, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::sql_types as sql;

    #[test]
    fn like_wildcards_in_a_search_match_only_themselves() {
        assert_eq!(escape_like("Hyresgäst"), "Hyresgäst");
        assert_eq!(escape_like("100%_a\\b"), "100\\%\\_a\\\\b");
    }

    #[test]
    fn placeholders_are_numbered_in_the_order_values_are_bound() {
        let mut query = Sql::new("SELECT 1 WHERE true");
        let area = query.bind::<sql::Text, _>("schools");
        query.push(format!(" AND area = {area}"));
        query.and_eq::<sql::Text, _>("phase", None::<&str>);
        query.and_eq::<sql::Text, _>("status", Some("open"));
        let limit = query.bind::<sql::BigInt, _>(20_i64);
        query.push(format!(" LIMIT {limit}"));
        assert_eq!(
            query.text(),
            "SELECT 1 WHERE true AND area = $1 AND status = $2 LIMIT $3"
        );
    }

    #[test]
    fn the_finished_query_binds_each_placeholder_where_it_stands_even_twice() {
        let mut query = Sql::new("SELECT '$x' ");
        let everything = query.bind::<sql::Bool, _>(true);
        let area = query.bind::<sql::Text, _>("schools");
        query.push(format!(
            "WHERE ({everything} OR a = {area}) AND ({everything} OR $9)"
        ));
        let written = diesel::debug_query::<Pg, _>(&query.finish()).to_string();
        assert_eq!(
            written,
            "SELECT '$x' WHERE ($1 OR a = $2) AND ($3 OR $9) -- binds: [true, \"schools\", true]"
        );
    }
}
