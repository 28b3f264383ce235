//! The platform admin's queues: turning an organisation down with a reason and verifying
//! it, the audit log with a filter, and an owner reading her organisation's own log.

use fantoccini::Locator;
use innolabb_tests::TestApp;
use innolabb_tests::browser::Browser;

#[tokio::test]
async fn an_admin_turns_an_organisation_down_then_verifies_it_and_reads_the_log()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let admin = app.sign_up("Admin Adminsson").await?;
    app.make_platform_admin(&admin).await?;
    let reason = "Organisationsnumret hör till ett annat bolag.";

    Browser::run(async |browser| {
        browser.sign_in_as(&app, &admin.email).await?;
        browser
            .click(Locator::LinkText("Verifiera organisationer"))
            .await?;
        browser
            .wait_for_text("main h1", "Verifiera organisationer")
            .await?;
        // As it first appears: the waiting ones, with their members, and an empty reason.
        browser
            .wait_for_text(".report-item__heading", "Hyresbostäder i Norrköping")
            .await?;
        assert_eq!(
            browser.selects_shown().await?,
            vec!["review-state=pending (Väntar på granskning)".to_owned()]
        );
        assert_eq!(
            browser.texts_of(".report-item ul li").await?,
            vec![format!("Maria Lind ({}) – Ägare", maria.email)]
        );
        assert_eq!(
            browser
                .element(Locator::Css(".report-item textarea"))
                .await?
                .prop("value")
                .await?,
            Some(String::new())
        );
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        // A reason is required; given, the owners are mailed it and it leaves the queue.
        browser.submit(".report-item form").await?;
        browser
            .wait_for_text(".report-item .field__error", "får inte vara tom")
            .await?;
        browser.fill(".report-item textarea", reason).await?;
        browser.submit(".report-item form").await?;
        browser
            .wait_for_text("main .status", "Inga organisationer att granska.")
            .await?;
        let mailed = format!(
            "SELECT count(*) FROM mail_outbox WHERE kind = 'organization_rejected'
               AND recipient = '{}' AND body_text LIKE '%{reason}%'",
            maria.email
        );
        assert_eq!(app.count(&mailed).await?, 1);

        // Among the turned down, with the reason; verified, it leaves that list too.
        browser
            .click(Locator::Css("#review-state option[value=rejected]"))
            .await?;
        browser
            .wait_for_text(".report-item p:not(.meta)", &format!("Avvisad: {reason}"))
            .await?;
        browser
            .click(Locator::Css(
                ".report-item button.button:not(.button--secondary)",
            ))
            .await?;
        browser
            .wait_for_text("main .status", "Inga organisationer att granska.")
            .await?;

        // The audit log, newest first, and filtered by an action.
        browser.client.goto(&app.url("/admin/audit-log")).await?;
        browser.wait_for_text("main h1", "Händelselogg").await?;
        browser
            .wait_for_text(
                ".audit-log tbody tr td:nth-child(3)",
                "organization.verified",
            )
            .await?;
        assert_eq!(
            browser.selects_shown().await?,
            vec!["audit-subject= (Alla)".to_owned()]
        );
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        browser
            .fill("#audit-action", "organization.rejected")
            .await?;
        browser.submit("form.filters").await?;
        browser.wait_for_count(".audit-log tbody tr", 1).await?;
        let row = browser.texts_of(".audit-log tbody tr td").await?;
        assert_eq!(row[1], "Admin Adminsson");
        assert_eq!(row[2], "organization.rejected");
        assert!(row[4].contains(reason), "{row:?}");

        // Maria, an owner, reads her organisation's own log on its page.
        browser.sign_in_as(&app, &maria.email).await?;
        browser
            .client
            .goto(&app.url(&format!("/organizations/{}", host.id)))
            .await?;
        browser
            .wait_for_text("#audit-heading", "Organisationens händelselogg")
            .await?;
        browser.wait_for_count(".audit-log tbody tr", 3).await?;
        assert_eq!(
            browser
                .texts_of(".audit-log tbody tr td:nth-child(3)")
                .await?,
            [
                "organization.verified",
                "organization.rejected",
                "organization.created"
            ]
        );
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        Ok(())
    })
    .await
}
