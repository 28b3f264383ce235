//! `bench-api` (`cargo xtask bench`): the API's speed on a large platform, side by side in
//! one run with what its own database does with the very same SQL — these machines are
//! noisy, so only a comparison made in one run says anything.
//!
//! The platform: `statistics.sql` (2,000 organisations, 10,000 labs, 100,000 ideas, 20,000
//! offerings, 5,000 matches …) and `people.sql` (50,000 people, 1,000,000 votes). The API is
//! the release binary in processes of its own (so that its memory can be read), loaded by
//! `wrk` at 16 and 64 connections; each read's statements are taken from Postgres's log
//! while one request runs and replayed by `pgbench` at the same concurrency, with prepared
//! statements and with the extended protocol. Each read is then held at half the highest
//! rate measured for it, each request timed from when it was due.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};
use serde::Serialize;
use uuid::Uuid;

use super::lighthouse::{Lighthouse, PageScores};
use super::{
    Latencies, count, seed_large_platform, settle_search, statements_during, write_script,
};
use crate::process::{ApiCommand, ApiProcess};

/// What the benchmark needs: the command line of `innolabb-demo bench-api`.
#[derive(Debug, clap::Args)]
pub struct ApiSetup {
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: String,
    /// The database server's log, from which each answer's statements are read.
    #[arg(long, env = "BENCH_SERVER_LOG")]
    pub server_log: PathBuf,
    #[arg(long, env = "PGBENCH", default_value = "pgbench")]
    pub pgbench: PathBuf,
    #[arg(long, env = "WRK", default_value = "wrk")]
    pub wrk: PathBuf,
    /// The release build of the `api` binary.
    #[arg(long, env = "API_BINARY", default_value = "target/release/api")]
    pub api_binary: PathBuf,
    /// Where the scripts and `report.json` go.
    #[arg(long, default_value = "target/bench")]
    pub folder: PathBuf,
    /// How long each load runs, in seconds.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
    pub seconds: u32,
    /// The built web client, which the API serves for Lighthouse's visits.
    #[arg(long, env = "STATIC_DIR", default_value = "web-client/dist")]
    pub static_dir: PathBuf,
    /// Lighthouse's command-line script (`cli/index.js` of npm's `lighthouse`), run with
    /// node; without it the pages are not scored.
    #[arg(long, env = "LIGHTHOUSE")]
    pub lighthouse: Option<PathBuf>,
    #[arg(long, env = "CHROMIUM", default_value = "chromium")]
    pub chromium: PathBuf,
    /// How long each read is held at half its highest rate (the p99 target's load).
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..))]
    pub steady_seconds: u32,
}

/// The concurrencies every endpoint is measured at.
const CONNECTIONS: [u32; 2] = [16, 64];

/// Signs the benchmark's access tokens; the API processes are given it.
const JWT_SECRET: &str = "innolabb-benchmark-secret-0123456789abcdef";

/// How many people take turns posting ideas (each may post 60 an hour).
const WRITERS: usize = 500;

/// One row of the table.
#[derive(Debug, Serialize)]
pub struct Row {
    pub endpoint: String,
    pub connections: u32,
    pub requests_per_second: f64,
    /// None when no request was answered in time (wrk prints no percentiles then).
    pub p50_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    /// Answers other than 2xx, and socket errors: a figure with any is not a fair one.
    pub failures: u64,
    /// pgbench on the answer's statements, prepared statements.
    pub pgbench_prepared_tps: Option<f64>,
    /// pgbench on the answer's statements, extended protocol.
    pub pgbench_extended_tps: Option<f64>,
    /// `requests_per_second / pgbench_prepared_tps`: the target is ≥ 0.5.
    pub ratio_to_prepared: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub machine: String,
    pub seconds_per_load: u32,
    pub platform: Vec<(String, i64)>,
    pub rows: Vec<Row>,
    /// Each read held at half its highest rate: the p99 target is ≤ 50 ms.
    pub steady: Vec<SteadyRow>,
    /// The API's peak resident memory (VmHWM) after all the loads above, MiB.
    pub peak_memory_mib: f64,
    /// The labs list at 64 connections: one instance, and two on the same database, each
    /// with 32.
    pub one_instance_rps: f64,
    pub two_instances_rps: f64,
    /// The labs list's p99 at 16 connections, alone and while 100 wrong passwords a
    /// second are sent from 100 addresses (so that no address is throttled).
    pub p99_quiet_ms: Option<f64>,
    pub p99_login_flood_ms: Option<f64>,
    /// The sign-ins of the flood answered 401 (checked), 429 (throttled) and 503 (no
    /// core free to hash within the wait).
    pub login_flood_answers: Vec<(u16, u64)>,
    /// Lighthouse on the start page and a lab's page, visited before any load.
    pub pages: Vec<PageScores>,
}

