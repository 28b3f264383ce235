//! A fresh database per test, copied from a template that is migrated once per cluster
//! (and again whenever the migrations change): `CREATE DATABASE … TEMPLATE` takes tens of
//! milliseconds where migrating takes far longer.

use anyhow::Context;
use diesel::sql_types::Text;
use diesel::{QueryableByName, sql_query};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// Any number, the same in every test process: serialises building the template.
const TEMPLATE_LOCK: i64 = 7_251_110_427;

/// Creates a database for one test and returns its URL.
pub async fn fresh() -> anyhow::Result<String> {
    let server_url = std::env::var("DATABASE_URL").context(
        "DATABASE_URL is not set: run the tests with `cargo xtask test`, or point DATABASE_URL \
         at a Postgres database whose user may create databases",
    )?;
    let template = format!("innolabb_template_{}", api::db::MIGRATIONS_FINGERPRINT);
    let mut conn = AsyncPgConnection::establish(&server_url)
        .await
        .context("could not connect to DATABASE_URL")?;
    ensure_template(&mut conn, &server_url, &template).await?;
    let name = format!("test_{}", uuid::Uuid::new_v4().simple());
    sql_query(format!(
        "CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""
    ))
    .execute(&mut conn)
    .await
    .context("could not copy the template database")?;
    Ok(with_database(&server_url, &name))
}

/// Drops the database of `database_url`, ending its connections.
pub async fn drop(database_url: &str) -> anyhow::Result<()> {
    let name = database_name(database_url);
    let maintenance = with_database(database_url, "postgres");
    let mut conn = AsyncPgConnection::establish(&maintenance).await?;
    sql_query(format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
        .execute(&mut conn)
        .await?;
    Ok(())
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    datname: String,
}

/// Builds the template unless another test process already has; under an advisory lock
/// so that concurrent test binaries build it once.
async fn ensure_template(
    conn: &mut AsyncPgConnection,
    server_url: &str,
    template: &str,
) -> anyhow::Result<()> {
    sql_query(format!("SELECT pg_advisory_lock({TEMPLATE_LOCK})"))
        .execute(conn)
        .await?;
    let result = build_template_once(conn, server_url, template).await;
    sql_query(format!("SELECT pg_advisory_unlock({TEMPLATE_LOCK})"))
        .execute(conn)
        .await?;
    result
}

async fn build_template_once(
    conn: &mut AsyncPgConnection,
    server_url: &str,
    template: &str,
) -> anyhow::Result<()> {
    let existing: Vec<Name> = sql_query("SELECT datname FROM pg_database WHERE datname = $1")
        .bind::<Text, _>(template)
        .load(conn)
        .await?;
    if existing.iter().any(|row| row.datname == template) {
        return Ok(());
    }
    // Built under another name and renamed when complete, so a crash never leaves a
    // half-migrated template behind.
    let partial = format!("{template}_partial");
    sql_query(format!("DROP DATABASE IF EXISTS \"{partial}\""))
        .execute(conn)
        .await?;
    sql_query(format!("CREATE DATABASE \"{partial}\""))
        .execute(conn)
        .await?;
    api::db::run_migrations(&with_database(server_url, &partial)).await?;
    sql_query(format!(
        "ALTER DATABASE \"{partial}\" RENAME TO \"{template}\""
    ))
    .execute(conn)
    .await?;
    Ok(())
}

/// The URL of another database on the same server.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(base, query)| (base, Some(query)));
    let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
    match query {
        Some(query) => format!("{server}/{database}?{query}"),
        None => format!("{server}/{database}"),
    }
}

fn database_name(url: &str) -> &str {
    let base = url.split('?').next().unwrap_or(url);
    base.rsplit('/').next().unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_database_keeps_the_server_and_options() {
        assert_eq!(
            with_database("postgres://u@127.0.0.1:5432/postgres?sslmode=disable", "t1"),
            "postgres://u@127.0.0.1:5432/t1?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://u@h:1/x", "t2"),
            "postgres://u@h:1/t2"
        );
        assert_eq!(database_name("postgres://u@h:1/t2?a=b"), "t2");
    }
}
