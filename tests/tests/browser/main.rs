//! The web client in headless Chromium, served by the real API on a real Postgres.

use fantoccini::Locator;
use innolabb_tests::TestApp;
use innolabb_tests::browser::Browser;

const AREAS_SV: [&str; 4] = [
    "Minska långtidsarbetslösheten, med fokus på kvinnor",
    "Lyfta skolorna och elevernas resultat",
    "Stärka samhällsservicen",
    "Minska brottsligheten",
];
const AREAS_EN: [&str; 4] = [
    "Reduce long-term unemployment, focus on women",
    "Raise schools' and pupils' results",
    "Strengthen community services",
    "Crime prevention",
];

#[tokio::test]
async fn the_start_page_shows_the_areas_in_swedish_then_english_and_a_deep_link_keeps_the_choice()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    in_browser(async |browser| {
        browser.client.goto(&app.url("/")).await?;
        browser.wait_for_text(".area-card h3", AREAS_SV[3]).await?;
        assert_eq!(browser.texts_of(".area-card h3").await?, AREAS_SV);
        assert_eq!(
            browser
                .client
                .find(Locator::Css("html"))
                .await?
                .attr("lang")
                .await?
                .as_deref(),
            Some("sv")
        );
        assert_eq!(
            browser.text_of("h1").await?,
            "Innovationslabb mot utanförskap och segregation"
        );

        browser
            .client
            .find(Locator::Css("button[lang=en]"))
            .await?
            .click()
            .await?;
        browser.wait_for_text(".area-card h3", AREAS_EN[3]).await?;
        assert_eq!(browser.texts_of(".area-card h3").await?, AREAS_EN);
        assert_eq!(
            browser
                .client
                .find(Locator::Css("html"))
                .await?
                .attr("lang")
                .await?
                .as_deref(),
            Some("en")
        );
        let pressed = browser
            .client
            .find(Locator::Css("button[aria-pressed=true]"))
            .await?;
        assert_eq!(pressed.text().await?, "English");
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        // A deep link loaded directly: the server gives the app, the app its page, in English.
        browser.client.goto(&app.url("/labs")).await?;
        browser.wait_for_text("main h1", "Innovation labs").await?;
        assert_eq!(browser.client.title().await?, "Innovation labs – Innolabb");
        let current = browser
            .client
            .find(Locator::Css("nav [aria-current=page]"))
            .await?;
        assert_eq!(current.text().await?, "Labs");

        // An address the app does not know.
        browser.client.goto(&app.url("/no/such/page")).await?;
        browser.wait_for_text("main h1", "Page not found").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        anyhow::Ok(())
    })
    .await
}

#[tokio::test]
async fn the_start_page_counts_each_areas_labs_and_links_to_the_list_filtered_by_the_address()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = housing_company(&app).await?;
    app.create_lab(&maria, host.id, "Navestadslabbet", "public")
        .await?;
    in_browser(async |browser| {
        let client = &browser.client;
        client.goto(&app.url("/")).await?;
        browser
            .wait_for_text(
                "#newest-heading + .card-list .card__title",
                "Navestadslabbet",
            )
            .await?;
        let focused = client
            .execute("return document.activeElement.tagName", vec![])
            .await?;
        assert_eq!(
            focused,
            serde_json::json!("BODY"),
            "a first load leaves the focus alone"
        );
        assert_eq!(
            browser.texts_of(".area-card__counts a").await?,
            [
                "1 pågående labb",
                "0 erbjudanden",
                "0 pågående labb",
                "0 erbjudanden",
                "0 pågående labb",
                "0 erbjudanden",
                "0 pågående labb",
                "0 erbjudanden",
            ]
        );
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        // The count leads to the labs of that area, the filter in the address and the form.
        click(browser, Locator::LinkText("1 pågående labb")).await?;
        browser
            .wait_for_text(".card__title", "Navestadslabbet")
            .await?;
        let url = client.current_url().await?;
        assert_eq!(url.path(), "/labs");
        assert_eq!(url.query(), Some("challenge_area=unemployment"));
        // The navigation moved the focus to the new page's content.
        let focused = client
            .execute("return document.activeElement.id", vec![])
            .await?;
        assert_eq!(focused, serde_json::json!("main"));
        let selected = client
            .find(Locator::Css("#challenge_area"))
            .await?
            .prop("value")
            .await?;
        assert_eq!(selected.as_deref(), Some("unemployment"));

        // Another filter goes into the address too; going back restores the first.
        click(
            browser,
            Locator::Css("#challenge_area option[value=schools]"),
        )
        .await?;
        submit(browser, "form.filters").await?;
        browser
            .wait_for_text("main .status", "Inga labb matchar sökningen.")
            .await?;
        assert_eq!(
            client.current_url().await?.query(),
            Some("challenge_area=schools")
        );
        client.back().await?;
        browser
            .wait_for_text(".card__title", "Navestadslabbet")
            .await?;
        let selected = client
            .find(Locator::Css("#challenge_area"))
            .await?
            .prop("value")
            .await?;
        assert_eq!(selected.as_deref(), Some("unemployment"));
        anyhow::Ok(())
    })
    .await
}

