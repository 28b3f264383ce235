//! Faults, short form (the long one is `cargo xtask faults`): Postgres stopped and started
//! again under load, every pool connection ended mid-load, a runaway statement and an
//! exhausted pool. Each answers quickly with a 503 problem and `Retry-After` — never a 500,
//! never a hang — and service comes back without restarting the API.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};
use innolabb_cluster::{Cluster, Durability};
use innolabb_tests::TestApp;

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
async fn private_cluster() -> anyhow::Result<(tempfile::TempDir, Cluster, String)> {
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
    tokio::time::sleep(Duration::from_secs(2)).await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_lets_a_slow_request_finish_before_the_server_exits() -> anyhow::Result<()> {
    let binary = innolabb_tests::installed_tool("API_BINARY")?;
    // A database of its own (the test app beside it is not asked).
    let database_url = TestApp::spawn().await?.database_url;
    let port = innolabb_cluster::command::free_port()?;
    let mut server = tokio::process::Command::new(binary)
        .arg("serve")
        .env("DATABASE_URL", &database_url)
        .env("BIND_ADDR", format!("127.0.0.1:{port}"))
        .env(
            "JWT_SECRET",
            String::from_utf8_lossy(innolabb_tests::TEST_JWT_SECRET).as_ref(),
        )
        .env("STATIC_DIR", innolabb_tests::static_dir())
        .env("RUST_LOG", "warn")
        .kill_on_drop(true)
        .spawn()?;
    let client = reqwest::Client::new();
    let url = |path: &str| format!("http://127.0.0.1:{port}{path}");
    let mut ready = false;
    for _ in 0..100 {
        if client.get(url("/api/v1/health")).send().await.is_ok() {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ready, "the API did not start");

    // A request kept slow by a lock another session holds on the labs.
    let mut holder = AsyncPgConnection::establish(&database_url).await?;
    holder
        .batch_execute("BEGIN; LOCK TABLE labs IN ACCESS EXCLUSIVE MODE")
        .await?;
    let slow = tokio::spawn({
        let request = client.get(url("/api/v1/labs"));
        async move {
            let response = request.send().await?;
            anyhow::Ok((response.status().as_u16(), response.bytes().await?.len()))
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let pid = server
        .id()
        .ok_or_else(|| anyhow::anyhow!("the API has no pid"))?;
    let signalled = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()?;
    assert!(signalled.success());
    tokio::time::sleep(Duration::from_millis(700)).await;
    // Stopping: it takes no new connections, but has not exited.
    assert!(client.get(url("/api/v1/health")).send().await.is_err());
    assert!(
        server.try_wait()?.is_none(),
        "it exited with a request in flight"
    );
    holder.batch_execute("COMMIT").await?;

    let (status, length) = slow.await??;
    assert_eq!(status, 200, "the request in flight finished");
    assert!(length > 0);
    let exited = tokio::time::timeout(Duration::from_secs(10), server.wait()).await??;
    assert!(exited.success(), "{exited}");
    Ok(())
}
