//! The database layer: the connection pool, the embedded migrations, and one module of
//! queries per group of tables. All SQL lives below this module.

/// Defines `lock_version(conn, id)` for a table with `id` and `version` columns: how every
/// `If-Match` update reads the version it checks against, the row locked until the
/// transaction ends.
macro_rules! lock_version_of {
    ($table:ident) => {
        /// The row's version, locking it until the transaction ends; `None` when it is gone.
        pub async fn lock_version(
            conn: &mut diesel_async::AsyncPgConnection,
            id: uuid::Uuid,
        ) -> diesel::QueryResult<Option<i32>> {
            use diesel::prelude::*;
            use diesel_async::RunQueryDsl;
            $table::table
                .find(id)
                .select($table::version)
                .for_update()
                .first(conn)
                .await
                .optional()
        }
    };
}

pub mod account_tokens;
pub mod adoptions;
pub mod api_keys;
pub mod audit;
pub mod changes;
pub mod ideas;
pub mod idempotency;
pub mod labs;
pub mod mail;
pub mod matches;
pub mod matching;
pub mod methods;
pub mod needs;
pub mod notifications;
pub mod offerings;
pub mod open_data;
pub mod organizations;
pub mod personal_data;
pub mod rate_limits;
pub mod recent_writes;
pub mod reference;
pub mod replica;
pub mod reports;
pub mod request;
pub mod retention;
pub mod schema;
pub mod search;
pub mod sessions;
pub mod snapshot_cache;
mod sql;
pub mod statistics;
pub mod users;
pub mod webhooks;