/// A read held at a constant rate.
#[derive(Debug, Serialize)]
pub struct SteadyRow {
    pub endpoint: String,
    pub requests_per_second: f64,
    pub seconds: u32,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Answers other than 2xx, and requests that failed or took over 10 s.
    pub failures: u64,
}

/// An endpoint to load.
struct Endpoint {
    name: &'static str,
    path: String,
    kind: Kind,
}

enum Kind {
    /// A GET that sends no SQL: nothing to compare with.
    NoSql,
    /// A GET whose statements pgbench replays.
    Read,
    /// Requests a `wrk` Lua script makes (the write; its statements cannot be replayed:
    /// they would insert the same ids again).
    Scripted(PathBuf),
}

pub async fn api(setup: &ApiSetup) -> anyhow::Result<Report> {
    std::fs::create_dir_all(&setup.folder)?;
    let mut conn = AsyncPgConnection::establish(&setup.database_url).await?;
    seed_large_platform(&mut conn).await?;
    seed_people(&mut conn).await?;
    let settled = settle_search(&mut conn).await?;
    println!(
        "analysed {} rows for search in {:.0} s, gathered the search words in {:.1} s",
        settled.analysed, settled.analysis_seconds, settled.refresh_seconds
    );
    let platform = platform_counts(&mut conn).await?;

    let server = start_api(setup, 1).await?;
    let client = reqwest::Client::new();
    let lab = seeded_ids(&mut conn, "lab", 1).await?[0];
    let need = seeded_ids(&mut conn, "need", 1).await?[0];
    let writers = seeded_ids(&mut conn, "person", WRITERS).await?;
    let deep_cursor = cursor_after_pages(&client, &server, 100).await?;
    let pages = score_pages(setup, &server, lab)?;
    let writer_script = setup.folder.join("post-idea.lua");
    let endpoints = [
        Endpoint {
            name: "health (no SQL)",
            path: "/api/v1/health".to_owned(),
            kind: Kind::NoSql,
        },
        Endpoint::read("labs, first page", "/api/v1/labs"),
        Endpoint::read(
            "labs, page 101",
            &format!("/api/v1/labs?cursor={deep_cursor}"),
        ),
        Endpoint::read("a lab", &format!("/api/v1/labs/{lab}")),
        Endpoint::read("ideas, most votes", "/api/v1/ideas?sort=most_voted"),
        Endpoint::read(
            "a need's suggestions",
            &format!("/api/v1/needs/{need}/suggestions"),
        ),
        Endpoint::read("search", "/api/v1/search?q=l%C3%A4xhj%C3%A4lp"),
        Endpoint::read("statistics", "/api/v1/statistics"),
        Endpoint {
            name: "post an idea (signed in)",
            path: format!("/api/v1/labs/{lab}/ideas"),
            kind: Kind::Scripted(writer_script),
        },
    ];

    let mut rows = Vec::new();
    let mut steady = Vec::new();
    for endpoint in &endpoints {
        let statements = match &endpoint.kind {
            Kind::Read => {
                Some(statements_of(setup, &mut conn, &client, &server.url(&endpoint.path)).await?)
            }
            Kind::Scripted(script) => {
                // Written just before it runs: the tokens in it last 15 minutes.
                std::fs::write(script, post_idea_script(lab, &writers)?)?;
                None
            }
            Kind::NoSql => None,
        };
        for connections in CONNECTIONS {
            let load = wrk(setup, &[server.url(&endpoint.path)], connections, endpoint)?;
            let (prepared, extended) = match &statements {
                Some(script) => (
                    replayed(pgbench(setup, script, "prepared", connections)),
                    replayed(pgbench(setup, script, "extended", connections)),
                ),
                None => (None, None),
            };
            let row = Row {
                endpoint: endpoint.name.to_owned(),
                connections,
                requests_per_second: load.requests_per_second,
                p50_ms: load.p50_ms,
                p99_ms: load.p99_ms,
                failures: load.failures,
                pgbench_prepared_tps: prepared,
                pgbench_extended_tps: extended,
                ratio_to_prepared: prepared.map(|tps| load.requests_per_second / tps),
            };
            print_row(&row);
            rows.push(row);
        }
        // Held right after its own loads, before the write below adds ideas that lists
        // and search would then also wade through.
        if matches!(endpoint.kind, Kind::Read) {
            let highest = rows
                .iter()
                .filter(|row| row.endpoint == endpoint.name)
                .map(|row| row.requests_per_second)
                .fold(0.0, f64::max);
            let url = server.url(&endpoint.path);
            let row = hold(
                &client,
                endpoint.name,
                &url,
                highest / 2.0,
                setup.steady_seconds,
            )
            .await?;
            println!(
                "{:<26} held at {:>6.1} req/s for {} s: p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms  failures {}",
                row.endpoint,
                row.requests_per_second,
                row.seconds,
                row.p50_ms,
                row.p99_ms,
                row.max_ms,
                row.failures
            );
            steady.push(row);
        }
    }
    let peak_memory_mib = server.peak_memory_mib()?;

    let labs = Endpoint::read("labs, first page", "/api/v1/labs");
    let one_instance_rps = wrk(setup, &[server.url(&labs.path)], 64, &labs)?.requests_per_second;
    let second = start_api(setup, 2).await?;
    let both = wrk(
        setup,
        &[server.url(&labs.path), second.url(&labs.path)],
        32,
        &labs,
    )?;
    drop(second);

    let p99_quiet_ms = wrk(setup, &[server.url(&labs.path)], 16, &labs)?.p99_ms;
    let answers = Arc::new(Mutex::new(BTreeMap::new()));
    let flood = tokio::spawn(login_flood(
        server.url("/api/v1/auth/login"),
        answers.clone(),
    ));
    let p99_login_flood_ms = wrk(setup, &[server.url(&labs.path)], 16, &labs)?.p99_ms;
    flood.abort();
    let login_flood_answers = answers
        .lock()
        .map_err(|_| anyhow::anyhow!("a flood task panicked"))?
        .iter()
        .map(|(status, count)| (*status, *count))
        .collect();

    Ok(Report {
        machine: machine(),
        seconds_per_load: setup.seconds,
        platform,
        rows,
        steady,
        peak_memory_mib,
        one_instance_rps,
        two_instances_rps: both.requests_per_second,
        p99_quiet_ms,
        p99_login_flood_ms,
        login_flood_answers,
        pages,
    })
}

