use anyhow::Context;
use api::config::Config;
use api::startup::Application;
use api::{db, openapi, telemetry};
use clap::{Parser, Subcommand};

/// Innolabb's API server. Configuration comes from environment variables (see README).
#[derive(Parser)]
#[command(version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve the API and the web client (the default).
    Serve,
    /// Apply pending migrations and exit.
    Migrate,
    /// Print the OpenAPI document.
    Openapi,
    /// Load the demo data (idempotent) and print its sign-in details.
    SeedDemo,
    /// Make an existing person (by e-mail) a platform admin.
    CreateAdmin {
        #[arg(long)]
        email: String,
    },
    /// Measure the matchmaking engine against a labelled set, in an empty database.
    EvalMatching {
        #[arg(long, default_value = "eval/matching.json")]
        file: std::path::PathBuf,
    },
    /// Time the suggestions of needs among many offerings, in an empty database.
    BenchMatching {
        #[arg(long, default_value = "eval/matching.json")]
        file: std::path::PathBuf,
        #[arg(long, default_value_t = 20_000)]
        offerings: usize,
        #[arg(long, default_value_t = 2_000)]
        needs: usize,
        #[arg(long, default_value_t = 200)]
        samples: usize,
    },
}

/// Reads the labelled evaluation set.
fn evaluation_set(file: &std::path::Path) -> anyhow::Result<api::evaluation::EvaluationSet> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("could not read {}", file.display()))?;
    serde_json::from_str(&text)
        .with_context(|| format!("{} is not an evaluation set", file.display()))
}

fn database_url() -> anyhow::Result<String> {
    std::env::var("DATABASE_URL").context("DATABASE_URL is not set")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command.unwrap_or(Command::Serve) {
        Command::Openapi => print!("{}", openapi::document_json()?),
        Command::Migrate => {
            telemetry::init();
            db::run_migrations(&database_url()?).await?;
        }
        Command::SeedDemo => {
            use diesel_async::AsyncConnection;
            let mut conn = diesel_async::AsyncPgConnection::establish(&database_url()?).await?;
            let accounts = api::demo::seed(&mut conn).await?;
            println!("Demo accounts (password: {}):", api::demo::PASSWORD);
            for account in accounts {
                println!("  {account}");
            }
        }
        Command::CreateAdmin { email } => {
            use diesel_async::AsyncConnection;
            let mut conn = diesel_async::AsyncPgConnection::establish(&database_url()?).await?;
            let email = api::domain::accounts::normalize_email(&email);
            if !db::users::make_platform_admin(&mut conn, &email).await? {
                anyhow::bail!("no account has the e-mail address {email}: register it first");
            }
            println!("{email} is now a platform admin");
        }
        Command::EvalMatching { file } => {
            use diesel_async::AsyncConnection;
            let set = evaluation_set(&file)?;
            let url = database_url()?;
            db::run_migrations(&url).await?;
            let mut conn = diesel_async::AsyncPgConnection::establish(&url).await?;
            println!(
                "Evaluating the matchmaking engine on {} needs and {} offerings ({}); needs whose first suggestion is not relevant:",
                set.needs.len(),
                set.offerings.len(),
                file.display()
            );
            let quality = api::evaluation::evaluate(&mut conn, &set).await?;
            println!("precision@3  {:.3}", quality.precision_at_3);
            println!("recall@10    {:.3}", quality.recall_at_10);
            println!("nDCG@10      {:.3}", quality.ndcg_at_10);
        }
        Command::BenchMatching {
            file,
            offerings,
            needs,
            samples,
        } => {
            use diesel_async::AsyncConnection;
            let set = evaluation_set(&file)?;
            let url = database_url()?;
            db::run_migrations(&url).await?;
            let mut conn = diesel_async::AsyncPgConnection::establish(&url).await?;
            println!(
                "Benchmarking suggestions with {offerings} offerings and {needs} needs ({samples} requests):"
            );
            let timing =
                api::evaluation::benchmark(&mut conn, &set, offerings, needs, samples).await?;
            println!("p50  {:.1} ms", timing.p50_ms);
            println!("p95  {:.1} ms", timing.p95_ms);
            println!("max  {:.1} ms", timing.max_ms);
        }
        Command::Serve => {
            telemetry::init();
            let config = Config::from_env()?;
            let application = Application::build(config.clone()).await?;
            let address = format!("http://{}:{}", config.bind_addr.ip(), application.port());
            tracing::info!("Innolabb is listening on {address} (API docs: {address}/docs)");
            let handle = application.handle();
            tokio::spawn(async move {
                shutdown_signal().await;
                tracing::info!("stopping: finishing the requests in flight");
                handle.stop(true).await;
            });
            application
                .run_until_stopped()
                .await
                .context("the server failed")?;
            tracing::info!("stopped");
        }
    }
    Ok(())
}

/// Resolves on Ctrl-C (SIGINT) or SIGTERM.
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
}
