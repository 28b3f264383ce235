//! Rate limits per API key: counted in Postgres for every instance, announced on every
//! answer to a key, a 429 with `Retry-After` over the limit, and never shared between keys
//! or applied to people.

use futures_util::future::join_all;
use innolabb_tests::TestApp;
use reqwest::{Method, Response};
use serde_json::json;

fn header(response: &Response, name: &str) -> i64 {
    response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse().ok())
        .unwrap_or(-1)
}

async fn get_labs(app: &TestApp, key: &str) -> anyhow::Result<Response> {
    Ok(app
        .request(Method::GET, "/api/v1/labs")
        .bearer_auth(key)
        .send()
        .await?)
}

/// Asserts a 429 problem for an API key over `limit`, with the wait in `Retry-After`.
async fn assert_refused(response: Response, limit: i64) -> anyhow::Result<()> {
    assert_eq!(response.status(), 429);
    let wait = header(&response, "retry-after");
    assert!((1..=60).contains(&wait), "Retry-After: {wait}");
    assert_eq!(header(&response, "ratelimit-reset"), wait);
    assert_eq!(header(&response, "ratelimit-limit"), limit);
    assert_eq!(header(&response, "ratelimit-remaining"), 0);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: serde_json::Value = response.json().await?;
    assert_eq!(problem["type"], "https://innolabb.se/problems/rate-limited");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap_or_default()
            .contains(&format!("{limit} förfrågningar i minuten")),
        "{problem}"
    );
    Ok(())
}

#[tokio::test]
async fn the_601st_request_in_a_minute_from_one_key_is_a_429_and_another_key_is_not_affected()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let (_, key) = app.create_api_key(&maria, host.id, &["read"]).await?;
    let (_, other) = app.create_api_key(&maria, host.id, &["read"]).await?;

    let first = get_labs(&app, &key).await?;
    assert_eq!(first.status(), 200);
    assert_eq!(
        (
            header(&first, "ratelimit-limit"),
            header(&first, "ratelimit-remaining")
        ),
        (600, 599)
    );
    let reset = header(&first, "ratelimit-reset");
    assert!((1..=60).contains(&reset), "RateLimit-Reset: {reset}");
    // 600 more, twenty at a time: the 601st of the minute, and only it, is refused.
    let mut statuses = Vec::new();
    for _ in 0..30 {
        for response in join_all((0..20).map(|_| get_labs(&app, &key))).await {
            statuses.push(response?.status().as_u16());
        }
    }
    assert_eq!(
        statuses.iter().filter(|status| **status == 200).count(),
        599
    );
    assert_eq!(statuses.iter().filter(|status| **status == 429).count(), 1);
    assert_refused(get_labs(&app, &key).await?, 600).await?;

    // Another key of the same organisation counts on its own; a person is not counted.
    let theirs = get_labs(&app, &other).await?;
    assert_eq!(theirs.status(), 200);
    assert_eq!(header(&theirs, "ratelimit-remaining"), 599);
    let person = app
        .request(Method::GET, "/api/v1/labs")
        .bearer_auth(&maria.access_token)
        .send()
        .await?;
    assert_eq!(person.status(), 200);
    assert!(person.headers().get("ratelimit-limit").is_none());
    Ok(())
}

#[tokio::test]
async fn a_platform_admin_sets_a_keys_limit_which_every_instance_counts_together()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let second = TestApp::spawn_on(app.database_url.clone()).await?;
    let (maria, host) = app.housing_company().await?;
    let (key_id, key) = app
        .create_api_key(&maria, host.id, &["read", "webhooks:manage"])
        .await?;
    let path = format!(
        "/api/v1/organizations/{}/api-keys/{key_id}/rate-limit",
        host.id
    );
    let three = json!({"requests_per_minute": 3});

    // The organisation's owner may not raise its own limit; a platform admin may.
    let (status, _) = app
        .json(
            Method::PUT,
            &path,
            Some(&maria.access_token),
            Some(three.clone()),
        )
        .await?;
    assert_eq!(status, 403);
    let admin = app.sign_up("Ada Admin").await?;
    app.make_platform_admin(&admin).await?;
    for wrong in [
        json!({"requests_per_minute": 0}),
        json!({"requests_per_minute": 100_001}),
    ] {
        let (status, problem) = app
            .json(Method::PUT, &path, Some(&admin.access_token), Some(wrong))
            .await?;
        assert_eq!(status, 422, "{problem}");
        assert_eq!(problem["errors"][0]["field"], "requests_per_minute");
    }
    // Anonymous is a 401; the key under another organisation's path is not found.
    let (status, _) = app
        .json(Method::PUT, &path, None, Some(three.clone()))
        .await?;
    assert_eq!(status, 401);
    let sara = app.sign_up("Sara Holm").await?;
    let other = app.create_organization(&sara, "Malmöhem", 3).await?;
    let (status, _) = app
        .json(
            Method::PUT,
            &format!(
                "/api/v1/organizations/{}/api-keys/{key_id}/rate-limit",
                other.id
            ),
            Some(&admin.access_token),
            Some(three.clone()),
        )
        .await?;
    assert_eq!(status, 404);
    let (status, set) = app
        .json(Method::PUT, &path, Some(&admin.access_token), Some(three))
        .await?;
    assert_eq!((status, set["rate_limit"].clone()), (200, json!(3)));

    // Three requests, spread over two instances, use the minute up.
    for (n, instance) in [&app, &second, &app].into_iter().enumerate() {
        let response = get_labs(instance, &key).await?;
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, "ratelimit-limit"), 3);
        assert_eq!(header(&response, "ratelimit-remaining"), 2 - n as i64);
    }
    assert_refused(get_labs(&second, &key).await?, 3).await?;
    // Refused before anything is done: a write over the limit creates nothing.
    let refused = second
        .request(
            Method::POST,
            &format!("/api/v1/organizations/{}/webhooks", host.id),
        )
        .bearer_auth(&key)
        .json(&json!({"url": "https://93.184.216.34/hook", "events": ["need.created"]}))
        .send()
        .await?;
    assert_refused(refused, 3).await?;
    assert_eq!(app.count("SELECT count(*) FROM webhooks").await?, 0);

    // The next minute it may go on.
    app.run_sql(&format!(
        "UPDATE rate_limits SET window_start = now() - interval '61 seconds' \
          WHERE key = 'api-key:{key_id}'"
    ))
    .await?;
    let again = get_labs(&app, &key).await?;
    assert_eq!(
        (
            again.status().as_u16(),
            header(&again, "ratelimit-remaining")
        ),
        (200, 2)
    );

    // Back to the default.
    let (status, reset) = app
        .json(
            Method::PUT,
            &path,
            Some(&admin.access_token),
            Some(json!({"requests_per_minute": null})),
        )
        .await?;
    assert_eq!((status, reset["rate_limit"].clone()), (200, json!(null)));
    let response = get_labs(&app, &key).await?;
    assert_eq!(header(&response, "ratelimit-limit"), 600);
    Ok(())
}
