//! Reporting a comment, and a moderator hiding it.

use fantoccini::Locator;
use innolabb_tests::browser::Browser;
use innolabb_tests::{TestApp, TestUser};
use serde_json::json;

/// An idea in a public lab of Maria's housing company, with a comment by a new person
/// named `commenter`: the idea's id and the commenter.
async fn commented_idea(
    app: &TestApp,
    commenter: &str,
    comment: &str,
) -> anyhow::Result<(String, TestUser)> {
    let (maria, host) = app.housing_company().await?;
    let lab = app.create_lab(&maria, host.id, "Gården", "public").await?;
    let idea = app
        .create_idea(&maria, lab.id, "Grillkväll på gården", "Varje fredag.")
        .await?;
    let idea = idea["id"].as_str().unwrap_or_default().to_owned();
    let author = app.sign_up(commenter).await?;
    let (status, _) = app
        .json(
            reqwest::Method::POST,
            &format!("/api/v1/ideas/{idea}/comments"),
            Some(&author.access_token),
            Some(json!({ "body": comment })),
        )
        .await?;
    anyhow::ensure!(status == 201, "comment answered {status}");
    Ok((idea, author))
}

/// Opens the *Anmäl* form inside `scope`, checks that it first shows the first reason
/// chosen, reports with `reason` and `note`, and waits for the thanks.
async fn report_through_the_form(
    browser: &Browser,
    scope: &str,
    reason: &str,
    note: &str,
) -> anyhow::Result<()> {
    let form = format!("{scope} details.report");
    browser
        .click(Locator::Css(&format!("{form} summary")))
        .await?;
    let shown = browser.selects_shown().await?;
    assert!(
        shown.iter().any(|s| s.ends_with("=spam (Skräppost)")),
        "{shown:?}"
    );
    browser
        .click(Locator::Css(&format!("{form} option[value={reason}]")))
        .await?;
    browser.fill(&format!("{form} input"), note).await?;
    browser.submit(&format!("{form} form")).await?;
    browser
        .wait_for_text(
            &format!("{scope} .report__sent"),
            "Tack! Moderatorerna tittar på det.",
        )
        .await?;
    Ok(())
}

#[tokio::test]
async fn a_reported_comment_hidden_by_an_admin_shows_a_placeholder_in_the_thread()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (idea, bo) = commented_idea(&app, "Bo Ek", "Köp billiga klockor på example.com").await?;
    let karin = app.sign_up("Karin Ek").await?;
    let admin = app.sign_up("Admin Adminsson").await?;
    app.make_platform_admin(&admin).await?;

    Browser::run(async |browser| {
        browser.sign_in_as(&app, &karin.email).await?;
        browser
            .client
            .goto(&app.url(&format!("/ideas/{idea}")))
            .await?;
        browser
            .wait_for_text(
                ".comment p:not(.comment__author)",
                "Köp billiga klockor på example.com",
            )
            .await?;
        report_through_the_form(browser, ".comment", "spam", "Reklam").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        browser.sign_in_as(&app, &admin.email).await?;
        browser
            .click(Locator::LinkText(
                "Anmälningar att granska (för labbens värdar och administratörer)",
            ))
            .await?;
        browser.wait_for_text("main h1", "Anmälningar").await?;
        let shown = browser.selects_shown().await?;
        assert_eq!(shown, vec!["report-status=open (Öppna)".to_owned()]);
        browser
            .wait_for_text(".report-item__heading", "Skräppost · Öppna")
            .await?;
        browser
            .wait_for_text(".report-item p a", "Köp billiga klockor på example.com")
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        browser
            .fill(".report-item input", "Reklam hör inte hemma här.")
            .await?;
        browser
            .click(Locator::Css(
                ".report-item button.button:not(.button--secondary)",
            ))
            .await?;
        browser
            .wait_for_text("main .status", "Inga anmälningar att granska.")
            .await?;

        // Karin, and anyone, now sees the placeholder where the comment was.
        browser.sign_in_as(&app, &karin.email).await?;
        browser
            .client
            .goto(&app.url(&format!("/ideas/{idea}")))
            .await?;
        browser
            .wait_for_text(
                ".comment .comment__removed",
                "Kommentaren är dold av en moderator.",
            )
            .await?;
        assert_eq!(
            browser.texts_of(".comment details.report").await?,
            Vec::<String>::new()
        );
        // Bo, its author, still reads it, and is told why.
        browser.sign_in_as(&app, &bo.email).await?;
        browser
            .client
            .goto(&app.url(&format!("/ideas/{idea}")))
            .await?;
        browser
            .wait_for_text(
                ".comment .comment__removed",
                "Dold av en moderator: bara du och moderatorerna ser den.",
            )
            .await?;
        Ok(())
    })
    .await
}