#[tokio::test]
async fn a_long_list_of_labs_shows_twenty_then_the_rest_on_request() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = housing_company(&app).await?;
    for n in 1..=23 {
        app.create_lab(&maria, host.id, &format!("Labb nummer {n}"), "public")
            .await?;
    }
    in_browser(async |browser| {
        browser.client.goto(&app.url("/labs")).await?;
        browser
            .wait_for_text(".card__title", "Labb nummer 23")
            .await?;
        assert_eq!(browser.texts_of(".card__title").await?.len(), 20);
        click(browser, Locator::XPath("//button[text()='Visa fler labb']")).await?;
        browser
            .wait_for_text(".card__title", "Labb nummer 1")
            .await?;
        let titles = browser.texts_of(".card__title").await?;
        let expected: Vec<String> = (1..=23).rev().map(|n| format!("Labb nummer {n}")).collect();
        assert_eq!(titles, expected, "newest first, each once");
        anyhow::ensure!(
            browser
                .client
                .find_all(Locator::XPath("//button[text()='Visa fler labb']"))
                .await?
                .is_empty(),
            "'show more' stays after the last page"
        );
        // The municipality filter: none of them is in Göteborg.
        click(browser, Locator::Css("#municipality option[value='1480']")).await?;
        submit(browser, "form.filters").await?;
        browser
            .wait_for_text("main .status", "Inga labb matchar sökningen.")
            .await?;
        assert_eq!(
            browser.client.current_url().await?.query(),
            Some("municipality=1480")
        );
        anyhow::Ok(())
    })
    .await
}

