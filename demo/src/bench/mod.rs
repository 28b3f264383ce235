//! `bench-statistics`: `GET /statistics` among 10,000 labs, asked over HTTP of the API
//! (release build, in this process), side by side in one run with the very SQL that answer
//! sends, run by `pgbench` on the same database — these machines are noisy, so only a
//! comparison made in one run says anything.
//!
//! The SQL is not copied here: Postgres logs the statements of one answer
//! (`log_min_duration_statement = 0` for a moment), and the bench replays them.

pub mod lighthouse;
pub mod search;
pub mod suite;
pub mod webhooks;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use api::config::{AuthConfig, Config, KeyRateLimit, WebhookPolicy};
use api::startup::Application;
use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};

/// What the benchmark needs besides the database: the server's log, `pgbench`, and where to
/// write the replayed statements.
pub struct Setup {
    pub database_url: String,
    pub server_log: PathBuf,
    pub pgbench: PathBuf,
    pub script: PathBuf,
    pub samples: usize,
}

/// Latencies in milliseconds.
#[derive(Debug)]
pub struct Latencies {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
}

impl Latencies {
    pub fn of(mut samples: Vec<f64>) -> Self {
        samples.sort_by(f64::total_cmp);
        let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
        Latencies {
            p50: at(0.50),
            p95: at(0.95),
            p99: at(0.99),
            max: at(1.0),
        }
    }
}

pub struct Report {
    pub labs: i64,
    pub http: Latencies,
    pub statements: usize,
    /// pgbench's average latency of the same statements, one client, extended protocol.
    pub pgbench_ms: f64,
}

/// Seeds the large platform (`statistics.sql`), then measures.
pub async fn statistics(setup: &Setup) -> anyhow::Result<Report> {
    let mut conn = AsyncPgConnection::establish(&setup.database_url).await?;
    let labs = seed_large_platform(&mut conn).await?;

    let application =
        Application::build(config(&setup.database_url, WebhookPolicy::default())?).await?;
    let url = format!("http://127.0.0.1:{}/api/v1/statistics", application.port());
    let handle = application.handle();
    tokio::spawn(application.run_until_stopped());
    let client = reqwest::Client::new();
    let ask = async || -> anyhow::Result<f64> {
        let started = Instant::now();
        let response = client.get(&url).send().await?;
        anyhow::ensure!(
            response.status() == 200,
            "GET /statistics answered {}",
            response.status()
        );
        response.bytes().await?;
        Ok(started.elapsed().as_secs_f64() * 1000.0)
    };
    for _ in 0..20 {
        ask().await?;
    }
    let mut samples = Vec::with_capacity(setup.samples);
    for _ in 0..setup.samples {
        samples.push(ask().await?);
    }

    let statements = statements_during(&mut conn, &setup.server_log, async || {
        ask().await.map(|_| ())
    })
    .await?;
    write_script(&setup.script, &statements)?;
    let pgbench_ms = pgbench(&setup.pgbench, &setup.database_url, &setup.script)?;
    handle.stop(true).await;
    Ok(Report {
        labs,
        http: Latencies::of(samples),
        statements: statements.len(),
        pgbench_ms,
    })
}

/// Seeds the large platform of `statistics.sql` (10,000 labs, 100,000 ideas, 20,000
/// offerings …) and says so; how many labs it has.
async fn seed_large_platform(conn: &mut AsyncPgConnection) -> anyhow::Result<i64> {
    let started = Instant::now();
    conn.batch_execute(include_str!("statistics.sql")).await?;
    let labs = count(conn, "SELECT count(*) FROM labs").await?;
    println!(
        "seeded {labs} labs, {} ideas, {} offerings, {} matches, {} methods and {} adoptions in {:.0} s",
        count(conn, "SELECT count(*) FROM ideas").await?,
        count(conn, "SELECT count(*) FROM offerings").await?,
        count(conn, "SELECT count(*) FROM matches").await?,
        count(conn, "SELECT count(*) FROM methods").await?,
        count(conn, "SELECT count(*) FROM adoptions").await?,
        started.elapsed().as_secs_f64()
    );
    Ok(labs)
}

/// What [`settle_search`] did.
pub struct Settled {
    pub analysed: usize,
    pub analysis_seconds: f64,
    pub refresh_seconds: f64,
}

