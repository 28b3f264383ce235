//! E-mail through a real SMTP server (aiosmtpd): verifying an address, choosing a new
//! password, and the outbox's retries.

use api::config::MailDelivery;
use innolabb_tests::smtp::SmtpSink;
use innolabb_tests::{TEST_PASSWORD, TestApp, TestUser, org_number, problem};
use reqwest::Method;
use serde_json::json;
use shared::Me;

/// An API that mails through `sink`.
async fn mailing_to(sink: &SmtpSink) -> anyhow::Result<TestApp> {
    let url = sink.url.clone();
    TestApp::spawn_with(move |config| config.mail.delivery = MailDelivery::smtp(&url)).await
}

async fn create_organization(app: &TestApp, user: &TestUser, n: u32) -> anyhow::Result<u16> {
    let body = json!({"name": format!("Förening {n}"), "kind": "civil_society",
                      "org_number": org_number(n), "municipality_code": "0180"});
    Ok(app
        .call(
            Method::POST,
            "/api/v1/organizations",
            Some(&user.access_token),
            Some(body),
        )
        .await?
        .status()
        .as_u16())
}

async fn verify(app: &TestApp, token: &str) -> anyhow::Result<u16> {
    let body = json!({"token": token});
    Ok(app
        .json(Method::POST, "/api/v1/auth/verify-email", None, Some(body))
        .await?
        .0)
}

#[tokio::test]
async fn registration_mails_a_link_that_verifies_the_address_once() -> anyhow::Result<()> {
    let sink = SmtpSink::start().await?;
    let app = mailing_to(&sink).await?;
    let amina = app.sign_up_unverified("Amina Hassan").await?;
    let mail = sink.wait_for_mail_to(&amina.email, 1).await?.remove(0);
    assert_eq!(mail.subject(), "Bekräfta din e-postadress");
    assert!(
        mail.header("from").contains("noreply@innolabb.localhost"),
        "{:?}",
        mail.headers
    );
    assert!(mail.text.starts_with("Hej Amina Hassan!"), "{}", mail.text);
    assert!(
        mail.html.contains("<a href=\""),
        "an HTML part with the link: {}",
        mail.html
    );
    assert_eq!(mail.header("list-unsubscribe"), "", "not a notification");
    let link = mail.link("/verify-email")?;
    assert!(
        link.starts_with(&app.address),
        "the link leads to the web client: {link}"
    );

    // Until then: ideas, votes and comments, but no organisation.
    let me: Me = app.get_as("/api/v1/me", &amina.access_token).await?;
    assert!(!me.email_verified);
    let refused = app
        .call(
            Method::POST,
            "/api/v1/organizations",
            Some(&amina.access_token),
            Some(json!({
            "name": "Förening 1", "kind": "civil_society", "org_number": org_number(1),
            "municipality_code": "0180"})),
        )
        .await?;
    assert_eq!(refused.status(), 403);
    assert!(
        problem(refused)
            .await?
            .detail
            .unwrap_or_default()
            .contains("Bekräfta din e-postadress")
    );
    assert_eq!(app.count("SELECT count(*) FROM organizations").await?, 0);

    let token = mail.token("/verify-email")?;
    assert_eq!(verify(&app, &token).await?, 204);
    let me: Me = app.get_as("/api/v1/me", &amina.access_token).await?;
    assert!(me.email_verified);
    assert_eq!(verify(&app, &token).await?, 422, "a link works once");
    assert_eq!(verify(&app, "no-such-token").await?, 422);
    assert_eq!(create_organization(&app, &amina, 1).await?, 201);

    // The token is stored only as a hash, and the sent mail's bodies are erased.
    let stored =
        format!("SELECT count(*) FROM account_tokens WHERE token_hash = sha256('{token}'::bytea)");
    assert_eq!(app.count(&stored).await?, 1);
    assert_eq!(app.count(&format!(
        "SELECT count(*) FROM mail_outbox WHERE body_text LIKE '%{token}%' OR body_html LIKE '%{token}%'"
    )).await?, 0);
    Ok(())
}

#[tokio::test]
async fn mail_speaks_the_language_the_person_registered_in() -> anyhow::Result<()> {
    let sink = SmtpSink::start().await?;
    let app = mailing_to(&sink).await?;
    let registered = app
        .request(Method::POST, "/api/v1/auth/register")
        .header("Accept-Language", "en-GB,en;q=0.9")
        .json(&json!({"email": "sam@example.se", "password": TEST_PASSWORD, "display_name": "Sam"}))
        .send()
        .await?;
    assert_eq!(registered.status(), 201);
    let me: Me = registered.json().await?;
    assert_eq!(me.locale, shared::Locale::En);
    let mail = sink.wait_for_mail_to("sam@example.se", 1).await?.remove(0);
    assert_eq!(mail.subject(), "Confirm your e-mail address");
    assert!(mail.text.starts_with("Hello Sam!"));
    Ok(())
}

