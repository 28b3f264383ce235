//! Helpers of the end-to-end tests: a real API server on a free port with a database of its
//! own (copied from a migrated template), an HTTP client for it, and a headless browser.
//!
//! The tests need `DATABASE_URL` to name a database of a Postgres cluster where they may
//! create databases; `cargo xtask test` starts a throwaway cluster and sets it.

pub mod browser;
mod database;
pub mod receiver;
pub mod smtp;

use std::path::PathBuf;

use actix_web::dev::ServerHandle;
use anyhow::Context;
use api::config::{AuthConfig, Config, KeyRateLimit, MailConfig, WebhookPolicy};
use api::startup::Application;

/// The secret the test servers sign access tokens with.
pub const TEST_JWT_SECRET: &[u8] = b"the-test-secret-of-innolabb-at-least-32-bytes";

/// A running API with its own fresh database.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    /// The URL of this app's database, for checking what was stored.
    pub database_url: String,
    /// A client that does not follow redirects, so tests see them.
    pub client: reqwest::Client,
    /// The in-process server; `None` for one started otherwise ([`TestApp::at`]).
    handle: Option<ServerHandle>,
}

impl TestApp {
    /// Starts the API on a free port with a fresh database.
    pub async fn spawn() -> anyhow::Result<Self> {
        let database_url = database::fresh().await?;
        Self::spawn_on(database_url).await
    }

    /// Starts the API on a free port with the given database.
    pub async fn spawn_on(database_url: String) -> anyhow::Result<Self> {
        Self::start(Self::config(database_url)?).await
    }

    /// Starts the API with a fresh database and its configuration changed by `configure`.
    pub async fn spawn_with(configure: impl FnOnce(&mut Config)) -> anyhow::Result<Self> {
        Self::spawn_with_database(database::fresh().await?, configure).await
    }

    /// Starts the API on the given database (a second instance beside another, say) with
    /// its configuration changed by `configure`.
    pub async fn spawn_with_database(
        database_url: String,
        configure: impl FnOnce(&mut Config),
    ) -> anyhow::Result<Self> {
        let mut config = Self::config(database_url)?;
        configure(&mut config);
        Self::start(config).await
    }

    /// The tests' configuration: a free port, the built client, a small pool.
    fn config(database_url: String) -> anyhow::Result<Config> {
        Ok(Config {
            database_url,
            database_replica_url: None,
            bind_addr: "127.0.0.1:0".parse()?,
            static_dir: static_dir(),
            database_pool: api::config::PoolSettings {
                max_size: 4,
                ..Default::default()
            },
            auth: AuthConfig::new(TEST_JWT_SECRET, false)?,
            webhooks: WebhookPolicy::default(),
            key_rate_limit: KeyRateLimit::default(),
            // Quickly, so that a test soon finds a new text's words in corrections.
            search_words_refresh: std::time::Duration::from_millis(200),
            mail: MailConfig::off(),
            // Browser tests fill forms faster than people; the spam tests set the default.
            spam: api::config::SpamPolicy { min_fill_ms: 0 },
        })
    }

