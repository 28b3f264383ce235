use innolabb_tests::{TestApp, drop_database};
use shared::{Health, Problem, Readiness};

#[tokio::test]
async fn health_answers_ok_with_the_version() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let health: Health = app.get_json("/api/v1/health").await?;
    assert_eq!(health.status, "ok");
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
    Ok(())
}

#[tokio::test]
async fn ready_reports_a_working_database() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let ready: Readiness = app.get_json("/api/v1/ready").await?;
    assert_eq!(ready.database, "ok");
    Ok(())
}

#[tokio::test]
async fn ready_is_a_503_problem_when_the_database_is_gone() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    app.get_json::<Readiness>("/api/v1/ready").await?;

    drop_database(&app.database_url).await?;

    let response = app.get("/api/v1/ready").await?;
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Problem = response.json().await?;
    assert_eq!(problem.status, 503);
    // Liveness does not depend on the database.
    assert_eq!(app.get("/api/v1/health").await?.status(), 200);
    Ok(())
}

#[tokio::test]
async fn every_response_carries_a_request_id() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let first = app.get("/api/v1/health").await?;
    let second = app.get("/api/v1/nothing-here").await?;
    let id = |response: &reqwest::Response| {
        response
            .headers()
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let (first, second) = (id(&first), id(&second));
    assert!(
        first.as_deref().is_some_and(|id| id.len() == 36),
        "{first:?}"
    );
    assert!(second.is_some());
    assert_ne!(first, second);
    Ok(())
}