#[tokio::test]
async fn a_new_verification_mail_replaces_the_old_link_and_is_throttled() -> anyhow::Result<()> {
    let sink = SmtpSink::start().await?;
    let app = mailing_to(&sink).await?;
    let amina = app.sign_up_unverified("Amina Hassan").await?;
    let first = sink
        .wait_for_mail_to(&amina.email, 1)
        .await?
        .remove(0)
        .token("/verify-email")?;
    let resend = || {
        app.json(
            Method::POST,
            "/api/v1/me/verification-email",
            Some(&amina.access_token),
            None,
        )
    };
    assert_eq!(resend().await?.0, 202);
    let second = sink
        .wait_for_mail_to(&amina.email, 2)
        .await?
        .remove(1)
        .token("/verify-email")?;
    assert_ne!(first, second);
    assert_eq!(
        verify(&app, &first).await?,
        422,
        "the newer link replaces the older"
    );
    assert_eq!(verify(&app, &second).await?, 204);
    let (status, body) = resend().await?;
    assert_eq!(status, 409, "{body}");

    let other = app.sign_up_unverified("Bo Ek").await?;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let (status, _) = app
            .json(
                Method::POST,
                "/api/v1/me/verification-email",
                Some(&other.access_token),
                None,
            )
            .await?;
        statuses.push(status);
    }
    assert_eq!(statuses, [202, 202, 202, 202, 202, 429]);
    Ok(())
}

