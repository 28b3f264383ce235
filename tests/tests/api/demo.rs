//! The demo data of `cargo xtask run`: a living platform, loaded once.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use innolabb_tests::TestApp;
use serde_json::Value;
use shared::{Lab, LabPhase, Me, Page};

#[tokio::test]
async fn the_demo_data_loads_twice_without_change_and_its_accounts_sign_in() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let mut conn = AsyncPgConnection::establish(&app.database_url).await?;
    let first = innolabb_demo::seed::seed(&mut conn).await?;
    let second = innolabb_demo::seed::seed(&mut conn).await?;
    assert_eq!(first, second);
    let tokens = app
        .login(
            "maria.lind@hyresbostader.example",
            innolabb_demo::seed::PASSWORD,
        )
        .await?;
    let mine: Page<shared::MyOrganization> = app
        .get_as("/api/v1/me/organizations", &tokens.access_token)
        .await?;
    assert_eq!(mine.items.len(), 1);
    assert_eq!(
        mine.items[0].organization.name,
        "Hyresbostäder i Norrköping"
    );
    assert!(mine.items[0].organization.verified);
    let admin = app
        .login("admin@innolabb.example", innolabb_demo::seed::PASSWORD)
        .await?;
    let me: Me = app.get_as("/api/v1/me", &admin.access_token).await?;
    assert!(me.is_platform_admin);
    Ok(())
}

#[tokio::test]
async fn the_demo_shows_the_four_labs_of_2018_with_their_work() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let mut conn = AsyncPgConnection::establish(&app.database_url).await?;
    innolabb_demo::seed::seed(&mut conn).await?;
    innolabb_demo::seed::seed(&mut conn).await?;
    let labs: Page<Lab> = app.get_json("/api/v1/labs").await?;
    let mut found: Vec<(String, String, String)> = labs
        .items
        .iter()
        .map(|lab| {
            (
                lab.title.clone(),
                lab.municipality_name.clone(),
                lab.host.name.clone(),
            )
        })
        .collect();
    found.sort(); // by code point: ä (E4) before å (E5)
    assert_eq!(
        found,
        [
            ("Lina Hage", "Södertälje", "Telge Bostäder"),
            ("Portalen", "Norrköping", "Hyresbostäder i Norrköping"),
            // The labs that adoptions of the labs' methods opened elsewhere.
            (
                "Portalen – en mötesplats för självförsörjning",
                "Kalmar",
                "Kustbo i Kalmar"
            ),
            (
                "Portalen – en mötesplats för självförsörjning",
                "Västerås",
                "Mälarbo i Västerås"
            ),
            (
                "Trygghetsvandringar med boende",
                "Växjö",
                "Smålandshem i Växjö"
            ),
            ("Vägen till arbete i Boden", "Boden", "Bodenbo"),
            ("Vårt Rannebergen", "Göteborg", "Bostadsbolaget"),
        ]
        .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()))
    );
    let portalen = labs
        .items
        .iter()
        .find(|lab| lab.title == "Portalen")
        .ok_or_else(|| anyhow::anyhow!("no Portalen"))?;
    assert_eq!(portalen.phase, LabPhase::Spreading);
    let path = format!("/api/v1/labs/{}", portalen.id);
    let history: Value = app.get_json(&format!("{path}/history")).await?;
    assert_eq!(history["items"].as_array().map(Vec::len), Some(5));
    assert_eq!(history["items"][1]["at"], "2018-10-15T10:00:00Z");
    let participants: Value = app.get_json(&format!("{path}/participants")).await?;
    assert_eq!(participants["items"].as_array().map(Vec::len), Some(3));
    let indicators: Value = app.get_json(&format!("{path}/indicators")).await?;
    assert_eq!(
        indicators["items"][0]["latest"]["value"], 15.0,
        "15 of 22 women"
    );
    assert_eq!(indicators["items"][0]["progress"], 1.0);
    let needs: Value = app.get_json(&format!("{path}/needs")).await?;
    assert_eq!(needs["items"].as_array().map(Vec::len), Some(2));
    let ideas: Value = app
        .get_json(&format!("{path}/ideas?sort=most_voted"))
        .await?;
    assert_eq!(ideas["items"][0]["title"], "Språkcafé med jobbfokus");
    assert_eq!(ideas["items"][0]["vote_count"], 5);
    assert_eq!(ideas["items"][0]["status"], "verified");
    let comments: Value = app
        .get_json(&format!(
            "/api/v1/ideas/{}/comments",
            ideas["items"][0]["id"].as_str().unwrap_or_default()
        ))
        .await?;
    assert_eq!(
        comments["items"][0]["replies"].as_array().map(Vec::len),
        Some(1)
    );
    Ok(())
}

