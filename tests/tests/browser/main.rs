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
    let browser = Browser::start().await?;
    let outcome = async {
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
    }
    .await;
    browser.close().await?;
    outcome
}
