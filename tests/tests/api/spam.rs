//! Spam defence: forms filled by programs, hourly limits, and links from new accounts
//! held for a moderator — while a workshop of residents passes untouched.

use innolabb_tests::{TEST_PASSWORD, TestApp};
use reqwest::Method;
use serde_json::json;

fn registration(n: usize, form: Option<serde_json::Value>) -> serde_json::Value {
    let mut body = json!({"email": format!("boende.{n}@example.se"), "password": TEST_PASSWORD,
                          "display_name": format!("Boende {n}")});
    if let Some(form) = form {
        body["form"] = form;
    }
    body
}

#[tokio::test]
async fn a_form_a_program_filled_is_refused_and_a_person_passes() -> anyhow::Result<()> {
    let app =
        TestApp::spawn_with(|config| config.spam = api::config::SpamPolicy::default()).await?;
    let register = |body| app.json(Method::POST, "/api/v1/auth/register", None, Some(body));
    let (status, problem) = register(registration(
        1,
        Some(json!({"honeypot": "https://spam.example", "filled_in_ms": 9000})),
    ))
    .await?;
    assert_eq!(
        (status, problem["errors"][0]["field"].clone()),
        (422, json!("form")),
        "{problem}"
    );
    let (status, _) = register(registration(
        1,
        Some(json!({"honeypot": "", "filled_in_ms": 400})),
    ))
    .await?;
    assert_eq!(status, 422, "faster than a person");
    assert_eq!(
        app.count("SELECT count(*) FROM users").await?,
        0,
        "nothing stored"
    );
    assert_eq!(
        register(registration(
            1,
            Some(json!({"honeypot": "", "filled_in_ms": 15000}))
        ))
        .await?
        .0,
        201
    );
    assert_eq!(
        register(registration(2, None)).await?.0,
        201,
        "API clients send no form"
    );

    // Posting: the same signals on ideas and comments.
    let (maria, host) = app.housing_company().await?;
    let lab = app.create_lab(&maria, host.id, "Gården", "public").await?;
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/labs/{}/ideas", lab.id),
            Some(&maria.access_token),
            Some(json!({"title": "Köp klockor", "form": {"honeypot": "x", "filled_in_ms": 5000}})),
        )
        .await?;
    assert_eq!(status, 422);
    assert_eq!(app.count("SELECT count(*) FROM ideas").await?, 0);
    Ok(())
}

#[tokio::test]
async fn posts_past_an_accounts_hourly_limit_are_refused() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app.create_lab(&maria, host.id, "Gården", "public").await?;
    let bo = app.sign_up("Bo Ek").await?;
    let idea = app.create_idea(&bo, lab.id, "Grillkväll", "").await?;
    let comments = format!(
        "/api/v1/ideas/{}/comments",
        idea["id"].as_str().unwrap_or_default()
    );
    for n in 1..=60 {
        let (status, _) = app
            .json(
                Method::POST,
                &comments,
                Some(&bo.access_token),
                Some(json!({"body": format!("Kommentar {n}")})),
            )
            .await?;
        assert_eq!(status, 201, "comment {n}");
    }
    let over = app
        .call(
            Method::POST,
            &comments,
            Some(&bo.access_token),
            Some(json!({"body": "En till"})),
        )
        .await?;
    assert_eq!(over.status(), 429);
    assert!(over.headers().contains_key("retry-after"));
    // Someone else still comments.
    let (status, _) = app
        .json(
            Method::POST,
            &comments,
            Some(&maria.access_token),
            Some(json!({"body": "Hej!"})),
        )
        .await?;
    assert_eq!(status, 201);
    Ok(())
}

