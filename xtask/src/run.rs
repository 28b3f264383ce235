//! `cargo xtask run`: from a fresh clone to the app in the browser.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use anyhow::Context;

use crate::postgres::{Cluster, Durability};
use crate::{shell, web};

const DEFAULT_BIND_ADDR: &str = "127.0.0.1:8080";
const DATABASE: &str = "innolabb";

pub fn run(root: &Path) -> anyhow::Result<()> {
    let static_dir = web::build(root)?;

    shell::step("Building the API");
    shell::run(shell::cargo().args(["build", "-p", "api"]))?;
    let api_binary = root.join("target/debug/api");

    shell::step("Preparing the database");
    // Declared before the server so that it is stopped after it.
    let mut cluster = None;
    let database_url = match std::env::var("DATABASE_URL") {
        Ok(url) => {
            println!("using DATABASE_URL from the environment");
            url
        }
        Err(_) => {
            let started = Cluster::start(&root.join(".data/postgres"), Durability::Durable)?;
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

    let bind_addr = std::env::var("BIND_ADDR").unwrap_or_else(|_| DEFAULT_BIND_ADDR.to_owned());
    shell::step(&format!(
        "Serving Innolabb at http://{bind_addr} (Ctrl-C stops it)"
    ));
    println!("API documentation: http://{bind_addr}/docs");
    let mut server = Command::new(&api_binary)
        .arg("serve")
        .env("DATABASE_URL", &database_url)
        .env("BIND_ADDR", &bind_addr)
        .env("STATIC_DIR", &static_dir)
        .spawn()
        .context("could not start the API")?;

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
