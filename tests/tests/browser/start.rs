//! The start page, the lists and their filters in the address.

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
    Browser::run(async |browser| {
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
    let (maria, host) = app.housing_company().await?;
    app.create_lab(&maria, host.id, "Navestadslabbet", "public")
        .await?;
    Browser::run(async |browser| {
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
        // The areas arrive on their own, apart from the newest labs.
        browser
            .wait_for_text(".area-card__counts a", "1 pågående labb")
            .await?;
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
        browser.click(Locator::LinkText("1 pågående labb")).await?;
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
        browser
            .click(Locator::Css("#challenge_area option[value=schools]"))
            .await?;
        browser.submit("form.filters").await?;
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
    let (maria, host) = app.housing_company().await?;
    for n in 1..=23 {
        app.create_lab(&maria, host.id, &format!("Labb nummer {n}"), "public")
            .await?;
    }
    Browser::run(async |browser| {
        browser.client.goto(&app.url("/labs")).await?;
        browser
            .wait_for_text(".card__title", "Labb nummer 23")
            .await?;
        assert_eq!(browser.texts_of(".card__title").await?.len(), 20);
        browser
            .click(Locator::XPath("//button[text()='Visa fler labb']"))
            .await?;
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
        browser
            .click(Locator::Css("#municipality option[value='1480']"))
            .await?;
        browser.submit("form.filters").await?;
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