#[tokio::test]
async fn a_password_reset_mails_a_single_use_link_that_ends_every_session() -> anyhow::Result<()> {
    let sink = SmtpSink::start().await?;
    let app = mailing_to(&sink).await?;
    let amina = app.sign_up_unverified("Amina Hassan").await?;
    sink.wait_for_mail_to(&amina.email, 1).await?;

    // Known and unknown addresses are answered alike.
    let ask = |email: &str| {
        app.request(Method::POST, "/api/v1/auth/password-reset")
            .json(&json!({"email": email}))
            .send()
    };
    let known = ask(" AMINA.hassan@example.se").await?;
    let unknown = ask("nobody@example.se").await?;
    let shape = |response: &reqwest::Response| {
        let mut headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .filter(|(name, _)| !["date", "x-request-id"].contains(&name.as_str()))
            .map(|(name, value)| {
                (
                    name.to_string(),
                    value.to_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        headers.sort();
        (response.status(), headers)
    };
    assert_eq!(shape(&known).0, 202);
    assert_eq!(shape(&known), shape(&unknown));
    assert_eq!(known.text().await?, unknown.text().await?);

    let mail = sink.wait_for_mail_to(&amina.email, 2).await?.remove(1);
    assert_eq!(mail.subject(), "Välj ett nytt lösenord");
    let token = mail.token("/reset-password")?;
    assert_eq!(sink.received()?.len(), 2, "nothing to the unknown address");

    let confirm = |password: &'static str, token: String| {
        app.json(
            Method::POST,
            "/api/v1/auth/password-reset/confirm",
            None,
            Some(json!({"token": token, "password": password})),
        )
    };
    let (status, weak) = confirm("kort", token.clone()).await?;
    assert_eq!(status, 422);
    assert_eq!(weak["errors"][0]["field"], "password");
    assert_eq!(
        confirm("ett nytt långt lösenord", token.clone()).await?.0,
        204
    );
    let (status, reused) = confirm("ännu ett långt lösenord", token).await?;
    assert_eq!(status, 422, "a link works once");
    assert_eq!(reused["errors"][0]["field"], "token");

    // Every session ended (an access token already handed out lasts its 15 minutes, no
    // refresh follows); the new password works, the old does not.
    let refreshed = app
        .json(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": amina.refresh_token})),
        )
        .await?;
    assert_eq!(refreshed.0, 401);
    let old = app
        .json(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": amina.email, "password": TEST_PASSWORD})),
        )
        .await?;
    assert_eq!(old.0, 401);
    let tokens = app.login(&amina.email, "ett nytt långt lösenord").await?;
    let me: Me = app.get_as("/api/v1/me", &tokens.access_token).await?;
    assert!(
        me.email_verified,
        "following the mailed link proved the address"
    );
    Ok(())
}

#[tokio::test]
async fn a_reset_link_expires_after_an_hour_and_an_account_gets_three_an_hour() -> anyhow::Result<()>
{
    let app = TestApp::spawn().await?;
    let amina = app.sign_up("Amina Hassan").await?;
    for _ in 0..5 {
        let (status, _) = app
            .json(
                Method::POST,
                "/api/v1/auth/password-reset",
                None,
                Some(json!({"email": amina.email})),
            )
            .await?;
        assert_eq!(status, 202, "answered alike past the limit");
    }
    let resets = "SELECT count(*) FROM mail_outbox WHERE kind = 'password_reset'";
    assert_eq!(app.count(resets).await?, 3);
    let link = app.outbox_link(&amina.email, "/reset-password").await?;
    let token = innolabb_tests::smtp::token_of(&link)?;
    app.run_sql("UPDATE account_tokens SET expires_at = now() - interval '1 second'")
        .await?;
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/auth/password-reset/confirm",
            None,
            Some(json!({"token": token, "password": "ett nytt långt lösenord"})),
        )
        .await?;
    assert_eq!(status, 422);
    assert!(
        app.login(&amina.email, TEST_PASSWORD).await.is_ok(),
        "the password is unchanged"
    );
    Ok(())
}

#[tokio::test]
async fn a_mail_refused_for_a_while_is_retried_and_arrives_once() -> anyhow::Result<()> {
    let sink = SmtpSink::refusing_first(1).await?;
    let app = mailing_to(&sink).await?;
    let amina = app.sign_up_unverified("Amina Hassan").await?;
    let attempted = "SELECT count(*) FROM mail_outbox WHERE attempts = 1 AND status = 'pending' AND last_error LIKE '%451%'";
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    while app.count(attempted).await? == 0 {
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "no refused attempt recorded"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // The retry falls due (5 s on the schedule; now, so that the test need not wait).
    app.run_sql("UPDATE mail_outbox SET next_attempt_at = now()")
        .await?;
    sink.wait_for_mail_to(&amina.email, 1).await?;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(sink.received()?.len(), 1, "sent once");
    let sent = "SELECT count(*) FROM mail_outbox WHERE status = 'sent' AND attempts = 2 AND body_text = ''";
    assert_eq!(app.count(sent).await?, 1);
    Ok(())
}

#[tokio::test]
async fn unverified_people_cannot_hold_keys_or_be_owners_or_admins() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (owner, organization) = app.housing_company().await?;
    let newcomer = app.sign_up_unverified("Bo Ek").await?;
    let members = format!("/api/v1/organizations/{}/members", organization.id);
    let (status, body) = app
        .json(
            Method::POST,
            &members,
            Some(&owner.access_token),
            Some(json!({"email": newcomer.email, "role": "admin"})),
        )
        .await?;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["code"], "unverified");
    let (status, _) = app
        .json(
            Method::POST,
            &members,
            Some(&owner.access_token),
            Some(json!({"email": newcomer.email, "role": "member"})),
        )
        .await?;
    assert_eq!(status, 201);
    let member = format!("{members}/{}", newcomer.id);
    let (status, _) = app
        .json(
            Method::PATCH,
            &member,
            Some(&owner.access_token),
            Some(json!({"role": "owner"})),
        )
        .await?;
    assert_eq!(status, 422);

    // A verified owner of an organisation whose address is not verified cannot make keys:
    // here the owner's verification is undone to show it.
    app.run_sql(&format!(
        "UPDATE users SET email_verified_at = NULL WHERE id = '{}'",
        owner.id
    ))
    .await?;
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/organizations/{}/api-keys", organization.id),
            Some(&owner.access_token),
            Some(json!({"name": "Partner", "scopes": ["read"]})),
        )
        .await?;
    assert_eq!(status, 403);
    assert_eq!(app.count("SELECT count(*) FROM api_keys").await?, 0);
    Ok(())
}

#[tokio::test]
async fn without_smtp_each_mail_is_written_as_an_eml_file() -> anyhow::Result<()> {
    let folder = tempfile::tempdir()?;
    let path = folder.path().to_owned();
    let app =
        TestApp::spawn_with(move |config| config.mail.delivery = MailDelivery::Files(path)).await?;
    app.sign_up_unverified("Amina Hassan").await?;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    let written = loop {
        let files: Vec<_> = std::fs::read_dir(folder.path())?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
            .collect();
        if let [file] = files.as_slice() {
            break std::fs::read_to_string(file)?;
        }
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "no .eml written: {files:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(written.contains("To: amina.hassan@example.se"), "{written}");
    assert!(
        written.contains("/verify-email?token="),
        "the link can be followed: {written}"
    );
    Ok(())
}
