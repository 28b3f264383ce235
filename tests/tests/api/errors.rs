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
        assert_eq!(
            problem.title, "Hittades inte",
            "Swedish unless asked otherwise"
        );
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
        assert_eq!(response.headers()["allow"], "GET, HEAD, OPTIONS");
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

#[tokio::test]
async fn problems_speak_the_callers_language_and_keep_their_type_and_codes() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let register = |accept_language: Option<&'static str>| {
        let mut request = app
            .request(reqwest::Method::POST, "/api/v1/auth/register")
            .json(&serde_json::json!({"email": "inte en adress", "password": "kort", "display_name": ""}));
        if let Some(language) = accept_language {
            request = request.header("Accept-Language", language);
        }
        request.send()
    };
    let mut answers = Vec::new();
    for (accept_language, spoken) in [
        (None, "sv"),
        (Some("sv-SE,sv;q=0.9"), "sv"),
        (Some("en-GB,en;q=0.9"), "en"),
        (Some("de-DE, en;q=0.7, sv;q=0.3"), "en"),
        (Some("fr"), "sv"),
    ] {
        let response = register(accept_language).await?;
        assert_eq!(response.status(), 422);
        assert_eq!(
            response.headers()["content-language"],
            spoken,
            "{accept_language:?}"
        );
        let vary: Vec<&str> = response
            .headers()
            .get_all("vary")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .collect();
        assert!(
            vary.iter().any(|value| value.contains("accept-language")),
            "{vary:?}"
        );
        answers.push((spoken, problem(response).await?));
    }
    let (_, swedish) = &answers[0];
    let (_, english) = &answers[2];
    // The type and each field's code never change with the language; the words do.
    for (_, answer) in &answers {
        assert_eq!(answer.problem_type, swedish.problem_type);
        let codes = |p: &shared::Problem| {
            p.errors
                .iter()
                .map(|e| (e.field.clone(), e.code.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(answer), codes(swedish));
    }
    assert_eq!(swedish.title, "Ogiltiga fält");
    assert_eq!(english.title, "Validation failed");
    let message = |p: &shared::Problem, field: &str| {
        p.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
            .unwrap_or_default()
    };
    assert_eq!(message(swedish, "password"), "måste ha minst 10 tecken");
    assert_eq!(
        message(english, "password"),
        "must be at least 10 characters"
    );
    assert_eq!(
        message(swedish, "email"),
        "måste vara en e-postadress, till exempel namn@example.se"
    );
    assert!(
        swedish
            .detail
            .as_deref()
            .unwrap_or_default()
            .contains("måste ha minst 10 tecken"),
        "{swedish:?}"
    );

    // Errors raised before a handler runs (a dead token) and for unknown paths too.
    let dead = app
        .request(reqwest::Method::GET, "/api/v1/me")
        .bearer_auth("ilk_notakey")
        .header("Accept-Language", "en")
        .send()
        .await?;
    assert_eq!(dead.status(), 401);
    assert_eq!(dead.headers()["content-language"], "en");
    assert_eq!(problem(dead).await?.title, "Unauthorized");
    let unknown = app
        .request(reqwest::Method::GET, "/api/v1/nothing-here")
        .header("Accept-Language", "en")
        .send()
        .await?;
    assert_eq!(problem(unknown).await?.title, "Not found");
    Ok(())
}
