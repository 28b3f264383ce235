//! Faults, short form (the long one is `cargo xtask faults`): Postgres stopped and started
//! again under load, every pool connection ended mid-load, a runaway statement and an
//! exhausted pool. Each answers quickly with a 503 problem and `Retry-After` — never a 500,
//! never a hang — and service comes back without restarting the API. And the API's own
//! process: stopped with `SIGTERM` it finishes what it serves; killed outright amid
//! idempotent POSTs, their retries create each resource exactly once.

mod replica;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};
use innolabb_cluster::{Cluster, Durability};
use innolabb_demo::process::{ApiCommand, ApiProcess};
use innolabb_tests::TestApp;

/// How much longer and larger the faults are: 1 in `cargo xtask test`, more in the long
/// form, `cargo xtask faults` (which sets `INNOLABB_FAULTS_SCALE`).
fn scale() -> u32 {
    std::env::var("INNOLABB_FAULTS_SCALE")
        .ok()
        .and_then(|scale| scale.parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// What one request of the load was answered.
#[derive(Debug, Clone)]
struct Answer {
    status: u16,
    took: Duration,
    /// When it was answered, from the start of the load.
    at: Duration,
    retry_after: bool,
    problem: bool,
}

impl Answer {
    /// A 503 as a client can act on it: a problem, and when to try again.
    fn is_proper_503(&self) -> bool {
        self.status == 503 && self.retry_after && self.problem
    }
}

async fn ask(app: &TestApp, path: &str, started: Instant) -> anyhow::Result<Answer> {
    let asked = Instant::now();
    let response = app.get(path).await?;
    let status = response.status().as_u16();
    let retry_after = response.headers().contains_key("retry-after");
    let problem = response
        .headers()
        .get("content-type")
        .is_some_and(|value| value.as_bytes().starts_with(b"application/problem+json"));
    response.bytes().await?;
    Ok(Answer {
        status,
        took: asked.elapsed(),
        at: started.elapsed(),
        retry_after,
        problem,
    })
}

/// `clients` clients asking `path` one request after another until `stop` is set.
async fn load(
    app: Arc<TestApp>,
    path: &'static str,
    clients: usize,
    stop: Arc<AtomicBool>,
    started: Instant,
) -> anyhow::Result<Vec<Answer>> {
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (app, stop) = (app.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            let mut answers = Vec::new();
            while !stop.load(Ordering::SeqCst) {
                answers.push(ask(&app, path, started).await?);
            }
            anyhow::Ok(answers)
        }));
    }
    let mut answers = Vec::new();
    for task in tasks {
        answers.extend(task.await??);
    }
    answers.sort_by_key(|answer| answer.at);
    Ok(answers)
}

/// Every answer is a 200 or a proper 503.
fn no_other_failures(answers: &[Answer]) {
    let other: Vec<&Answer> = answers
        .iter()
        .filter(|answer| answer.status != 200 && !answer.is_proper_503())
        .collect();
    assert!(
        other.is_empty(),
        "{} answers other than 200 or a proper 503, the first: {:?}",
        other.len(),
        other.iter().take(3).collect::<Vec<_>>()
    );
}

