//! E-mail through a real SMTP server (aiosmtpd): verifying an address, choosing a new
//! password, and the outbox's retries.

use api::config::MailDelivery;
use innolabb_tests::smtp::SmtpSink;
use innolabb_tests::{TEST_PASSWORD, TestApp, TestUser, org_number, problem};
use reqwest::Method;
use serde_json::json;
use shared::Me;

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
    let app = TestApp::mailing_to(&sink).await?;
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
    let app = TestApp::mailing_to(&sink).await?;
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
    let app = TestApp::mailing_to(&sink).await?;
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
async fn a_new_address_takes_over_once_its_mailed_link_is_followed() -> anyhow::Result<()> {
    let sink = SmtpSink::start().await?;
    let app = TestApp::mailing_to(&sink).await?;
    let amina = app.sign_up_via(&sink, "Amina Hassan").await?;
    let bo = app.sign_up_via(&sink, "Bo Ek").await?;
    let change = |email: &str, password: &str| {
        let body = json!({"email": email, "password": password});
        app.json(
            Method::POST,
            "/api/v1/me/email",
            Some(&amina.access_token),
            Some(body),
        )
    };
    assert_eq!(change("amina@example.org", "fel lösenord").await?.0, 422);
    assert_eq!(
        change(&amina.email, TEST_PASSWORD).await?.0,
        422,
        "unchanged"
    );
    assert_eq!(change("inte en adress", TEST_PASSWORD).await?.0, 422);
    assert_eq!(
        change(&bo.email.to_uppercase(), TEST_PASSWORD).await?.0,
        409,
        "taken"
    );
    assert_eq!(change(" Amina@Example.org ", TEST_PASSWORD).await?.0, 202);

    // The new address gets the link; the old one hears of it and still holds the account.
    let link = sink
        .wait_for_mail_to("amina@example.org", 1)
        .await?
        .remove(0);
    assert_eq!(link.subject(), "Bekräfta din e-postadress");
    let notice = sink.wait_for_mail_to(&amina.email, 2).await?.remove(1);
    assert!(notice.text.contains("amina@example.org"), "{}", notice.text);
    assert!(notice.link("/forgot-password").is_ok());
    let me: Me = app.get_as("/api/v1/me", &amina.access_token).await?;
    assert_eq!(me.email, amina.email);

    let token = link.token("/verify-email")?;
    assert_eq!(verify(&app, &token).await?, 204);
    assert_eq!(verify(&app, &token).await?, 422, "once");
    let me: Me = app.get_as("/api/v1/me", &amina.access_token).await?;
    assert_eq!(me.email, "amina@example.org");
    assert!(me.email_verified);
    let old = json!({"email": amina.email, "password": TEST_PASSWORD});
    assert_eq!(
        app.json(Method::POST, "/api/v1/auth/login", None, Some(old))
            .await?
            .0,
        401
    );
    let new = json!({"email": "amina@example.org", "password": TEST_PASSWORD});
    assert_eq!(
        app.json(Method::POST, "/api/v1/auth/login", None, Some(new))
            .await?
            .0,
        200
    );

    // An address taken by someone else before the link is followed is not taken over.
    let bo_change = json!({"email": "delad@example.org", "password": TEST_PASSWORD});
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/me/email",
            Some(&bo.access_token),
            Some(bo_change),
        )
        .await?;
    assert_eq!(status, 202);
    let bo_link = sink
        .wait_for_mail_to("delad@example.org", 1)
        .await?
        .remove(0);
    assert_eq!(change("delad@example.org", TEST_PASSWORD).await?.0, 202);
    let amina_link = sink
        .wait_for_mail_to("delad@example.org", 2)
        .await?
        .remove(1);
    assert_eq!(
        verify(&app, &amina_link.token("/verify-email")?).await?,
        204
    );
    assert_eq!(verify(&app, &bo_link.token("/verify-email")?).await?, 409);
    let me: Me = app.get_as("/api/v1/me", &bo.access_token).await?;
    assert_eq!(me.email, bo.email, "Bo keeps his address");
    Ok(())
}

