//! The method bank in the browser: a lab that verified what it tried becomes a method, a
//! housing company in another county takes it up with a lab of its own and measures, and
//! the method's evidence, map and the statistics follow.

use fantoccini::Locator;
use innolabb_tests::browser::Browser;
use innolabb_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::{Value, json};

/// Calls the API as `who` and returns the JSON answer, failing unless it is `status`.
async fn api(
    app: &TestApp,
    who: &TestUser,
    method: Method,
    path: &str,
    body: Value,
    status: u16,
) -> anyhow::Result<Value> {
    let response = app
        .call(method, path, Some(&who.access_token), Some(body))
        .await?;
    anyhow::ensure!(
        response.status() == status,
        "{path} answered {}",
        response.status()
    );
    Ok(response.json().await?)
}

/// Maria's lab in Norrköping (Östergötland) that measured women in work rise from 4 towards
/// 12, moved on to `verifying`; returns its id.
async fn verified_lab(app: &TestApp, maria: &TestUser, host: uuid::Uuid) -> anyhow::Result<String> {
    let lab = app.create_lab(maria, host, "Portalen", "public").await?;
    let lab = lab.id.to_string();
    let indicator = api(
        app,
        maria,
        Method::POST,
        &format!("/api/v1/labs/{lab}/indicators"),
        json!({"name": "Kvinnor i arbete eller studier", "unit": "personer",
               "baseline": 4.0, "target": 12.0, "direction": "increase"}),
        201,
    )
    .await?;
    let indicator = indicator["id"].as_str().unwrap_or_default().to_owned();
    api(
        app,
        maria,
        Method::POST,
        &format!("/api/v1/labs/{lab}/indicators/{indicator}/measurements"),
        json!({"measured_on": "2026-06-01", "value": 9.0}),
        201,
    )
    .await?;
    for phase in ["ideation", "testing", "verifying"] {
        api(
            app,
            maria,
            Method::POST,
            &format!("/api/v1/labs/{lab}/phase"),
            json!({"phase": phase}),
            200,
        )
        .await?;
    }
    Ok(lab)
}

