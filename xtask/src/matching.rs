//! `eval-matching` and `bench-matching`: the matchmaking engine's quality against the
//! labelled set in `eval/matching.json`, and its speed among 20,000 offerings;
//! `bench-statistics` and `bench-search`: statistics and search among 10,000 labs beside
//! pgbench; `bench-webhooks`: deliveries' latency; `bench-api` (`cargo xtask bench`): the
//! API's suite against a release API process. Each runs the
//! demo binary's command of the same name against a fresh database of a throwaway Postgres.

use std::ffi::OsStr;
use std::path::Path;

use crate::postgres::{self, Durability};
use crate::shell;

/// Runs `innolabb-demo <command>` (release build) with a fresh database.
pub fn run(root: &Path, command: &str, what: &str) -> anyhow::Result<()> {
    run_with(root, command, what, &[])
}

/// [`run`], with more variables for the command's environment.
pub fn run_with(
    root: &Path,
    command: &str,
    what: &str,
    environment: &[(&str, &OsStr)],
) -> anyhow::Result<()> {
    shell::step(&format!("Building the engine (release) for {what}"));
    // With the API: the selection `cargo xtask run` builds, so both share one build.
    shell::run(shell::cargo().args([
        "build",
        "--release",
        "--quiet",
        "-p",
        "api",
        "-p",
        "innolabb-demo",
    ]))?;
    let scratch = tempfile::Builder::new()
        .prefix("innolabb-matching-")
        .tempdir()?;
    let cluster = postgres::start(scratch.path(), Durability::Throwaway)?;
    cluster.ensure_database("matching")?;
    shell::step(what);
    shell::run(
        std::process::Command::new(root.join("target/release/innolabb-demo"))
            .arg(command)
            .env("DATABASE_URL", cluster.url("matching"))
            // For benchmarks that replay what the API sent (bench-statistics).
            .env("BENCH_SERVER_LOG", scratch.path().join("server.log"))
            .env("PGBENCH", cluster.pgbench())
            .env("API_BINARY", root.join("target/release/api"))
            .env("RUST_LOG", "warn")
            .envs(environment.iter().copied()),
    )?;
    drop(cluster);
    Ok(())
}
