//! The marketplace: needs, offerings, suggestions, matches and notifications.

use fantoccini::Locator;
use innolabb_tests::TestApp;
use innolabb_tests::browser::Browser;

#[tokio::test]
async fn a_housing_company_requests_a_suggested_match_and_the_actor_accepts_and_replies()
-> anyhow::Result<()> {
    use reqwest::Method;
    use serde_json::json;
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let need = app
        .create_need(&maria, lab.id, json!({"title": "Stöd för arbetslösa kvinnor", "description": "Vi söker jobbcoachning för kvinnor i Navestad.", "tags": ["kvinnor", "jobbcoachning"]}))
        .await?;
    let karin = app.sign_up("Karin Ek").await?;
    app.create_organization(&karin, "Kvinnokraft", 11).await?;
    for (title, description, coverage) in [
        (
            "Jobbcoachning för kvinnor",
            "Arbetslöshet bland kvinnor: vi coachar dem till arbete.",
            json!({"municipalities": ["0581"]}),
        ),
        (
            "Läxhjälp i Göteborg",
            "Läxhjälp för elever.",
            json!({"municipalities": ["1480"]}),
        ),
    ] {
        let (status, _) = app
            .json(
                Method::POST,
                "/api/v1/offerings",
                Some(&karin.access_token),
                Some(json!({"title": title, "description": description, "kind": "service", "challenge_areas": ["unemployment"], "coverage": coverage, "tags": ["kvinnor"]})),
            )
            .await?;
        anyhow::ensure!(status == 201, "offering answered {status}");
    }
    let need_url = app.url(&format!("/needs/{}", need.id));
    Browser::run(async |browser| {
        let client = &browser.client;
        // The housing company sees ranked suggestions with their reasons, and asks.
        browser.sign_in_as(&app, "maria.lind@example.se").await?;
        client.goto(&need_url).await?;
        browser
            .wait_for_text("main h1", "Stöd för arbetslösa kvinnor")
            .await?;
        browser
            .wait_for_text(".suggestion h3", "Jobbcoachning för kvinnor")
            .await?;
        let first = browser.texts_of(".suggestion h3").await?;
        assert_eq!(
            first.first().map(String::as_str),
            Some("Jobbcoachning för kvinnor")
        );
        browser
            .wait_for_text(
                ".suggestion .reasons li",
                "Erbjudandet finns i Norrköping, där behovet finns.",
            )
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        request_match_with_first_suggestion(browser, "Kan ni hjälpa oss i Navestad?").await?;
        browser
            .wait_for_text("#match-state", "Förfrågan skickad")
            .await?;
        let match_url = client.current_url().await?;

        // The actor is notified, accepts and replies.
        browser.sign_in_as(&app, "karin.ek@example.se").await?;
        // The marketplace leads her to what the labs are looking for.
        client.goto(&app.url("/offerings")).await?;
        browser.click(Locator::LinkText("Se vad labben söker")).await?;
        browser
            .wait_for_text(".card__title a", "Stöd för arbetslösa kvinnor")
            .await?;
        browser
            .wait_for_text(".card .meta", "I labbet Portalen")
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        client.goto(&app.url("/notifications")).await?;
        browser.wait_for_text("main h1", "Notiser").await?;
        browser.click(// (Fluent wraps the title in invisible isolation marks.)
            Locator::XPath("//main//a[contains(., 'Ny förfrågan om matchning') and contains(., 'Jobbcoachning för kvinnor')]"),
        )
        .await?;
        browser
            .wait_for_text("#match-state", "Förfrågan skickad")
            .await?;
        // Following the notification read it.
        browser
            .wait_for_spoken_text(".bell .visually-hidden", "Notiser, inga olästa")
            .await?;
        browser.click(Locator::XPath("//button[text()='Acceptera']")).await?;
        browser.wait_for_text("#match-state", "Accepterad").await?;
        browser.fill("#match-message-body",
            "Gärna! Passar tisdag klockan 10?",
        )
        .await?;
        browser.submit("form.comment-form").await?;
        browser
            .wait_for_text(
                ".comments .comment p:nth-of-type(2)",
                "Gärna! Passar tisdag klockan 10?",
            )
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        // The actor offers something more, through the form.
        client.goto(&app.url("/offerings/new")).await?;
        browser.wait_for_text("main h1", "Erbjud något").await?;
        browser.fill("#title", "Körkortsteori på lätt svenska").await?;
        browser.fill("#description", "Teorikurs för körkort på lätt svenska.").await?;
        browser.click(Locator::Css("#reach option[value=national]")).await?;
        browser.fill("#tags", "körkort, lätt svenska").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        browser.submit("main form").await?;
        browser
            .wait_for_text("main h1", "Körkortsteori på lätt svenska")
            .await?;
        browser.wait_for_text(".tags li", "lätt svenska").await?;
        // Its page suggests the housing company's need, and the actor asks from there.
        browser
            .wait_for_text(".suggestion h3", "Stöd för arbetslösa kvinnor")
            .await?;
        request_match_with_first_suggestion(browser, "Vi kan också ge körkortsteori.").await?;
        browser
            .wait_for_text("#match-state", "Förfrågan skickad")
            .await?;

        // The housing company sees the acceptance, the message and the new request, and
        // answers. The bell counts all three; the inbox has the new request under
        // "incoming" and the first match under "sent", accepted.
        browser.sign_in_as(&app, "maria.lind@example.se").await?;
        browser
            .wait_for_spoken_text(".bell .visually-hidden", "Notiser, 3 olästa")
            .await?;
        client.goto(&app.url("/matches")).await?;
        browser
            .wait_for_text(".card__title", "Körkortsteori på lätt svenska")
            .await?;
        assert_eq!(browser.texts_of(".card .badge").await?, ["Förfrågan skickad"]);
        browser.click(Locator::XPath("//button[text()='Skickade']")).await?;
        browser
            .wait_for_text(".card__title", "Jobbcoachning för kvinnor")
            .await?;
        browser.wait_for_text(".card .badge", "Accepterad").await?;
        browser
            .wait_for_text(".card__need", "För behovet: Stöd för arbetslösa kvinnor")
            .await?;
        browser.click(Locator::Css("#match-state-filter option[value=declined]"),
        )
        .await?;
        browser
            .wait_for_text("main .status", "Inga matchningar här ännu.")
            .await?;
        assert_eq!(
            client.current_url().await?.query(),
            Some("direction=outgoing&status=declined"),
            "the inbox's choice is in the address"
        );
        browser.click(Locator::Css("#match-state-filter option[value=accepted]"),
        )
        .await?;
        browser.click(Locator::XPath("//h2[@class='card__title']/a[text()='Jobbcoachning för kvinnor']"),
        )
        .await?;
        browser.wait_for_text("#match-state", "Accepterad").await?;
        assert_eq!(client.current_url().await?, match_url);
        browser
            .wait_for_text(
                ".comments .comment p:nth-of-type(2)",
                "Gärna! Passar tisdag klockan 10?",
            )
            .await?;
        browser.fill("#match-message-body", "Tisdag passar bra!").await?;
        browser.submit("form.comment-form").await?;
        let deadline = tokio::time::Instant::now() + innolabb_tests::browser::PATIENCE;
        loop {
            // A re-render may replace the elements while they are read: then read again.
            let bodies = browser
                .texts_of(".comments .comment p:nth-of-type(2)")
                .await
                .unwrap_or_default();
            if bodies == ["Gärna! Passar tisdag klockan 10?", "Tisdag passar bra!"] {
                break;
            }
            anyhow::ensure!(
                tokio::time::Instant::now() < deadline,
                "the thread is {bodies:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }

        // Reading them all empties the bell.
        client.goto(&app.url("/notifications")).await?;
        browser.click(Locator::XPath("//button[text()='Markera alla som lästa']"),
        )
        .await?;
        browser
            .wait_for_spoken_text(".bell .visually-hidden", "Notiser, inga olästa")
            .await?;
        // The list is read again after the bell: wait for its markers to go too.
        browser.wait_for_count(".notifications__unread", 0).await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        anyhow::Ok(())
    })
    .await
}

/// Opens "Be om matchning" on the first suggestion of a need's or offering's page and
/// sends the request with `message`.
async fn request_match_with_first_suggestion(
    browser: &Browser,
    message: &str,
) -> anyhow::Result<()> {
    browser
        .click(Locator::Css(".suggestion:first-child .request summary"))
        .await?;
    browser
        .fill(".suggestion:first-child textarea", message)
        .await?;
    browser
        .submit(".suggestion:first-child .request form")
        .await
}
