//! Building the server: the routes, the middleware and the listener. Tests start it the
//! same way on port 0.

use std::net::TcpListener;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{Compress, DefaultHeaders, ErrorHandlers};
use actix_web::{App, HttpMessage, HttpServer, web};
use anyhow::Context;
use tracing_actix_web::{RequestId, TracingLogger};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::config::Config;
use crate::error;
use crate::{db, idempotency, openapi, routes, web_client};

/// The replica's pool: as the primary's, but waiting at most a second for a connection —
/// the primary serves the read meanwhile, so waiting longer gains nothing.
fn replica_pool_settings(primary: crate::config::PoolSettings) -> crate::config::PoolSettings {
    crate::config::PoolSettings {
        wait_timeout: primary.wait_timeout.min(std::time::Duration::from_secs(1)),
        ..primary
    }
}

/// A server bound to its port, not yet running.
pub struct Application {
    server: Server,
    port: u16,
    pool: db::Pool,
    database_url: String,
    webhooks: crate::config::WebhookPolicy,
    search_words_refresh: std::time::Duration,
    /// How mail leaves and who sends it; `None` when mail is off.
    mail: Option<(crate::mail::transport::Transport, String)>,
    links: crate::mail::Links,
    auth: crate::config::AuthConfig,
}

impl Application {
    /// Migrates the database, binds the listener and builds the server.
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        db::run_migrations(&config.database_url).await?;
        crate::domain::swedish::load();
        let pool = db::pool(&config.database_url, config.database_pool)?;
        let replica = config
            .database_replica_url
            .as_deref()
            .map(|url| db::pool(url, replica_pool_settings(config.database_pool)))
            .transpose()?
            .map(db::replica::Replica::new);
        let replica = web::Data::new(replica);
        let listener = TcpListener::bind(config.bind_addr)
            .with_context(|| format!("could not listen on {}", config.bind_addr))?;
        let port = listener.local_addr()?.port();
        let mail = crate::mail::transport::Transport::from_config(&config.mail)?
            .map(|transport| (transport, config.mail.from.clone()));
        if mail.is_none() {
            tracing::warn!("mail is off (set SMTP_URL or MAIL_DIR): mails wait in the outbox");
        }
        let links = crate::mail::Links {
            public_url: config.mail.public_url.clone().unwrap_or_else(|| {
                let host = match config.bind_addr.ip() {
                    ip if ip.is_unspecified() => "localhost".to_owned(),
                    ip => ip.to_string(),
                };
                format!("http://{host}:{port}")
            }),
        };
        let mail_links = links.clone();
        let links = web::Data::new(links);
        let static_dir = config.static_dir.clone();
        let auth = web::Data::new(config.auth.clone());
        let webhook_policy = config.webhooks;
        let webhooks = web::Data::new(webhook_policy);
        let key_rate_limit = web::Data::new(config.key_rate_limit);
        let spam = web::Data::new(config.spam);
        let statistics =
            web::Data::new(db::snapshot_cache::SnapshotCache::<shared::Statistics>::default());
        let worker_pool = pool.clone();
        let server = HttpServer::new(move || {
            let (app, document) = api();
            let operations = crate::http_edges::Operations::from_openapi(&document);
            app.app_data(web::Data::new(pool.clone()))
                .app_data(replica.clone())
                .app_data(auth.clone())
                .app_data(webhooks.clone())
                .app_data(key_rate_limit.clone())
                .app_data(links.clone())
                .app_data(spam.clone())
                .app_data(statistics.clone())
                .app_data(web::Data::new(operations))
                .app_data(
                    web::JsonConfig::default()
                        .limit(error::JSON_BODY_LIMIT)
                        .error_handler(error::json_error),
                )
                .app_data(web::QueryConfig::default().error_handler(error::query_error))
                .app_data(web::PathConfig::default().error_handler(error::path_error))
                .service(SwaggerUi::new("/docs/{_:.*}").url("/api-docs/openapi.json", document))
                .service(web::redirect("/docs", "/docs/"))
                // Unknown `/api/...` paths outside `/api/v1` are problems too, never the web client.
                .service(
                    web::scope("/api")
                        .wrap(ErrorHandlers::new().default_handler(error::problem_for_bare_error))
                        .default_service(web::to(error::not_found)),
                )
                .configure(web_client::configure(&static_dir))
                .wrap_fn(|request, service| {
                    use actix_web::dev::Service as _;
                    use futures_util::future::{Either, ready};
                    // A NUL in a query string would reach Postgres, which cannot store it.
                    if request.path().starts_with("/api/")
                        && request.query_string().to_ascii_lowercase().contains("%00")
                    {
                        let problem = error::ApiError::invalid_parameter(
                            "query",
                            "nul",
                            crate::extract::nul_message(),
                        );
                        let (request, _) = request.into_parts();
                        let response = actix_web::ResponseError::error_response(&problem);
                        return Either::Left(ready(Ok(
                            ServiceResponse::new(request, response).map_into_right_body()
                        )));
                    }
                    let response = service.call(request);
                    Either::Right(
                        async move { response.await.map(ServiceResponse::map_into_left_body) },
                    )
                })
                // Inside it the request's language is known (problems in Swedish or English).
                .wrap(actix_web::middleware::from_fn(
                    crate::i18n::speak_callers_language,
                ))
                .wrap(Compress::default())
                .wrap(actix_web::middleware::from_fn(
                    crate::content_policy::middleware,
                ))
                .wrap(actix_web::middleware::from_fn(
                    crate::http_edges::middleware,
                ))
                .wrap(
                    DefaultHeaders::new()
                        .add(("X-Content-Type-Options", "nosniff"))
                        .add(("Referrer-Policy", "same-origin"))
                        .add(("X-Frame-Options", "DENY")),
                )
                .wrap_fn(|request, service| {
                    use actix_web::dev::Service as _;
                    let request_id = request.extensions().get::<RequestId>().copied();
                    let response = service.call(request);
                    async move {
                        let mut response = response.await?;
                        if let Some(id) =
                            request_id.and_then(|id| HeaderValue::from_str(&id.to_string()).ok())
                        {
                            response
                                .headers_mut()
                                .insert(HeaderName::from_static("x-request-id"), id);
                        }
                        Ok(response)
                    }
                })
                .wrap(TracingLogger::<crate::telemetry::RootSpan>::new())
        })
        .listen(listener)?
        .shutdown_timeout(10)
        // The binary decides how to stop (see `main.rs`); tests just drop the server.
        .disable_signals()
        .run();
        Ok(Self {
            server,
            port,
            pool: worker_pool,
            database_url: config.database_url.clone(),
            webhooks: webhook_policy,
            search_words_refresh: config.search_words_refresh,
            mail,
            links: mail_links,
            auth: config.auth.clone(),
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// A handle to stop the server: gracefully, finishing requests in flight (≤ 10 s).
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until stopped through [`Application::handle`].
    /// The webhook and mail workers run beside the server and stop with it; so do the
    /// analysis of rows whose compound parts are not stored yet and the gathering of search
    /// words.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        // Notifications go to the outbox even while mail is off: they wait there.
        let notification_mail = tokio::spawn(crate::mail::notifications::run(
            self.pool.clone(),
            self.database_url.clone(),
            self.links,
            self.auth,
        ));
        let mail = self.mail.map(|(transport, from)| {
            tokio::spawn(crate::mail::worker::run(
                self.pool.clone(),
                self.database_url.clone(),
                transport,
                from,
            ))
        });
        let analysis = tokio::spawn(analyse_pending_rows(self.pool.clone()));
        let words = tokio::spawn(refresh_search_words(
            self.pool.clone(),
            self.search_words_refresh,
        ));
        let pruning = tokio::spawn(prune_hourly(self.pool.clone()));
        let worker = tokio::spawn(crate::webhook_worker::run(
            self.pool,
            self.database_url,
            self.webhooks,
        ));
        let served = self.server.await;
        worker.abort();
        if let Some(mail) = mail {
            mail.abort();
        }
        notification_mail.abort();
        analysis.abort();
        words.abort();
        pruning.abort();
        served
    }
}

/// Stores the compound parts of rows written before they existed (see
/// `db::search::analyse_pending`); a failure is logged, and tried again at the next start.
async fn analyse_pending_rows(pool: db::Pool) {
    let analysed = async {
        let mut conn = pool.get().await?;
        anyhow::Ok(db::search::analyse_pending(&mut conn).await?)
    }
    .await;
    match analysed {
        Ok(0) => {}
        Ok(rows) => tracing::info!(rows, "compound parts of earlier rows stored"),
        Err(error) => tracing::error!(%error, "could not store the compound parts of earlier rows"),
    }
}

/// Runs `task` now and every `period`, logging what it answers (`done`, when it did
/// something) or its failure (`failed`), which is tried again next time.
async fn every<T, F>(
    period: std::time::Duration,
    done: &'static str,
    failed: &'static str,
    task: impl Fn(db::Pool) -> F,
    pool: db::Pool,
) where
    T: std::fmt::Debug + Default + PartialEq,
    F: std::future::Future<Output = anyhow::Result<T>>,
{
    let mut ticks = tokio::time::interval(period);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match task(pool.clone()).await {
            Ok(outcome) if outcome != T::default() => tracing::info!(?outcome, "{done}"),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "{failed}"),
        }
    }
}