#[tokio::test]
async fn the_demo_marketplace_has_local_and_national_offerings_and_matches_with_threads()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let mut conn = AsyncPgConnection::establish(&app.database_url).await?;
    innolabb_demo::seed::seed(&mut conn).await?;
    innolabb_demo::seed::seed(&mut conn).await?;
    let offerings: Value = app.get_json("/api/v1/offerings?limit=100").await?;
    let items = offerings["items"].as_array().cloned().unwrap_or_default();
    assert!(items.len() >= 40, "{} offerings", items.len());
    for area in [
        "unemployment",
        "schools",
        "community_services",
        "crime_prevention",
    ] {
        assert!(
            items.iter().any(|o| o["challenge_areas"][0] == area),
            "{area}"
        );
    }
    assert!(items.iter().any(|o| o["coverage"]["national"] == true));
    let in_norrkoping: Value = app
        .get_json("/api/v1/offerings?municipality=0581&limit=100")
        .await?;
    assert!(in_norrkoping["items"].as_array().map_or(0, Vec::len) >= 10);

    let maria = app
        .login(
            "maria.lind@hyresbostader.example",
            innolabb_demo::seed::PASSWORD,
        )
        .await?;
    let matches: Value = app.get_as("/api/v1/matches", &maria.access_token).await?;
    let active = matches["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["state"] == "active")
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no active match for Portalen"))?;
    assert_eq!(
        active["offering_organization"]["name"],
        "Kvinnokraft Norrköping"
    );
    let thread: Value = app
        .get_as(
            &format!(
                "/api/v1/matches/{}/messages",
                active["id"].as_str().unwrap_or_default()
            ),
            &maria.access_token,
        )
        .await?;
    assert_eq!(thread["items"].as_array().map(Vec::len), Some(3));
    // The need still gets suggestions from the marketplace (the matched offering aside).
    let need = active["need"]["id"].as_str().unwrap_or_default();
    let suggestions: Value = app
        .get_json(&format!("/api/v1/needs/{need}/suggestions"))
        .await?;
    assert!(suggestions["items"].as_array().map_or(0, Vec::len) >= 3);
    Ok(())
}

#[tokio::test]
async fn the_demo_method_bank_shows_portalen_spread_over_five_counties() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let mut conn = AsyncPgConnection::establish(&app.database_url).await?;
    innolabb_demo::seed::seed(&mut conn).await?;
    innolabb_demo::seed::seed(&mut conn).await?;
    let methods: Page<shared::Method> = app.get_json("/api/v1/methods?limit=100").await?;
    assert_eq!(
        methods.items.len(),
        4,
        "a method from each lab of 2018, loaded once"
    );
    let levels: Vec<(&str, i32)> = methods
        .items
        .iter()
        .map(|m| (m.origin_labs[0].title.as_str(), m.data_level))
        .collect();
    for (lab, level) in &levels {
        let expected = match *lab {
            "Portalen" => 4,
            _ => 2,
        };
        assert_eq!(*level, expected, "{lab}: {levels:?}");
    }
    let portalen = methods
        .items
        .iter()
        .find(|m| m.origin_labs[0].title == "Portalen")
        .ok_or_else(|| anyhow::anyhow!("no Portalen method"))?;
    assert_eq!(portalen.claimed_level, Some(2));
    let spread: shared::MethodSpread = app
        .get_json(&format!("/api/v1/methods/{}/spread", portalen.id))
        .await?;
    let counties: Vec<&str> = spread
        .by_county
        .iter()
        .map(|c| c.county_code.as_str())
        .collect();
    assert_eq!(counties, ["07", "08", "19", "21", "24"]);
    let statistics: shared::Statistics = app.get_json("/api/v1/statistics").await?;
    assert_eq!(statistics.totals.methods, 4);
    assert_eq!(statistics.totals.adoptions, 8);
    Ok(())
}