use anyhow::Context;
use diesel::{Connection as _, ConnectionError};
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::{AsyncDieselConnectionManager, ManagerConfig};
use diesel_async::{AsyncPgConnection, SimpleAsyncConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::config::PoolSettings;

pub type Pool = diesel_async::pooled_connection::deadpool::Pool<AsyncPgConnection>;
pub type PooledConnection = diesel_async::pooled_connection::deadpool::Object<AsyncPgConnection>;
pub type PoolError = diesel_async::pooled_connection::deadpool::PoolError;
pub use request::{Conn, Db};

/// The migrations of `migrations/`, compiled into the binary.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations");

/// Changes whenever a file under `migrations/` changes (computed by `build.rs`).
pub const MIGRATIONS_FINGERPRINT: &str = env!("INNOLABB_MIGRATIONS_FINGERPRINT");

/// How long Postgres lets a connection sit in an open transaction without a statement
/// before it ends the session (and rolls back). A request's transaction is idle only while
/// its handler computes, far less than this; the limit is for an API instance lost with
/// its machine (one killed outright closes its connections at once): its held
/// `Idempotency-Key`s and row locks are freed after at most this long.
pub const IDLE_IN_TRANSACTION_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// Builds the pool. No connection is opened until the first request needs one; each opened
/// carries the statement timeout (so that Postgres itself cancels a runaway statement) and
/// the idle-in-transaction timeout.
pub fn pool(database_url: &str, settings: PoolSettings) -> anyhow::Result<Pool> {
    let session_settings = format!(
        "SET statement_timeout = {}; SET idle_in_transaction_session_timeout = {}",
        settings.statement_timeout.as_millis(),
        IDLE_IN_TRANSACTION_TIMEOUT.as_millis()
    );
    // Recycling stays `Verified` (a `SELECT 1` when a connection is taken). `Fast` served
    // GET /challenge-areas about 16 % faster (wrk, 16 connections, 5 Dec 2026), but after
    // `pg_terminate_backend` it handed out ended connections not yet seen closed, so more
    // requests failed than were in flight (tests/faults caught it).
    let mut config = ManagerConfig::<AsyncPgConnection>::default();
    config.custom_setup = Box::new(move |url| {
        let session_settings = session_settings.clone();
        Box::pin(async move {
            let mut conn =
                <AsyncPgConnection as diesel_async::AsyncConnection>::establish(url).await?;
            conn.batch_execute(&session_settings)
                .await
                .map_err(ConnectionError::CouldntSetupConfiguration)?;
            Ok(conn)
        })
    });
    let manager =
        AsyncDieselConnectionManager::<AsyncPgConnection>::new_with_config(database_url, config);
    let wait = Some(settings.wait_timeout);
    Pool::builder(manager)
        .max_size(settings.max_size)
        .wait_timeout(wait)
        .create_timeout(wait)
        .recycle_timeout(wait)
        .runtime(deadpool::Runtime::Tokio1)
        .build()
        .context("could not build the database connection pool")
}

/// Whether a statement failed because the database cannot serve it now — the connection
/// lost, the server shutting down or starting, the statement timeout reached — rather
/// than because of the statement: the caller may try again (503 with `Retry-After`).
/// diesel keeps Postgres's SQLSTATE to itself, so the rest is told by the server's
/// (English) message.
pub fn is_unavailable(error: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    /// The starts of the messages of SQLSTATE 57014 (query canceled: statement timeout),
    /// 57P01–57P03 (shutdown, crash, cannot connect now) and 40001 on a replica (conflict
    /// with recovery).
    const TRANSIENT: [&str; 4] = [
        "canceling statement due to statement timeout",
        "canceling statement due to conflict with recovery",
        "terminating connection",
        "the database system is",
    ];
    match error {
        Error::DatabaseError(
            DatabaseErrorKind::UnableToSendCommand | DatabaseErrorKind::ClosedConnection,
            _,
        ) => true,
        Error::DatabaseError(DatabaseErrorKind::Unknown, info) => TRANSIENT
            .iter()
            .any(|start| info.message().starts_with(start)),
        _ => false,
    }
}

/// Applies every migration that the database has not seen yet.
pub async fn run_migrations(database_url: &str) -> anyhow::Result<()> {
    let database_url = database_url.to_owned();
    // diesel's migration harness is synchronous: run it on a blocking thread.
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let mut connection = AsyncConnectionWrapper::<AsyncPgConnection>::establish(&database_url)
            .context("could not connect to the database to migrate it")?;
        let applied = connection
            .run_pending_migrations(MIGRATIONS)
            .map_err(|error| anyhow::anyhow!("migration failed: {error}"))?;
        for version in applied {
            tracing::info!(%version, "applied migration");
        }
        Ok(())
    })
    .await
    .context("the migration task panicked")?
}

#[cfg(test)]
mod tests {
    use diesel::result::{DatabaseErrorKind, Error};

    use super::is_unavailable;

    fn failed(kind: DatabaseErrorKind, message: &str) -> Error {
        Error::DatabaseError(kind, Box::new(message.to_owned()))
    }

    #[test]
    fn a_lost_connection_or_a_timeout_is_unavailability_and_a_bad_statement_is_not() {
        for unavailable in [
            failed(DatabaseErrorKind::ClosedConnection, "connection closed"),
            failed(DatabaseErrorKind::UnableToSendCommand, "broken pipe"),
            failed(
                DatabaseErrorKind::Unknown,
                "canceling statement due to statement timeout",
            ),
            failed(
                DatabaseErrorKind::Unknown,
                "terminating connection due to administrator command",
            ),
            failed(
                DatabaseErrorKind::Unknown,
                "the database system is shutting down",
            ),
        ] {
            assert!(is_unavailable(&unavailable), "{unavailable}");
        }
        for failure in [
            failed(DatabaseErrorKind::UniqueViolation, "duplicate key value"),
            failed(
                DatabaseErrorKind::Unknown,
                "syntax error at or near \"SELEC\"",
            ),
            failed(
                DatabaseErrorKind::Unknown,
                "canceling statement due to user request",
            ),
            Error::NotFound,
        ] {
            assert!(!is_unavailable(&failure), "{failure}");
        }
    }
}