/// Brings seeded rows to where the API's background work leaves a platform — every text
/// analysed for search, the dead row versions vacuumed, the search words gathered — so that
/// this work does not run during (and into) the measurements.
async fn settle_search(conn: &mut AsyncPgConnection) -> anyhow::Result<Settled> {
    let started = Instant::now();
    let analysed = api::db::search::analyse_pending(conn).await?;
    let analysis_seconds = started.elapsed().as_secs_f64();
    // Settled, as autovacuum leaves a platform: the analysis left a dead version of every
    // row, which autovacuum would otherwise clear during the timing.
    conn.batch_execute("VACUUM ANALYZE").await?;
    let started = Instant::now();
    anyhow::ensure!(
        api::db::search::refresh_words(conn).await?,
        "the words of the visible texts were not gathered"
    );
    Ok(Settled {
        analysed,
        analysis_seconds,
        refresh_seconds: started.elapsed().as_secs_f64(),
    })
}

/// The API's configuration in a benchmark: a release build in this process on a free port.
fn config(database_url: &str, webhooks: WebhookPolicy) -> anyhow::Result<Config> {
    Ok(Config {
        database_url: database_url.to_owned(),
        database_replica_url: None,
        bind_addr: "127.0.0.1:0".parse()?,
        static_dir: PathBuf::new(),
        database_pool: api::config::PoolSettings {
            max_size: 8,
            ..Default::default()
        },
        auth: AuthConfig::new(&[7; 32], false)?,
        webhooks,
        key_rate_limit: KeyRateLimit::default(),
        search_words_refresh: std::time::Duration::from_secs(
            api::config::DEFAULT_SEARCH_WORDS_REFRESH_SECONDS,
        ),
        mail: api::config::MailConfig::off(),
        spam: api::config::SpamPolicy::default(),
    })
}

async fn count(conn: &mut AsyncPgConnection, query: &str) -> anyhow::Result<i64> {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        count: i64,
    }
    let row: Count = diesel_async::RunQueryDsl::get_result(diesel::sql_query(query), conn).await?;
    Ok(row.count)
}

/// The statements Postgres received while `request` ran, as the server's log shows them
/// (every statement is logged for that moment), each with its parameters written in as
/// literals of the parameters' own types, so that pgbench replays the very statement.
async fn statements_during(
    conn: &mut AsyncPgConnection,
    server_log: &Path,
    request: impl AsyncFnOnce() -> anyhow::Result<()>,
) -> anyhow::Result<Vec<String>> {
    const EVERY_STATEMENT: &str = "log_min_duration_statement";
    let offset = std::fs::metadata(server_log)?.len();
    alter_system(conn, &[(EVERY_STATEMENT, Some("0"))]).await?;
    let asked = request().await;
    alter_system(conn, &[(EVERY_STATEMENT, None)]).await?;
    asked?;
    let logged = log_since(server_log, offset)?;
    let statements = logged_statements(&logged);
    anyhow::ensure!(
        !statements.is_empty(),
        "no statements were logged in {}: {logged}",
        server_log.display()
    );
    let mut typed = Vec::with_capacity(statements.len());
    for statement in statements {
        // A statement whose parameters' types only its sender knew (`unnest($1)`) keeps
        // plain literals; pgbench will say it cannot replay it.
        let types = parameter_types(conn, &statement)
            .await
            .unwrap_or_else(|error| {
                println!("  {error:#}");
                Vec::new()
            });
        typed.push(statement.with_literals(&types));
    }
    Ok(typed)
}

/// The types Postgres infers for the statement's parameters, in order (`text[]`, `bigint`
/// …): a literal written in for `$1` must say its type where the statement alone does not
/// (`unnest($1)`).
async fn parameter_types(
    conn: &mut AsyncPgConnection,
    statement: &LoggedStatement,
) -> anyhow::Result<Vec<String>> {
    #[derive(diesel::QueryableByName)]
    struct Types {
        #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Text>)]
        types: Vec<String>,
    }
    if statement.parameters.is_empty() {
        return Ok(Vec::new());
    }
    conn.batch_execute(&format!("PREPARE bench_probe AS {}", statement.sql))
        .await
        .with_context(|| format!("could not prepare {}", statement.sql))?;
    let types: anyhow::Result<Types> = diesel_async::RunQueryDsl::get_result(
        diesel::sql_query(
            "SELECT parameter_types::text[] AS types FROM pg_prepared_statements \
             WHERE name = 'bench_probe'",
        ),
        conn,
    )
    .await
    .map_err(Into::into);
    conn.batch_execute("DEALLOCATE bench_probe").await?;
    Ok(types?.types)
}

