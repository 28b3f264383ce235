//! `bench-search`: Swedish search among 10,000 labs, 100,000 ideas and 20,000 offerings —
//! `GET /search`, a list's `q` and `GET /search/suggest` asked over HTTP of the API (release
//! build, in this process, one client), the statements of one search replayed by `pgbench`
//! beside it, the plans Postgres chose for them, the time the words' view takes to gather,
//! and what the search costs a new idea's write.
//!
//! The platform is `statistics.sql`'s; its numbered titles are replaced by the Swedish
//! texts of the needs and offerings of `eval/matching.json` (each title beside another
//! text's body), and the API's own analysis splits their compounds, as it does on a write.
//! With some 160 texts over 130,000 rows a topic's words are in far more rows than in a
//! real platform, which makes ranking the matches dearer: a harsh case, not a kind one.

use std::path::PathBuf;
use std::time::Instant;

use api::startup::Application;
use diesel::sql_types as sql;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use serde_json::Value;
use uuid::Uuid;

use super::{
    Latencies, Settled, alter_system, config, log_since, pgbench, seed_large_platform,
    settle_search, statements_during, write_script,
};
use crate::evaluation::EvaluationSet;

/// Searches as people type them: words, compounds and their parts, synonyms, phrases.
const SEARCHES: [&str; 12] = [
    "läxhjälp",
    "arbetslösa",
    "trygghet",
    "kvinnor",
    "jobb",
    "läslust",
    "trygghetsvandringar",
    "ungdomar",
    "språkpraktik för nyanlända",
    "skuldsatta hushåll",
    "odling",
    "föräldrar skola",
];
/// Misspelt searches, which find nothing as typed and are searched again as corrected.
const MISSPELT: [&str; 3] = ["läxhjalp", "arbetslöshten", "trygghets vandring"];
/// The beginnings of words being typed.
const BEGINNINGS: [&str; 10] = [
    "lä", "läx", "arb", "tryg", "kv", "ung", "bar", "sk", "för", "språkp",
];
/// The lists whose `q` is timed.
const LISTS: [&str; 3] = ["labs", "ideas", "offerings"];
/// New ideas written to time what their search costs.
const WRITES: usize = 1_000;

pub struct Setup {
    pub database_url: String,
    pub texts: EvaluationSet,
    pub rounds: usize,
    pub server_log: PathBuf,
    pub pgbench: PathBuf,
    /// Where the statements of one search and their plans are written.
    pub folder: PathBuf,
}

/// Latencies of one kind of request, over all its queries and rounds.
pub struct Timed {
    pub what: String,
    pub latency: Latencies,
}

/// The timed requests of each kind.
pub struct Timings {
    pub search: Timed,
    pub misspelt: Timed,
    pub lists: Vec<Timed>,
    pub suggest: Timed,
}

impl Timings {
    /// Every kind, in the order they are printed.
    pub fn all(&self) -> impl Iterator<Item = &Timed> {
        [&self.search, &self.misspelt]
            .into_iter()
            .chain(&self.lists)
            .chain([&self.suggest])
    }
}

pub struct Report {
    /// Rows analysed by the API's Swedish analysis after seeding, and how long it took.
    pub analysed: usize,
    pub analysis_seconds: f64,
    /// Words in the view of visible words, and how long gathering them took.
    pub words: i64,
    pub refresh_seconds: f64,
    pub timings: Timings,
    /// Each search's latencies over the rounds, and its hits.
    pub per_search: Vec<(String, Latencies, usize)>,
    /// pgbench's average latency (ms) of the statements of one `GET /search?q=läxhjälp`, and
    /// how many there are.
    pub pgbench_ms: f64,
    pub statements: usize,
    /// Each scan in the plans of the statements of the timed requests, with the statements
    /// it occurs in: e.g. "Bitmap Index Scan on ideas_search_idx".
    pub scans: Vec<(String, usize)>,
    /// A new idea's write with its search (the API's insert, compounds split and indexed),
    /// and the same insert into a table without the search document, in ms.
    pub write_with_search: Latencies,
    pub write_without_search: Latencies,
}

