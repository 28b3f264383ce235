//! Signing up, organisations and API keys.

use fantoccini::Locator;
use innolabb_tests::browser::Browser;
use innolabb_tests::{TEST_PASSWORD, TestApp};

#[tokio::test]
async fn a_person_signs_up_creates_an_organisation_stays_signed_in_and_makes_a_working_api_key()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    Browser::run(async |browser| {
        let client = &browser.client;
        let fill = |css: &'static str, text: &'static str| async move {
            client
                .find(Locator::Css(css))
                .await?
                .send_keys(text)
                .await?;
            anyhow::Ok(())
        };
        client.goto(&app.url("/register")).await?;
        browser.wait_for_text("main h1", "Skapa konto").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        // A password that is too short: the API's message appears next to the field, in the
        // page's language, and what was typed stays.
        fill("#email", "maria.lind@example.se").await?;
        fill("#display_name", "Maria Lind").await?;
        fill("#password", "kort").await?;
        client
            .find(Locator::Css("main form button[type=submit]"))
            .await?
            .click()
            .await?;
        browser
            .wait_for_text("#password-error", "måste ha minst 10 tecken")
            .await?;
        // In English, the same mistake reads in English: the client sends its language.
        browser.click(Locator::Css("button[lang=en]")).await?;
        browser.wait_for_text("main h1", "Create account").await?;
        browser.submit("main form").await?;
        browser
            .wait_for_text("#password-error", "must be at least 10 characters")
            .await?;
        browser.click(Locator::Css("button[lang=sv]")).await?;
        browser.wait_for_text("main h1", "Skapa konto").await?;
        assert_eq!(
            client
                .find(Locator::Css("#email"))
                .await?
                .prop("value")
                .await?
                .as_deref(),
            Some("maria.lind@example.se")
        );
        fill("#password", " och resten av lösenordet").await?;
        client
            .find(Locator::Css("main form button[type=submit]"))
            .await?
            .click()
            .await?;
        browser.wait_for_text("main h1", "Mitt konto").await?;

        // Until the address is verified, the page says so; the mailed link verifies it.
        browser
            .wait_for_text("#verify-heading", "Bekräfta din e-postadress")
            .await?;
        let link = app
            .outbox_link("maria.lind@example.se", "/verify-email")
            .await?;
        client.goto(&link).await?;
        browser
            .wait_for_text("main [role=status]", "Din e-postadress är bekräftad. Tack!")
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        browser.click(Locator::LinkText("Mitt konto")).await?;
        browser.wait_for_text("main h1", "Mitt konto").await?;
        browser.wait_for_count("#verify-heading", 0).await?;

        client
            .find(Locator::LinkText("Skapa organisation"))
            .await?
            .click()
            .await?;
        browser
            .wait_for_text("main h1", "Skapa organisation")
            .await?;
        fill("#name", "Hyresbostäder i Norrköping").await?;
        fill("#org_number", "556900-0010").await?;
        browser
            .text_of("#municipality_code option[value='0581']")
            .await?;
        client
            .find(Locator::Css("#municipality_code option[value='0581']"))
            .await?
            .click()
            .await?;
        fill("#description", "Allmännyttigt bostadsbolag.").await?;
        client
            .find(Locator::Css("main form button[type=submit]"))
            .await?
            .click()
            .await?;
        browser
            .wait_for_text("main h1", "Hyresbostäder i Norrköping")
            .await?;
        let page_url = client.current_url().await?;
        let organization_id = page_url
            .path()
            .trim_start_matches("/organizations/")
            .to_owned();

        // A reload keeps the session: the refresh cookie brings it back.
        client.refresh().await?;
        browser
            .wait_for_text("main h1", "Hyresbostäder i Norrköping")
            .await?;
        browser.wait_for_text("main p", "Din roll: Ägare").await?;
        browser
            .wait_for_text(".account-links button", "Logga ut")
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        fill("#api-key-name", "Fastighetssystemet").await?;
        client
            .find(Locator::Css(
                "section[aria-labelledby=api-keys-heading] button[type=submit]",
            ))
            .await?
            .click()
            .await?;
        let secret = browser.text_of("#api-key-secret").await?;
        assert!(secret.starts_with("ilk_"), "{secret}");

        // The partner system uses the key over HTTP.
        let members = app
            .client
            .get(app.url(&format!("/api/v1/organizations/{organization_id}/members")))
            .bearer_auth(&secret)
            .send()
            .await?;
        assert_eq!(members.status(), 200);
        assert!(members.text().await?.contains("maria.lind@example.se"));

        // Members management: add a colleague who has an account, then make her an admin.
        app.sign_up("Sara Nilsson").await?;
        fill("#member-email", "sara.nilsson@example.se").await?;
        client
            .find(Locator::Css(
                "form[aria-labelledby=add-member-heading] button[type=submit]",
            ))
            .await?
            .click()
            .await?;
        let role_select = "select[aria-label*='Sara Nilsson']";
        browser.text_of(role_select).await?;
        client
            .find(Locator::Css(&format!("{role_select} option[value=admin]")))
            .await?
            .click()
            .await?;
        let deadline = tokio::time::Instant::now() + innolabb_tests::browser::PATIENCE;
        loop {
            let listed: shared::Page<shared::Member> = app
                .client
                .get(app.url(&format!("/api/v1/organizations/{organization_id}/members")))
                .bearer_auth(&secret)
                .send()
                .await?
                .json()
                .await?;
            let sara = listed
                .items
                .iter()
                .find(|m| m.email == "sara.nilsson@example.se")
                .map(|m| m.role);
            if sara == Some(shared::Role::Admin) {
                break;
            }
            anyhow::ensure!(
                tokio::time::Instant::now() < deadline,
                "Sara's role is {sara:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        anyhow::Ok(())
    })
    .await
}

/// The `value`s of the checked boxes named `name`, as the page shows them.
async fn checked(browser: &Browser, name: &str) -> anyhow::Result<Vec<String>> {
    let shown = browser
        .client
        .execute(
            &format!(
                "return [...document.querySelectorAll('input[name=\"{name}\"]:checked')].map(i => i.value);"
            ),
            Vec::new(),
        )
        .await?;
    Ok(serde_json::from_value(shown)?)
}

#[tokio::test]
async fn an_owner_adds_a_webhook_sees_its_secret_once_pings_it_and_redelivers_from_its_log()
-> anyhow::Result<()> {
    let app = TestApp::spawn_with(|config| config.webhooks.allow_private = true).await?;
    let (maria, organization) = app.housing_company().await?;
    let receiver = innolabb_tests::receiver::Receiver::start(&[])?;
    Browser::run(async |browser| {
        browser.sign_in_as(&app, &maria.email).await?;
        browser
            .client
            .goto(&app.url(&format!("/organizations/{}", organization.id)))
            .await?;
        browser
            .wait_for_text("#webhooks-heading", "Webhooks")
            .await?;
        browser
            .wait_for_text(
                "section[aria-labelledby=webhooks-heading] p",
                "Inga webhooks ännu.",
            )
            .await?;
        // As the form first appears: no address, one event chosen.
        assert_eq!(
            browser
                .client
                .find(Locator::Css("#webhook-url"))
                .await?
                .prop("value")
                .await?
                .as_deref(),
            Some("")
        );
        assert_eq!(
            checked(browser, "webhook-event").await?,
            ["match.requested"]
        );

        browser.fill("#webhook-url", &receiver.url).await?;
        browser
            .fill("#webhook-description", "Hyresgästportalen")
            .await?;
        browser
            .click(Locator::Css(
                "input[name=webhook-event][value='need.created']",
            ))
            .await?;
        assert_eq!(
            checked(browser, "webhook-event").await?,
            ["match.requested", "need.created"]
        );
        browser
            .submit("form[aria-labelledby=add-webhook-heading]")
            .await?;
        let secret = browser.text_of("#webhook-secret").await?;
        assert!(secret.starts_with("whsec_"), "{secret}");
        browser
            .wait_for_text(".webhook .meta", "match.requested, need.created – Påslagen")
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        // A ping reaches the receiver, signed with the secret shown.
        browser
            .click(Locator::Css(
                "button[aria-label='Skicka ping Hyresgästportalen']",
            ))
            .await?;
        browser
            .wait_for_text(
                ".status-message",
                "En ping är på väg till Hyresgästportalen.",
            )
            .await?;
        let pinged = receiver.wait_for(1).await?;
        let verifier = standardwebhooks::Webhook::new(&secret)?;
        verifier.verify(&pinged[0].body, &pinged[0].headers)?;
        assert_eq!(pinged[0].json()["type"], "webhook.ping");

        // The log shows it delivered; sending it again sends the same message.
        browser
            .click(Locator::Css(
                "button[aria-label='Leveranser Hyresgästportalen']",
            ))
            .await?;
        browser
            .wait_for_text(
                ".deliveries caption",
                "Senaste leveranserna till Hyresgästportalen",
            )
            .await?;
        for _ in 0..50 {
            if browser
                .texts_of(".deliveries td")
                .await?
                .iter()
                .any(|t| t == "Levererad")
            {
                break;
            }
            browser
                .click(Locator::Css(".webhook-deliveries > button"))
                .await?;
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        browser.wait_for_text(".deliveries td", "Levererad").await?;
        browser
            .wait_for_text(".deliveries td", "webhook.ping")
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        browser.click(Locator::Css(".deliveries button")).await?;
        let again = receiver.wait_for(2).await?;
        assert_eq!(again[1].header("webhook-id"), again[0].header("webhook-id"));

        // Switched off, it says so, and so does the API.
        browser
            .click(Locator::Css(
                "button[aria-label='Stäng av Hyresgästportalen']",
            ))
            .await?;
        browser
            .wait_for_text(".webhook .meta", "match.requested, need.created – Avstängd")
            .await?;
        let (_, webhooks) = app
            .json(
                reqwest::Method::GET,
                &format!("/api/v1/organizations/{}/webhooks", organization.id),
                Some(&maria.access_token),
                None,
            )
            .await?;
        assert_eq!(webhooks["items"][0]["enabled"], false);
        Ok(())
    })
    .await?;
    receiver.stop().await;
    Ok(())
}

#[tokio::test]
async fn a_person_who_forgot_the_password_follows_the_mailed_link_and_signs_in_again()
-> anyhow::Result<()> {
    let sink = innolabb_tests::smtp::SmtpSink::start().await?;
    let app = TestApp::mailing_to(&sink).await?;
    let karin = app.sign_up_unverified("Karin Ek").await?;
    sink.wait_for_mail_to(&karin.email, 1).await?;
    Browser::run(async |browser| {
        let client = &browser.client;
        client.goto(&app.url("/sign-in")).await?;
        browser.click(Locator::LinkText("Glömt lösenord?")).await?;
        browser.wait_for_text("main h1", "Glömt lösenord?").await?;
        // As it first appears: an empty address, nothing sent yet.
        let email = browser.element(Locator::Css("#email")).await?;
        assert_eq!(email.prop("value").await?.as_deref(), Some(""));
        assert_eq!(browser.texts_of("main [role=status]").await?, Vec::<String>::new());
        assert_eq!(browser.accessibility_violations().await?, Vec::<String>::new());
        browser.fill("#email", &karin.email).await?;
        browser.submit("main form").await?;
        browser
            .wait_for_text(
                "main [role=status]",
                "Om det finns ett konto för karin.ek@example.se har vi skickat ett mejl med en länk. \
                 Länken gäller i en timme.",
            )
            .await?;

        let mail = sink.wait_for_mail_to(&karin.email, 2).await?.remove(1);
        client.goto(&mail.link("/reset-password")?).await?;
        browser.wait_for_text("main h1", "Välj nytt lösenord").await?;
        let password = browser.element(Locator::Css("#password")).await?;
        assert_eq!(password.prop("value").await?.as_deref(), Some(""));
        assert_eq!(browser.accessibility_violations().await?, Vec::<String>::new());
        browser.fill("#password", "kort").await?;
        browser.submit("main form").await?;
        browser.wait_for_text("#password-error", "måste ha minst 10 tecken").await?;
        browser.fill("#password", "mitt nya långa lösenord").await?;
        browser.submit("main form").await?;
        browser
            .wait_for_text("main [role=status]", "Ditt lösenord är bytt. Logga in med det nya.")
            .await?;

        browser.click(Locator::Css("main a.button")).await?;
        browser.wait_for_text("main h1", "Logga in").await?;
        browser.fill("#email", &karin.email).await?;
        browser.fill("#password", "mitt nya långa lösenord").await?;
        browser.submit("main form").await?;
        browser.wait_for_text("main h1", "Mitt konto").await?;
        // Following the mailed link proved the address.
        browser.wait_for_count("#verify-heading", 0).await?;
        Ok(())
    })
    .await
}

#[tokio::test]
async fn a_person_chooses_how_notifications_are_mailed_and_a_mailed_link_stops_them()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let karin = app.sign_up("Karin Ek").await?;
    Browser::run(async |browser| {
        browser.sign_in_as(&app, &karin.email).await?;
        browser
            .wait_for_text("#mail-settings-heading", "E-post om aviseringar")
            .await?;
        browser
            .wait_for_count("#mail-match_message option", 4)
            .await?;
        browser
            .click(Locator::Css("#mail-match_message option[value=weekly]"))
            .await?;
        browser
            .submit("section[aria-labelledby=mail-settings-heading] form")
            .await?;
        browser
            .wait_for_text(
                "section[aria-labelledby=mail-settings-heading] [role=status]",
                "Sparat.",
            )
            .await?;
        // A second change saves on the first (the form keeps the new version).
        browser
            .click(Locator::Css("#mail-comment_reply option[value=never]"))
            .await?;
        browser
            .submit("section[aria-labelledby=mail-settings-heading] form")
            .await?;
        browser
            .wait_for_text(
                "section[aria-labelledby=mail-settings-heading] [role=status]",
                "Sparat.",
            )
            .await?;
        let settings: shared::NotificationSettings = app
            .get_as("/api/v1/me/notification-settings", &karin.access_token)
            .await?;
        let frequencies = app.mail_frequencies(&karin).await?;
        let of = |kind| frequencies.get(&kind).copied();
        assert_eq!(
            of(shared::NotificationKind::MatchMessage),
            Some(shared::MailFrequency::Weekly)
        );
        assert_eq!(
            of(shared::NotificationKind::CommentReply),
            Some(shared::MailFrequency::Never)
        );
        // After a reload the page shows what was saved.
        browser.client.refresh().await?;
        browser
            .wait_for_count("#mail-match_message option", 4)
            .await?;
        let shown = browser.selects_shown().await?;
        assert!(
            shown.contains(&"mail-match_message=weekly (Varje vecka)".to_owned()),
            "{shown:?}"
        );

        // The unsubscribe page of a mailed link asks before it stops anything.
        let token = api::auth::unsubscribe::token(
            innolabb_tests::TEST_JWT_SECRET,
            karin.id,
            api::auth::unsubscribe::Scope::All,
        );
        browser
            .client
            .goto(&app.url(&format!("/unsubscribe?token={token}")))
            .await?;
        browser.wait_for_text("main h1", "Sluta få e-post").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        let unchanged: shared::NotificationSettings = app
            .get_as("/api/v1/me/notification-settings", &karin.access_token)
            .await?;
        assert_eq!(
            unchanged.version, settings.version,
            "opening the link changes nothing"
        );
        browser.click(Locator::Css("main button")).await?;
        browser
            .wait_for_text("main [role=status]", "Klart: du får inga fler sådana mejl.")
            .await?;
        let stopped = app.mail_frequencies(&karin).await?;
        assert!(
            stopped
                .values()
                .all(|frequency| *frequency == shared::MailFrequency::Never)
        );
        Ok(())
    })
    .await
}

#[tokio::test]
async fn a_person_downloads_their_data_and_deletes_their_account() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app.create_lab(&maria, host.id, "Gården", "public").await?;
    let sara = app.sign_up("Sara Nilsson").await?;
    let idea = app
        .create_idea(&sara, lab.id, "Bytesdag för barnkläder", "")
        .await?;
    Browser::run(async |browser| {
        browser.sign_in_as(&app, &sara.email).await?;
        browser
            .wait_for_text("#my-data-heading", "Mina uppgifter")
            .await?;
        let field = browser.element(Locator::Css("#delete-password")).await?;
        assert_eq!(field.prop("value").await?.as_deref(), Some(""));
        browser
            .click(Locator::Css(
                "section[aria-labelledby=my-data-heading] button[type=button]",
            ))
            .await?;
        browser
            .wait_for_text(
                "section[aria-labelledby=my-data-heading] [role=status] a",
                "Spara filen (innolabb-data.json)",
            )
            .await?;
        let link = browser.element(Locator::Css("a[download]")).await?;
        let href = link.attr("href").await?.unwrap_or_default();
        assert!(href.starts_with("data:application/json"), "{href}");
        assert!(href.contains("Bytesdag"), "the download holds her idea");
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        browser.fill("#delete-password", "fel lösenord!!").await?;
        browser
            .submit("section[aria-labelledby=my-data-heading] form")
            .await?;
        browser
            .wait_for_text("#delete-password-error", "är inte ditt nuvarande lösenord")
            .await?;
        browser
            .fill("#delete-password", innolabb_tests::TEST_PASSWORD)
            .await?;
        browser
            .submit("section[aria-labelledby=my-data-heading] form")
            .await?;
        browser
            .wait_for_text(".account-links a", "Logga in")
            .await?;
        Ok(())
    })
    .await?;
    let (_, shown) = app
        .json(
            reqwest::Method::GET,
            &format!("/api/v1/ideas/{}", idea["id"].as_str().unwrap_or_default()),
            None,
            None,
        )
        .await?;
    assert_eq!(shown["author"]["display_name"], "Borttagen användare");
    Ok(())
}

