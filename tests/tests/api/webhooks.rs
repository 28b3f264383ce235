//! Organisations' webhooks: adding one with its secret shown once, rotating the secret,
//! changing one with `If-Match`, the URL rule (https, public addresses only, after the name
//! is resolved), and who may manage them.

use innolabb_tests::receiver::Receiver;
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
    assert_eq!(response.headers()["cache-control"], "private, no-store");
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
    assert_eq!(innolabb_tests::etag_version(&read), Some(1));
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
    assert_eq!(innolabb_tests::etag_version(&changed), Some(3));
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
            (Method::POST, format!("{path}/ping")),
            (Method::GET, format!("{path}/deliveries")),
            (
                Method::POST,
                format!("{path}/deliveries/{}/redeliver", uuid::Uuid::now_v7()),
            ),
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

/// Maria's organisation with a webhook to `receiver`; returns its path and secret.
async fn hooked(
    app: &TestApp,
    maria: &TestUser,
    receiver: &Receiver,
) -> anyhow::Result<(String, String)> {
    let organizations: Value = app
        .get_as("/api/v1/me/organizations", &maria.access_token)
        .await?;
    let organization = organizations["items"][0]["organization"]["id"]
        .as_str()
        .unwrap_or_default()
        .parse()?;
    app.add_webhook(maria, organization, &receiver.url, &["match.requested"])
        .await
}

/// Makes the delivery's next attempt due now: the retry schedule's waits, passed.
async fn fast_forward(app: &TestApp) -> anyhow::Result<()> {
    app.run_sql("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE status = 'pending'")
        .await?;
    Ok(())
}