#[tokio::test]
async fn a_password_reset_mails_a_single_use_link_that_ends_every_session() -> anyhow::Result<()> {
    let sink = SmtpSink::start().await?;
    let app = TestApp::mailing_to(&sink).await?;
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
    let app = TestApp::mailing_to(&sink).await?;
    let amina = app.sign_up_unverified("Amina Hassan").await?;
    let attempted = "SELECT count(*) FROM mail_outbox WHERE attempts = 1 AND status = 'pending' AND last_error LIKE '%451%'";
    app.wait_for_rows(attempted).await?;
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

#[tokio::test]
async fn a_match_request_is_mailed_at_once_to_the_other_sides_people() -> anyhow::Result<()> {
    let sink = SmtpSink::start().await?;
    let app = TestApp::mailing_to(&sink).await?;
    let maria = app.sign_up_via(&sink, "Maria Lind").await?;
    let host = app.create_organization(&maria, "Hyresbostäder", 1).await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let need = app
        .create_need(
            &maria,
            lab.id,
            json!({"title": "Jobbcoachning för kvinnor"}),
        )
        .await?;
    let karin = app.sign_up_via(&sink, "Karin Ek").await?;
    app.create_organization(&karin, "Kvinnokraft", 2).await?;
    let (status, offering) = app
        .json(
            Method::POST,
            "/api/v1/offerings",
            Some(&karin.access_token),
            Some(json!({
            "title": "Coachning mot jobb", "kind": "service", "challenge_areas": ["unemployment"],
            "coverage": {"national": true}})),
        )
        .await?;
    assert_eq!(status, 201);
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/matches",
            Some(&maria.access_token),
            Some(json!({
            "need_id": need.id, "offering_id": offering["id"], "message": "Hej!"})),
        )
        .await?;
    assert_eq!(status, 201);

    let mail = sink.wait_for_mail_to(&karin.email, 2).await?.remove(1);
    assert_eq!(
        mail.subject(),
        "Ny förfrågan om matchning: Coachning mot jobb"
    );
    assert!(mail.link("/matches/").is_ok(), "{}", mail.text);
    let one_click = mail.header("list-unsubscribe");
    assert!(
        one_click.starts_with(&format!("<{}/api/v1/unsubscribe?token=", app.address)),
        "{one_click}"
    );
    assert_eq!(
        mail.header("list-unsubscribe-post"),
        "List-Unsubscribe=One-Click"
    );
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        sink.received()?
            .iter()
            .filter(|m| m.rcpt_tos.contains(&maria.email))
            .count(),
        1,
        "the asking side hears nothing but its own verification"
    );

    // The one-click link, as a mail client sends it, stops this kind and only this kind.
    let url = one_click.trim_matches(|c| c == '<' || c == '>');
    let clicked = app
        .client
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await?;
    assert_eq!(clicked.status(), 204);
    let frequencies = app.mail_frequencies(&karin).await?;
    let of = |kind| frequencies.get(&kind).copied();
    assert_eq!(
        of(shared::NotificationKind::MatchRequested),
        Some(shared::MailFrequency::Never)
    );
    assert_eq!(
        of(shared::NotificationKind::MatchAccepted),
        Some(shared::MailFrequency::Immediately)
    );
    let forged = url.replace("match_requested", "all");
    assert_eq!(app.client.post(&forged).send().await?.status(), 400);
    Ok(())
}

#[tokio::test]
async fn a_daily_digest_holds_exactly_the_unread_notifications_once() -> anyhow::Result<()> {
    let sink = SmtpSink::start().await?;
    let app = TestApp::mailing_to(&sink).await?;
    let bo = app.sign_up_via(&sink, "Bo Ek").await?;
    // Three organisations add Bo: three notifications, mailed daily by default.
    for (n, name) in [
        (1, "Förening Ett"),
        (2, "Förening Två"),
        (3, "Förening Tre"),
    ] {
        let owner = app.sign_up_via(&sink, &format!("Ägare {n}")).await?;
        let organization = app.create_organization(&owner, name, n).await?;
        assert_eq!(
            app.add_member(&owner, organization.id, &bo.email, "member")
                .await?,
            201
        );
    }
    let notifications: shared::Notifications = app
        .get_as("/api/v1/notifications", &bo.access_token)
        .await?;
    assert_eq!(notifications.unread_count, 3);
    let read = notifications
        .items
        .iter()
        .find(|n| n.title() == "Förening Två")
        .map(|n| n.id);
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/notifications/{}/read", read.unwrap_or_default()),
            Some(&bo.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 204);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        sink.received()?
            .iter()
            .filter(|m| m.rcpt_tos.contains(&bo.email))
            .count(),
        1,
        "nothing but the verification before 06:00"
    );

    // The morning comes.
    app.run_sql("UPDATE notifications SET mail_due_at = now() WHERE mail_frequency = 'daily'")
        .await?;
    let digest = sink.wait_for_mail_to(&bo.email, 2).await?.remove(1);
    assert_eq!(digest.subject(), "Dagens sammanfattning från Innolabb");
    assert!(
        digest.text.contains("Du har lagts till i Förening Ett"),
        "{}",
        digest.text
    );
    assert!(digest.text.contains("Du har lagts till i Förening Tre"));
    assert!(
        !digest.text.contains("Förening Två"),
        "read in the app, not mailed"
    );
    assert!(digest.text.contains("(2 saker)"), "{}", digest.text);
    assert!(
        digest
            .header("list-unsubscribe")
            .contains("/api/v1/unsubscribe?token=")
    );

    // Nothing is mailed twice, even when the morning comes again.
    app.run_sql("UPDATE notifications SET mail_due_at = now() WHERE mail_frequency = 'daily'")
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(
        sink.received()?
            .iter()
            .filter(|m| m.rcpt_tos.contains(&bo.email))
            .count(),
        2
    );

    // A digest's link stops all notification mail.
    let page = digest.link("/unsubscribe?token=")?;
    let token = innolabb_tests::smtp::token_of(&page)?;
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/unsubscribe?token={token}"),
            None,
            None,
        )
        .await?;
    assert_eq!(status, 204);
    let settings: shared::NotificationSettings = app
        .get_as("/api/v1/me/notification-settings", &bo.access_token)
        .await?;
    assert!(
        settings
            .items
            .iter()
            .all(|s| s.frequency == shared::MailFrequency::Never)
    );
    Ok(())
}

