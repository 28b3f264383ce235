//! A streaming replica made with `pg_basebackup` (`DATABASE_REPLICA_URL`): lists read from
//! it, a caller reads its own change from the primary at once, and when the replica stops
//! the reads go to the primary.

use std::time::{Duration, Instant};

use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use innolabb_cluster::Durability;
use innolabb_tests::TestApp;

/// The titles of the first page of labs, as `bearer` (or an anonymous caller) sees it.
async fn titles(app: &TestApp, bearer: Option<&str>) -> anyhow::Result<Vec<String>> {
    let response = app
        .call(reqwest::Method::GET, "/api/v1/labs", bearer, None)
        .await?;
    anyhow::ensure!(
        response.status() == 200,
        "the list answered {}",
        response.status()
    );
    let page: shared::Page<shared::Lab> = response.json().await?;
    Ok(page.items.into_iter().map(|lab| lab.title).collect())
}

/// Waits until an anonymous caller's list holds `title`.
async fn wait_for_anonymous(app: &TestApp, title: &str) -> anyhow::Result<()> {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if titles(app, None).await?.iter().any(|t| t == title) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("{title:?} never reached the anonymous list")
}

/// Holds the replica's replay where it is, until it says so.
async fn pause_replay(replica: &mut AsyncPgConnection) -> anyhow::Result<()> {
    #[derive(diesel::QueryableByName)]
    struct State {
        #[diesel(sql_type = diesel::sql_types::Text)]
        state: String,
    }
    replica
        .batch_execute("SELECT pg_wal_replay_pause()")
        .await?;
    for _ in 0..100 {
        let State { state } = diesel::sql_query("SELECT pg_get_wal_replay_pause_state() AS state")
            .get_result(replica)
            .await?;
        if state == "paused" {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("the replica's replay did not pause")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_read_from_the_replica_a_writer_reads_its_own_change_and_a_stopped_replica_falls_back()
-> anyhow::Result<()> {
    let (scratch, primary, url) = super::private_cluster().await?;
    let replica = primary.start_replica(&scratch.path().join("replica"), Durability::Throwaway)?;
    let replica_url = replica.url("innolabb");
    let app = TestApp::spawn_with_database(url, |config| {
        config.database_replica_url = Some(replica_url.clone());
    })
    .await?;
    let (maria, host) = app.housing_company().await?;
    app.create_lab(&maria, host.id, "Labbet före pausen", "public")
        .await?;
    wait_for_anonymous(&app, "Labbet före pausen").await?;

    // The replica held where it is: what is written now is only on the primary.
    let mut on_replica = AsyncPgConnection::establish(&replica_url).await?;
    pause_replay(&mut on_replica).await?;
    app.create_lab(&maria, host.id, "Labbet under pausen", "public")
        .await?;
    let anonymous = titles(&app, None).await?;
    assert!(
        anonymous.iter().any(|t| t == "Labbet före pausen")
            && !anonymous.iter().any(|t| t == "Labbet under pausen"),
        "an anonymous list is read from the (held) replica: {anonymous:?}"
    );
    let erik = app.sign_up("Erik Berg").await?;
    let eriks = titles(&app, Some(&erik.access_token)).await?;
    assert!(
        !eriks.iter().any(|t| t == "Labbet under pausen"),
        "a person who changed nothing reads from the replica too: {eriks:?}"
    );
    let marias = titles(&app, Some(&maria.access_token)).await?;
    assert!(
        marias.iter().any(|t| t == "Labbet under pausen"),
        "the person who just created the lab reads it from the primary: {marias:?}"
    );

    on_replica
        .batch_execute("SELECT pg_wal_replay_resume()")
        .await?;
    wait_for_anonymous(&app, "Labbet under pausen").await?;
    drop(on_replica);

    // The replica gone: every read goes to the primary.
    let _replica = tokio::task::spawn_blocking(move || {
        let mut replica = replica;
        replica.stop()?;
        anyhow::Ok(replica)
    })
    .await??;
    app.create_lab(&maria, host.id, "Labbet efter repliken", "public")
        .await?;
    let anonymous = titles(&app, None).await?;
    assert!(
        anonymous.iter().any(|t| t == "Labbet efter repliken"),
        "with the replica stopped, the primary answers: {anonymous:?}"
    );
    let statistics = app.get("/api/v1/statistics").await?;
    assert_eq!(statistics.status(), 200);
    Ok(())
}