#[tokio::test]
async fn a_ping_is_delivered_once_signed_so_that_the_standard_library_verifies_it()
-> anyhow::Result<()> {
    let app = TestApp::spawn_with(|config| config.webhooks.allow_private = true).await?;
    let (maria, _) = app.housing_company().await?;
    let receiver = Receiver::start(&[])?;
    let (webhook, secret) = hooked(&app, &maria, &receiver).await?;
    let (status, queued) = app
        .json(
            Method::POST,
            &format!("{webhook}/ping"),
            Some(&maria.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 202, "{queued}");
    let received = receiver.wait_for(1).await?;
    let ping = &received[0];
    standardwebhooks::Webhook::new(&secret)?.verify(&ping.body, &ping.headers)?;
    assert_eq!(
        ping.header("webhook-id"),
        queued["message_id"].as_str().unwrap_or("?")
    );
    assert_eq!(ping.header("content-type"), "application/json");
    let body = ping.json();
    assert_eq!(body["type"], "webhook.ping");
    assert_eq!(body["id"], queued["message_id"]);
    assert_eq!(
        body["data"]["webhook_id"],
        webhook.rsplit('/').next().unwrap_or_default()
    );
    // A signature under another secret is refused by the same library.
    let other = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    assert!(
        standardwebhooks::Webhook::new(other)?
            .verify(&ping.body, &ping.headers)
            .is_err()
    );

    // The log shows one successful attempt, and nothing more is sent.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    let log = loop {
        let (_, log) = app
            .json(
                Method::GET,
                &format!("{webhook}/deliveries"),
                Some(&maria.access_token),
                None,
            )
            .await?;
        if log["items"][0]["status"] == "succeeded" || tokio::time::Instant::now() > deadline {
            break log;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    let delivery = &log["items"][0];
    assert_eq!(delivery["status"], "succeeded", "{log}");
    assert_eq!(delivery["attempts"][0]["status_code"], 200);
    assert_eq!(delivery["attempts"][0]["response_excerpt"], "answered 200");
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(receiver.received().len(), 1, "delivered once");

    // Redelivered on request, with the same webhook-id.
    let delivery_id = delivery["id"].as_str().unwrap_or_default();
    let (status, _) = app
        .json(
            Method::POST,
            &format!("{webhook}/deliveries/{delivery_id}/redeliver"),
            Some(&maria.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 202);
    let again = receiver.wait_for(2).await?;
    assert_eq!(again[1].header("webhook-id"), ping.header("webhook-id"));
    standardwebhooks::Webhook::new(&secret)?.verify(&again[1].body, &again[1].headers)?;
    receiver.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_failing_receiver_is_retried_with_the_same_id_and_one_that_is_gone_is_disabled()
-> anyhow::Result<()> {
    let app = TestApp::spawn_with(|config| config.webhooks.allow_private = true).await?;
    let (maria, _) = app.housing_company().await?;
    let token = Some(maria.access_token.as_str());
    let receiver = Receiver::start(&[500, 503])?;
    let (webhook, _) = hooked(&app, &maria, &receiver).await?;
    app.json(Method::POST, &format!("{webhook}/ping"), token, None)
        .await?;
    receiver.wait_for(1).await?;
    // The second try waits about 5 s by the schedule; the test lets that time pass.
    let wait: f64 = {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        app.count("SELECT extract(epoch FROM next_attempt_at - now())::bigint AS count FROM webhook_deliveries")
            .await? as f64
    };
    assert!(
        (3.0..=6.0).contains(&wait),
        "the first retry waits about 5 s, not {wait}"
    );
    fast_forward(&app).await?;
    receiver.wait_for(2).await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    fast_forward(&app).await?;
    let received = receiver.wait_for(3).await?;
    let ids: Vec<&str> = received.iter().map(|r| r.header("webhook-id")).collect();
    assert!(
        ids.iter().all(|id| *id == ids[0] && id.starts_with("msg_")),
        "{ids:?}"
    );
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    let log = loop {
        let (_, log) = app
            .json(Method::GET, &format!("{webhook}/deliveries"), token, None)
            .await?;
        if log["items"][0]["status"] == "succeeded" || tokio::time::Instant::now() > deadline {
            break log;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    let codes: Vec<Value> = log["items"][0]["attempts"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| a["status_code"].clone())
        .collect();
    assert_eq!(codes, [json!(500), json!(503), json!(200)]);
    receiver.stop().await;

    // A receiver that answers 410 Gone turns the webhook off at once.
    let gone = Receiver::start(&[410])?;
    let (webhook, _) = hooked(&app, &maria, &gone).await?;
    app.json(Method::POST, &format!("{webhook}/ping"), token, None)
        .await?;
    gone.wait_for(1).await?;
    let read = disabled(&app, &webhook, &maria).await?;
    assert_eq!(read["disabled_reason"], "gone");
    let (_, log) = app
        .json(Method::GET, &format!("{webhook}/deliveries"), token, None)
        .await?;
    assert_eq!(log["items"][0]["status"], "failed");
    gone.stop().await;
    Ok(())
}

#[tokio::test]
async fn two_api_instances_on_one_database_deliver_each_event_once() -> anyhow::Result<()> {
    let first = TestApp::spawn_with(|config| config.webhooks.allow_private = true).await?;
    let database_url = first.database_url.clone();
    let second = TestApp::spawn_with_database(database_url, |config| {
        config.webhooks.allow_private = true;
    })
    .await?;
    let (maria, _) = first.housing_company().await?;
    let receiver = Receiver::start(&[])?;
    let (webhook, _) = hooked(&first, &maria, &receiver).await?;
    // Twenty pings, asked of both instances in turn.
    for n in 0..20 {
        let app = if n % 2 == 0 { &first } else { &second };
        let (status, _) = app
            .json(
                Method::POST,
                &format!("{webhook}/ping"),
                Some(&maria.access_token),
                None,
            )
            .await?;
        assert_eq!(status, 202);
    }
    receiver.wait_for(20).await?;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let mut ids: Vec<String> = receiver
        .received()
        .iter()
        .map(|r| r.header("webhook-id").to_owned())
        .collect();
    assert_eq!(ids.len(), 20, "each event once, not once per instance");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 20);
    assert_eq!(
        first.count("SELECT count(*) FROM webhook_attempts").await?,
        20
    );
    receiver.stop().await;
    Ok(())
}

/// The webhook once the worker has disabled it (waiting up to 10 s).
async fn disabled(app: &TestApp, webhook: &str, owner: &TestUser) -> anyhow::Result<Value> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (_, read) = app
            .json(Method::GET, webhook, Some(&owner.access_token), None)
            .await?;
        if read["enabled"] == false {
            return Ok(read);
        }
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "still enabled: {read}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_endpoint_failing_for_five_days_is_disabled_and_its_admins_are_told()
-> anyhow::Result<()> {
    let app = TestApp::spawn_with(|config| config.webhooks.allow_private = true).await?;
    let (maria, host) = app.housing_company().await?;
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
    let failing = Receiver::start(&[500, 500, 500])?;
    let (webhook, _) = hooked(&app, &maria, &failing).await?;
    let ping = format!("{webhook}/ping");
    let token = Some(maria.access_token.as_str());

    // A first failure starts the count; four days on, it still runs.
    app.json(Method::POST, &ping, token, None).await?;
    failing.wait_for(1).await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let (_, read) = app.json(Method::GET, &webhook, token, None).await?;
    assert!(read["failing_since"].is_string(), "{read}");
    assert_eq!(read["enabled"], true);
    app.run_sql("UPDATE webhooks SET failing_since = now() - interval '4 days'")
        .await?;
    fast_forward(&app).await?;
    failing.wait_for(2).await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let (_, read) = app.json(Method::GET, &webhook, token, None).await?;
    assert_eq!(
        read["enabled"], true,
        "four days of failures are not yet five"
    );

    // Five days of nothing but failures: off, and the owner (not the plain member) is told.
    app.run_sql("UPDATE webhooks SET failing_since = now() - interval '5 days'")
        .await?;
    fast_forward(&app).await?;
    failing.wait_for(3).await?;
    let read = disabled(&app, &webhook, &maria).await?;
    assert_eq!(read["disabled_reason"], "failing");
    let notices: Value = app
        .get_as("/api/v1/notifications", &maria.access_token)
        .await?;
    let notice = &notices["items"][0];
    assert_eq!(notice["kind"], "webhook_disabled", "{notices}");
    assert_eq!(notice["details"]["webhook_url"], failing.url.as_str());
    assert_eq!(notice["details"]["reason"], "failing");
    let for_erik: Value = app
        .get_as("/api/v1/notifications", &erik.access_token)
        .await?;
    assert!(
        !for_erik.to_string().contains("webhook_disabled"),
        "{for_erik}"
    );

    // Switched on again by its owner, it starts afresh.
    let version = i32::try_from(read["version"].as_i64().unwrap_or_default())?;
    let on = app
        .patch(
            &webhook,
            &maria.access_token,
            version,
            json!({"enabled": true}),
        )
        .await?;
    assert_eq!(on.status(), 200);
    let on: Value = on.json().await?;
    assert_eq!(
        (on["failing_since"].clone(), on["disabled_reason"].clone()),
        (Value::Null, Value::Null)
    );
    failing.stop().await;
    Ok(())
}