/// Gathers the words that searches are corrected to and completed from every `period`,
/// when something changed (see `db::search::refresh_words`).
async fn refresh_search_words(pool: db::Pool, period: std::time::Duration) {
    let refresh = async |pool: db::Pool| {
        let mut conn = pool.get().await?;
        anyhow::Ok(db::search::refresh_words(&mut conn).await?)
    };
    every(
        period,
        "search words gathered",
        "could not gather the search words",
        refresh,
        pool,
    )
    .await;
}

/// Removes what has outlived its time (see `db::retention`) at start and every hour. Safe
/// with several instances: each pass only deletes what every instance would.
async fn prune_hourly(pool: db::Pool) {
    let prune = async |pool: db::Pool| {
        let mut conn = pool.get().await?;
        anyhow::Ok(db::retention::prune(&mut conn).await?)
    };
    let hour = std::time::Duration::from_secs(3600);
    every(
        hour,
        "old rows pruned",
        "could not prune old rows",
        prune,
        pool,
    )
    .await;
}

/// The `/api/v1` routes and the OpenAPI document, built from the same code so that they
/// can never disagree.
pub fn api() -> (
    App<
        impl ServiceFactory<
            ServiceRequest,
            Config = (),
            Response = ServiceResponse<impl MessageBody>,
            Error = actix_web::Error,
            InitError = (),
        >,
    >,
    utoipa::openapi::OpenApi,
) {
    let (app, document) = App::new()
        .into_utoipa_app()
        .openapi(openapi::ApiDoc::openapi())
        .service(
            utoipa_actix_web::scope("/api/v1")
                .wrap(actix_web::middleware::from_fn(idempotency::middleware))
                .wrap(actix_web::middleware::from_fn(db::replica::note_writes))
                .wrap(actix_web::middleware::from_fn(
                    crate::rate_limit::limit_api_keys,
                ))
                .wrap(actix_web::middleware::from_fn(
                    crate::auth::caller::check_credentials,
                ))
                .wrap(actix_web::middleware::from_fn(
                    crate::preconditions::conditional_reads,
                ))
                .wrap(ErrorHandlers::new().default_handler(error::problem_for_bare_error))
                .default_service(web::to(error::not_found))
                .configure(routes::configure),
        )
        .split_for_parts();
    let mut document = document;
    openapi::add_conventions(&mut document);
    (app, document)
}