#[tokio::test]
async fn links_from_an_account_younger_than_a_day_wait_for_a_moderator() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app.create_lab(&maria, host.id, "Gården", "public").await?;
    let newcomer = app.sign_up("Ny Användare").await?;
    let ideas = format!("/api/v1/labs/{}/ideas", lab.id);
    let (status, idea) = app
        .json(
            Method::POST,
            &ideas,
            Some(&newcomer.access_token),
            Some(json!({"title": "Billiga klockor", "body": "Köp på https://klockor.example"})),
        )
        .await?;
    assert_eq!(
        (
            status,
            idea["hidden"].clone(),
            idea["awaiting_review"].clone()
        ),
        (201, json!(true), json!(true)),
        "{idea}"
    );
    let path = format!("/api/v1/ideas/{}", idea["id"].as_str().unwrap_or_default());
    assert_eq!(
        app.json(Method::GET, &path, None, None).await?.0,
        404,
        "held: nobody else sees it"
    );
    let (_, queue) = app
        .json(
            Method::GET,
            "/api/v1/admin/reports?status=open",
            Some(&maria.access_token),
            None,
        )
        .await?;
    let held = &queue["items"][0];
    assert_eq!(
        (
            held["held"].clone(),
            held["reason"].clone(),
            held["reporter"].clone()
        ),
        (json!(true), json!("spam"), serde_json::Value::Null),
        "{queue}"
    );
    // The host lets it through: it is shown, and its author hears nothing of it.
    let (status, _) = app
        .json(
            Method::POST,
            &format!(
                "/api/v1/admin/reports/{}/resolve",
                held["id"].as_str().unwrap_or_default()
            ),
            Some(&maria.access_token),
            Some(json!({"action": "dismiss"})),
        )
        .await?;
    assert_eq!(status, 200);
    let (status, shown) = app.json(Method::GET, &path, None, None).await?;
    assert_eq!(
        (
            status,
            shown["hidden"].clone(),
            shown["awaiting_review"].clone()
        ),
        (200, json!(false), json!(false))
    );
    assert_eq!(
        app.count("SELECT count(*) FROM notifications WHERE kind LIKE 'content_%'")
            .await?,
        0
    );
    // A day later the same person's links are shown at once; words alone always were.
    app.run_sql(&format!(
        "UPDATE users SET created_at = now() - interval '25 hours' WHERE id = '{}'",
        newcomer.id
    ))
    .await?;
    let (_, later) = app
        .json(
            Method::POST,
            &ideas,
            Some(&newcomer.access_token),
            Some(json!({"title": "Läs mer", "body": "www.gården.example"})),
        )
        .await?;
    assert_eq!(later["hidden"], false);
    Ok(())
}

#[tokio::test]
async fn a_workshop_of_thirty_residents_registers_from_one_address_and_each_posts_an_idea()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app
        .create_lab(&maria, host.id, "Workshop i Hageby", "public")
        .await?;
    for n in 0..30 {
        let (status, _) = app
            .json(
                Method::POST,
                "/api/v1/auth/register",
                None,
                Some(registration(
                    n,
                    Some(json!({"honeypot": "", "filled_in_ms": 40_000})),
                )),
            )
            .await?;
        assert_eq!(status, 201, "resident {n} registers");
        let tokens = app
            .login(&format!("boende.{n}@example.se"), TEST_PASSWORD)
            .await?;
        let (status, idea) = app
            .json(
                Method::POST,
                &format!("/api/v1/labs/{}/ideas", lab.id),
                Some(&tokens.access_token),
                Some(
                    json!({"title": format!("Idé nummer {n}"), "body": "Mer ljus i trapphuset.",
                              "form": {"honeypot": "", "filled_in_ms": 60_000}}),
                ),
            )
            .await?;
        assert_eq!(
            (status, idea["hidden"].clone()),
            (201, json!(false)),
            "resident {n} posts"
        );
    }
    let (_, listed) = app
        .json(
            Method::GET,
            &format!("/api/v1/labs/{}/ideas?limit=100", lab.id),
            None,
            None,
        )
        .await?;
    assert_eq!(listed["items"].as_array().map(Vec::len), Some(30));
    Ok(())
}
