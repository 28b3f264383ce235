//! Organisations' webhooks: adding one with its secret shown once, rotating the secret,
//! changing one with `If-Match`, the URL rule (https, public addresses only, after the name
//! is resolved), and who may manage them.

use innolabb_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::{Value, json};

/// A webhook's body: `url`, and the events of a marketplace system.
fn webhook(url: &str) -> Value {
    json!({"url": url, "description": "Hyresgästportalen",
           "events": ["idea.created", "match.requested", "idea.created"]})
}

/// Maria and her housing company, with the path of its webhooks.
async fn organization(app: &TestApp) -> anyhow::Result<(TestUser, String)> {
    let (maria, host) = app.housing_company().await?;
    Ok((maria, format!("/api/v1/organizations/{}/webhooks", host.id)))
}

#[tokio::test]
async fn an_admin_adds_a_webhook_sees_its_secret_once_rotates_it_and_changes_it_with_if_match()
-> anyhow::Result<()> {
    let app = TestApp::spawn_with(|config| config.webhooks.allow_private = true).await?;
    let (maria, webhooks) = organization(&app).await?;
    let token = Some(maria.access_token.as_str());

    let response = app
        .call(
            Method::POST,
            &webhooks,
            token,
            Some(webhook("http://127.0.0.1:9/hook")),
        )
        .await?;
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let location = response.headers()["location"].to_str()?.to_owned();
    let created: Value = response.json().await?;
    let secret = created["secret"].as_str().unwrap_or_default().to_owned();
    assert!(
        secret.starts_with("whsec_") && secret.len() == "whsec_".len() + 44,
        "{secret}"
    );
    let id = created["webhook"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(location, format!("{webhooks}/{id}"));
    // Each event once, in the documented order; enabled by default.
    assert_eq!(
        created["webhook"]["events"],
        json!(["match.requested", "idea.created"])
    );
    assert_eq!(created["webhook"]["enabled"], true);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM webhooks WHERE secret = '{secret}'"
        ))
        .await?,
        1,
        "the secret that signs is the one shown"
    );

    // Never shown again.
    let (status, listed) = app.json(Method::GET, &webhooks, token, None).await?;
    assert_eq!(status, 200);
    assert_eq!(listed["items"].as_array().map(Vec::len), Some(1));
    assert!(!listed.to_string().contains(&secret));
    let read = app.call(Method::GET, &location, token, None).await?;
    assert_eq!(read.headers()["etag"], "\"1\"");
    assert!(!read.text().await?.contains("whsec_"));

    // A new secret; the old one still signs for a day.
    let (status, rotated) = app
        .json(
            Method::POST,
            &format!("{location}/rotate-secret"),
            token,
            None,
        )
        .await?;
    assert_eq!(status, 200);
    let new_secret = rotated["secret"].as_str().unwrap_or_default();
    assert!(new_secret.starts_with("whsec_") && new_secret != secret);
    assert_eq!(rotated["webhook"]["version"], 2);
    let until: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(rotated["webhook"]["secret_rotated_until"].clone())?;
    let hours = (until - chrono::Utc::now()).num_minutes() as f64 / 60.0;
    assert!((23.9..=24.0).contains(&hours), "{hours} h");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM webhooks WHERE secret = '{new_secret}' AND previous_secret = '{secret}'"
        ))
        .await?,
        1
    );

    // Changes need the version read.
    let change = json!({"enabled": false, "events": ["need.created"]});
    let missing = app
        .call(Method::PATCH, &location, token, Some(change.clone()))
        .await?;
    assert_eq!(missing.status(), 428);
    let stale = app
        .patch(&location, &maria.access_token, 1, change.clone())
        .await?;
    assert_eq!(stale.status(), 412);
    let changed = app.patch(&location, &maria.access_token, 2, change).await?;
    assert_eq!(changed.status(), 200);
    assert_eq!(changed.headers()["etag"], "\"3\"");
    let changed: Value = changed.json().await?;
    assert_eq!(
        (changed["enabled"].clone(), changed["events"].clone()),
        (json!(false), json!(["need.created"]))
    );
    assert_eq!(
        changed["url"], "http://127.0.0.1:9/hook",
        "what was not sent stays"
    );

    let deleted = app.call(Method::DELETE, &location, token, None).await?;
    assert_eq!(deleted.status(), 204);
    assert_eq!(
        app.call(Method::GET, &location, token, None)
            .await?
            .status(),
        404
    );
    assert_eq!(
        app.call(Method::DELETE, &location, token, None)
            .await?
            .status(),
        404
    );
    let audited = app
        .count("SELECT count(*) FROM audit_log WHERE action LIKE 'webhook.%'")
        .await?;
    assert_eq!(audited, 4, "created, rotated, updated, deleted");
    Ok(())
}

