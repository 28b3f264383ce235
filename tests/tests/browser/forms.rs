//! Every select of every list and form shows what the page's state holds when it is first
//! loaded: a filter nobody chose must not appear chosen.

use innolabb_tests::TestApp;
use innolabb_tests::browser::Browser;

const UNEMPLOYMENT: &str = "Minska långtidsarbetslösheten, med fokus på kvinnor";

/// `id=value (shown text)`, as `Browser::selects_shown` reads a select.
fn shows(id: &str, value: &str, text: &str) -> String {
    format!("{id}={value} ({text})")
}

fn all(id: &str) -> String {
    shows(id, "", "Alla")
}

#[tokio::test]
async fn every_select_shows_the_state_of_its_list_or_form_when_first_loaded() -> anyhow::Result<()>
{
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    Browser::run(async |browser| {
        let first_sight = async |path: &str, expected: Vec<String>| {
            browser.client.goto(&app.url(path)).await?;
            // The municipalities, grouped by the 21 counties, come from the API after the page.
            browser
                .wait_for_count("select[id^=municipality] optgroup", 21)
                .await?;
            assert_eq!(
                browser.selects_shown().await?,
                expected,
                "{path} as first shown"
            );
            anyhow::Ok(())
        };
        let lists = [
            (
                "/labs",
                vec![
                    all("challenge_area"),
                    all("county"),
                    all("municipality"),
                    all("phase"),
                ],
            ),
            (
                "/offerings",
                vec![
                    all("kind"),
                    all("challenge_area"),
                    all("county"),
                    all("municipality"),
                ],
            ),
            (
                "/needs",
                vec![all("challenge_area"), all("county"), all("municipality")],
            ),
            // A filter in the address is what the page shows chosen, and nothing else.
            (
                "/labs?phase=testing&county=05",
                vec![
                    all("challenge_area"),
                    shows("county", "05", "Östergötlands län"),
                    all("municipality"),
                    shows("phase", "testing", "Test"),
                ],
            ),
        ];
        for (path, expected) in lists {
            first_sight(path, expected).await?;
        }
        // Pressing "Visa" on an unfiltered list applies no filter.
        browser.client.goto(&app.url("/labs")).await?;
        browser.wait_for_count("#municipality optgroup", 21).await?;
        browser.submit("form.filters").await?;
        browser.wait_for_text(".card__title a", "Portalen").await?;
        assert!(
            !browser.client.current_url().await?.as_str().contains('?'),
            "an unfiltered list stays unfiltered"
        );

        browser.sign_in_as(&app, &maria.email).await?;
        let forms = [
            (
                "/labs/new".to_owned(),
                vec![
                    shows("challenge_area", "unemployment", UNEMPLOYMENT),
                    // A new lab starts where its host is.
                    shows("municipality_code", "0581", "Norrköping"),
                    shows("visibility", "public", "Öppet för alla"),
                ],
            ),
            (
                format!("/labs/{}/edit", lab.id),
                vec![
                    shows("challenge_area", "unemployment", UNEMPLOYMENT),
                    shows("municipality_code", "0581", "Norrköping"),
                    shows("visibility", "public", "Öppet för alla"),
                ],
            ),
            (
                "/offerings/new".to_owned(),
                vec![
                    shows("kind", "service", "Tjänst"),
                    shows("challenge_area", "unemployment", UNEMPLOYMENT),
                    shows("reach", "municipality", "I en kommun"),
                    shows("municipality", "0581", "Norrköping"),
                ],
            ),
            (
                "/organizations/new".to_owned(),
                vec![
                    shows("kind", "housing_company", "Bostadsbolag"),
                    shows("municipality_code", "", "Välj kommun"),
                ],
            ),
        ];
        for (path, expected) in forms {
            first_sight(&path, expected).await?;
        }

        // Selects without municipalities: the matches inbox and the account page (its
        // language, and how each kind of notification is mailed: the defaults).
        let mut account = vec![shows("locale", "sv", "Svenska")];
        account.extend(shared::NotificationKind::ALL.iter().map(|kind| {
            let (value, text) = match kind.default_frequency() {
                shared::MailFrequency::Immediately => ("immediately", "Direkt"),
                _ => ("daily", "Varje dag"),
            };
            shows(&format!("mail-{}", kind.as_str()), value, text)
        }));
        for (path, expected) in [
            ("/matches", vec![all("match-state-filter")]),
            ("/account", account),
        ] {
            browser.client.goto(&app.url(path)).await?;
            browser.wait_for_count("select", expected.len()).await?;
            browser
                .wait_for_count(
                    "select option",
                    match path {
                        "/matches" => 7,
                        _ => 2 + 4 * shared::NotificationKind::ALL.len(),
                    },
                )
                .await?;
            assert_eq!(
                browser.selects_shown().await?,
                expected,
                "{path} as first shown"
            );
        }
        Ok(())
    })
    .await
}
