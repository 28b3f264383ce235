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
pub mod reference;
pub mod reports;
pub mod retention;
pub mod schema;
pub mod search;
pub mod sessions;
mod sql;
pub mod statistics;
pub mod users;
pub mod webhooks;

use std::time::Duration;

use anyhow::Context;
use diesel::Connection as _;
use diesel_async::AsyncPgConnection;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::AsyncDieselConnectionManager;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub type Pool = diesel_async::pooled_connection::deadpool::Pool<AsyncPgConnection>;
pub type PooledConnection = diesel_async::pooled_connection::deadpool::Object<AsyncPgConnection>;
pub type PoolError = diesel_async::pooled_connection::deadpool::PoolError;

/// The migrations of `migrations/`, compiled into the binary.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations");

/// Changes whenever a file under `migrations/` changes (computed by `build.rs`).
pub const MIGRATIONS_FINGERPRINT: &str = env!("INNOLABB_MIGRATIONS_FINGERPRINT");

/// How long a request waits for a connection (or for a new one to open) before it fails
/// with 503 instead of hanging.
const POOL_TIMEOUT: Duration = Duration::from_secs(5);

/// Builds the pool. No connection is opened until the first request needs one.
pub fn pool(database_url: &str, max_size: usize) -> anyhow::Result<Pool> {
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(database_url);
    Pool::builder(manager)
        .max_size(max_size)
        .wait_timeout(Some(POOL_TIMEOUT))
        .create_timeout(Some(POOL_TIMEOUT))
        .recycle_timeout(Some(POOL_TIMEOUT))
        .runtime(deadpool::Runtime::Tokio1)
        .build()
        .context("could not build the database connection pool")
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