#[tokio::test]
async fn a_webhook_must_be_https_to_public_addresses_and_name_known_events() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, webhooks) = organization(&app).await?;
    let token = Some(maria.access_token.as_str());
    for (url, why) in [
        ("https://127.0.0.1/hook", "a loopback address"),
        ("https://localhost/hook", "a name that resolves to loopback"),
        ("https://10.0.0.8/hook", "a private address"),
        (
            "https://169.254.169.254/latest/meta-data",
            "the cloud metadata address",
        ),
        (
            "https://[::ffff:127.0.0.1]/hook",
            "loopback written as IPv6",
        ),
        ("http://93.184.216.34/hook", "plain http"),
        (
            "https://user:secret@93.184.216.34/hook",
            "credentials in the URL",
        ),
        ("hooks.example.se/innolabb", "no scheme"),
    ] {
        let (status, problem) = app
            .json(Method::POST, &webhooks, token, Some(webhook(url)))
            .await?;
        assert_eq!(status, 422, "{why}: {problem}");
        assert_eq!(problem["errors"][0]["field"], "url", "{why}");
        assert_eq!(problem["errors"][0]["code"], "not_allowed", "{why}");
    }
    let (status, problem) = app
        .json(
            Method::POST,
            &webhooks,
            token,
            Some(json!({"url": "https://93.184.216.34/hook", "events": ["lab.burned"]})),
        )
        .await?;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "events");
    let (status, _) = app
        .json(
            Method::POST,
            &webhooks,
            token,
            Some(json!({"url": "https://93.184.216.34/hook", "events": []})),
        )
        .await?;
    assert_eq!(status, 422);
    assert_eq!(
        app.count("SELECT count(*) FROM webhooks").await?,
        0,
        "nothing was saved"
    );

    // A public address is accepted; changing it to a private one is refused.
    let (status, created) = app
        .json(
            Method::POST,
            &webhooks,
            token,
            Some(webhook("https://93.184.216.34/hook")),
        )
        .await?;
    assert_eq!(status, 201);
    let location = format!(
        "{webhooks}/{}",
        created["webhook"]["id"].as_str().unwrap_or_default()
    );
    let refused = app
        .patch(
            &location,
            &maria.access_token,
            1,
            json!({"url": "https://127.0.0.1/hook"}),
        )
        .await?;
    assert_eq!(refused.status(), 422);
    let (_, kept) = app.json(Method::GET, &location, token, None).await?;
    assert_eq!(
        (kept["url"].clone(), kept["version"].clone()),
        (json!("https://93.184.216.34/hook"), json!(1))
    );
    Ok(())
}

