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
    /// Make an existing person (by e-mail) a platform admin.
    CreateAdmin {
        #[arg(long)]
        email: String,
    },
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
        Command::CreateAdmin { email } => {
            use diesel_async::AsyncConnection;
            let mut conn = diesel_async::AsyncPgConnection::establish(&database_url()?).await?;
            let email = api::domain::accounts::normalize_email(&email);
            if !db::users::make_platform_admin(&mut conn, &email).await? {
                anyhow::bail!("no account has the e-mail address {email}: register it first");
            }
            println!("{email} is now a platform admin");
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
