use innolabb_tests::{TestApp, problem};
use shared::{ChallengeArea, Page};

#[tokio::test]
async fn an_unknown_api_path_is_a_404_problem_not_the_web_client() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    for path in [
        "/api/v1/no-such-thing",
        "/api/v1/labs/123/nothing",
        "/api/v2/health",
        "/api",
    ] {
        let response = app.get(path).await?;
        assert_eq!(response.status(), 404, "{path}");
        let problem = problem(response).await?;
        assert_eq!(problem.status, 404);
        assert_eq!(problem.title, "Not found");
    }
    Ok(())
}

#[tokio::test]
async fn a_method_a_path_does_not_answer_is_a_405_problem_with_allow() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    for method in [
        reqwest::Method::POST,
        reqwest::Method::DELETE,
        reqwest::Method::TRACE,
    ] {
        let response = app
            .client
            .request(method.clone(), app.url("/api/v1/municipalities"))
            .send()
            .await?;
        assert_eq!(response.status(), 405, "{method}");
        assert_eq!(response.headers()["allow"], "GET");
        assert_eq!(problem(response).await?.status, 405);
    }
    Ok(())
}

#[tokio::test]
async fn a_post_with_malformed_json_changes_nothing() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let before: Page<ChallengeArea> = app.get_json("/api/v1/challenge-areas").await?;
    let response = app
        .client
        .post(app.url("/api/v1/challenge-areas"))
        .header("content-type", "application/json")
        .body("{\"key\": ")
        .send()
        .await?;
    assert!(response.status().is_client_error());
    problem(response).await?;
    let after: Page<ChallengeArea> = app.get_json("/api/v1/challenge-areas").await?;
    assert_eq!(before, after);
    Ok(())
}

#[tokio::test]
async fn a_nul_character_in_a_body_or_query_is_a_400_and_stores_nothing() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let created = app
        .call(
            reqwest::Method::POST,
            "/api/v1/organizations",
            Some(&anna.access_token),
            Some(serde_json::json!({
                "name": "Bo\u{0}lag", "kind": "business", "org_number": innolabb_tests::org_number(3), "municipality_code": "0581"
            })),
        )
        .await?;
    assert_eq!(created.status(), 400);
    problem(created).await?;
    for path in [
        "/api/v1/organizations?q=a%00b",
        "/api/v1/municipalities?county=%000",
    ] {
        let response = app.get(path).await?;
        assert_eq!(response.status(), 400, "{path}");
        problem(response).await?;
    }
    let listed: Page<shared::Organization> = app.get_json("/api/v1/organizations").await?;
    assert!(listed.items.is_empty());
    Ok(())
}
