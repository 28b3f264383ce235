//! Helpers of the end-to-end tests: a real API server on a free port with a database of its
//! own (copied from a migrated template), an HTTP client for it, and a headless browser.
//!
//! The tests need `DATABASE_URL` to name a database of a Postgres cluster where they may
//! create databases; `cargo xtask test` starts a throwaway cluster and sets it.

pub mod browser;
mod database;

use std::path::PathBuf;

use actix_web::dev::ServerHandle;
use anyhow::Context;
use api::config::Config;
use api::startup::Application;

/// A running API with its own fresh database.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    /// The URL of this app's database, for checking what was stored.
    pub database_url: String,
    /// A client that does not follow redirects, so tests see them.
    pub client: reqwest::Client,
    handle: ServerHandle,
}

impl TestApp {
    /// Starts the API on a free port with a fresh database.
    pub async fn spawn() -> anyhow::Result<Self> {
        let database_url = database::fresh().await?;
        Self::spawn_on(database_url).await
    }

    /// Starts the API on a free port with the given database.
    pub async fn spawn_on(database_url: String) -> anyhow::Result<Self> {
        let config = Config {
            database_url: database_url.clone(),
            bind_addr: "127.0.0.1:0".parse()?,
            static_dir: static_dir(),
            database_pool_size: 4,
        };
        let application = Application::build(config).await?;
        let address = format!("http://127.0.0.1:{}", application.port());
        let handle = application.handle();
        tokio::spawn(application.run_until_stopped());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Self {
            address,
            database_url,
            client,
            handle,
        })
    }

    /// The absolute URL of a path, e.g. `app.url("/api/v1/health")`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// `GET` a path.
    pub async fn get(&self, path: &str) -> anyhow::Result<reqwest::Response> {
        self.client
            .get(self.url(path))
            .send()
            .await
            .with_context(|| format!("GET {path}"))
    }

    /// `GET` a path and parse its JSON body, failing unless the status is 200.
    pub async fn get_json<T: serde::de::DeserializeOwned>(&self, path: &str) -> anyhow::Result<T> {
        let response = self.get(path).await?;
        anyhow::ensure!(
            response.status() == 200,
            "GET {path} answered {}",
            response.status()
        );
        Ok(response.json().await?)
    }

    /// Stops the server (it also stops when the test's runtime ends).
    pub async fn stop(&self) {
        self.handle.stop(false).await;
    }
}

/// Drops a database, closing its connections: for tests of what happens when it is gone.
pub async fn drop_database(database_url: &str) -> anyhow::Result<()> {
    database::drop(database_url).await
}

/// The built web client: `STATIC_DIR`, or `web-client/dist` of this workspace.
pub fn static_dir() -> PathBuf {
    std::env::var_os("STATIC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("web-client/dist"))
}

/// The root of this workspace.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}