/// Lighthouse's scores of the start page and a lab's page, on the machine still idle.
fn score_pages(
    setup: &ApiSetup,
    server: &ApiProcess,
    lab: Uuid,
) -> anyhow::Result<Vec<PageScores>> {
    let Some(script) = &setup.lighthouse else {
        println!("pages not scored: LIGHTHOUSE (npm lighthouse's cli/index.js) is not set");
        return Ok(Vec::new());
    };
    let lighthouse = Lighthouse {
        script,
        chromium: &setup.chromium,
        folder: &setup.folder,
    };
    let mut pages = Vec::new();
    for (page, path) in [
        ("start page", "/".to_owned()),
        ("a lab", format!("/labs/{lab}")),
    ] {
        let scores = lighthouse.visit(page, &server.url(&path))?;
        println!(
            "{:<26} Lighthouse performance {:>3.0}  accessibility {:>3.0}  first paint {:>5.0} ms  \
             largest paint {:>5.0} ms  blocking {:>4.0} ms  layout shift {:.3}  {:>4.0} KiB",
            scores.page,
            scores.performance,
            scores.accessibility,
            scores.first_contentful_paint_ms,
            scores.largest_contentful_paint_ms,
            scores.total_blocking_time_ms,
            scores.cumulative_layout_shift,
            scores.downloaded_kib,
        );
        pages.push(scores);
    }
    Ok(pages)
}