    async fn start(config: Config) -> anyhow::Result<Self> {
        let database_url = config.database_url.clone();
        let application = Application::build(config).await?;
        let address = format!("http://127.0.0.1:{}", application.port());
        let handle = application.handle();
        tokio::spawn(application.run_until_stopped());
        Ok(Self {
            handle: Some(handle),
            ..Self::at(address, database_url)?
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

    /// The helpers of a test app for a server started otherwise — the API as a process of
    /// its own (`innolabb_demo::process`) — at `address`, on `database_url`.
    pub fn at(address: String, database_url: String) -> anyhow::Result<Self> {
        Ok(Self {
            address,
            database_url,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()?,
            handle: None,
        })
    }

    /// Stops the in-process server, with its workers (it also stops when the test's runtime
    /// ends).
    pub async fn stop(&self) {
        if let Some(handle) = &self.handle {
            handle.stop(false).await;
        }
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

/// A tool that `cargo xtask test` installs and names in the environment variable `variable`
/// (schemathesis, the OpenAPI validator and client generator, the Python that runs them).
pub fn installed_tool(variable: &str) -> anyhow::Result<PathBuf> {
    std::env::var_os(variable)
        .map(PathBuf::from)
        .with_context(|| {
            format!(
                "{variable} is not set: run the tests with `cargo xtask test`, which installs it"
            )
        })
}

/// The root of this workspace.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// A person with an account, signed in.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: uuid::Uuid,
    pub email: String,
    pub password: String,
    pub access_token: String,
    pub refresh_token: String,
}

/// A session's tokens as the tests send them: plain strings (see [`TestApp::login`]).
pub struct Tokens {
    pub access_token: String,
    pub token_type: String,
    pub expires_in: i64,
    /// Absent in cookie mode.
    pub refresh_token: Option<String>,
}

/// The password every test user gets.
pub const TEST_PASSWORD: &str = "ett långt testlösenord";

impl TestApp {
    /// A request with an optional bearer token and JSON body. A signed-in `POST` carries a
    /// fresh `Idempotency-Key`, as a careful partner sends it: so every test of a creating
    /// route also runs it the way that keeps it exactly-once (in one transaction with its
    /// key); `request` sends without one.
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        bearer: Option<&str>,
        body: Option<serde_json::Value>,
    ) -> anyhow::Result<reqwest::Response> {
        let mut request = self.client.request(method.clone(), self.url(path));
        if let Some(token) = bearer {
            request = request.bearer_auth(token);
            if method == reqwest::Method::POST {
                request = request.header("Idempotency-Key", uuid::Uuid::new_v4().to_string());
            }
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        request
            .send()
            .await
            .with_context(|| format!("{method} {path}"))
    }

    /// A request to build further (headers), for what [`TestApp::call`] does not cover.
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client.request(method, self.url(path))
    }

    /// A `PATCH` with `If-Match` naming `version`, as a careful client sends it.
    pub async fn patch(
        &self,
        path: &str,
        bearer: &str,
        version: i32,
        body: serde_json::Value,
    ) -> anyhow::Result<reqwest::Response> {
        self.request(reqwest::Method::PATCH, path)
            .bearer_auth(bearer)
            .header("If-Match", format!("\"{version}\""))
            .json(&body)
            .send()
            .await
            .with_context(|| format!("PATCH {path}"))
    }

    /// A request with an optional bearer token and JSON body; answers the status and the
    /// JSON body (`null` when there is none).
    pub async fn json(
        &self,
        method: reqwest::Method,
        path: &str,
        bearer: Option<&str>,
        body: Option<serde_json::Value>,
    ) -> anyhow::Result<(u16, serde_json::Value)> {
        let response = self.call(method, path, bearer, body).await?;
        let status = response.status().as_u16();
        let text = response.text().await?;
        let value = if text.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_str(&text).with_context(|| format!("not JSON: {text}"))?
        };
        Ok((status, value))
    }

    /// Runs an SQL statement in the test's database: for what no request can do, such as
    /// letting time pass.
    pub async fn run_sql(&self, statement: &str) -> anyhow::Result<usize> {
        use diesel_async::{AsyncConnection, RunQueryDsl};
        let mut conn = diesel_async::AsyncPgConnection::establish(&self.database_url).await?;
        Ok(diesel::sql_query(statement).execute(&mut conn).await?)
    }

    /// Counts the rows an SQL query (`SELECT count(*) …`) finds in the test's database: for
    /// what the API does not show, such as notifications written with a change.
    pub async fn count(&self, query: &str) -> anyhow::Result<i64> {
        use diesel_async::{AsyncConnection, RunQueryDsl};
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            count: i64,
        }
        let mut conn = diesel_async::AsyncPgConnection::establish(&self.database_url).await?;
        let row: Count = diesel::sql_query(query).get_result(&mut conn).await?;
        Ok(row.count)
    }

    /// Waits (up to 20 s) until an SQL count (`SELECT count(*) …`) finds a row: for what a
    /// worker of the API writes after the request that caused it.
    pub async fn wait_for_rows(&self, query: &str) -> anyhow::Result<()> {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
        while self.count(query).await? == 0 {
            anyhow::ensure!(
                tokio::time::Instant::now() < deadline,
                "no row after 20 s: {query}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        Ok(())
    }

    /// `GET` a path with a bearer token and parse its JSON body, failing unless it is 200.
    pub async fn get_as<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        bearer: &str,
    ) -> anyhow::Result<T> {
        let response = self
            .call(reqwest::Method::GET, path, Some(bearer), None)
            .await?;
        anyhow::ensure!(
            response.status() == 200,
            "GET {path} answered {}",
            response.status()
        );
        Ok(response.json().await?)
    }

    /// Registers and signs in a new person named `name` (their e-mail derives from it), and
    /// verifies their address with the link of the mail waiting in the outbox.
    pub async fn sign_up(&self, name: &str) -> anyhow::Result<TestUser> {
        let user = self.sign_up_unverified(name).await?;
        let link = self.outbox_link(&user.email, "/verify-email").await?;
        let token = smtp::token_of(&link)?;
        let (status, body) = self
            .json(
                reqwest::Method::POST,
                "/api/v1/auth/verify-email",
                None,
                Some(serde_json::json!({"token": token})),
            )
            .await?;
        anyhow::ensure!(status == 204, "verify-email answered {status}: {body}");
        Ok(user)
    }

    /// The link to `page` in the newest mail to `email` in the outbox (whose bodies stay
    /// there while mail is off, as in these tests).
    pub async fn outbox_link(&self, email: &str, page: &str) -> anyhow::Result<String> {
        use diesel_async::{AsyncConnection, RunQueryDsl};
        #[derive(diesel::QueryableByName)]
        struct Body {
            #[diesel(sql_type = diesel::sql_types::Text)]
            body_text: String,
        }
        let mut conn = diesel_async::AsyncPgConnection::establish(&self.database_url).await?;
        let mail: Body = diesel::sql_query(
            "SELECT body_text FROM mail_outbox WHERE recipient = $1 AND body_text LIKE '%' || $2 || '?token=%'
              ORDER BY created_at DESC, id DESC LIMIT 1",
        )
        .bind::<diesel::sql_types::Text, _>(email)
        .bind::<diesel::sql_types::Text, _>(page)
        .get_result(&mut conn)
        .await
        .context("no mail in the outbox")?;
        smtp::link_in(&mail.body_text, page)
    }

    /// An API that mails through a real SMTP server, `sink`.
    pub async fn mailing_to(sink: &smtp::SmtpSink) -> anyhow::Result<Self> {
        let url = sink.url.clone();
        Self::spawn_with(move |config| {
            config.mail.delivery = api::config::MailDelivery::smtp(&url);
        })
        .await
    }

    /// [`TestApp::sign_up`] on an API that mails to `sink`: the outbox's copy of a sent mail
    /// is erased, so the link is read from the sink.
    pub async fn sign_up_via(&self, sink: &smtp::SmtpSink, name: &str) -> anyhow::Result<TestUser> {
        let user = self.sign_up_unverified(name).await?;
        let mail = sink.wait_for_mail_to(&user.email, 1).await?.remove(0);
        let token = serde_json::json!({"token": mail.token("/verify-email")?});
        let (status, body) = self
            .json(
                reqwest::Method::POST,
                "/api/v1/auth/verify-email",
                None,
                Some(token),
            )
            .await?;
        anyhow::ensure!(status == 204, "verify-email answered {status}: {body}");
        Ok(user)
    }

    /// Registers and signs in a new person named `name` whose address is not verified.
    pub async fn sign_up_unverified(&self, name: &str) -> anyhow::Result<TestUser> {
        let email = format!("{}@example.se", name.to_lowercase().replace(' ', "."));
        let registered = self
            .call(
                reqwest::Method::POST,
                "/api/v1/auth/register",
                None,
                Some(serde_json::json!({"email": email, "password": TEST_PASSWORD, "display_name": name})),
            )
            .await?;
        anyhow::ensure!(
            registered.status() == 201,
            "register answered {}",
            registered.status()
        );
        let me: shared::Me = registered.json().await?;
        let tokens = self.login(&email, TEST_PASSWORD).await?;
        Ok(TestUser {
            id: me.id,
            email,
            password: TEST_PASSWORD.to_owned(),
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token.unwrap_or_default(),
        })
    }

    /// Signs in, failing unless it succeeds.
    pub async fn login(&self, email: &str, password: &str) -> anyhow::Result<Tokens> {
        let response = self
            .call(
                reqwest::Method::POST,
                "/api/v1/auth/login",
                None,
                Some(serde_json::json!({"email": email, "password": password})),
            )
            .await?;
        anyhow::ensure!(
            response.status() == 200,
            "login answered {}",
            response.status()
        );
        let tokens: shared::TokenResponse = response.json().await?;
        Ok(Tokens {
            access_token: tokens.access_token.expose().to_owned(),
            token_type: tokens.token_type,
            expires_in: tokens.expires_in,
            refresh_token: tokens.refresh_token.map(|token| token.expose().to_owned()),
        })
    }

    /// Creates an organisation owned by `owner`, with organisation number number `n`.
    pub async fn create_organization(
        &self,
        owner: &TestUser,
        name: &str,
        n: u32,
    ) -> anyhow::Result<shared::Organization> {
        let response = self
            .call(
                reqwest::Method::POST,
                "/api/v1/organizations",
                Some(&owner.access_token),
                Some(serde_json::json!({
                    "name": name, "kind": "housing_company", "org_number": org_number(n),
                    "municipality_code": "0581", "description": "Ett bostadsbolag i Norrköping."
                })),
            )
            .await?;
        anyhow::ensure!(
            response.status() == 201,
            "create organization answered {}",
            response.status()
        );
        Ok(response.json().await?)
    }

    /// Creates an API key of an organisation with the given scopes; returns its id and secret.
    pub async fn create_api_key(
        &self,
        owner: &TestUser,
        organization: uuid::Uuid,
        scopes: &[&str],
    ) -> anyhow::Result<(uuid::Uuid, String)> {
        let response = self
            .call(
                reqwest::Method::POST,
                &format!("/api/v1/organizations/{organization}/api-keys"),
                Some(&owner.access_token),
                Some(serde_json::json!({"name": "Testnyckel", "scopes": scopes})),
            )
            .await?;
        anyhow::ensure!(
            response.status() == 201,
            "create API key answered {}",
            response.status()
        );
        let created: shared::CreatedApiKey = response.json().await?;
        Ok((created.api_key.id, created.secret.expose().to_owned()))
    }

    /// Adds a webhook of `organization` (which `owner` manages) sending `events` to `url`;
    /// returns its path and its secret.
    pub async fn add_webhook(
        &self,
        owner: &TestUser,
        organization: uuid::Uuid,
        url: &str,
        events: &[&str],
    ) -> anyhow::Result<(String, String)> {
        let webhooks = format!("/api/v1/organizations/{organization}/webhooks");
        let (status, created) = self
            .json(
                reqwest::Method::POST,
                &webhooks,
                Some(&owner.access_token),
                Some(serde_json::json!({"url": url, "events": events})),
            )
            .await?;
        anyhow::ensure!(status == 201, "create webhook answered {status}: {created}");
        let text = |value: &serde_json::Value| value.as_str().unwrap_or_default().to_owned();
        Ok((
            format!("{webhooks}/{}", text(&created["webhook"]["id"])),
            text(&created["secret"]),
        ))
    }

    /// Maria Lind and the housing company she owns, Hyresbostäder i Norrköping: the host in
    /// the browser tests.
    pub async fn housing_company(&self) -> anyhow::Result<(TestUser, shared::Organization)> {
        let maria = self.sign_up("Maria Lind").await?;
        let host = self
            .create_organization(&maria, "Hyresbostäder i Norrköping", 10)
            .await?;
        Ok((maria, host))
    }

    /// Publishes a need of `lab` (whose host `owner` belongs to) with `body`; returns it.
    pub async fn create_need(
        &self,
        owner: &TestUser,
        lab: uuid::Uuid,
        body: serde_json::Value,
    ) -> anyhow::Result<shared::Need> {
        let response = self
            .call(
                reqwest::Method::POST,
                &format!("/api/v1/labs/{lab}/needs"),
                Some(&owner.access_token),
                Some(body),
            )
            .await?;
        anyhow::ensure!(
            response.status() == 201,
            "create need answered {}",
            response.status()
        );
        Ok(response.json().await?)
    }

    /// Posts an idea to `lab` as `author`; returns it as the API answered.
    pub async fn create_idea(
        &self,
        author: &TestUser,
        lab: uuid::Uuid,
        title: &str,
        body: &str,
    ) -> anyhow::Result<serde_json::Value> {
        let (status, idea) = self
            .json(
                reqwest::Method::POST,
                &format!("/api/v1/labs/{lab}/ideas"),
                Some(&author.access_token),
                Some(serde_json::json!({"title": title, "body": body})),
            )
            .await?;
        anyhow::ensure!(status == 201, "create idea answered {status}: {idea}");
        Ok(idea)
    }

    /// Publishes an offering (`body`, as `POST /offerings` takes it) as `by`, for their
    /// organisation; answers its id.
    pub async fn create_offering(
        &self,
        by: &TestUser,
        body: serde_json::Value,
    ) -> anyhow::Result<String> {
        let (status, offering) = self
            .json(
                reqwest::Method::POST,
                "/api/v1/offerings",
                Some(&by.access_token),
                Some(body),
            )
            .await?;
        anyhow::ensure!(
            status == 201,
            "create offering answered {status}: {offering}"
        );
        Ok(offering["id"].as_str().unwrap_or_default().to_owned())
    }

    /// Opens a lab hosted by `host` (which `owner` belongs to), in Norrköping, on
    /// unemployment, with the given visibility (`public` or `members`).
    pub async fn create_lab(
        &self,
        owner: &TestUser,
        host: uuid::Uuid,
        title: &str,
        visibility: &str,
    ) -> anyhow::Result<shared::Lab> {
        let response = self
            .call(
                reqwest::Method::POST,
                "/api/v1/labs",
                Some(&owner.access_token),
                Some(serde_json::json!({
                    "host_organization_id": host, "title": title,
                    "summary": "Ett labb om långtidsarbetslöshet bland kvinnor.",
                    "challenge_area": "unemployment", "municipality_code": "0581",
                    "neighbourhood": "Navestad", "visibility": visibility
                })),
            )
            .await?;
        anyhow::ensure!(
            response.status() == 201,
            "create lab answered {}",
            response.status()
        );
        Ok(response.json().await?)
    }

    /// Texts to search: a public lab ("Trygghetsvandringar i trapphusen") with a need about
    /// a homework group (its title holding markup, its text a script and
    /// "Arbetslösheten"), an idea about "läxläsning", an offering of another organisation
    /// about "läxhjälp", and a members-only lab with a word of its own ("Xylofonverkstaden").
    pub async fn homework_help(&self) -> anyhow::Result<()> {
        let (maria, host) = self.housing_company().await?;
        let lab = self
            .create_lab(
                &maria,
                host.id,
                "Trygghetsvandringar i trapphusen",
                "public",
            )
            .await?;
        self.create_need(
            &maria,
            lab.id,
            serde_json::json!({"title": "Läxhjälpsgruppen <b>behöver</b> lokaler",
                "description": "Kvällar i veckan. <script>alert(1)</script> Arbetslösheten är hög."}),
        )
        .await?;
        self.create_idea(&maria, lab.id, "Läxläsning på biblioteket", "Varje tisdag.")
            .await?;
        self.create_lab(&maria, host.id, "Xylofonverkstaden för kvinnor", "members")
            .await?;
        let karin = self.sign_up("Karin Ek").await?;
        let actor = self.create_organization(&karin, "Läsfrämjarna", 2).await?;
        let (status, offering) = self
            .json(
                reqwest::Method::POST,
                "/api/v1/offerings",
                Some(&karin.access_token),
                Some(serde_json::json!({
                    "organization_id": actor.id,
                    "title": "Läxhjälp för unga", "description": "Studenter hjälper med läxorna.",
                    "kind": "service", "challenge_areas": ["schools"],
                    "coverage": {"counties": ["05"]}, "tags": []
                })),
            )
            .await?;
        anyhow::ensure!(
            status == 201,
            "create offering answered {status}: {offering}"
        );
        Ok(())
    }

    /// Waits (ten seconds at most) until the words that searches are corrected to and
    /// completed from include `word`, as completions of `prefix` show: the server gathers
    /// them again a moment after texts are written.
    pub async fn wait_for_search_words(&self, prefix: &str, word: &str) -> anyhow::Result<()> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let answer: serde_json::Value = self
                .client
                .get(self.url("/api/v1/search/suggest"))
                .query(&[("q", prefix)])
                .send()
                .await?
                .json()
                .await?;
            let found = answer["suggestions"]
                .as_array()
                .is_some_and(|all| all.iter().any(|s| s.as_str() == Some(word)));
            if found {
                return Ok(());
            }
            anyhow::ensure!(
                std::time::Instant::now() < deadline,
                "the search words never held {word:?}: {answer}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }

    /// `n` people with access tokens, for tests of many people at once: written straight to
    /// the database (sign-up is throttled per address) and signed in with tokens made with
    /// the test's secret. They have no password.
    pub async fn many_people(&self, n: usize) -> anyhow::Result<Vec<String>> {
        use diesel_async::AsyncConnection;
        let mut conn = diesel_async::AsyncPgConnection::establish(&self.database_url).await?;
        let now = chrono::Utc::now().timestamp();
        let mut tokens = Vec::with_capacity(n);
        for index in 0..n {
            let user = api::db::users::insert(
                &mut conn,
                &format!("person.{index}@example.se"),
                "no password",
                &format!("Person {index}"),
                shared::Locale::Sv,
            )
            .await?
            .context("the e-mail is taken")?;
            tokens.push(api::auth::jwt::issue(
                TEST_JWT_SECRET,
                user.id,
                uuid::Uuid::now_v7(),
                now,
            )?);
        }
        Ok(tokens)
    }

    /// `owner` adds the person with `email` to an organisation as `role`; the answer's status.
    pub async fn add_member(
        &self,
        owner: &TestUser,
        organization: uuid::Uuid,
        email: &str,
        role: &str,
    ) -> anyhow::Result<u16> {
        let path = format!("/api/v1/organizations/{organization}/members");
        let body = serde_json::json!({"email": email, "role": role});
        let (status, _) = self
            .json(
                reqwest::Method::POST,
                &path,
                Some(&owner.access_token),
                Some(body),
            )
            .await?;
        Ok(status)
    }

    /// How each kind of notification is mailed to `user`.
    pub async fn mail_frequencies(
        &self,
        user: &TestUser,
    ) -> anyhow::Result<std::collections::HashMap<shared::NotificationKind, shared::MailFrequency>>
    {
        let settings: shared::NotificationSettings = self
            .get_as("/api/v1/me/notification-settings", &user.access_token)
            .await?;
        Ok(settings
            .items
            .into_iter()
            .map(|setting| (setting.kind, setting.frequency))
            .collect())
    }

    /// Makes a person a platform admin, as `api create-admin` does.
    /// A new person made platform admin.
    pub async fn platform_admin(&self) -> anyhow::Result<TestUser> {
        let admin = self.sign_up("Admin Adminsson").await?;
        self.make_platform_admin(&admin).await?;
        Ok(admin)
    }

    pub async fn make_platform_admin(&self, user: &TestUser) -> anyhow::Result<()> {
        use diesel_async::AsyncConnection;
        let mut conn = diesel_async::AsyncPgConnection::establish(&self.database_url).await?;
        anyhow::ensure!(api::db::users::make_platform_admin(&mut conn, &user.email).await?);
        Ok(())
    }
}

/// A valid organisation number (third digit ≥ 2, Luhn check digit) made from `n`.
pub fn org_number(n: u32) -> String {
    shared::org_number::with_check_digit(&format!("556{:06}", n % 1_000_000))
}

/// The problem an answer carries, checking that it says it is one.
pub async fn problem(response: reqwest::Response) -> anyhow::Result<shared::Problem> {
    anyhow::ensure!(
        response.headers()["content-type"] == "application/problem+json",
        "not a problem: {:?}",
        response.headers().get("content-type")
    );
    Ok(response.json().await?)
}

/// The version an answer's `ETag` names (`"3"` or `"3-<digest>"`), if it has one.
pub fn etag_version(response: &reqwest::Response) -> Option<i32> {
    let tag = response.headers().get("etag")?.to_str().ok()?;
    let tag = tag.strip_prefix('"')?.strip_suffix('"')?;
    tag.split_once('-')
        .map_or(tag, |(version, _)| version)
        .parse()
        .ok()
}
