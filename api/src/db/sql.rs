//! Plain SQL built in pieces, where a value is bound where it is written: `sql.bind::<Text,
//! _>(value)` binds the value and answers its placeholder (`$3`) to write into the text. No
//! parameter is numbered by hand, a filter and its value are added together, and a query
//! states only the conditions it has.

use diesel::pg::Pg;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel::serialize::ToSql;
use diesel::sql_types::HasSqlType;

/// A query being written.
pub struct Sql<'a> {
    text: String,
    binds: BoxedSqlQuery<'a, Pg, SqlQuery>,
    count: usize,
}

impl Default for Sql<'_> {
    fn default() -> Self {
        Self {
            text: String::new(),
            binds: diesel::sql_query("").into_boxed(),
            count: 0,
        }
    }
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
        let binds = std::mem::replace(&mut self.binds, diesel::sql_query("").into_boxed());
        self.binds = binds.bind::<T, V>(value);
        self.count += 1;
        format!("${}", self.count)
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
    pub fn finish(self) -> BoxedSqlQuery<'a, Pg, SqlQuery> {
        self.binds.sql(self.text)
    }

    #[cfg(test)]
    pub fn text(&self) -> &str {
        &self.text
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
}