#[tokio::test]
async fn notification_settings_change_with_if_match_and_reschedule_what_waits() -> anyhow::Result<()>
{
    let app = TestApp::spawn().await?;
    let bo = app.sign_up("Bo Ek").await?;
    let path = "/api/v1/me/notification-settings";
    let response = app
        .call(Method::GET, path, Some(&bo.access_token), None)
        .await?;
    assert_eq!(response.status(), 200);
    let etag = response.headers()["etag"].to_str()?.to_owned();
    let settings: shared::NotificationSettings = response.json().await?;
    assert_eq!(settings.version, 1);
    assert_eq!(settings.items.len(), shared::NotificationKind::ALL.len());

    let (owner, organization) = app.housing_company().await?;
    assert_eq!(
        app.add_member(&owner, organization.id, &bo.email, "member")
            .await?,
        201
    );
    let waiting = "SELECT count(*) FROM notifications WHERE kind = 'member_added' AND mail_frequency = 'daily' AND mail_due_at > now()";
    assert_eq!(app.count(waiting).await?, 1, "due at the next 06:00");

    let change = json!({"items": [{"kind": "member_added", "frequency": "immediately"}]});
    let without = app
        .call(
            Method::PATCH,
            path,
            Some(&bo.access_token),
            Some(change.clone()),
        )
        .await?;
    assert_eq!(without.status(), 428);
    let changed = app
        .request(Method::PATCH, path)
        .bearer_auth(&bo.access_token)
        .header("If-Match", etag)
        .json(&change)
        .send()
        .await?;
    assert_eq!(changed.status(), 200);
    let changed: shared::NotificationSettings = changed.json().await?;
    assert_eq!(changed.version, 2);
    let stale = app.patch(path, &bo.access_token, 1, change).await?;
    assert_eq!(stale.status(), 412);
    // The waiting notification follows the new setting: it is mailed (to the outbox) now.
    app.wait_for_rows("SELECT count(*) FROM mail_outbox WHERE kind = 'notification'")
        .await?;
    // Digests fall due at 06:00 Swedish time (weekly: Mondays), summer and winter.
    for (frequency, created, due) in [
        ("daily", "2026-12-04 05:00+01", "2026-12-04 06:00+01"),
        ("daily", "2026-12-04 07:00+01", "2026-12-05 06:00+01"),
        ("daily", "2026-06-10 12:00+02", "2026-06-11 06:00+02"),
        ("weekly", "2026-12-04 07:00+01", "2026-12-07 06:00+01"),
        ("weekly", "2026-12-07 05:59+01", "2026-12-07 06:00+01"),
        ("immediately", "2026-12-04 07:00+01", "2026-12-04 07:00+01"),
    ] {
        let check = format!(
            "SELECT count(*) FROM (SELECT 1) x
              WHERE notification_mail_due('{frequency}', '{created}') = '{due}'::timestamptz"
        );
        assert_eq!(app.count(&check).await?, 1, "{frequency} from {created}");
    }
    let never =
        "SELECT count(*) FROM (SELECT 1) x WHERE notification_mail_due('never', now()) IS NULL";
    assert_eq!(app.count(never).await?, 1);
    let unknown = app
        .patch(
            path,
            &bo.access_token,
            2,
            json!({"items": [{"kind": "nonsense", "frequency": "daily"}]}),
        )
        .await?;
    assert_eq!(unknown.status(), 400);
    Ok(())
}