pub async fn run(setup: &Setup) -> anyhow::Result<Report> {
    let mut conn = AsyncPgConnection::establish(&setup.database_url).await?;
    seed_large_platform(&mut conn).await?;
    write_swedish_texts(&mut conn, &setup.texts).await?;

    let Settled {
        analysed,
        analysis_seconds,
        refresh_seconds,
    } = settle_search(&mut conn).await?;
    let words = super::count(&mut conn, "SELECT count(*) FROM search_words").await?;
    println!(
        "the API's Swedish analysis of {analysed} rows took {analysis_seconds:.0} s; \
         gathering the {words} words of the visible texts {refresh_seconds:.2} s"
    );

    let (api, handle) = Api::start(&setup.database_url).await?;

    // Warm up: every request once.
    for q in SEARCHES.iter().chain(&MISSPELT) {
        api.get("search", q).await?;
    }
    let (timings, per_search) = time_requests(&api, setup.rounds).await?;

    let statements = statements_during(&mut conn, &setup.server_log, async || {
        api.get("search", "läxhjälp").await.map(|_| ())
    })
    .await?;
    let script = setup.folder.join("search.sql");
    write_script(&script, &statements)?;
    let pgbench_ms = pgbench(&setup.pgbench, &setup.database_url, &script)?;

    handle.stop(true).await;

    let scans = plans(&mut conn, setup).await?;
    let (write_with_search, write_without_search) = time_writes(&mut conn, &setup.texts).await?;
    Ok(Report {
        analysed,
        analysis_seconds,
        words,
        refresh_seconds,
        timings,
        per_search,
        pgbench_ms,
        statements: statements.len(),
        scans,
        write_with_search,
        write_without_search,
    })
}