impl Endpoint {
    fn read(name: &'static str, path: &str) -> Self {
        Self {
            name,
            path: path.to_owned(),
            kind: Kind::Read,
        }
    }
}

/// The people and their votes (`people.sql`), all with one password's hash.
async fn seed_people(conn: &mut AsyncPgConnection) -> anyhow::Result<()> {
    let started = Instant::now();
    let hash = api::auth::password::hash("benchmark password".to_owned()).await?;
    anyhow::ensure!(!hash.contains('\''), "a password hash with a quote");
    conn.batch_execute(&include_str!("people.sql").replace("__PASSWORD_HASH__", &hash))
        .await?;
    conn.batch_execute("ANALYZE").await?;
    println!(
        "seeded {} people and {} votes in {:.0} s",
        count(conn, "SELECT count(*) FROM users").await?,
        count(conn, "SELECT count(*) FROM idea_votes").await?,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn platform_counts(conn: &mut AsyncPgConnection) -> anyhow::Result<Vec<(String, i64)>> {
    let mut counts = Vec::new();
    for table in [
        "organizations",
        "labs",
        "ideas",
        "idea_votes",
        "needs",
        "offerings",
        "matches",
        "users",
    ] {
        counts.push((
            table.to_owned(),
            count(conn, &format!("SELECT count(*) FROM {table}")).await?,
        ));
    }
    Ok(counts)
}

/// The ids `statistics.sql` and `people.sql` give the rows `{prefix}1` to `{prefix}{n}`.
async fn seeded_ids(
    conn: &mut AsyncPgConnection,
    prefix: &str,
    n: usize,
) -> anyhow::Result<Vec<Uuid>> {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        id: Uuid,
    }
    let ids: Vec<Id> = diesel_async::RunQueryDsl::load(
        diesel::sql_query(
            "SELECT md5($1 || n)::uuid AS id FROM generate_series(1, $2) n ORDER BY n",
        )
        .bind::<diesel::sql_types::Text, _>(prefix)
        .bind::<diesel::sql_types::Integer, _>(i32::try_from(n)?),
        conn,
    )
    .await?;
    Ok(ids.into_iter().map(|row| row.id).collect())
}

/// The cursor of the labs list after `pages` pages.
async fn cursor_after_pages(
    client: &reqwest::Client,
    server: &ApiProcess,
    pages: usize,
) -> anyhow::Result<String> {
    let mut cursor = String::new();
    for _ in 0..pages {
        let url = match cursor.as_str() {
            "" => server.url("/api/v1/labs"),
            cursor => server.url(&format!("/api/v1/labs?cursor={cursor}")),
        };
        let page: serde_json::Value = client.get(url).send().await?.json().await?;
        cursor = page["next_cursor"]
            .as_str()
            .context("the labs list ended before its 100th page")?
            .to_owned();
    }
    Ok(cursor)
}

/// A `wrk` script posting ideas to `lab`, each request as the next of `writers`. Their
/// access tokens last 15 minutes: the script is written just before it runs.
fn post_idea_script(lab: Uuid, writers: &[Uuid]) -> anyhow::Result<String> {
    let now = chrono::Utc::now().timestamp();
    let tokens = writers
        .iter()
        .map(|&person| {
            api::auth::jwt::issue(JWT_SECRET.as_bytes(), person, Uuid::new_v4(), now)
                .map(|token| format!("  \"{token}\""))
        })
        .collect::<anyhow::Result<Vec<_>>>()?
        .join(",\n");
    Ok(format!(
        r#"-- Posts ideas to lab {lab}, each request as the next person.
local tokens = {{
{tokens}
}}
local turn = math.random(#tokens)
local body = '{{"title": "En idé under last", "body": "Läxhjälp i trapphuset varje tisdag."}}'
request = function()
  turn = turn % #tokens + 1
  return wrk.format("POST", nil, {{
    ["Authorization"] = "Bearer " .. tokens[turn],
    ["Content-Type"] = "application/json",
  }}, body)
end
"#
    ))
}

/// What `wrk` measured.
#[derive(Debug, Default)]
struct Load {
    requests_per_second: f64,
    p50_ms: Option<f64>,
    p99_ms: Option<f64>,
    failures: u64,
}

/// Loads `urls` at once, each with `connections` connections, for the set seconds; the
/// figures of all of them together (throughput summed, the worst percentiles).
fn wrk(
    setup: &ApiSetup,
    urls: &[String],
    connections: u32,
    endpoint: &Endpoint,
) -> anyhow::Result<Load> {
    let children = urls
        .iter()
        .map(|url| {
            let mut command = std::process::Command::new(&setup.wrk);
            command
                .args(["--latency", "-t", "2", "-c", &connections.to_string()])
                .args(["-d", &format!("{}s", setup.seconds)]);
            if let Kind::Scripted(script) = &endpoint.kind {
                command.arg("-s").arg(script);
            }
            command
                .arg(url)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .with_context(|| format!("could not run {}", setup.wrk.display()))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut total = Load::default();
    for child in children {
        let output = child.wait_with_output()?;
        let text = String::from_utf8_lossy(&output.stdout);
        anyhow::ensure!(
            output.status.success(),
            "wrk failed: {text}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let load = parse_wrk(&text).with_context(|| format!("could not read wrk's {text}"))?;
        total.requests_per_second += load.requests_per_second;
        total.p50_ms = worst(total.p50_ms, load.p50_ms);
        total.p99_ms = worst(total.p99_ms, load.p99_ms);
        total.failures += load.failures;
    }
    Ok(total)
}

/// The higher of two percentiles, where one may be missing.
fn worst(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// Reads `wrk --latency`'s report.
fn parse_wrk(text: &str) -> Option<Load> {
    let mut load = Load::default();
    let mut seen_rate = false;
    for line in text.lines().map(str::trim) {
        if let Some(rate) = line.strip_prefix("Requests/sec:") {
            load.requests_per_second = rate.trim().parse().ok()?;
            seen_rate = true;
        } else if let Some(latency) = line.strip_prefix("50%") {
            load.p50_ms = Some(milliseconds(latency.trim())?);
        } else if let Some(latency) = line.strip_prefix("99%") {
            load.p99_ms = Some(milliseconds(latency.trim())?);
        } else if let Some(failed) = line.strip_prefix("Non-2xx or 3xx responses:") {
            load.failures += failed.trim().parse::<u64>().ok()?;
        } else if let Some(errors) = line.strip_prefix("Socket errors:") {
            // `connect 0, read 0, write 0, timeout 0`
            for part in errors.split(',') {
                load.failures += part.split_whitespace().last()?.parse::<u64>().ok()?;
            }
        }
    }
    seen_rate.then_some(load)
}

/// `wrk`'s `850.00us`, `2.87ms` or `1.02s` in milliseconds.
fn milliseconds(text: &str) -> Option<f64> {
    let (number, factor) = if let Some(us) = text.strip_suffix("us") {
        (us, 0.001)
    } else if let Some(ms) = text.strip_suffix("ms") {
        (ms, 1.0)
    } else if let Some(s) = text.strip_suffix('s') {
        (s, 1000.0)
    } else {
        return None;
    };
    number.parse::<f64>().ok().map(|n| n * factor)
}

/// The statements of one answer from `url`, written as a pgbench script; its path.
async fn statements_of(
    setup: &ApiSetup,
    conn: &mut AsyncPgConnection,
    client: &reqwest::Client,
    url: &str,
) -> anyhow::Result<PathBuf> {
    // Warm: the connection open, the plans' statistics read.
    for _ in 0..3 {
        client.get(url).send().await?.bytes().await?;
    }
    let statements = statements_during(conn, &setup.server_log, async || {
        let response = client.get(url).send().await?;
        anyhow::ensure!(
            response.status() == 200,
            "{url} answered {}",
            response.status()
        );
        response.bytes().await?;
        Ok(())
    })
    .await?;
    let name = url
        .rsplit("/api/v1/")
        .next()
        .unwrap_or("endpoint")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(40)
        .collect::<String>();
    let script = setup.folder.join(format!("{name}.sql"));
    write_script(&script, &statements)?;
    Ok(script)
}

/// pgbench's transactions a second on `script` with `clients` clients, in `mode`
/// (`prepared` or `extended`).
fn pgbench(setup: &ApiSetup, script: &Path, mode: &str, clients: u32) -> anyhow::Result<f64> {
    let output = std::process::Command::new(&setup.pgbench)
        .args(["-n", "-M", mode, "-c", &clients.to_string(), "-j", "2"])
        .args(["-T", &setup.seconds.to_string(), "-f"])
        .arg(script)
        .arg(&setup.database_url)
        .output()
        .with_context(|| format!("could not run {}", setup.pgbench.display()))?;
    let text = String::from_utf8_lossy(&output.stdout);
    anyhow::ensure!(
        output.status.success(),
        "pgbench failed: {text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    text.lines()
        .find_map(|line| line.strip_prefix("tps = "))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|tps| tps.parse().ok())
        .context("pgbench printed no tps")
}

/// pgbench's figure, or none when it could not replay the statements — said, not hidden.
fn replayed(tps: anyhow::Result<f64>) -> Option<f64> {
    tps.map_err(|error| {
        let text = error.to_string();
        let reason = text
            .lines()
            .find(|line| line.contains("ERROR"))
            .unwrap_or_else(|| text.lines().next().unwrap_or_default());
        println!("  pgbench could not replay this answer's statements: {reason}");
    })
    .ok()
}

/// 100 sign-ins a second with a wrong password, for people in turn, each from the next of
/// 100 loopback addresses (so that the per-address throttle lets them all be checked),
/// until aborted; counts the answers by status (0: no answer).
async fn login_flood(url: String, answers: Arc<Mutex<BTreeMap<u16, u64>>>) {
    let clients: Vec<reqwest::Client> = (2..102)
        .filter_map(|host| {
            reqwest::Client::builder()
                .local_address(std::net::IpAddr::from([127, 0, 0, host]))
                .timeout(Duration::from_secs(10))
                .build()
                .ok()
        })
        .collect();
    let mut tick = tokio::time::interval(Duration::from_millis(10));
    for n in 1.. {
        tick.tick().await;
        let request = clients[n % clients.len()]
            .post(&url)
            .json(&serde_json::json!({
                "email": format!("person{}@bench.invalid", n % 50_000 + 1),
                "password": "not the password",
            }));
        let answers = answers.clone();
        tokio::spawn(async move {
            let status = request
                .send()
                .await
                .map_or(0, |response| response.status().as_u16());
            if let Ok(mut answers) = answers.lock() {
                *answers.entry(status).or_insert(0) += 1;
            }
        });
    }
}

/// `url` requested at a constant `rate` a second for `seconds`, each request timed from
/// when it was due rather than from when it could be sent — a stall counts for every
/// request it held up (no coordinated omission).
async fn hold(
    client: &reqwest::Client,
    endpoint: &str,
    url: &str,
    rate: f64,
    seconds: u32,
) -> anyhow::Result<SteadyRow> {
    let rate = rate.max(1.0);
    let interval = Duration::from_secs_f64(1.0 / rate);
    let started = tokio::time::Instant::now();
    let mut requests = tokio::task::JoinSet::new();
    let mut due = started;
    while due < started + Duration::from_secs(seconds.into()) {
        tokio::time::sleep_until(due).await;
        let request = client.get(url).timeout(Duration::from_secs(10));
        let sent = due;
        requests.spawn(async move {
            let answered = async {
                let response = request.send().await.ok()?;
                let success = response.status().is_success();
                response.bytes().await.ok()?;
                success.then_some(())
            }
            .await;
            (sent.elapsed().as_secs_f64() * 1000.0, answered.is_some())
        });
        due += interval;
    }
    let mut samples = Vec::new();
    let mut failures = 0;
    while let Some(done) = requests.join_next().await {
        let (ms, answered) = done?;
        samples.push(ms);
        failures += u64::from(!answered);
    }
    anyhow::ensure!(!samples.is_empty(), "no request was sent to {url}");
    let latencies = Latencies::of(samples);
    Ok(SteadyRow {
        endpoint: endpoint.to_owned(),
        requests_per_second: rate,
        seconds,
        p50_ms: latencies.p50,
        p99_ms: latencies.p99,
        max_ms: latencies.max,
        failures,
    })
}

fn print_row(row: &Row) {
    let or_dash = |value: Option<f64>, digits: usize| {
        value.map_or("–".to_owned(), |value| format!("{value:.digits$}"))
    };
    println!(
        "{:<26} {:>3} conn {:>8.0} req/s  p50 {:>7} ms  p99 {:>7} ms  failures {:<4} \
         pgbench prepared {:>7} extended {:>7}  ratio {}",
        row.endpoint,
        row.connections,
        row.requests_per_second,
        or_dash(row.p50_ms, 2),
        or_dash(row.p99_ms, 2),
        row.failures,
        or_dash(row.pgbench_prepared_tps, 0),
        or_dash(row.pgbench_extended_tps, 0),
        or_dash(row.ratio_to_prepared, 2),
    );
}

/// The machine's cores and CPU, for the report.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name"))
        .and_then(|rest| rest.split_once(':'))
        .map_or("unknown CPU", |(_, model)| model.trim());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cores} cores, {model}")
}

/// An `api` process serving the benchmark's database, the `instance`th.
async fn start_api(setup: &ApiSetup, instance: u32) -> anyhow::Result<ApiProcess> {
    let server = ApiCommand::new(
        &setup.api_binary,
        &setup.database_url,
        JWT_SECRET,
        &setup.static_dir,
    )?
    .env("RUST_LOG", "error")
    .start()
    .await?;
    println!("API instance {instance} serves on port {}", server.port());
    Ok(server)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrk_reports_are_read_with_their_units_and_failures() -> anyhow::Result<()> {
        let report = "Running 5s test @ http://127.0.0.1:8080/api/v1/labs
  2 threads and 16 connections
  Latency Distribution
     50%  850.00us
     75%    3.50ms
     90%    4.20ms
     99%    1.02s
  26510 requests in 5.00s, 10.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 12
Requests/sec:   5301.72
Transfer/sec:      2.00MB";
        let load = parse_wrk(report).context("a report")?;
        assert_eq!(load.requests_per_second, 5301.72);
        assert!(load.p50_ms.is_some_and(|ms| (ms - 0.85).abs() < 1e-9));
        assert_eq!(load.p99_ms, Some(1020.0));
        assert_eq!(load.failures, 15);
        assert!(parse_wrk("wrk: connection refused").is_none());
        Ok(())
    }
}
