use anyhow::Context;
use clap::{Parser, Subcommand};
use diesel_async::{AsyncConnection, AsyncPgConnection};

/// Innolabb's demo data and the matchmaking engine's measurements, against `DATABASE_URL`.
#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load the demo data (idempotent) and print its sign-in details.
    Seed,
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
    /// Time `GET /statistics` among 10,000 labs over HTTP, beside pgbench running the SQL it
    /// sends, in an empty database.
    BenchStatistics {
        #[arg(long, default_value_t = 300)]
        samples: usize,
        /// The database server's log, from which the statements of one answer are read.
        #[arg(long, env = "BENCH_SERVER_LOG")]
        server_log: std::path::PathBuf,
        #[arg(long, env = "PGBENCH", default_value = "pgbench")]
        pgbench: std::path::PathBuf,
        #[arg(long, default_value = "target/bench/statistics.sql")]
        script: std::path::PathBuf,
    },
    /// Time Swedish search among 10,000 labs, 100,000 ideas and 20,000 offerings over HTTP,
    /// beside pgbench running the SQL of one search, in an empty database.
    BenchSearch {
        /// Where the Swedish texts come from.
        #[arg(long, default_value = "eval/matching.json")]
        file: std::path::PathBuf,
        /// How many times each request is timed.
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..))]
        rounds: u16,
        #[arg(long, env = "BENCH_SERVER_LOG")]
        server_log: std::path::PathBuf,
        #[arg(long, env = "PGBENCH", default_value = "pgbench")]
        pgbench: std::path::PathBuf,
        /// Where the statements of one search and the plans of the timed requests go.
        #[arg(long, default_value = "target/bench")]
        folder: std::path::PathBuf,
    },
    /// The API's benchmark suite on a large platform (10,000 labs, 100,000 ideas,
    /// 1,000,000 votes, 50,000 people …): each endpoint under `wrk` at 16 and 64
    /// connections beside `pgbench` on its SQL, two instances, a login flood; in an empty
    /// database. Writes `report.json` into the folder.
    BenchApi(innolabb_demo::bench::suite::ApiSetup),
    /// Time webhook deliveries from the change's commit to the receiver, with the worker idle
    /// and under a load of events, in an empty database.
    BenchWebhooks {
        /// Events one at a time, 500 ms apart.
        #[arg(long, default_value_t = 60)]
        idle_events: usize,
        /// Events a second under load.
        #[arg(long, default_value_t = 100.0)]
        rate: f64,
        #[arg(long, default_value_t = 20.0)]
        seconds: f64,
    },
}

/// Reads the labelled evaluation set.
fn evaluation_set(
    file: &std::path::Path,
) -> anyhow::Result<innolabb_demo::evaluation::EvaluationSet> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("could not read {}", file.display()))?;
    serde_json::from_str(&text)
        .with_context(|| format!("{} is not an evaluation set", file.display()))
}