/// Writes the statements as one pgbench transaction to `script`.
fn write_script(script: &Path, statements: &[String]) -> anyhow::Result<()> {
    if let Some(folder) = script.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(script, pgbench_script(statements))?;
    Ok(())
}

/// Sets (`Some`) or resets (`None`) server settings, and waits for the server to reload.
async fn alter_system(
    conn: &mut AsyncPgConnection,
    settings: &[(&str, Option<&str>)],
) -> anyhow::Result<()> {
    for (name, value) in settings {
        let statement = match value {
            Some(value) => format!("ALTER SYSTEM SET {name} = {value}"),
            None => format!("ALTER SYSTEM RESET {name}"),
        };
        // Apart: ALTER SYSTEM cannot run in the transaction a multi-statement query makes.
        conn.batch_execute(&statement).await?;
    }
    conn.batch_execute("SELECT pg_reload_conf()").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok(())
}

/// What the server logged after `offset` (a length of its log taken before).
fn log_since(server_log: &Path, offset: u64) -> anyhow::Result<String> {
    let log = std::fs::read(server_log)?;
    let start = usize::try_from(offset)?.min(log.len());
    Ok(String::from_utf8_lossy(&log[start..]).into_owned())
}

/// One statement as the server logged it: its text with placeholders, and the literals
/// of its parameters (`'{x,y}'`, `'12'`, `NULL`) in the order `$1`, `$2` …
#[derive(Debug, PartialEq)]
pub struct LoggedStatement {
    pub sql: String,
    pub parameters: Vec<String>,
}

impl LoggedStatement {
    /// The statement with each `$n` replaced by its literal cast to `types[n - 1]` (the
    /// highest number first, so that `$1` does not take the start of `$10`).
    fn with_literals(&self, types: &[String]) -> String {
        let mut sql = self.sql.clone();
        for (index, literal) in self.parameters.iter().enumerate().rev() {
            let typed = match types.get(index) {
                Some(kind) => format!("{literal}::{kind}"),
                None => literal.clone(),
            };
            sql = sql.replace(&format!("${}", index + 1), &typed);
        }
        sql
    }
}

/// The statements a server log shows executed, in order, by the connection that executed
/// the most: the answer's, not the API's background tasks' nor the benchmark's own.
pub fn logged_statements(log: &str) -> Vec<LoggedStatement> {
    // (the server process, the statement)
    let mut statements: Vec<(&str, LoggedStatement)> = Vec::new();
    let mut current: Option<(&str, LoggedStatement)> = None;
    // The processes whose last logged line was an execution: a `DETAIL` line of
    // parameters follows the bind step too, and belongs to a statement only right after
    // its execution.
    let mut just_executed: std::collections::HashSet<&str> = Default::default();
    for line in log.lines() {
        if let Some(rest) = line.strip_prefix('\t') {
            if let Some((_, statement)) = current.as_mut() {
                statement.sql.push('\n');
                statement.sql.push_str(rest);
            }
            continue;
        }
        statements.extend(current.take());
        // `2026-12-03 08:00:00.001 UTC [10] LOG:  …`
        let process = line
            .split_once(" [")
            .and_then(|(_, rest)| rest.split_once(']'))
            .map_or("", |(process, _)| process);
        let parameters = line
            .split_once("DETAIL:  Parameters: ")
            .or_else(|| line.split_once("DETAIL:  parameters: "));
        if let Some((_, parameters)) = parameters {
            if just_executed.remove(process)
                && let Some((_, last)) = statements.iter_mut().rev().find(|(p, _)| *p == process)
            {
                last.parameters = parameter_literals(parameters);
            }
            continue;
        }
        // `duration: 1.2 ms  execute <name>: SQL` (a prepared statement, named or unnamed) or
        // `statement: SQL` (a simple query); the parse and bind steps are not executions.
        let executed = line
            .split_once("LOG:  duration: ")
            .and_then(|(_, rest)| rest.split_once(" ms  "))
            .and_then(|(_, rest)| {
                rest.strip_prefix("statement: ").or_else(|| {
                    rest.strip_prefix("execute ")
                        .and_then(|rest| rest.split_once(": "))
                        .map(|(_, sql)| sql)
                })
            });
        just_executed.remove(process);
        if let Some(sql) = executed {
            let statement = LoggedStatement {
                sql: sql.to_owned(),
                parameters: Vec::new(),
            };
            current = Some((process, statement));
            just_executed.insert(process);
        }
    }
    statements.extend(current);
    statements
        .retain(|(_, s)| !s.sql.contains("ALTER SYSTEM") && !s.sql.contains("pg_reload_conf"));
    let busiest = statements
        .iter()
        .map(|(process, _)| *process)
        .max_by_key(|process| statements.iter().filter(|(p, _)| p == process).count());
    statements
        .into_iter()
        .filter(|(process, _)| Some(*process) == busiest)
        .map(|(_, statement)| statement)
        .collect()
}