#[tokio::test]
async fn a_newcomers_link_waits_for_review_and_the_thread_says_so() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (idea, newcomer) =
        commented_idea(&app, "Ny Granne", "Grillar finns på https://grill.example").await?;
    let karin = app.sign_up("Karin Ek").await?;

    Browser::run(async |browser| {
        browser.sign_in_as(&app, &newcomer.email).await?;
        browser
            .client
            .goto(&app.url(&format!("/ideas/{idea}")))
            .await?;
        browser
            .wait_for_text(
                ".comment .comment__removed",
                "Väntar på granskning: en moderator tittar på den eftersom den har en länk och ditt konto är nytt. Till dess ser bara du och moderatorerna den.",
            )
            .await?;
        browser.sign_in_as(&app, &karin.email).await?;
        browser
            .client
            .goto(&app.url(&format!("/ideas/{idea}")))
            .await?;
        browser
            .wait_for_text(".comment .comment__removed", "Kommentaren väntar på granskning.")
            .await?;
        Ok(())
    })
    .await
}

#[tokio::test]
async fn an_organization_reported_and_hidden_is_gone_for_others_and_marked_for_its_members()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let karin = app.sign_up("Karin Ek").await?;
    let admin = app.sign_up("Admin Adminsson").await?;
    app.make_platform_admin(&admin).await?;
    let page = app.url(&format!("/organizations/{}", host.id));

    Browser::run(async |browser| {
        browser.sign_in_as(&app, &karin.email).await?;
        browser.client.goto(&page).await?;
        browser.wait_for_text("main h1", &host.name).await?;
        report_through_the_form(browser, "main", "misleading", "Inget riktigt bolag").await?;
        let (_, queue) = app
            .json(
                reqwest::Method::GET,
                "/api/v1/admin/reports",
                Some(&admin.access_token),
                None,
            )
            .await?;
        let report = queue["items"][0]["id"].as_str().unwrap_or_default();
        let (status, _) = app
            .json(
                reqwest::Method::POST,
                &format!("/api/v1/admin/reports/{report}/resolve"),
                Some(&admin.access_token),
                Some(json!({"action": "hide", "note": "Inget riktigt bolag."})),
            )
            .await?;
        assert_eq!(status, 200);

        browser.client.goto(&page).await?;
        browser
            .wait_for_text(
                "main .status",
                "Organisationen finns inte, eller så får du inte se den.",
            )
            .await?;
        // Its own members still see it, marked, and are offered no report of their own.
        browser.sign_in_as(&app, &maria.email).await?;
        browser.client.goto(&page).await?;
        browser.wait_for_text("main h1", &host.name).await?;
        browser
            .wait_for_text("main .notice", "Dold av en moderator: bara organisationens medlemmar och moderatorerna ser den, dess erbjudanden och de labb den är värd för. De syns inte i listor, sökningen, statistiken eller öppna data.")
            .await?;
        assert_eq!(
            browser.texts_of("main details.report").await?,
            Vec::<String>::new()
        );
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        Ok(())
    })
    .await
}
