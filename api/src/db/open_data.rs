//! Reading an open dataset in batches by id, and counting it.

use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::sql::Sql;
use crate::open_data::Dataset;

#[derive(QueryableByName)]
pub struct CellsRow {
    #[diesel(sql_type = sql::Uuid)]
    pub id: Uuid,
    #[diesel(sql_type = sql::Array<sql::Nullable<sql::Text>>)]
    pub cells: Vec<Option<String>>,
}

/// Up to `limit` records after `after`, in the order of their ids.
pub async fn batch(
    conn: &mut AsyncPgConnection,
    dataset: &Dataset,
    after: Option<Uuid>,
    limit: i64,
) -> QueryResult<Vec<CellsRow>> {
    let mut sql = Sql::new(format!(
        "SELECT x.id, ARRAY[{}] AS cells {}",
        dataset.cells, dataset.from
    ));
    if let Some(after) = after {
        let after = sql.bind::<sql::Uuid, _>(after);
        sql.push(format!(" AND x.id > {after}"));
    }
    let limit = sql.bind::<sql::BigInt, _>(limit);
    sql.push(format!(" ORDER BY x.id LIMIT {limit}"));
    sql.finish().load(conn).await
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = sql::BigInt)]
    count: i64,
}

pub async fn count(conn: &mut AsyncPgConnection, dataset: &Dataset) -> QueryResult<i64> {
    let row: Count = Sql::new(format!("SELECT count(*) AS count {}", dataset.from))
        .finish()
        .get_result(conn)
        .await?;
    Ok(row.count)
}
