//! The project's commands, run as `cargo xtask <command>` from anywhere in the workspace.
//!
//! - `run`: build everything, start a private Postgres unless `DATABASE_URL` is set,
//!   migrate, load the demo data and serve the app.
//! - `test`: every check and test of the project; what CI runs.
//! - `openapi`: write the generated OpenAPI document to `openapi/openapi.json`.
//! - `faults`: the fault suite's long form (its short form is part of `test`).
//! - `backup [FILE]`, `restore FILE`: the private cluster's database to a file and back.
//! - `bench`: the API's benchmark suite beside pgbench (report in target/bench/report.json).
//! - `eval-matching`, `bench-matching`: the matchmaking engine's quality and speed.
//! - `bench-statistics`, `bench-search`, `bench-webhooks`: the speed of statistics, Swedish
//!   search and webhook deliveries on a large platform.

mod backup;
mod browser;
mod faults;
mod matching;
mod npm;
mod postgres;
mod python;
mod run;
mod shell;
mod supply_chain;
mod test;
mod web;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "Innolabb's project commands")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build everything and serve the app with a private Postgres and demo data.
    Run {
        /// Serve a debug build (quicker to rebuild while developing) instead of the
        /// optimised one a deployment runs.
        #[arg(long)]
        dev: bool,
    },
    /// Run every check and test (formatting, lints, unit, HTTP, browser, schemathesis).
    Test,
    /// The fault suite, long form: Postgres down 10 s under load, connections ended, a
    /// runaway statement, SIGTERM, and `kill -9` amid 1,000 idempotent POSTs.
    Faults,
    /// Write the generated OpenAPI document to openapi/openapi.json.
    Openapi,
    /// Back up the private cluster's database (pg_dump, custom format), by default to
    /// .data/backups/.
    Backup {
        /// Where to write the backup.
        file: Option<std::path::PathBuf>,
    },
    /// Replace the private cluster's database with a backup (restored beside it first, so
    /// a failed restore changes nothing).
    Restore {
        /// The backup to restore.
        file: std::path::PathBuf,
    },
    /// The API's benchmark suite on a large platform: each endpoint under wrk at 16 and 64
    /// connections beside pgbench on its SQL; two instances; a login flood. Writes
    /// target/bench/report.json.
    Bench,
    /// Build the web client into web-client/dist.
    BuildWeb,
    /// Print the matchmaking engine's precision@3, recall@10 and nDCG@10 on eval/matching.json.
    EvalMatching,
    /// Time suggestions among 20,000 offerings and 2,000 needs; print p50 and p95.
    BenchMatching,
    /// Time GET /statistics among 10,000 labs over HTTP, beside pgbench running its SQL.
    BenchStatistics,
    /// Time search, list searches and completions among 100,000 ideas, 20,000 offerings and
    /// 10,000 labs over HTTP, beside pgbench; show the plans and a write's extra cost.
    BenchSearch,
    /// Time webhook deliveries (commit to receiver), worker idle and at 100 events a second.
    BenchWebhooks,
}

fn main() -> anyhow::Result<()> {
    let root = workspace_root();
    // Files named on the command line are where the user stands, not the workspace root.
    let invoked_in = std::env::current_dir()?;
    std::env::set_current_dir(&root)?;
    match Cli::parse().command {
        Command::Run { dev } => run::run(&root, dev),
        Command::Test => test::test(&root),
        Command::Faults => faults::faults(&root),
        Command::Openapi => write_openapi(&root),
        Command::Backup { file } => backup::backup(&root, file.map(|file| invoked_in.join(file))),
        Command::Restore { file } => backup::restore(&root, &invoked_in.join(file)),
        Command::Bench => {
            shell::ensure_programs(&["wrk", "node", "npm"])?;
            let static_dir = web::build(&root)?;
            let lighthouse = npm::lighthouse(&root)?;
            let chromium = browser::ensure()?.chromium;
            matching::run_with(
                &root,
                "bench-api",
                "Benchmarking the API beside pgbench on a large platform",
                &[
                    ("STATIC_DIR", static_dir.as_os_str()),
                    ("LIGHTHOUSE", lighthouse.as_os_str()),
                    ("CHROMIUM", chromium.as_os_str()),
                ],
            )
        }
        Command::BuildWeb => web::build(&root).map(|_| ()),
        Command::EvalMatching => {
            matching::run(&root, "eval-matching", "Evaluating the matchmaking engine")
        }
        Command::BenchMatching => matching::run(
            &root,
            "bench-matching",
            "Benchmarking the matchmaking engine",
        ),
        Command::BenchStatistics => matching::run(
            &root,
            "bench-statistics",
            "Benchmarking the statistics among 10,000 labs",
        ),
        Command::BenchSearch => matching::run(
            &root,
            "bench-search",
            "Timing Swedish search among 100,000 ideas, 20,000 offerings and 10,000 labs",
        ),
        Command::BenchWebhooks => matching::run(
            &root,
            "bench-webhooks",
            "Benchmarking webhook delivery latency",
        ),
    }
}

/// The workspace root: the parent of this crate's folder.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn write_openapi(root: &Path) -> anyhow::Result<()> {
    shell::step("Generating the OpenAPI document");
    let json =
        shell::output(shell::cargo().args(["run", "--quiet", "-p", "api", "--", "openapi"]))?;
    let path = root.join("openapi/openapi.json");
    std::fs::write(&path, json)?;
    println!("wrote {}", path.display());
    Ok(())
}