#[tokio::test]
async fn a_verified_lab_becomes_a_method_that_spreads_to_another_county_and_reaches_level_4()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = verified_lab(&app, &maria, host.id).await?;
    let karin = app.sign_up("Karin Ek").await?;
    api(
        &app,
        &karin,
        Method::POST,
        "/api/v1/organizations",
        json!({"name": "Malmöhem", "kind": "housing_company", "org_number": innolabb_tests::org_number(20),
               "municipality_code": "1280", "description": "Ett bostadsbolag i Malmö."}),
        201,
    )
    .await?;
    Browser::run(async |browser| {
        let client = &browser.client;
        // The host turns the verified lab into a method.
        browser.sign_in_as(&app, "maria.lind@example.se").await?;
        client.goto(&app.url(&format!("/labs/{lab}"))).await?;
        browser.wait_for_text("#make-method-heading", "Gör en metod av labbet").await?;
        browser.click(Locator::Css(".make-method button")).await?;
        browser.wait_for_text("main h1", "Ändra metoden").await?;
        // The draft as it first appears: filled from the lab.
        browser.wait_for_count("input[name=challenge_areas]", 4).await?;
        assert_eq!(
            client
                .find(Locator::Css("#title"))
                .await?
                .prop("value")
                .await?
                .as_deref(),
            Some("Portalen")
        );
        let checked = client
            .execute(
                "return [...document.querySelectorAll('input[name=challenge_areas]')].filter(c => c.checked).map(c => c.value)",
                vec![],
            )
            .await?;
        assert_eq!(checked, json!(["unemployment"]));
        assert_eq!(browser.selects_shown().await?, Vec::<String>::new());
        browser
            .fill("#problem", "Långtidsarbetslösa kvinnor når inte de ordinarie insatserna.")
            .await?;
        browser
            .fill("#approach", "Veckoträffar och **mentorer** från bostadsområdet.")
            .await?;
        browser.fill("#transfer-staff", "En samordnare på halvtid").await?;
        browser.click(Locator::Css("main form fieldset .button--secondary")).await?;
        browser.fill("#resource-0-title", "Handbok för Portalen").await?;
        browser.fill("#resource-0-url", "https://www.example.se/portalen-handbok.pdf").await?;
        browser.click(Locator::Css("#resource-0-kind option[value=manual]")).await?;
        assert_eq!(
            browser.selects_shown().await?,
            ["resource-0-kind=manual (manual)"]
        );
        browser.submit("main form").await?;
        browser.wait_for_text("main h1", "Portalen").await?;
        browser
            .wait_for_text("#method-status", "Utkast – syns bara för din organisation tills det publiceras.")
            .await?;
        // The lab's measurement moved towards its target: the data supports step 2.
        browser
            .wait_for_text(".ladder__summary", "Plattformens data stöder steg 2 av 5.")
            .await?;
        browser.wait_for_text(".facts dd", "En samordnare på halvtid").await?;
        browser.click(Locator::Css(".owner-actions button")).await?;
        browser.wait_for_count("#method-status", 0).await?;
        let method_url = client.current_url().await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        // A housing company in Skåne finds it in the method bank and takes it up with a lab.
        browser.sign_in_as(&app, "karin.ek@example.se").await?;
        client.goto(&app.url("/methods")).await?;
        browser.wait_for_text("main h1", "Metodbank").await?;
        browser.wait_for_text(".card__title", "Portalen").await?;
        assert_eq!(
            browser.selects_shown().await?,
            [
                "min_evidence_level= (Alla)",
                "challenge_area= (Alla)",
                "county= (Alla)",
                "municipality= (Alla)"
            ]
        );
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        browser.click(Locator::LinkText("Portalen")).await?;
        browser.wait_for_text("#adopt-heading", "Vi vill använda metoden").await?;
        browser.wait_for_count("#adopt-municipality option[value='1280']", 1).await?;
        assert_eq!(
            browser.selects_shown().await?,
            ["adopt-municipality= (Välj …)", "adopt-status=planned (planerad)"]
        );
        browser.click(Locator::Css("#adopt-municipality option[value='1280']")).await?;
        browser.fill("#adopt-neighbourhood", "Rosengård").await?;
        browser.click(Locator::Css("#adopt-create-lab")).await?;
        browser.submit("form[aria-labelledby=adopt-heading]").await?;
        // On to the new lab in Malmö, with the method's indicator to measure.
        browser.wait_for_text("main h1", "Portalen").await?;
        browser.wait_for_text(".indicator-list h3", "Kvinnor i arbete eller studier").await?;
        let lab_meta = browser.text_of("main .meta").await?;
        assert!(lab_meta.contains("Malmö"), "{lab_meta}");
        browser.click(Locator::Css(".indicator-list details summary")).await?;
        browser.set_date(".indicator-list input[type=date]", "2026-11-01").await?;
        browser.fill(".indicator-list input[inputmode=decimal]", "7").await?;
        browser.submit(".indicator-list form").await?;
        browser.wait_for_text(".indicator-list td", "7").await?;

        // The method now shows data level 4, and the map both counties.
        client.goto(method_url.as_str()).await?;
        browser
            .wait_for_text(".ladder__summary", "Plattformens data stöder steg 4 av 5.")
            .await?;
        browser.wait_for_count(".county-map path", 21).await?;
        browser
            .wait_for_count("path[data-county='05'].county-map__county--origin", 1)
            .await?;
        browser
            .wait_for_count("path[data-county='12'][data-adoptions='1'].county-map__county--adopted", 1)
            .await?;
        browser.wait_for_count(".county-map__county--adopted", 1).await?;
        assert_eq!(
            browser.texts_of(".county-map tbody th").await?,
            ["Östergötlands län", "Skåne län"]
        );
        browser
            .wait_for_spoken_text(
                "#county-map-desc",
                "Kommer från: Östergötlands län. Tagen i bruk i: Skåne län.",
            )
            .await?;
        browser.wait_for_text(".card__title", "Malmöhem").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );

        // The statistics count the adoption.
        client.goto(&app.url("/statistics")).await?;
        browser.wait_for_text("main h1", "Statistik").await?;
        browser.wait_for_text("#total-adoptions", "1").await?;
        browser.wait_for_text("#total-methods", "1").await?;
        browser
            .wait_for_text("section[aria-labelledby=adoptions-by-county] tbody th", "Skåne län")
            .await?;
        browser.wait_for_text(".dataset h3", "methods").await?;
        assert_eq!(
            browser.accessibility_violations().await?,
            Vec::<String>::new()
        );
        Ok(())
    })
    .await
}
