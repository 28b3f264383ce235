//! Secrets stay secret: the API, run as it is deployed and logging at `debug`, writes no
//! line holding a password, a token, an API key's secret, a webhook's secret or a mailed
//! link's token, across a scenario that uses each (see `api/src/telemetry.rs`).

use innolabb_demo::process::ApiCommand;
use innolabb_tests::receiver::Receiver;
use innolabb_tests::smtp::SmtpSink;
use innolabb_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn no_log_line_at_debug_holds_a_password_token_or_secret() -> anyhow::Result<()> {
    // A fresh database; its in-process server stops, so that the process alone serves it
    // and runs its workers (mail, webhooks).
    let database = TestApp::spawn().await?;
    database.stop().await;
    let sink = SmtpSink::start().await?;
    let receiver = Receiver::start(&[])?;
    let log = tempfile::NamedTempFile::new()?;
    let jwt_secret = String::from_utf8_lossy(innolabb_tests::TEST_JWT_SECRET).into_owned();
    let mut server = ApiCommand::new(
        &innolabb_tests::installed_tool("API_BINARY")?,
        &database.database_url,
        &jwt_secret,
        &innolabb_tests::static_dir(),
    )?
    .env("RUST_LOG", "debug")
    .env("SMTP_URL", &sink.url)
    .env("WEBHOOKS_ALLOW_PRIVATE", "true")
    .log_to(log.path())?
    .start()
    .await?;
    let app = TestApp::at(server.url(""), database.database_url.clone())?;
    let mut secrets: Vec<(&str, String)> = vec![("JWT_SECRET", jwt_secret.clone())];
    let mut keep = |what: &'static str, secret: &str| {
        assert!(secret.len() >= 8, "{what} is not a secret: {secret:?}");
        secrets.push((what, secret.to_owned()));
    };

    // Registering, verifying the address by the mailed link (opened as a browser opens it),
    // signing in: a password, a verification token, an access and a refresh token.
    let maria: TestUser = app.sign_up_via(&sink, "Maria Lind").await?;
    keep("password", &maria.password);
    keep("access token", &maria.access_token);
    keep("refresh token", &maria.refresh_token);
    let verification = sink.wait_for(1).await?.remove(0).token("/verify-email")?;
    keep("verification token", &verification);
    app.get(&format!("/verify-email?token={verification}"))
        .await?;
    let (status, refreshed) = app
        .json(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": maria.refresh_token})),
        )
        .await?;
    anyhow::ensure!(status == 200, "refresh answered {status}");
    keep(
        "refreshed access token",
        refreshed["access_token"].as_str().unwrap_or_default(),
    );
    keep(
        "refreshed refresh token",
        refreshed["refresh_token"].as_str().unwrap_or_default(),
    );
    let wrong = "Fel-lösenord-för-Maria-1234";
    keep("mistyped password", wrong);
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": maria.email, "password": wrong})),
        )
        .await?;
    anyhow::ensure!(status == 401, "a wrong password answered {status}");

    // A partner's API key, used; a webhook, delivered and signed with its secret.
    let host = app
        .create_organization(&maria, "Hyresbostäder i Norrköping", 10)
        .await?;
    let (_, key) = app
        .create_api_key(&maria, host.id, &["read", "labs:write"])
        .await?;
    keep("API key", &key);
    let listed = app
        .request(Method::GET, "/api/v1/labs")
        .bearer_auth(&key)
        .send()
        .await?;
    anyhow::ensure!(
        listed.status() == 200,
        "the key answered {}",
        listed.status()
    );
    let (_, webhook_secret) = app
        .add_webhook(&maria, host.id, &receiver.url, &["idea.created"])
        .await?;
    keep("webhook secret", &webhook_secret);
    let lab = app
        .create_lab(&maria, host.id, "Loggfria labbet", "public")
        .await?;
    app.create_idea(&maria, lab.id, "Inga hemligheter i loggen", "Aldrig.")
        .await?;
    receiver.wait_for(1).await?;

    // A forgotten password: the mailed reset link, opened, and a new password set with it.
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/auth/password-reset",
            None,
            Some(json!({"email": maria.email})),
        )
        .await?;
    anyhow::ensure!(status == 202, "password-reset answered {status}");
    let mails = sink.wait_for(2).await?;
    let reset = mails[1].token("/reset-password")?;
    keep("reset token", &reset);
    app.get(&format!("/reset-password?token={reset}")).await?;
    let new_password = "Ett-nytt-lösenord-för-Maria";
    keep("new password", new_password);
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/auth/password-reset/confirm",
            None,
            Some(json!({"token": reset, "password": new_password})),
        )
        .await?;
    anyhow::ensure!(status == 204, "confirm answered {status}");
    server.signal("TERM")?;
    server.wait().await?;
    let written = std::fs::read_to_string(log.path())?;
    let lines = written.lines().count();
    assert!(lines > 100, "debug logging is on: only {lines} lines");
    for (what, secret) in &secrets {
        let leaks: Vec<&str> = written
            .lines()
            .filter(|line| line.contains(secret.as_str()))
            .collect();
        assert!(leaks.is_empty(), "the {what} is in the log: {leaks:#?}");
    }
    Ok(())
}