/// A connection to `DATABASE_URL`, migrated.
async fn connect() -> anyhow::Result<AsyncPgConnection> {
    let url = std::env::var("DATABASE_URL").context("DATABASE_URL is not set")?;
    api::db::run_migrations(&url).await?;
    Ok(AsyncPgConnection::establish(&url).await?)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Seed => {
            let mut conn = connect().await?;
            let accounts = innolabb_demo::seed::seed(&mut conn).await?;
            println!(
                "Demo accounts (password: {}):",
                innolabb_demo::seed::PASSWORD
            );
            for account in accounts {
                println!("  {account}");
            }
        }
        Command::EvalMatching { file } => {
            let set = evaluation_set(&file)?;
            let mut conn = connect().await?;
            println!(
                "Evaluating the matchmaking engine on {} needs and {} offerings ({}); needs whose first suggestion is not relevant:",
                set.needs.len(),
                set.offerings.len(),
                file.display()
            );
            let parts = innolabb_demo::evaluation::evaluate(&mut conn, &set).await?;
            println!(
                "{:<10} {:>11} {:>10} {:>8}",
                "part", "precision@3", "recall@10", "nDCG@10"
            );
            for (part, quality) in parts {
                println!(
                    "{part:<10} {:>11.3} {:>10.3} {:>8.3}",
                    quality.precision_at_3, quality.recall_at_10, quality.ndcg_at_10
                );
            }
        }
        Command::BenchMatching {
            file,
            offerings,
            needs,
            samples,
        } => {
            let set = evaluation_set(&file)?;
            let mut conn = connect().await?;
            println!(
                "Benchmarking suggestions with {offerings} offerings and {needs} needs ({samples} requests):"
            );
            let timing =
                innolabb_demo::evaluation::benchmark(&mut conn, &set, offerings, needs, samples)
                    .await?;
            println!("p50  {:.1} ms", timing.p50_ms);
            println!("p95  {:.1} ms", timing.p95_ms);
            println!("max  {:.1} ms", timing.max_ms);
        }
        Command::BenchApi(setup) => {
            connect().await?;
            let report = innolabb_demo::bench::suite::api(&setup).await?;
            let path = setup.folder.join("report.json");
            std::fs::write(&path, serde_json::to_string_pretty(&report)?)?;
            println!(
                "peak memory of the API: {:.0} MiB\n\
                 labs list at 64 connections: one instance {:.0} req/s, two instances {:.0} req/s\n\
                 labs list p99 at 16 connections: {:?} ms quiet, {:?} ms under a login flood \
                 (its sign-ins answered, by status: {:?})\n\
                 machine: {}\nwritten to {}",
                report.peak_memory_mib,
                report.one_instance_rps,
                report.two_instances_rps,
                report.p99_quiet_ms,
                report.p99_login_flood_ms,
                report.login_flood_answers,
                report.machine,
                path.display()
            );
        }
        Command::BenchStatistics {
            samples,
            server_log,
            pgbench,
            script,
        } => {
            let url = std::env::var("DATABASE_URL").context("DATABASE_URL is not set")?;
            connect().await?;
            let setup = innolabb_demo::bench::Setup {
                database_url: url,
                server_log,
                pgbench,
                script,
                samples,
            };
            let report = innolabb_demo::bench::statistics(&setup).await?;
            let http = &report.http;
            println!(
                "GET /api/v1/statistics with {} labs, {samples} requests one after another:",
                report.labs
            );
            println!(
                "  API over HTTP (release)   p50 {:.1} ms  p95 {:.1} ms  p99 {:.1} ms  max {:.1} ms",
                http.p50, http.p95, http.p99, http.max
            );
            println!(
                "  the same {} statements one after another in pgbench (1 client, extended protocol): {:.1} ms on average ({})",
                report.statements,
                report.pgbench_ms,
                setup.script.display()
            );
            println!(
                "  API p50 / pgbench = {:.2}; target p50 < 100 ms: {}",
                http.p50 / report.pgbench_ms,
                if http.p50 < 100.0 { "met" } else { "NOT met" }
            );
        }
        Command::BenchSearch {
            file,
            rounds,
            server_log,
            pgbench,
            folder,
        } => {
            let url = std::env::var("DATABASE_URL").context("DATABASE_URL is not set")?;
            connect().await?;
            std::fs::create_dir_all(&folder)?;
            let setup = innolabb_demo::bench::search::Setup {
                database_url: url,
                texts: evaluation_set(&file)?,
                rounds: rounds.into(),
                server_log,
                pgbench,
                folder,
            };
            let report = innolabb_demo::bench::search::run(&setup).await?;
            print_search_report(&setup, &report);
        }
        Command::BenchWebhooks {
            idle_events,
            rate,
            seconds,
        } => {
            let url = std::env::var("DATABASE_URL").context("DATABASE_URL is not set")?;
            connect().await?;
            let report =
                innolabb_demo::bench::webhooks::latency(&url, idle_events, rate, seconds).await?;
            println!(
                "Webhook delivery latency, the change's commit to the receiver (an idea posted \
                 over HTTP → idea.created):"
            );
            for (name, phase) in [("idle", &report.idle), ("loaded", &report.loaded)] {
                let l = &phase.latency;
                println!(
                    "  {name:<6} {:>5} events at {:>5.1}/s   p50 {:>6.1} ms  p95 {:>6.1} ms  p99 {:>6.1} ms  max {:>6.1} ms",
                    phase.events, phase.rate, l.p50, l.p95, l.p99, l.max
                );
            }
        }
    }
    Ok(())
}

/// The figures of `bench-search`, with its targets.
fn print_search_report(
    setup: &innolabb_demo::bench::search::Setup,
    report: &innolabb_demo::bench::search::Report,
) {
    let row = |what: &str, l: &innolabb_demo::bench::Latencies| {
        println!(
            "  {what:<42} p50 {:>6.1} ms  p95 {:>6.1} ms  p99 {:>6.1} ms  max {:>6.1} ms",
            l.p50, l.p95, l.p99, l.max
        );
    };
    println!(
        "Over HTTP (release build, one client, anonymous), each request {} times:",
        setup.rounds
    );
    for timed in report.timings.all() {
        row(&timed.what, &timed.latency);
    }
    println!("Each search:");
    for (q, latency, hits) in &report.per_search {
        row(&format!("{q} ({hits} hits)"), latency);
    }
    let (search, suggest) = (
        &report.timings.search.latency,
        &report.timings.suggest.latency,
    );
    let met = |met: bool| if met { "met" } else { "NOT met" };
    println!(
        "Targets: search p95 {:.1} ms ≤ 30 ms {}; suggest p95 {:.1} ms ≤ 10 ms {}",
        search.p95,
        met(search.p95 <= 30.0),
        suggest.p95,
        met(suggest.p95 <= 10.0)
    );
    println!(
        "The {} statements of GET /search?q=läxhjälp in pgbench (1 client, extended protocol): \
         {:.1} ms on average ({})",
        report.statements,
        report.pgbench_ms,
        setup.folder.join("search.sql").display()
    );
    println!(
        "Scans in the plans of the timed requests' statements ({}), with how many statements make them:",
        setup.folder.join("search-plans.txt").display()
    );
    for (scan, statements) in &report.scans {
        println!("  {statements:>3}  {scan}");
    }
    let (with, without) = (&report.write_with_search, &report.write_without_search);
    println!("A new idea's write, each in its own transaction:");
    row("with its search (db::ideas::insert)", with);
    row("the insert alone, no search document", without);
    println!(
        "Search's extra cost of a write: p50 {:.2} ms, p95 {:.2} ms; target < 5 ms {}",
        with.p50 - without.p50,
        with.p95 - without.p95,
        met(with.p95 - without.p95 < 5.0)
    );
    println!(
        "Seeding: the API's Swedish analysis of {} rows took {:.0} s; gathering the {} visible words {:.2} s",
        report.analysed, report.analysis_seconds, report.words, report.refresh_seconds
    );
}