#[tokio::test]
async fn a_person_signs_up_creates_an_organisation_stays_signed_in_and_makes_a_working_api_key()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    in_browser(async |browser| {
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

        // A password that is too short: the API's message appears next to the field, and
        // what was typed stays.
        fill("#email", "maria.lind@example.se").await?;
        fill("#display_name", "Maria Lind").await?;
        fill("#password", "kort").await?;
        client
            .find(Locator::Css("form button[type=submit]"))
            .await?
            .click()
            .await?;
        browser
            .wait_for_text("#password-error", "must be at least 10 characters")
            .await?;
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
            .find(Locator::Css("form button[type=submit]"))
            .await?
            .click()
            .await?;
        browser.wait_for_text("main h1", "Mitt konto").await?;

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
            .find(Locator::Css("form button[type=submit]"))
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

/// Signs in through the sign-in page (after signing out whoever was signed in).
async fn sign_in_as(app: &TestApp, browser: &Browser, email: &str) -> anyhow::Result<()> {
    let client = &browser.client;
    client.goto(&app.url("/account")).await?;
    if let Ok(sign_out) = client
        .wait()
        .at_most(std::time::Duration::from_secs(2))
        .for_element(Locator::Css(".account-links button"))
        .await
    {
        sign_out.click().await?;
        browser
            .wait_for_text(".account-links a", "Logga in")
            .await?;
    }
    client.goto(&app.url("/sign-in")).await?;
    browser.wait_for_text("main h1", "Logga in").await?;
    client
        .find(Locator::Css("#email"))
        .await?
        .send_keys(email)
        .await?;
    client
        .find(Locator::Css("#password"))
        .await?
        .send_keys(innolabb_tests::TEST_PASSWORD)
        .await?;
    client
        .find(Locator::Css("form button[type=submit]"))
        .await?
        .click()
        .await?;
    browser.wait_for_text("main h1", "Mitt konto").await?;
    Ok(())
}

/// Maria Lind and the housing company she owns, Hyresbostäder i Norrköping: the host in
/// these tests.
async fn housing_company(
    app: &TestApp,
) -> anyhow::Result<(innolabb_tests::TestUser, shared::Organization)> {
    let maria = app.sign_up("Maria Lind").await?;
    let host = app
        .create_organization(&maria, "Hyresbostäder i Norrköping", 10)
        .await?;
    Ok((maria, host))
}

/// Runs `test` in a fresh headless Chromium, which is closed afterwards whatever the outcome.
async fn in_browser(test: impl AsyncFnOnce(&Browser) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let browser = Browser::start().await?;
    let outcome = test(&browser).await;
    browser.close().await?;
    outcome
}

/// Waits for an element: some appear only once the session is restored after a page load.
async fn element(
    browser: &Browser,
    locator: Locator<'_>,
) -> anyhow::Result<fantoccini::elements::Element> {
    Ok(browser
        .client
        .wait()
        .at_most(innolabb_tests::browser::PATIENCE)
        .for_element(locator)
        .await?)
}

/// Clicks an element once it is there. Pages re-render when the session comes back after
/// a load, which can replace an element between finding and clicking it: then try again.
async fn click(browser: &Browser, locator: Locator<'_>) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + innolabb_tests::browser::PATIENCE;
    loop {
        let attempt = async {
            element(browser, locator).await?.click().await?;
            anyhow::Ok(())
        };
        match attempt.await {
            Ok(()) => return Ok(()),
            Err(error) if tokio::time::Instant::now() > deadline => return Err(error),
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
        }
    }
}

/// Types into the field (after emptying it), trying again if a re-render replaced it.
async fn fill(browser: &Browser, css: &str, text: &str) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + innolabb_tests::browser::PATIENCE;
    loop {
        let attempt = async {
            let field = element(browser, Locator::Css(css)).await?;
            field.clear().await?;
            field.send_keys(text).await?;
            anyhow::Ok(())
        };
        match attempt.await {
            Ok(()) => return Ok(()),
            Err(error) if tokio::time::Instant::now() > deadline => return Err(error),
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
        }
    }
}

/// On a lab page whose "invite an organisation" form is open and searched: adds `name` as
/// the tenants' representative.
async fn add_tenant_representative(browser: &Browser, name: &str) -> anyhow::Result<()> {
    let option =
        format!("//select[@id='participant-organization']/option[starts-with(., '{name}')]");
    click(browser, Locator::XPath(&option)).await?;
    click(
        browser,
        Locator::Css("#participant-role option[value=tenant_representative]"),
    )
    .await?;
    submit(
        browser,
        "section[aria-labelledby=participants-heading] form",
    )
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

/// Opens "Be om matchning" on the first suggestion of a need's or offering's page and
/// sends the request with `message`.
async fn request_match_with_first_suggestion(
    browser: &Browser,
    message: &str,
) -> anyhow::Result<()> {
    click(
        browser,
        Locator::Css(".suggestion:first-child .request summary"),
    )
    .await?;
    fill(browser, ".suggestion:first-child textarea", message).await?;
    submit(browser, ".suggestion:first-child .request form").await
}

/// Sets a date field (ISO date) as a person picking the date would: typing into one depends
/// on the browser's locale.
async fn set_date(browser: &Browser, css: &str, date: &str) -> anyhow::Result<()> {
    element(browser, Locator::Css(css)).await?;
    browser
        .client
        .execute(
            "const field = document.querySelector(arguments[0]);
             field.value = arguments[1];
             field.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![css.into(), date.into()],
        )
        .await?;
    Ok(())
}

async fn submit(browser: &Browser, form: &str) -> anyhow::Result<()> {
    click(
        browser,
        Locator::Css(&format!("{form} button[type=submit]")),
    )
    .await
}

#[tokio::test]
async fn a_host_opens_a_lab_residents_post_vote_and_comment_and_the_host_shortlists()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, _) = housing_company(&app).await?;
    let amina = app.sign_up("Amina Hassan").await?;
    app.create_organization(&amina, "Hyresgästföreningen Navestad", 11)
        .await?;
    app.sign_up("Erik Svensson").await?;
    in_browser(async |browser| {
        let client = &browser.client;
        // The host opens a lab.
        sign_in_as(&app, browser, "maria.lind@example.se").await?;
        client.goto(&app.url("/labs")).await?;
        browser.wait_for_text("main h1", "Innovationslabb").await?;
        browser.wait_for_text("main .status", "Inga labb matchar sökningen.").await?;
        click(browser, Locator::LinkText("Starta ett labb")).await?;
        browser.wait_for_text("main h1", "Starta ett labb").await?;
        fill(browser, "#title", "Portalen").await?;
        fill(
            browser,
            "#summary",
            "En mötesplats för arbetslösa kvinnor.",
        )
        .await?;
        fill(
            browser,
            "#description",
            "## Bakgrund\n\nMånga kvinnor står **långt** från arbetsmarknaden.",
        )
        .await?;
        fill(browser, "#neighbourhood", "Navestad").await?;
        browser
            .text_of("#municipality_code option[value='0581']")
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        submit(browser, "main form").await?;
        browser.wait_for_text("main h1", "Portalen").await?;
        browser.wait_for_text(".prose h2", "Bakgrund").await?;
        assert_eq!(browser.text_of(".prose strong").await?, "långt");
        let lab_url = client.current_url().await?;
        let lab_id = lab_url.path().trim_start_matches("/labs/").to_owned();
        browser
            .wait_for_text("#phase-target option", "Idégenerering")
            .await?;
        submit(browser, "section[aria-labelledby=phase-heading] form").await?;
        browser
            .wait_for_text(".phases__current", "Idégenerering")
            .await?;

        // The host brings in the tenants' association, takes it out again (the lab's only
        // host is not offered for removal) and brings it back.
        click(
            browser,
            Locator::Css("section[aria-labelledby=participants-heading] summary"),
        )
        .await?;
        fill(browser, "#participant-search", "Hyresgäst").await?;
        // Without a chosen organisation the browser does not send the form.
        submit(browser, "section[aria-labelledby=participants-heading] form").await?;
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
        click(
            browser,
            Locator::Css("section[aria-labelledby=participants-heading] li button"),
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
        click(browser, Locator::Css("section[aria-labelledby=needs-heading] summary")).await?;
        fill(browser, "#need-title", "Jobbcoacher med språkstöd").await?;
        fill(browser, "#need-tags", "jobbcoachning,  språkstöd ,").await?;
        submit(browser, "section[aria-labelledby=needs-heading] form").await?;
        browser
            .wait_for_text("section[aria-labelledby=needs-heading] .card__title", "Jobbcoacher med språkstöd")
            .await?;
        assert_eq!(
            browser.texts_of("section[aria-labelledby=needs-heading] .tags li").await?,
            ["jobbcoachning", "språkstöd"]
        );
        // On the need's page the host marks it filled and changes its tags.
        click(browser, Locator::LinkText("Jobbcoacher med språkstöd")).await?;
        browser
            .wait_for_text("main h1", "Jobbcoacher med språkstöd")
            .await?;
        click(browser, Locator::Css("main details.add-form summary")).await?;
        click(browser, Locator::Css("#need-status option[value=filled]")).await?;
        fill(browser, "#need-tags", "jobbcoachning, svenska").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        submit(browser, "main details.add-form form").await?;
        browser.wait_for_text("main .badge", "Tillgodosett").await?;
        browser.wait_for_text("main .tags li", "svenska").await?;
        client.goto(lab_url.as_str()).await?;
        browser.wait_for_text("main h1", "Portalen").await?;
        click(
            browser,
            Locator::Css("section[aria-labelledby=indicators-heading] > details > summary"),
        )
        .await?;
        fill(browser, "#indicator-name", "Kvinnor i arbete eller studier").await?;
        fill(browser, "#indicator-unit", "personer").await?;
        fill(browser, "#indicator-baseline", "4").await?;
        fill(browser, "#indicator-target", "12,5").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        submit(browser, "section[aria-labelledby=indicators-heading] > details > form").await?;
        browser
            .wait_for_text(".indicator-list h3", "Kvinnor i arbete eller studier")
            .await?;
        click(browser, Locator::Css(".indicator-list details summary")).await?;
        set_date(browser, ".indicator-list input[type=date]", "2026-10-01").await?;
        fill(browser, ".indicator-list input[inputmode=decimal]", "8,25").await?;
        submit(browser, ".indicator-list form").await?;
        browser
            .wait_for_text(".indicator-list .meta", "50 % av vägen till målet")
            .await?;
        browser
            .wait_for_text(".indicator-list td", "8,25")
            .await?;

        // A resident posts an idea.
        sign_in_as(&app, browser, "amina.hassan@example.se").await?;
        client.goto(lab_url.as_str()).await?;
        browser.wait_for_text("main h1", "Portalen").await?;
        fill(browser, "#idea-title", "Språkcafé med jobbfokus").await?;
        fill(
            browser,
            "#idea-body",
            "Öva svenska inför arbetsintervjuer.",
        )
        .await?;
        // She posts it for her tenants' association.
        let association = Locator::XPath(
            "//select[@id='idea-organization']/option[text()='Hyresgästföreningen Navestad']",
        );
        click(browser, association).await?;
        submit(browser, "form[aria-labelledby=idea-new-heading]").await?;
        browser
            .wait_for_text(".card__title a", "Språkcafé med jobbfokus")
            .await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        // While it is submitted, she can still change it.
        click(browser, Locator::LinkText("Språkcafé med jobbfokus")).await?;
        click(browser, Locator::Css("main details.add-form summary")).await?;
        fill(
            browser,
            "#idea-edit-body",
            "Öva svenska inför arbetsintervjuer, varje tisdag.",
        )
        .await?;
        submit(browser, "main details.add-form form").await?;
        browser
            .wait_for_text("main .prose", "Öva svenska inför arbetsintervjuer, varje tisdag.")
            .await?;

        // Another votes and comments.
        sign_in_as(&app, browser, "erik.svensson@example.se").await?;
        client.goto(lab_url.as_str()).await?;
        click(browser, Locator::LinkText("Språkcafé med jobbfokus")).await?;
        browser
            .wait_for_text("main h1", "Språkcafé med jobbfokus")
            .await?;
        let byline = browser.text_of("main .meta").await?;
        assert!(
            byline.starts_with("Amina Hassan (Hyresgästföreningen Navestad)"),
            "{byline}"
        );
        browser.wait_for_text("#vote-count", "0 röster").await?;
        click(browser, Locator::Css(".votes button")).await?;
        browser.wait_for_text("#vote-count", "1 röst").await?;
        fill(
            browser,
            "#comment-new",
            "Jag kan hålla i det första passet!",
        )
        .await?;
        submit(browser, "form.comment-form").await?;
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
        sign_in_as(&app, browser, "maria.lind@example.se").await?;
        client.goto(idea_url.as_str()).await?;
        browser.wait_for_text("#idea-status", "Inskickad").await?;
        browser
            .wait_for_text("#idea-status-target option", "Utvald")
            .await?;
        submit(browser, "form[aria-labelledby=status-heading]").await?;
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
        click(browser, Locator::LinkText("Hyresbostäder i Norrköping")).await?;
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
        click(browser, Locator::LinkText("Ändra labbet")).await?;
        browser.wait_for_text("main h1", "Ändra Portalen").await?;
        fill(browser, "#summary", "Min nya sammanfattning.").await?;
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
        submit(browser, "main form").await?;
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
        submit(browser, "main form").await?;
        browser
            .wait_for_text("main .lead", "Min nya sammanfattning.")
            .await?;
        anyhow::Ok(())
    })
    .await
}

#[tokio::test]
async fn a_housing_company_requests_a_suggested_match_and_the_actor_accepts_and_replies()
-> anyhow::Result<()> {
    use reqwest::Method;
    use serde_json::json;
    let app = TestApp::spawn().await?;
    let (maria, host) = housing_company(&app).await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let (_, need) = app
        .json(
            Method::POST,
            &format!("/api/v1/labs/{}/needs", lab.id),
            Some(&maria.access_token),
            Some(json!({"title": "Stöd för arbetslösa kvinnor", "description": "Vi söker jobbcoachning för kvinnor i Navestad.", "tags": ["kvinnor", "jobbcoachning"]})),
        )
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
    let need_url = app.url(&format!(
        "/needs/{}",
        need["id"].as_str().unwrap_or_default()
    ));
    in_browser(async |browser| {
        let client = &browser.client;
        // The housing company sees ranked suggestions with their reasons, and asks.
        sign_in_as(&app, browser, "maria.lind@example.se").await?;
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
        sign_in_as(&app, browser, "karin.ek@example.se").await?;
        // The marketplace leads her to what the labs are looking for.
        client.goto(&app.url("/offerings")).await?;
        click(browser, Locator::LinkText("Se vad labben söker")).await?;
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
        click(
            browser,
            // (Fluent wraps the title in invisible isolation marks.)
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
        click(browser, Locator::XPath("//button[text()='Acceptera']")).await?;
        browser.wait_for_text("#match-state", "Accepterad").await?;
        fill(
            browser,
            "#match-message-body",
            "Gärna! Passar tisdag klockan 10?",
        )
        .await?;
        submit(browser, "form.comment-form").await?;
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
        fill(browser, "#title", "Körkortsteori på lätt svenska").await?;
        fill(browser, "#description", "Teorikurs för körkort på lätt svenska.").await?;
        click(browser, Locator::Css("#reach option[value=national]")).await?;
        fill(browser, "#tags", "körkort, lätt svenska").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        submit(browser, "main form").await?;
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
        sign_in_as(&app, browser, "maria.lind@example.se").await?;
        browser
            .wait_for_spoken_text(".bell .visually-hidden", "Notiser, 3 olästa")
            .await?;
        client.goto(&app.url("/matches")).await?;
        browser
            .wait_for_text(".card__title", "Körkortsteori på lätt svenska")
            .await?;
        assert_eq!(browser.texts_of(".card .badge").await?, ["Förfrågan skickad"]);
        click(browser, Locator::XPath("//button[text()='Skickade']")).await?;
        browser
            .wait_for_text(".card__title", "Jobbcoachning för kvinnor")
            .await?;
        browser.wait_for_text(".card .badge", "Accepterad").await?;
        browser
            .wait_for_text(".card__need", "För behovet: Stöd för arbetslösa kvinnor")
            .await?;
        click(
            browser,
            Locator::Css("#match-state-filter option[value=declined]"),
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
        click(
            browser,
            Locator::Css("#match-state-filter option[value=accepted]"),
        )
        .await?;
        click(
            browser,
            Locator::XPath("//h2[@class='card__title']/a[text()='Jobbcoachning för kvinnor']"),
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
        fill(browser, "#match-message-body", "Tisdag passar bra!").await?;
        submit(browser, "form.comment-form").await?;
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
        click(
            browser,
            Locator::XPath("//button[text()='Markera alla som lästa']"),
        )
        .await?;
        browser
            .wait_for_spoken_text(".bell .visually-hidden", "Notiser, inga olästa")
            .await?;
        anyhow::ensure!(
            browser.texts_of(".notifications__unread").await?.is_empty(),
            "notifications are still marked unread"
        );
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        anyhow::Ok(())
    })
    .await
}