/// The literals of a log's `$1 = '…', $2 = NULL`, in order.
fn parameter_literals(parameters: &str) -> Vec<String> {
    let mut values: Vec<(usize, String)> = Vec::new();
    let mut rest = parameters;
    while let Some(start) = rest.find('$') {
        let after = &rest[start + 1..];
        let Some((number, value)) = after.split_once(" = ") else {
            break;
        };
        let (literal, tail) = if let Some(quoted) = value.strip_prefix('\'') {
            // A quoted value ends at a quote that is not doubled.
            let mut end = 0;
            let bytes = quoted.as_bytes();
            while end < bytes.len() {
                if bytes[end] == b'\'' {
                    if bytes.get(end + 1) == Some(&b'\'') {
                        end += 2;
                        continue;
                    }
                    break;
                }
                end += 1;
            }
            (
                format!("'{}'", &quoted[..end]),
                &quoted[(end + 1).min(quoted.len())..],
            )
        } else {
            let end = value.find(", $").unwrap_or(value.len());
            (value[..end].to_owned(), &value[end..])
        };
        if let Ok(number) = number.parse() {
            values.push((number, literal));
        }
        rest = tail;
    }
    values.sort_by_key(|(number, _)| *number);
    values.into_iter().map(|(_, literal)| literal).collect()
}

/// One pgbench transaction: the statements of one answer, each on one line (so without
/// its `--` comments, which would swallow the rest of the line).
fn pgbench_script(statements: &[String]) -> String {
    statements
        .iter()
        .map(|s| {
            let line = s.lines().map(without_comment).collect::<Vec<_>>().join(" ");
            format!("{};\n", colons_spelt_out(line.trim().trim_end_matches(';')))
        })
        .collect()
}

/// A line of SQL without a `--` comment that ends it (one outside a quoted literal).
fn without_comment(line: &str) -> &str {
    let mut quoted = false;
    for (at, character) in line.char_indices() {
        match character {
            '\'' => quoted = !quoted,
            '-' if !quoted && line[at..].starts_with("--") => return &line[..at],
            _ => {}
        }
    }
    line
}

/// `line` with every quoted literal that holds a colon written as a concatenation around
/// `chr(58)`: pgbench takes `:name` for one of its variables even inside a literal (the
/// suggestions' `'[^[:alpha:]]+'`), and its replay then fails.
fn colons_spelt_out(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pieces = line.split('\'');
    out.push_str(pieces.next().unwrap_or_default());
    let mut quoted = true;
    for piece in pieces {
        if quoted && piece.contains(':') {
            out.push_str(&format!("('{}')", piece.replace(':', "' || chr(58) || '")));
        } else if quoted {
            out.push_str(&format!("'{piece}'"));
        } else {
            out.push_str(piece);
        }
        quoted = !quoted;
    }
    out
}