#[tokio::test]
async fn a_person_moves_her_account_to_a_new_address_by_following_the_mailed_link()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let amina = app.sign_up("Amina Hassan").await?;
    Browser::run(async |browser| {
        browser.sign_in_as(&app, &amina.email).await?;
        browser
            .wait_for_text("#email-heading + p", &format!("Din adress är {}.", amina.email))
            .await?;
        // As it first appears: both fields empty.
        for field in ["#new-email", "#email-password"] {
            let value = browser.element(Locator::Css(field)).await?.prop("value").await?;
            assert_eq!(value, Some(String::new()), "{field}");
        }
        browser.fill("#new-email", "amina@example.org").await?;
        browser.fill("#email-password", "fel lösenord").await?;
        browser.submit("section[aria-labelledby=email-heading] form").await?;
        browser
            .wait_for_text("#email-password-error", "är inte ditt nuvarande lösenord")
            .await?;
        browser.fill("#email-password", TEST_PASSWORD).await?;
        browser.submit("section[aria-labelledby=email-heading] form").await?;
        browser
            .wait_for_text(
                "section[aria-labelledby=email-heading] [role=status]",
                "Vi har mejlat en länk till amina@example.org. Kontot flyttar dit när du följer länken; till dess gäller din nuvarande adress.",
            )
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        let link = app.outbox_link("amina@example.org", "/verify-email").await?;
        browser.client.goto(&link).await?;
        browser
            .wait_for_text("main [role=status]", "Din e-postadress är bekräftad. Tack!")
            .await?;
        browser.client.goto(&app.url("/account")).await?;
        browser
            .wait_for_text("#email-heading + p", "Din adress är amina@example.org.")
            .await?;
        Ok(())
    })
    .await
}
