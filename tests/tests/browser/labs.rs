//! A lab's life: its host runs it, residents post ideas, vote and comment.

use fantoccini::Locator;
use innolabb_tests::TestApp;
use innolabb_tests::browser::Browser;

#[tokio::test]
async fn a_host_opens_a_lab_residents_post_vote_and_comment_and_the_host_shortlists()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, _) = app.housing_company().await?;
    let amina = app.sign_up("Amina Hassan").await?;
    app.create_organization(&amina, "Hyresgästföreningen Navestad", 11)
        .await?;
    app.sign_up("Erik Svensson").await?;
    Browser::run(async |browser| {
        let client = &browser.client;
        // The host opens a lab.
        browser.sign_in_as(&app, "maria.lind@example.se").await?;
        client.goto(&app.url("/labs")).await?;
        browser.wait_for_text("main h1", "Innovationslabb").await?;
        browser.wait_for_text("main .status", "Inga labb matchar sökningen.").await?;
        browser.click(Locator::LinkText("Starta ett labb")).await?;
        browser.wait_for_text("main h1", "Starta ett labb").await?;
        browser.fill("#title", "Portalen").await?;
        browser.fill("#summary",
            "En mötesplats för arbetslösa kvinnor.",
        )
        .await?;
        browser.fill("#description",
            "## Bakgrund\n\nMånga kvinnor står **långt** från arbetsmarknaden.",
        )
        .await?;
        browser.fill("#neighbourhood", "Navestad").await?;
        browser
            .text_of("#municipality_code option[value='0581']")
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        browser.submit("main form").await?;
        browser.wait_for_text("main h1", "Portalen").await?;
        browser.wait_for_text(".prose h2", "Bakgrund").await?;
        assert_eq!(browser.text_of(".prose strong").await?, "långt");
        let lab_url = client.current_url().await?;
        let lab_id = lab_url.path().trim_start_matches("/labs/").to_owned();
        browser
            .wait_for_text("#phase-target option", "Idégenerering")
            .await?;
        browser.submit("section[aria-labelledby=phase-heading] form").await?;
        browser
            .wait_for_text(".phases__current", "Idégenerering")
            .await?;

        // The host brings in the tenants' association, takes it out again (the lab's only
        // host is not offered for removal) and brings it back.
        browser.click(Locator::Css("section[aria-labelledby=participants-heading] summary"),
        )
        .await?;
        browser.fill("#participant-search", "Hyresgäst").await?;
        // Without a chosen organisation the browser does not send the form.
        browser.submit("section[aria-labelledby=participants-heading] form").await?;
        let missing = client
            .execute(
                "return document.getElementById('participant-organization').validity.valueMissing",
                vec![],
            )
            .await?;
        assert_eq!(missing, serde_json::json!(true));
        add_tenant_representative(browser, "Hyresgästföreningen Navestad").await?;
        let rows = participants_with(browser, "Hyresgästföreningen Navestad").await?;
        assert!(
            rows[1].starts_with("Hyresgästföreningen Navestad – hyresgästrepresentant"),
            "{rows:?}"
        );
        let removable = browser
            .texts_of("section[aria-labelledby=participants-heading] li button")
            .await?;
        assert_eq!(removable, ["Ta bort\n: Hyresgästföreningen Navestad"]);
        browser.click(Locator::Css("section[aria-labelledby=participants-heading] li button"),
        )
        .await?;
        let deadline = tokio::time::Instant::now() + innolabb_tests::browser::PATIENCE;
        while browser
            .texts_of("section[aria-labelledby=participants-heading] li a")
            .await
            .unwrap_or_default()
            != ["Hyresbostäder i Norrköping"]
        {
            anyhow::ensure!(tokio::time::Instant::now() < deadline, "not removed");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        add_tenant_representative(browser, "Hyresgästföreningen Navestad").await?;
        participants_with(browser, "Hyresgästföreningen Navestad").await?;

        // The host says what the lab needs, with tags, and what it measures.
        browser.click(Locator::Css("section[aria-labelledby=needs-heading] summary")).await?;
        browser.fill("#need-title", "Jobbcoacher med språkstöd").await?;
        browser.fill("#need-tags", "jobbcoachning,  språkstöd ,").await?;
        browser.submit("section[aria-labelledby=needs-heading] form").await?;
        browser
            .wait_for_text("section[aria-labelledby=needs-heading] .card__title", "Jobbcoacher med språkstöd")
            .await?;
        assert_eq!(
            browser.texts_of("section[aria-labelledby=needs-heading] .tags li").await?,
            ["jobbcoachning", "språkstöd"]
        );
        // On the need's page the host marks it filled and changes its tags.
        browser.click(Locator::LinkText("Jobbcoacher med språkstöd")).await?;
        browser
            .wait_for_text("main h1", "Jobbcoacher med språkstöd")
            .await?;
        browser.click(Locator::Css("main details.add-form summary")).await?;
        browser.click(Locator::Css("#need-status option[value=filled]")).await?;
        browser.fill("#need-tags", "jobbcoachning, svenska").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        browser.submit("main details.add-form form").await?;
        browser.wait_for_text("main .badge", "Tillgodosett").await?;
        browser.wait_for_text("main .tags li", "svenska").await?;
        client.goto(lab_url.as_str()).await?;
        browser.wait_for_text("main h1", "Portalen").await?;
        browser.click(Locator::Css("section[aria-labelledby=indicators-heading] > details > summary"),
        )
        .await?;
        browser.fill("#indicator-name", "Kvinnor i arbete eller studier").await?;
        browser.fill("#indicator-unit", "personer").await?;
        browser.fill("#indicator-baseline", "4").await?;
        browser.fill("#indicator-target", "12,5").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        browser.submit("section[aria-labelledby=indicators-heading] > details > form").await?;
        browser
            .wait_for_text(".indicator-list h3", "Kvinnor i arbete eller studier")
            .await?;
        browser.click(Locator::Css(".indicator-list details summary")).await?;
        browser.set_date(".indicator-list input[type=date]", "2026-10-01").await?;
        browser.fill(".indicator-list input[inputmode=decimal]", "8,25").await?;
        browser.submit(".indicator-list form").await?;
        browser
            .wait_for_text(".indicator-list .meta", "50 % av vägen till målet")
            .await?;
        browser
            .wait_for_text(".indicator-list td", "8,25")
            .await?;

        // A resident posts an idea.
        browser.sign_in_as(&app, "amina.hassan@example.se").await?;
        client.goto(lab_url.as_str()).await?;
        browser.wait_for_text("main h1", "Portalen").await?;
        browser.fill("#idea-title", "Språkcafé med jobbfokus").await?;
        browser.fill("#idea-body",
            "Öva svenska inför arbetsintervjuer.",
        )
        .await?;
        // She posts it for her tenants' association.
        let association = Locator::XPath(
            "//select[@id='idea-organization']/option[text()='Hyresgästföreningen Navestad']",
        );
        browser.click(association).await?;
        browser.submit("form[aria-labelledby=idea-new-heading]").await?;
        browser
            .wait_for_text(".card__title a", "Språkcafé med jobbfokus")
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        // While it is submitted, she can still change it.
        browser.click(Locator::LinkText("Språkcafé med jobbfokus")).await?;
        browser.click(Locator::Css("main details.add-form summary")).await?;
        browser.fill("#idea-edit-body",
            "Öva svenska inför arbetsintervjuer, varje tisdag.",
        )
        .await?;
        browser.submit("main details.add-form form").await?;
        browser
            .wait_for_text("main .prose", "Öva svenska inför arbetsintervjuer, varje tisdag.")
            .await?;

        // Another votes and comments.
        browser.sign_in_as(&app, "erik.svensson@example.se").await?;
        client.goto(lab_url.as_str()).await?;
        browser.click(Locator::LinkText("Språkcafé med jobbfokus")).await?;
        browser
            .wait_for_text("main h1", "Språkcafé med jobbfokus")
            .await?;
        let byline = browser.text_of("main .meta").await?;
        assert!(
            byline.starts_with("Amina Hassan (Hyresgästföreningen Navestad)"),
            "{byline}"
        );
        browser.wait_for_text("#vote-count", "0 röster").await?;
        browser.click(Locator::Css(".votes button")).await?;
        browser.wait_for_text("#vote-count", "1 röst").await?;
        browser.fill("#comment-new",
            "Jag kan hålla i det första passet!",
        )
        .await?;
        browser.submit("form.comment-form").await?;
        browser
            .wait_for_text(
                ".comment p:nth-of-type(2)",
                "Jag kan hålla i det första passet!",
            )
            .await?;
        let idea_url = client.current_url().await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        // The host shortlists it.
        browser.sign_in_as(&app, "maria.lind@example.se").await?;
        client.goto(idea_url.as_str()).await?;
        browser.wait_for_text("#idea-status", "Inskickad").await?;
        browser
            .wait_for_text("#idea-status-target option", "Utvald")
            .await?;
        browser.submit("form[aria-labelledby=status-heading]").await?;
        browser.wait_for_text("#idea-status", "Utvald").await?;

        // After a reload (right after loading: two refreshes with one cookie), the lab
        // page shows it all and the host is still signed in.
        client.goto(lab_url.as_str()).await?;
        client.refresh().await?;
        browser.wait_for_text("main h1", "Portalen").await?;
        browser
            .wait_for_text(".phases__current", "Idégenerering")
            .await?;
        browser
            .wait_for_text(".card .meta", "Utvald · 1 röst · 1 kommentar")
            .await?;
        let rows = participants_with(browser, "Hyresgästföreningen Navestad").await?;
        assert!(
            rows[0].starts_with("Hyresbostäder i Norrköping – värd"),
            "{rows:?}"
        );
        // The host's page lists the lab it hosts.
        browser.click(Locator::LinkText("Hyresbostäder i Norrköping")).await?;
        browser
            .wait_for_text("section[aria-labelledby=organization-labs-heading] li a", "Portalen")
            .await?;
        browser
            .wait_for_text(
                "section[aria-labelledby=organization-offerings-heading] .status",
                "Organisationen har inga aktiva erbjudanden.",
            )
            .await?;
        client.back().await?;
        browser.wait_for_text("main h1", "Portalen").await?;

        // Two editors: someone saves first; the form says so, keeps the text, and saves
        // once the latest version is loaded.
        browser.click(Locator::LinkText("Ändra labbet")).await?;
        browser.wait_for_text("main h1", "Ändra Portalen").await?;
        browser.fill("#summary", "Min nya sammanfattning.").await?;
        let current: shared::Lab = app.get_json(&format!("/api/v1/labs/{lab_id}")).await?;
        let meanwhile = app
            .patch(
                &format!("/api/v1/labs/{lab_id}"),
                &maria.access_token,
                current.version,
                serde_json::json!({"neighbourhood": "Hageby"}),
            )
            .await?;
        assert_eq!(meanwhile.status(), 200);
        browser.submit("main form").await?;
        browser
            .wait_for_text(".form-error", "Någon annan har ändrat detta sedan du öppnade det. Det du skrivit finns kvar: läs in den senaste versionen och spara igen.")
            .await?;
        assert_eq!(
            client
                .find(Locator::Css("#summary"))
                .await?
                .prop("value")
                .await?
                .as_deref(),
            Some("Min nya sammanfattning.")
        );
        client
            .find(Locator::Css("main form button[type=button]"))
            .await?
            .click()
            .await?;
        browser
            .wait_for_text("main form .status", "Den senaste versionen är inläst och det du skrivit finns kvar. Spara igen för att ersätta den andra ändringen med din.")
            .await?;
        browser.submit("main form").await?;
        browser
            .wait_for_text("main .lead", "Min nya sammanfattning.")
            .await?;
        anyhow::Ok(())
    })
    .await
}

/// On a lab page whose "invite an organisation" form is open and searched: adds `name` as
/// the tenants' representative.
async fn add_tenant_representative(browser: &Browser, name: &str) -> anyhow::Result<()> {
    let option =
        format!("//select[@id='participant-organization']/option[starts-with(., '{name}')]");
    browser.click(Locator::XPath(&option)).await?;
    browser
        .click(Locator::Css(
            "#participant-role option[value=tenant_representative]",
        ))
        .await?;
    browser
        .submit("section[aria-labelledby=participants-heading] form")
        .await
}

/// The rows of a lab page's participants once `name` is among them.
async fn participants_with(browser: &Browser, name: &str) -> anyhow::Result<Vec<String>> {
    browser
        .wait_for_text("section[aria-labelledby=participants-heading] li a", name)
        .await?;
    browser
        .texts_of("section[aria-labelledby=participants-heading] li")
        .await
}