/// pgbench's average latency of the script, one client for 10 seconds, extended protocol.
fn pgbench(pgbench: &Path, database_url: &str, script: &Path) -> anyhow::Result<f64> {
    let output = std::process::Command::new(pgbench)
        .args(["-n", "-M", "extended", "-c", "1", "-T", "10", "-f"])
        .arg(script)
        .arg(database_url)
        .output()
        .with_context(|| format!("could not run {}", pgbench.display()))?;
    let text = String::from_utf8_lossy(&output.stdout);
    anyhow::ensure!(
        output.status.success(),
        "pgbench failed: {}{}",
        text,
        String::from_utf8_lossy(&output.stderr)
    );
    text.lines()
        .find_map(|line| line.strip_prefix("latency average = "))
        .and_then(|rest| rest.trim_end_matches(" ms").parse().ok())
        .context("pgbench printed no average latency")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answers_statements_are_read_from_the_log_with_their_parameters() {
        let log = "2026-12-03 08:00:00.001 UTC [10] LOG:  duration: 0.050 ms  statement: SELECT 1\n\
2026-12-03 08:00:00.002 UTC [10] LOG:  duration: 0.010 ms  parse <unnamed>: SELECT a FROM t WHERE id = ANY($1)\n\
2026-12-03 08:00:00.002 UTC [10] LOG:  duration: 0.010 ms  bind s12: SELECT a FROM t\n\
\tWHERE id = ANY($1) AND b = $10 AND c = $2\n\
2026-12-03 08:00:00.002 UTC [10] DETAIL:  Parameters: $1 = 'bound, not the first statement''s'\n\
2026-12-03 08:00:00.002 UTC [12] LOG:  duration: 0.020 ms  execute s1: UPDATE outbox SET tries = $1\n\
2026-12-03 08:00:00.003 UTC [10] LOG:  duration: 1.200 ms  execute s12: SELECT a FROM t\n\
\tWHERE id = ANY($1) AND b = $10 AND c = $2\n\
2026-12-03 08:00:00.003 UTC [12] DETAIL:  Parameters: $1 = '1'\n\
2026-12-03 08:00:00.003 UTC [10] DETAIL:  Parameters: $1 = '{x,y}', $2 = NULL, $3 = '3', $4 = '4', $5 = '5', $6 = '6', $7 = '7', $8 = '8', $9 = '9', $10 = 'it''s'\n\
2026-12-03 08:00:00.004 UTC [11] LOG:  duration: 0.100 ms  statement: ALTER SYSTEM RESET log_min_duration_statement; SELECT pg_reload_conf();\n";
        let statements = logged_statements(log);
        assert_eq!(statements.len(), 2);
        assert_eq!(statements[0].sql, "SELECT 1");
        assert!(statements[0].parameters.is_empty());
        assert_eq!(
            statements[1].sql,
            "SELECT a FROM t\nWHERE id = ANY($1) AND b = $10 AND c = $2"
        );
        assert_eq!(statements[1].parameters[0], "'{x,y}'");
        assert_eq!(statements[1].parameters[1], "NULL");
        assert_eq!(statements[1].parameters[9], "'it''s'");
    }

    #[test]
    fn a_statement_is_replayed_with_literals_of_its_parameters_types() {
        let statement = LoggedStatement {
            sql: "SELECT * FROM unnest($1) WHERE x = $2 OR y = $10".to_owned(),
            parameters: (1..=10).map(|n| format!("'{n}'")).collect(),
        };
        let types: Vec<String> = ["text[]", "bigint"]
            .iter()
            .chain(std::iter::repeat_n(&"text", 8))
            .map(|kind| (*kind).to_owned())
            .collect();
        assert_eq!(
            statement.with_literals(&types),
            "SELECT * FROM unnest('1'::text[]) WHERE x = '2'::bigint OR y = '10'::text"
        );
    }

    #[test]
    fn a_script_keeps_each_statement_on_one_line_without_its_comments() {
        let statements = ["SELECT a -- the first\n  FROM t WHERE b = '--x';".to_owned()];
        assert_eq!(
            pgbench_script(&statements),
            "SELECT a    FROM t WHERE b = '--x';\n"
        );
    }

    #[test]
    fn a_colon_inside_a_literal_is_not_left_for_pgbench_to_take_as_a_variable() {
        assert_eq!(
            colons_spelt_out("SELECT regexp_split_to_table(x, '[^[:alpha:]]+'), 'a'::text"),
            "SELECT regexp_split_to_table(x, ('[^[' || chr(58) || 'alpha' || chr(58) || ']]+')), 'a'::text"
        );
    }

    #[test]
    fn percentiles_come_from_the_sorted_samples() {
        let latencies = Latencies::of((1..=100).rev().map(f64::from).collect());
        assert_eq!(latencies.p50, 51.0);
        assert_eq!(latencies.p99, 99.0);
        assert_eq!(latencies.max, 100.0);
    }
}
