//! Writes that lose nothing: `If-Match` on changes, `Idempotency-Key` on creation.

use innolabb_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use shared::{Lab, Page};

#[tokio::test]
async fn two_editors_never_overwrite_each_other_unseen() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let lab = app.create_lab(&anna, org.id, "Portalen", "public").await?;
    let path = format!("/api/v1/labs/{}", lab.id);

    let read = app.get(&path).await?;
    assert_eq!(innolabb_tests::etag_version(&read), Some(1));
    let missing = app
        .call(
            Method::PATCH,
            &path,
            Some(&anna.access_token),
            Some(json!({"summary": "Ny"})),
        )
        .await?;
    assert_eq!(missing.status(), 428);
    let malformed = app
        .request(Method::PATCH, &path)
        .bearer_auth(&anna.access_token)
        .header("If-Match", "version one")
        .json(&json!({"summary": "Ny"}))
        .send()
        .await?;
    assert_eq!(malformed.status(), 400);

    // Two people read version 1; the first to save wins, the second hears of it.
    let first = app
        .patch(&path, &anna.access_token, 1, json!({"summary": "Först"}))
        .await?;
    assert_eq!(
        (
            first.status().as_u16(),
            innolabb_tests::etag_version(&first)
        ),
        (200, Some(2))
    );
    let second = app
        .patch(&path, &anna.access_token, 1, json!({"title": "Andra"}))
        .await?;
    assert_eq!(second.status(), 412);
    assert_eq!(innolabb_tests::etag_version(&second), Some(2));
    let problem: Value = second.json().await?;
    assert_eq!(problem["current_version"], 2);
    let now: Lab = app.get_json(&path).await?;
    assert_eq!(
        (now.title.as_str(), now.summary.as_str(), now.version),
        ("Portalen", "Först", 2)
    );
    // A weak tag or a list naming the current version passes; `*` knowingly overwrites.
    let weak = app
        .request(Method::PATCH, &path)
        .bearer_auth(&anna.access_token)
        .header("If-Match", "W/\"1\", W/\"2\"")
        .json(&json!({"title": "Portalen Navestad"}))
        .send()
        .await?;
    assert_eq!(weak.status(), 200);
    let star = app
        .request(Method::PATCH, &path)
        .bearer_auth(&anna.access_token)
        .header("If-Match", "*")
        .json(&json!({"neighbourhood": "Hageby"}))
        .send()
        .await?;
    assert_eq!(star.status(), 200);

    // Concurrent saves with the same version: exactly one wins.
    let attempts = (0..10).map(|n| {
        app.patch(
            &path,
            &anna.access_token,
            4,
            json!({"summary": format!("Version {n}")}),
        )
    });
    let statuses: Vec<u16> = futures_util::future::join_all(attempts)
        .await
        .into_iter()
        .map(|response| response.map(|r| r.status().as_u16()))
        .collect::<Result<_, _>>()?;
    assert_eq!(
        statuses.iter().filter(|status| **status == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|status| **status == 412).count(),
        9,
        "{statuses:?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_retried_post_with_the_same_idempotency_key_creates_nothing_twice() -> anyhow::Result<()>
{
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let bertil = app.sign_up("Bertil Berg").await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let org_b = app.create_organization(&bertil, "Bertils bolag", 2).await?;
    let body = json!({"title": "Portalen", "challenge_area": "unemployment", "municipality_code": "0581", "visibility": "public"});
    let post = |token: &str, key: &str, body: &Value| {
        app.request(Method::POST, "/api/v1/labs")
            .bearer_auth(token)
            .header("Idempotency-Key", key)
            .json(body)
            .send()
    };
    let first = post(&anna.access_token, "a3f1c2d4-retry", &body).await?;
    assert_eq!(first.status(), 201);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let location = first.headers()["location"].clone();
    let first: Value = first.json().await?;
    let again = post(&anna.access_token, "a3f1c2d4-retry", &body).await?;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.headers()["location"], location);
    assert_eq!(innolabb_tests::etag_version(&again), Some(1));
    let again: Value = again.json().await?;
    assert_eq!(again, first, "the first answer, as it was");

    let other_body = json!({"title": "Något annat", "challenge_area": "schools", "municipality_code": "0581", "visibility": "public"});
    let (status, problem) = {
        let response = post(&anna.access_token, "a3f1c2d4-retry", &other_body).await?;
        (response.status(), response.json::<Value>().await?)
    };
    assert_eq!(
        (status.as_u16(), problem["errors"][0]["field"].as_str()),
        (422, Some("Idempotency-Key"))
    );
    // Keys are per caller: Bertil's same key is his own.
    let bertils = post(&bertil.access_token, "a3f1c2d4-retry", &json!({"host_organization_id": org_b.id, "title": "Bertils labb", "challenge_area": "schools", "municipality_code": "0581", "visibility": "public"})).await?;
    assert_eq!(bertils.status(), 201);
    assert!(bertils.headers().get("idempotent-replayed").is_none());
    // A refused request keeps nothing: corrected, the same key runs.
    let refused = post(&anna.access_token, "second-key", &json!({"title": "X", "challenge_area": "unemployment", "municipality_code": "0581", "visibility": "public"})).await?;
    assert_eq!(refused.status(), 422);
    let corrected = post(&anna.access_token, "second-key", &json!({"title": "Läxhjälp", "challenge_area": "schools", "municipality_code": "0581", "visibility": "public"})).await?;
    assert_eq!(corrected.status(), 201);
    for bad in ["", "has space", &"k".repeat(256)] {
        let response = post(&anna.access_token, bad, &body).await?;
        assert_eq!(response.status(), 400, "{bad:?}");
    }

    // Ten retries at once: one lab; the others get it replayed or are told to wait.
    let concurrent = (0..10).map(|_| post(&anna.access_token, "third-key", &body));
    let statuses: Vec<u16> = futures_util::future::join_all(concurrent)
        .await
        .into_iter()
        .map(|response| response.map(|r| r.status().as_u16()))
        .collect::<Result<_, _>>()?;
    assert!(
        statuses
            .iter()
            .all(|status| *status == 201 || *status == 409),
        "{statuses:?}"
    );
    let labs: Page<Lab> = app
        .get_json(&format!("/api/v1/labs?host={}", org.id))
        .await?;
    assert_eq!(
        labs.items.len(),
        3,
        "the first, the corrected and one of the ten"
    );
    Ok(())
}