#[tokio::test]
async fn only_the_organisations_owners_admins_and_its_webhook_keys_manage_its_webhooks()
-> anyhow::Result<()> {
    let app = TestApp::spawn_with(|config| config.webhooks.allow_private = true).await?;
    let (maria, host) = app.housing_company().await?;
    let webhooks = format!("/api/v1/organizations/{}/webhooks", host.id);
    let (_, created) = app
        .json(
            Method::POST,
            &webhooks,
            Some(&maria.access_token),
            Some(webhook("http://127.0.0.1:9/a")),
        )
        .await?;
    let one = format!(
        "{webhooks}/{}",
        created["webhook"]["id"].as_str().unwrap_or_default()
    );
    // A member who is no admin, another organisation's owner, and keys.
    let erik = app.sign_up("Erik Svensson").await?;
    let added = app
        .call(
            Method::POST,
            &format!("/api/v1/organizations/{}/members", host.id),
            Some(&maria.access_token),
            Some(json!({"email": erik.email, "role": "member"})),
        )
        .await?;
    assert_eq!(added.status(), 201);
    let sara = app.sign_up("Sara Ek").await?;
    let other = app.create_organization(&sara, "Malmöhem", 2).await?;
    let (_, manager) = app
        .create_api_key(&maria, host.id, &["webhooks:manage"])
        .await?;
    let (_, reader) = app.create_api_key(&maria, host.id, &["read"]).await?;
    let (_, outsider) = app
        .create_api_key(&sara, other.id, &["webhooks:manage"])
        .await?;

    let writes = |path: &str| {
        vec![
            (Method::GET, webhooks.clone()),
            (Method::POST, webhooks.clone()),
            (Method::GET, path.to_owned()),
            (Method::PATCH, path.to_owned()),
            (Method::DELETE, path.to_owned()),
            (Method::POST, format!("{path}/rotate-secret")),
        ]
    };
    let body = |method: &Method| match *method {
        Method::POST => Some(webhook("http://127.0.0.1:9/b")),
        Method::PATCH => Some(json!({"enabled": false})),
        _ => None,
    };
    for (who, token, expected) in [
        ("anonymous", None, 401),
        ("a plain member", Some(erik.access_token.as_str()), 403),
        (
            "another organisation's owner",
            Some(sara.access_token.as_str()),
            403,
        ),
        ("a key without webhooks:manage", Some(reader.as_str()), 403),
        ("another organisation's key", Some(outsider.as_str()), 403),
    ] {
        for (method, path) in writes(&one) {
            let mut request = app
                .request(method.clone(), &path)
                .header("If-Match", "\"1\"");
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            if let Some(body) = body(&method) {
                request = request.json(&body);
            }
            let status = request.send().await?.status();
            assert_eq!(status, expected, "{who}: {method} {path}");
        }
    }
    let (_, problem) = app
        .json(Method::GET, &webhooks, Some(&reader), None)
        .await?;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("webhooks:manage"),
        "{problem}"
    );
    // Another organisation's webhook is not found under this organisation's path.
    let (_, theirs) = app
        .json(
            Method::POST,
            &format!("/api/v1/organizations/{}/webhooks", other.id),
            Some(&sara.access_token),
            Some(webhook("http://127.0.0.1:9/c")),
        )
        .await?;
    let theirs = format!(
        "{webhooks}/{}",
        theirs["webhook"]["id"].as_str().unwrap_or_default()
    );
    assert_eq!(
        app.call(Method::GET, &theirs, Some(&maria.access_token), None)
            .await?
            .status(),
        404
    );
    assert_eq!(
        app.call(Method::DELETE, &theirs, Some(&maria.access_token), None)
            .await?
            .status(),
        404
    );
    // Nothing changed.
    assert_eq!(app.count("SELECT count(*) FROM webhooks").await?, 2);
    assert_eq!(
        app.count("SELECT count(*) FROM webhooks WHERE version = 1 AND enabled")
            .await?,
        2
    );

    // The organisation's key with the scope manages them.
    let (status, listed) = app
        .json(Method::GET, &webhooks, Some(&manager), None)
        .await?;
    assert_eq!(
        (status, listed["items"].as_array().map(Vec::len)),
        (200, Some(1))
    );
    let (status, _) = app
        .json(
            Method::POST,
            &webhooks,
            Some(&manager),
            Some(webhook("http://127.0.0.1:9/d")),
        )
        .await?;
    assert_eq!(status, 201);
    Ok(())
}