/// A Postgres cluster of the test's own (in a temporary folder, kept while the test runs),
/// with the migrated database `innolabb`, and that database's URL.
pub(crate) async fn private_cluster() -> anyhow::Result<(tempfile::TempDir, Cluster, String)> {
    let bin = innolabb_cluster::find_server_binaries()
        .ok_or_else(|| anyhow::anyhow!("no Postgres server binaries: run `cargo xtask test`"))?;
    let scratch = tempfile::Builder::new()
        .prefix("innolabb-faults-")
        .tempdir()?;
    let cluster = Cluster::start(&bin, &scratch.path().join("cluster"), Durability::Throwaway)?;
    cluster.ensure_database("innolabb")?;
    let url = cluster.url("innolabb");
    api::db::run_migrations(&url).await?;
    Ok((scratch, cluster, url))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_stopped_under_load_answers_503_at_once_and_service_returns_without_a_restart()
-> anyhow::Result<()> {
    let (_scratch, mut cluster, url) = private_cluster().await?;
    let wait = Duration::from_millis(1000);
    let app = Arc::new(
        TestApp::spawn_with_database(url, |config| config.database_pool.wait_timeout = wait)
            .await?,
    );
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let load = tokio::spawn(load(app.clone(), "/api/v1/labs", 8, stop.clone(), started));

    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut cluster = tokio::task::spawn_blocking(move || {
        cluster.stop()?;
        anyhow::Ok(cluster)
    })
    .await??;
    let down = started.elapsed();
    tokio::time::sleep(Duration::from_secs(2) * scale()).await;
    let restarting = started.elapsed();
    let cluster = tokio::task::spawn_blocking(move || {
        cluster.resume()?;
        anyhow::Ok(cluster)
    })
    .await??;
    let back = started.elapsed();
    tokio::time::sleep(Duration::from_secs(6)).await;
    stop.store(true, Ordering::SeqCst);
    let answers = load.await??;
    drop(cluster);

    no_other_failures(&answers);
    let while_down: Vec<&Answer> = answers
        .iter()
        .filter(|answer| answer.at > down && answer.at < restarting)
        .collect();
    let served_while_down = while_down
        .iter()
        .filter(|answer| !answer.is_proper_503())
        .count();
    assert!(
        !while_down.is_empty() && served_while_down == 0,
        "while Postgres was down, {served_while_down} of {} answers were not a 503",
        while_down.len()
    );
    let slowest = answers.iter().map(|answer| answer.took).max();
    assert!(
        slowest < Some(wait + Duration::from_millis(1500)),
        "a request hung: {slowest:?}"
    );
    // Served again within 5 s of Postgres returning, and from then on.
    let first_served = answers
        .iter()
        .find(|answer| answer.at > back && answer.status == 200)
        .map(|answer| answer.at - back);
    assert!(
        first_served.is_some_and(|after| after < Duration::from_secs(5)),
        "first 200 after Postgres returned: {first_served:?}"
    );
    let last = answers.last().map(|answer| answer.status);
    assert_eq!(last, Some(200));
    println!(
        "Postgres down {:.1} s: {} answers, {} of them 503 while down, the slowest {slowest:?}; \
         the first 200 {first_served:?} after its return",
        (restarting - down).as_secs_f64(),
        answers.len(),
        while_down.len(),
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ending_every_pool_connection_fails_at_most_the_requests_in_flight() -> anyhow::Result<()> {
    let pool_size = 4;
    let app = Arc::new(TestApp::spawn().await?);
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let load = tokio::spawn(load(app.clone(), "/api/v1/labs", 8, stop.clone(), started));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut admin = AsyncPgConnection::establish(&app.database_url).await?;
    admin
        .batch_execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .await?;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    stop.store(true, Ordering::SeqCst);
    let answers = load.await??;

    no_other_failures(&answers);
    let failed = answers.iter().filter(|answer| answer.status != 200).count();
    assert!(
        failed <= pool_size,
        "{failed} requests failed; at most the {pool_size} holding a connection may"
    );
    assert!(answers.len() > 20 && answers.last().is_some_and(|a| a.status == 200));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_runaway_statement_and_an_exhausted_pool_answer_503_in_bounded_time() -> anyhow::Result<()>
{
    let statement_timeout = Duration::from_millis(300);
    let app = TestApp::spawn_with(|config| {
        config.database_pool.statement_timeout = statement_timeout;
    })
    .await?;
    // A second instance whose statements may wait long, but with only two connections.
    let wait = Duration::from_millis(400);
    let patient = Arc::new(
        TestApp::spawn_with_database(app.database_url.clone(), |config| {
            config.database_pool.max_size = 2;
            config.database_pool.wait_timeout = wait;
        })
        .await?,
    );
    // Their start-up work done (it reads the labs too), another session holds the labs
    // table, as a long migration or a runaway job would.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut holder = AsyncPgConnection::establish(&app.database_url).await?;
    holder
        .batch_execute("BEGIN; LOCK TABLE labs IN ACCESS EXCLUSIVE MODE")
        .await?;

    let started = Instant::now();
    let answer = ask(&app, "/api/v1/labs", started).await?;
    assert!(answer.is_proper_503(), "{answer:?}");
    assert!(
        answer.took >= statement_timeout && answer.took < Duration::from_secs(2),
        "{answer:?}"
    );

    // Both of the patient instance's connections taken by requests waiting on the lock,
    // a third request waits for one only so long, then is told to come back.
    let holding: Vec<_> = (0..2)
        .map(|_| {
            let patient = patient.clone();
            tokio::spawn(async move { ask(&patient, "/api/v1/labs", started).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let queued = ask(&patient, "/api/v1/labs", started).await?;
    assert!(queued.is_proper_503(), "{queued:?}");
    assert!(
        queued.took >= wait && queued.took < wait + Duration::from_secs(1),
        "{queued:?}"
    );
    holder.batch_execute("COMMIT").await?;
    for request in holding {
        let answer = request.await??;
        assert_eq!(
            answer.status, 200,
            "the waiting requests finish: {answer:?}"
        );
    }
    assert_eq!(ask(&app, "/api/v1/labs", started).await?.status, 200);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_restored_brings_back_what_was_lost_after_it() -> anyhow::Result<()> {
    let (scratch, cluster, url) = private_cluster().await?;
    let app = TestApp::spawn_on(url).await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app.create_lab(&maria, host.id, "Gården", "public").await?;
    app.create_idea(&maria, lab.id, "Grillkväll", "Varje fredag.")
        .await?;
    let ideas = format!("/api/v1/labs/{}/ideas", lab.id);
    let before: serde_json::Value = app.get_json(&ideas).await?;

    let file = scratch.path().join("backups/innolabb.dump");
    cluster.dump("innolabb", &file)?;
    // Lost after the backup: a lab, with its idea.
    app.run_sql(&format!("DELETE FROM labs WHERE id = '{}'", lab.id))
        .await?;
    assert_eq!(app.get(&ideas).await?.status(), 404);
    // A damaged backup is refused, and leaves the database as it is.
    let damaged = scratch.path().join("damaged.dump");
    std::fs::write(&damaged, b"PGDMP not really")?;
    assert!(cluster.restore("innolabb", &damaged).is_err());
    assert_eq!(app.get(&ideas).await?.status(), 404);

    cluster.restore("innolabb", &file)?;
    // The running API finds the restored database on its own (its old connections ended).
    let mut after = app.get(&ideas).await?;
    for _ in 0..20 {
        if after.status() == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        after = app.get(&ideas).await?;
    }
    assert_eq!(after.status(), 200);
    assert_eq!(after.json::<serde_json::Value>().await?, before);
    // And signing in still works: the accounts came back too.
    app.login(&maria.email, &maria.password).await?;
    Ok(())
}

/// The API as a process of its own, logging warnings, on `database_url`.
async fn start_api(database_url: &str) -> anyhow::Result<ApiProcess> {
    ApiCommand::new(
        &innolabb_tests::installed_tool("API_BINARY")?,
        database_url,
        &String::from_utf8_lossy(innolabb_tests::TEST_JWT_SECRET),
        &innolabb_tests::static_dir(),
    )?
    .start()
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_lets_a_slow_request_finish_before_the_server_exits() -> anyhow::Result<()> {
    // A database of its own (the test app beside it is not asked).
    let database_url = TestApp::spawn().await?.database_url;
    let mut server = start_api(&database_url).await?;
    let client = reqwest::Client::new();

    // A request kept slow by a lock another session holds on the labs.
    let mut holder = AsyncPgConnection::establish(&database_url).await?;
    holder
        .batch_execute("BEGIN; LOCK TABLE labs IN ACCESS EXCLUSIVE MODE")
        .await?;
    let slow = tokio::spawn({
        let request = client.get(server.url("/api/v1/labs"));
        async move {
            let response = request.send().await?;
            anyhow::Ok((response.status().as_u16(), response.bytes().await?.len()))
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.signal("TERM")?;
    tokio::time::sleep(Duration::from_millis(700)).await;
    // Stopping: it takes no new connections, but has not exited.
    assert!(
        client
            .get(server.url("/api/v1/health"))
            .send()
            .await
            .is_err()
    );
    assert!(!server.has_exited()?, "it exited with a request in flight");
    holder.batch_execute("COMMIT").await?;

    let (status, length) = slow.await??;
    assert_eq!(status, 200, "the request in flight finished");
    assert!(length > 0);
    let exited = tokio::time::timeout(Duration::from_secs(10), server.wait()).await??;
    assert!(exited.success(), "{exited}");
    Ok(())
}

/// How many idempotent POSTs are sent to the API that is killed (times [`scale`]).
const KILLED_POSTS: usize = 200;

/// One lab's creation as a partner sends it: its own key, its own title.
fn lab_creation(
    client: &reqwest::Client,
    server: &ApiProcess,
    token: &str,
    host: uuid::Uuid,
    n: usize,
) -> reqwest::RequestBuilder {
    client
        .post(server.url("/api/v1/labs"))
        .bearer_auth(token)
        .header("Idempotency-Key", format!("kill-9-lab-{n}"))
        .json(&serde_json::json!({
            "host_organization_id": host, "title": format!("Labb {n}"),
            "challenge_area": "schools", "municipality_code": "0581", "visibility": "public"
        }))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_mid_posts_and_retried_with_their_keys_each_lab_exists_exactly_once()
-> anyhow::Result<()> {
    let posts = KILLED_POSTS * scale() as usize;
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let server = start_api(&app.database_url).await?;
    let client = reqwest::Client::new();

    let requests: Vec<_> = (0..posts)
        .map(|n| {
            let request = lab_creation(&client, &server, &maria.access_token, host.id, n);
            tokio::spawn(async move {
                let response = request.send().await.ok()?;
                let status = response.status().as_u16();
                let body: serde_json::Value = response.json().await.ok()?;
                Some((status, body))
            })
        })
        .collect();
    // Killed once some labs are made, and the rest are queued or being made.
    let started = Instant::now();
    while app.count("SELECT count(*) FROM labs").await? < 20 {
        anyhow::ensure!(
            started.elapsed() < Duration::from_secs(60),
            "no labs were made"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.signal("KILL")?;
    let mut first_answers = Vec::new();
    for post in requests {
        first_answers.push(post.await?);
    }
    let answered = first_answers.iter().flatten().count();
    assert!(
        answered > 0 && answered < posts,
        "{answered} of {posts} were answered before the kill: none was in flight"
    );
    println!("{answered} of {posts} POSTs were answered before the kill");
    drop(server);

    // Restarted, every POST retried with its own key; a few at a time, as partners would.
    let restarted_at_ms = app
        .count("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS count")
        .await?;
    let server = start_api(&app.database_url).await?;
    let mut retried = Vec::new();
    for chunk in (0..posts).collect::<Vec<_>>().chunks(16) {
        let answers = chunk.iter().map(|&n| {
            let request = lab_creation(&client, &server, &maria.access_token, host.id, n);
            async move {
                let response = request.send().await?;
                let status = response.status().as_u16();
                let replayed = response.headers().contains_key("idempotent-replayed");
                let body: serde_json::Value = response.json().await?;
                anyhow::Ok((n, status, replayed, body))
            }
        });
        for answer in futures_util::future::join_all(answers).await {
            retried.push(answer?);
        }
    }
    // No key was left held by the killed process: every retry is answered 201 at once.
    let not_created: Vec<_> = retried
        .iter()
        .filter(|(_, status, ..)| *status != 201)
        .map(|(n, status, _, body)| (n, status, body))
        .collect();
    assert!(not_created.is_empty(), "{not_created:?}");
    // Each lab exactly once, and each answered with the same lab before and after.
    assert_eq!(app.count("SELECT count(*) FROM labs").await?, posts as i64);
    assert_eq!(
        app.count("SELECT count(DISTINCT title) FROM labs").await?,
        posts as i64
    );
    for (n, _, replayed, body) in &retried {
        if let Some((_, first)) = &first_answers[*n] {
            assert!(replayed, "lab {n} was answered before the kill: replayed");
            assert_eq!(first["id"], body["id"], "lab {n}");
        }
    }
    // Nothing of the killed process lingers in Postgres. (Only its connections count: the
    // new process's workers are briefly idle in a transaction between two statements.)
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM pg_stat_activity \
             WHERE datname = current_database() AND state LIKE 'idle in transaction%' \
               AND backend_start < to_timestamp({restarted_at_ms} / 1000.0)"
        ))
        .await?,
        0
    );
    Ok(())
}
