//! `cargo xtask run`: from a fresh clone to the app in the browser.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use anyhow::Context;

use crate::postgres::{self, Durability};
use crate::{shell, web};

const DEFAULT_BIND_ADDR: &str = "127.0.0.1:8080";
/// The database of the private cluster.
pub const DATABASE: &str = "innolabb";

/// Serves the app; `dev` serves a debug build, else the optimised (release) one.
pub fn run(root: &Path, dev: bool) -> anyhow::Result<()> {
    let static_dir = web::build(root)?;

    let (profile, folder) = if dev {
        ("dev", "debug")
    } else {
        ("release", "release")
    };
    shell::step(&format!(
        "Building the API and the demo data ({profile} profile)"
    ));
    shell::run(shell::cargo().args([
        "build",
        "--profile",
        profile,
        "-p",
        "api",
        "-p",
        "innolabb-demo",
    ]))?;
    let api_binary = root.join("target").join(folder).join("api");
    let demo_binary = root.join("target").join(folder).join("innolabb-demo");

    shell::step("Preparing the database");
    // Declared before the server so that it is stopped after it.
    let mut cluster = None;
    let database_url = match std::env::var("DATABASE_URL") {
        Ok(url) => {
            println!("using DATABASE_URL from the environment");
            url
        }
        Err(_) => {
            let started = postgres::start(&root.join(".data/postgres"), Durability::Durable)?;
            started.ensure_database(DATABASE)?;
            let url = started.url(DATABASE);
            cluster = Some(started);
            url
        }
    };

    shell::step("Migrating the database");
    shell::run(
        Command::new(&api_binary)
            .arg("migrate")
            .env("DATABASE_URL", &database_url),
    )?;

    shell::step("Loading the demo data");
    shell::run(
        Command::new(&demo_binary)
            .arg("seed")
            .env("DATABASE_URL", &database_url),
    )?;

    let jwt_secret = match std::env::var("JWT_SECRET") {
        Ok(secret) => secret,
        Err(_) => local_secret(&root.join(".data/jwt-secret"))?,
    };

    let bind_addr = std::env::var("BIND_ADDR").unwrap_or_else(|_| DEFAULT_BIND_ADDR.to_owned());
    shell::step(&format!(
        "Serving Innolabb at http://{bind_addr} (Ctrl-C stops it)"
    ));
    println!("API documentation: http://{bind_addr}/docs");
    let mut command = Command::new(&api_binary);
    command
        .arg("serve")
        .env("DATABASE_URL", &database_url)
        .env("BIND_ADDR", &bind_addr)
        .env("STATIC_DIR", &static_dir)
        .env("JWT_SECRET", &jwt_secret);
    // Without an SMTP server, each mail is written as a file to open and follow its link.
    if std::env::var_os("SMTP_URL").is_none() && std::env::var_os("MAIL_DIR").is_none() {
        let mail_dir = root.join(".data/mail");
        println!(
            "E-mail (no SMTP_URL set): written as .eml files to {}",
            mail_dir.display()
        );
        command.env("MAIL_DIR", mail_dir);
    }
    let mut server = command.spawn().context("could not start the API")?;

    // Ctrl-C reaches the server directly (same process group); a SIGTERM to us is passed on.
    // Either way we wait for the server to finish, then stop Postgres.
    let server_pid = Arc::new(AtomicU32::new(server.id()));
    ctrlc::set_handler(move || {
        let pid = server_pid.load(Ordering::SeqCst);
        let _ = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status();
    })?;
    let status = server.wait()?;
    println!("the server stopped ({status})");
    if let Some(cluster) = cluster.as_mut() {
        cluster.stop()?;
    }
    Ok(())
}

/// The secret that signs access tokens: made on the first run, kept in `.data/` (which git
/// ignores) so that sessions survive a restart.
fn local_secret(path: &Path) -> anyhow::Result<String> {
    if let Ok(secret) = std::fs::read_to_string(path)
        && secret.trim().len() >= 32
    {
        return Ok(secret.trim().to_owned());
    }
    let mut bytes = [0_u8; 48];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut random| std::io::Read::read_exact(&mut random, &mut bytes))
        .context("could not read /dev/urandom to make a JWT secret")?;
    let secret: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, &secret)?;
    std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    println!("made a new JWT secret in {}", path.display());
    Ok(secret)
}