/// Replaces the seeded titles and texts of labs, needs, ideas and offerings with Swedish
/// ones (row n takes text n's title and text 7n+3's body), to be analysed afresh.
async fn write_swedish_texts(
    conn: &mut AsyncPgConnection,
    set: &EvaluationSet,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let (titles, bodies): (Vec<String>, Vec<String>) = set
        .needs
        .iter()
        .map(|need| (need.title.clone(), need.description.clone()))
        .chain(
            set.offerings
                .iter()
                .map(|offering| (offering.title.clone(), offering.description.clone())),
        )
        .unzip();
    anyhow::ensure!(!titles.is_empty(), "the evaluation set has no texts");
    diesel::sql_query(
        "CREATE TEMPORARY TABLE texts AS
         SELECT n - 1 AS n, title, body FROM unnest($1::text[], $2::text[])
           WITH ORDINALITY AS t(title, body, n)",
    )
    .bind::<sql::Array<sql::Text>, _>(titles)
    .bind::<sql::Array<sql::Text>, _>(bodies)
    .execute(conn)
    .await?;
    conn.batch_execute(
        "CREATE TEMPORARY TABLE numbered AS
         SELECT 'labs' AS kind, id, row_number() OVER (ORDER BY id) AS n FROM labs
         UNION ALL SELECT 'needs', id, row_number() OVER (ORDER BY id) FROM needs
         UNION ALL SELECT 'ideas', id, row_number() OVER (ORDER BY id) FROM ideas
         UNION ALL SELECT 'offerings', id, row_number() OVER (ORDER BY id) FROM offerings;
         CREATE TEMPORARY TABLE written AS
         SELECT r.kind, r.id, a.title, b.body
           FROM numbered r, texts a, texts b
          WHERE a.n = r.n % (SELECT count(*) FROM texts)
            AND b.n = (7 * r.n + 3) % (SELECT count(*) FROM texts);
         UPDATE labs t SET title = w.title, summary = left(w.body, 200), description = w.body,
                           title_parts = NULL, text_parts = NULL
           FROM written w WHERE w.kind = 'labs' AND w.id = t.id;
         UPDATE needs t SET title = w.title, description = w.body, title_parts = NULL,
                            text_parts = NULL
           FROM written w WHERE w.kind = 'needs' AND w.id = t.id;
         UPDATE ideas t SET title = w.title, body = w.body, title_parts = NULL, text_parts = NULL
           FROM written w WHERE w.kind = 'ideas' AND w.id = t.id;
         UPDATE offerings t SET title = w.title, description = w.body, title_parts = NULL,
                                text_parts = NULL
           FROM written w WHERE w.kind = 'offerings' AND w.id = t.id;
         DROP TABLE texts, numbered, written;",
    )
    .await?;
    println!(
        "wrote the Swedish texts in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The API under test, asked anonymously.
struct Api {
    client: reqwest::Client,
    base: String,
}

impl Api {
    /// Starts the API (release build, in this process) on a free port.
    async fn start(database_url: &str) -> anyhow::Result<(Self, actix_web::dev::ServerHandle)> {
        let application =
            Application::build(config(database_url, api::config::WebhookPolicy::default())?)
                .await?;
        let api = Api {
            client: reqwest::Client::new(),
            base: format!("http://127.0.0.1:{}/api/v1", application.port()),
        };
        let handle = application.handle();
        tokio::spawn(application.run_until_stopped());
        Ok((api, handle))
    }

    /// `GET {path}?q={q}`: the answer, and how long it took in ms.
    async fn get(&self, path: &str, q: &str) -> anyhow::Result<(Value, f64)> {
        let started = Instant::now();
        let response = self
            .client
            .get(format!("{}/{path}", self.base))
            .query(&[("q", q)])
            .send()
            .await?;
        let status = response.status();
        let body: Value = response.json().await?;
        let elapsed = started.elapsed().as_secs_f64() * 1000.0;
        anyhow::ensure!(status == 200, "GET /{path}?q={q} answered {status}: {body}");
        Ok((body, elapsed))
    }
}

/// Each request of each kind `rounds` times, one after another, the kinds interleaved.
async fn time_requests(
    api: &Api,
    rounds: usize,
) -> anyhow::Result<(Timings, Vec<(String, Latencies, usize)>)> {
    let mut searched: Vec<Vec<f64>> = vec![Vec::new(); SEARCHES.len()];
    let mut hits = vec![0; SEARCHES.len()];
    let mut misspelt = Vec::new();
    let mut lists: Vec<Vec<f64>> = vec![Vec::new(); LISTS.len()];
    let mut suggested = Vec::new();
    for _ in 0..rounds {
        for (i, q) in SEARCHES.iter().enumerate() {
            let (body, ms) = api.get("search", q).await?;
            hits[i] = ["labs", "needs", "ideas", "offerings", "methods"]
                .iter()
                .map(|kind| body[kind].as_array().map_or(0, Vec::len))
                .sum();
            searched[i].push(ms);
            for (list, samples) in LISTS.iter().zip(&mut lists) {
                samples.push(api.get(list, q).await?.1);
            }
        }
        for q in MISSPELT {
            let (body, ms) = api.get("search", q).await?;
            anyhow::ensure!(
                body["searched_for"].is_string(),
                "GET /search?q={q} was not corrected: {body}"
            );
            misspelt.push(ms);
        }
        for q in BEGINNINGS {
            let (body, ms) = api.get("search/suggest", q).await?;
            anyhow::ensure!(
                body["suggestions"]
                    .as_array()
                    .is_some_and(|words| !words.is_empty()),
                "GET /search/suggest?q={q} completed nothing"
            );
            suggested.push(ms);
        }
    }
    let timings = Timings {
        search: Timed {
            what: format!("GET /search ({} searches)", SEARCHES.len()),
            latency: Latencies::of(searched.concat()),
        },
        misspelt: Timed {
            what: format!("GET /search, misspelt ({})", MISSPELT.len()),
            latency: Latencies::of(misspelt),
        },
        lists: LISTS
            .iter()
            .zip(lists)
            .map(|(list, samples)| Timed {
                what: format!("GET /{list}?q= (the same {})", SEARCHES.len()),
                latency: Latencies::of(samples),
            })
            .collect(),
        suggest: Timed {
            what: format!("GET /search/suggest ({} beginnings)", BEGINNINGS.len()),
            latency: Latencies::of(suggested),
        },
    };
    let per_search = SEARCHES
        .iter()
        .zip(searched)
        .zip(hits)
        .map(|((q, samples), hits)| (q.to_string(), Latencies::of(samples), hits))
        .collect();
    Ok((timings, per_search))
}

/// The plans of the statements of a search, a misspelt one, a completion and the lists'
/// `q`, as Postgres's `auto_explain` logs them (run, with their row counts) for a fresh
/// instance of the API, whose new connections load it: the statements as the API sends
/// them, parameters typed. The plans go to `search-plans.txt`; the answer is the scans they
/// make, each with how many statements make it.
async fn plans(
    conn: &mut AsyncPgConnection,
    setup: &Setup,
) -> anyhow::Result<Vec<(String, usize)>> {
    const SETTINGS: [(&str, &str); 4] = [
        ("session_preload_libraries", "'auto_explain'"),
        ("auto_explain.log_min_duration", "0"),
        ("auto_explain.log_analyze", "on"),
        ("auto_explain.log_timing", "off"),
    ];
    // Loaded here too, so that the server knows its settings when they are written.
    conn.batch_execute("LOAD 'auto_explain'").await?;
    let set: Vec<_> = SETTINGS.map(|(name, value)| (name, Some(value))).to_vec();
    alter_system(conn, &set).await?;
    let (api, handle) = Api::start(&setup.database_url).await?;
    // The plans of the requests, not of the instance's start.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let offset = std::fs::metadata(&setup.server_log)?.len();
    let asked = async {
        api.get("search", "läxhjälp").await?;
        api.get("search", "läxhjalp").await?;
        api.get("search/suggest", "läx").await?;
        for list in LISTS {
            api.get(list, "läxhjälp").await?;
        }
        anyhow::Ok(())
    }
    .await;
    handle.stop(true).await;
    let logged = log_since(&setup.server_log, offset);
    let reset: Vec<_> = SETTINGS.map(|(name, _)| (name, None)).to_vec();
    alter_system(conn, &reset).await?;
    asked?;
    let logged = logged?;

    let (written, scans) = plan_scans(&logged);
    anyhow::ensure!(!scans.is_empty(), "auto_explain logged no plans: {logged}");
    std::fs::write(setup.folder.join("search-plans.txt"), written)?;
    Ok(scans)
}

/// The plans `auto_explain` wrote in a server log, indented, and the scans they make, each
/// with how many plans make it, sorted.
fn plan_scans(logged: &str) -> (String, Vec<(String, usize)>) {
    let mut written = String::new();
    // Each plan's scans, once each.
    let mut plans: Vec<Vec<String>> = Vec::new();
    let mut in_plan = false;
    for line in logged.lines() {
        // A log entry begins a line; its further lines (a plan's) begin with a tab.
        let Some(rest) = line.strip_prefix('\t') else {
            in_plan = line.contains("  plan:");
            if in_plan {
                written.push('\n');
                plans.push(Vec::new());
            }
            continue;
        };
        if let (true, Some(scans)) = (in_plan, plans.last_mut()) {
            written.push_str(&format!("    {rest}\n"));
            if let Some(scan) = scan_of(rest).filter(|scan| !scans.contains(scan)) {
                scans.push(scan);
            }
        }
    }
    let mut scans: Vec<(String, usize)> = Vec::new();
    for scan in plans.into_iter().flatten() {
        match scans.iter_mut().find(|(known, _)| *known == scan) {
            Some((_, plans)) => *plans += 1,
            None => scans.push((scan, 1)),
        }
    }
    scans.sort();
    (written, scans)
}

/// The scan a plan's line makes, without the relation's alias, e.g. "Index Scan using
/// labs_pkey on labs".
fn scan_of(line: &str) -> Option<String> {
    let node = line.trim_start().trim_start_matches("->").trim_start();
    let node = node.split(" (").next()?.trim_end();
    if !node.contains(" Scan") {
        return None;
    }
    Some(match node.rsplit_once(" on ") {
        Some((scan, relation)) => {
            format!(
                "{scan} on {}",
                relation.split(' ').next().unwrap_or(relation)
            )
        }
        None => node.to_owned(),
    })
}

/// New ideas with Swedish texts written as the API writes them (`db::ideas::insert`: the
/// row with its search document, then its compounds split and indexed), then — with the
/// search document dropped from the table — the same rows inserted alone. Each in a
/// transaction of its own; ms.
async fn time_writes(
    conn: &mut AsyncPgConnection,
    set: &EvaluationSet,
) -> anyhow::Result<(Latencies, Latencies)> {
    #[derive(diesel::QueryableByName)]
    struct Lab {
        #[diesel(sql_type = sql::Uuid)]
        id: Uuid,
    }
    let lab: Lab = diesel::sql_query("SELECT id FROM labs ORDER BY id LIMIT 1")
        .get_result(conn)
        .await?;
    let texts: Vec<(&str, &str)> = set
        .needs
        .iter()
        .map(|need| (need.title.as_str(), need.description.as_str()))
        .collect();
    let text = |n: usize| texts[n % texts.len()];

    let mut with_search = Vec::with_capacity(WRITES);
    for n in 0..WRITES {
        let (title, body) = text(n);
        let started = Instant::now();
        conn.transaction(async |conn| {
            api::db::ideas::insert(conn, lab.id, None, None, title, body).await
        })
        .await?;
        with_search.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    conn.batch_execute("DROP INDEX ideas_search_idx; ALTER TABLE ideas DROP COLUMN search")
        .await?;
    let mut without_search = Vec::with_capacity(WRITES);
    for n in 0..WRITES {
        let (title, body) = text(n);
        let started = Instant::now();
        conn.transaction(async |conn| {
            diesel::sql_query("INSERT INTO ideas (id, lab_id, title, body) VALUES ($1, $2, $3, $4)")
                .bind::<sql::Uuid, _>(Uuid::now_v7())
                .bind::<sql::Uuid, _>(lab.id)
                .bind::<sql::Text, _>(title)
                .bind::<sql::Text, _>(body)
                .execute(conn)
                .await
        })
        .await?;
        without_search.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok((Latencies::of(with_search), Latencies::of(without_search)))
}

#[cfg(test)]
mod tests {
    use super::scan_of;

    #[test]
    fn the_scans_of_each_logged_plan_are_counted_once_per_plan() {
        let log = "2026-12-04 14:00:00.000 UTC [7] LOG:  duration: 1.0 ms  plan:
\tQuery Text: SELECT 1 FROM labs l
\tNested Loop  (cost=0.1..1.0 rows=1 width=4) (actual rows=1 loops=1)
\t  ->  Index Scan using labs_pkey on labs l  (cost=0.1..1.0 rows=1 width=4) (actual rows=1 loops=1)
\t  ->  Index Scan using labs_pkey on labs l2  (cost=0.1..1.0 rows=1 width=4) (actual rows=1 loops=1)
2026-12-04 14:00:00.001 UTC [7] LOG:  statement: SELECT 2
\t  ->  Seq Scan on ideas  (not a plan's line)
2026-12-04 14:00:00.002 UTC [8] LOG:  duration: 1.0 ms  plan:
\tSeq Scan on municipalities m  (cost=0.0..4.9 rows=290 width=16) (actual rows=290 loops=1)
\tIndex Scan using labs_pkey on labs  (cost=0.1..1.0 rows=1 width=4) (actual rows=1 loops=1)
";
        let (written, scans) = super::plan_scans(log);
        assert_eq!(
            scans,
            [
                ("Index Scan using labs_pkey on labs".to_owned(), 2),
                ("Seq Scan on municipalities".to_owned(), 1)
            ]
        );
        assert!(written.contains("    Query Text: SELECT 1 FROM labs l\n"));
        assert!(!written.contains("not a plan's line"));
    }

    #[test]
    fn a_plans_scans_are_named_without_their_aliases() {
        assert_eq!(
            scan_of(
                "  ->  Bitmap Index Scan on ideas_search_idx  (cost=0.00..4.2 rows=9 width=0) \
                 (actual rows=12 loops=1)"
            ),
            Some("Bitmap Index Scan on ideas_search_idx".to_owned())
        );
        assert_eq!(
            scan_of("        ->  Index Scan using labs_pkey on labs l (actual rows=1 loops=12)"),
            Some("Index Scan using labs_pkey on labs".to_owned())
        );
        assert_eq!(
            scan_of("  ->  Seq Scan on municipalities m (actual rows=290 loops=1)"),
            Some("Seq Scan on municipalities".to_owned())
        );
        assert_eq!(scan_of("Limit (actual rows=5 loops=1)"), None);
    }
}
