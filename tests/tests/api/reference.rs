use std::collections::{BTreeMap, HashSet};

use innolabb_tests::TestApp;
use shared::{ChallengeArea, County, Municipality, Page, Problem};

#[tokio::test]
async fn the_four_challenge_areas_come_in_order_in_swedish_and_english() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let page: Page<ChallengeArea> = app.get_json("/api/v1/challenge-areas").await?;
    let keys: Vec<_> = page.items.iter().map(|area| area.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "unemployment",
            "schools",
            "community_services",
            "crime_prevention"
        ]
    );
    assert_eq!(
        page.items[0].name.sv,
        "Minska långtidsarbetslösheten, med fokus på kvinnor"
    );
    assert_eq!(page.items[3].name.en, "Crime prevention");
    assert!(
        page.items
            .iter()
            .all(|area| !area.description.sv.is_empty() && !area.description.en.is_empty())
    );
    assert_eq!(page.next_cursor, None);
    Ok(())
}

#[tokio::test]
async fn all_290_municipalities_are_listed_each_in_its_county() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let page: Page<Municipality> = app.get_json("/api/v1/municipalities").await?;
    assert_eq!(page.items.len(), 290);
    assert_eq!(page.next_cursor, None);
    let codes: HashSet<_> = page.items.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(codes.len(), 290, "codes are unique");
    assert!(
        page.items
            .iter()
            .all(|m| m.code.starts_with(&m.county_code))
    );

    let find = |code: &str| page.items.iter().find(|m| m.code == code);
    // The demo labs' municipalities (PRODUCT.md).
    for (code, name, county) in [
        ("0581", "Norrköping", "Östergötlands län"),
        ("2582", "Boden", "Norrbottens län"),
        ("1480", "Göteborg", "Västra Götalands län"),
        ("0181", "Södertälje", "Stockholms län"),
    ] {
        let municipality = find(code);
        assert_eq!(
            municipality.map(|m| (m.name.as_str(), m.county_name.as_str())),
            Some((name, county))
        );
    }
    Ok(())
}

#[tokio::test]
async fn municipalities_sort_in_swedish_alphabetical_order() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let page: Page<Municipality> = app.get_json("/api/v1/municipalities").await?;
    let names: Vec<_> = page.items.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names.first(), Some(&"Ale"));
    assert_eq!(names.last(), Some(&"Övertorneå"));
    // Å, Ä, Ö come after Z and in that order (code-point order would put Ä before Å).
    let position = |name: &str| names.iter().position(|n| *n == name);
    assert!(position("Åmål") < position("Älmhult"));
    assert!(position("Älmhult") < position("Örebro"));
    assert!(position("Ystad") < position("Åmål"));
    Ok(())
}

#[tokio::test]
async fn the_21_counties_account_for_every_municipality() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let counties: Page<County> = app.get_json("/api/v1/counties").await?;
    assert_eq!(counties.items.len(), 21);
    assert_eq!(
        counties
            .items
            .iter()
            .map(|c| c.municipality_count)
            .sum::<i64>(),
        290
    );
    let municipalities: Page<Municipality> = app.get_json("/api/v1/municipalities").await?;
    let mut per_county = BTreeMap::new();
    for municipality in &municipalities.items {
        *per_county
            .entry(municipality.county_code.clone())
            .or_insert(0_i64) += 1;
    }
    for county in &counties.items {
        assert_eq!(
            per_county.get(&county.code),
            Some(&county.municipality_count),
            "{}",
            county.name
        );
    }
    Ok(())
}

#[tokio::test]
async fn municipalities_filter_by_county() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let page: Page<Municipality> = app.get_json("/api/v1/municipalities?county=05").await?;
    assert_eq!(page.items.len(), 13);
    assert!(
        page.items
            .iter()
            .all(|m| m.county_code == "05" && m.county_name == "Östergötlands län")
    );
    assert!(page.items.iter().any(|m| m.name == "Norrköping"));
    Ok(())
}

#[tokio::test]
async fn a_county_code_that_names_no_county_gives_an_empty_list() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let page: Page<Municipality> = app.get_json("/api/v1/municipalities?county=99").await?;
    assert!(page.items.is_empty());
    Ok(())
}

#[tokio::test]
async fn a_malformed_county_code_is_a_400_problem_naming_the_parameter() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    for bad in ["5", "abc", "005", "%C3%96"] {
        let response = app
            .get(&format!("/api/v1/municipalities?county={bad}"))
            .await?;
        assert_eq!(response.status(), 400, "county={bad}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        let problem: Problem = response.json().await?;
        assert_eq!(problem.errors.len(), 1);
        assert_eq!(problem.errors[0].field, "county");
        assert_eq!(problem.errors[0].code, "format");
    }
    Ok(())
}

#[tokio::test]
async fn each_challenge_area_counts_its_running_public_labs_and_active_offerings()
-> anyhow::Result<()> {
    use reqwest::Method;
    use serde_json::json;
    let app = TestApp::spawn().await?;
    let counts = |page: &Page<ChallengeArea>| -> Vec<(String, i64, i64)> {
        page.items
            .iter()
            .map(|area| (area.key.clone(), area.lab_count, area.offering_count))
            .collect()
    };
    let none: Page<ChallengeArea> = app.get_json("/api/v1/challenge-areas").await?;
    assert!(
        counts(&none)
            .iter()
            .all(|(_, labs, offers)| *labs == 0 && *offers == 0)
    );

    let maria = app.sign_up("Maria Lind").await?;
    let host = app.create_organization(&maria, "Hyresbostäder", 10).await?;
    app.create_lab(&maria, host.id, "Öppet labb", "public")
        .await?;
    app.create_lab(&maria, host.id, "Slutet labb", "members")
        .await?;
    let closed = app
        .create_lab(&maria, host.id, "Avslutat labb", "public")
        .await?;
    app.run_sql(&format!(
        "UPDATE labs SET phase = 'closed' WHERE id = '{}'",
        closed.id
    ))
    .await?;
    for (title, areas) in [
        (
            "Jobbcoachning och läxhjälp",
            json!(["unemployment", "schools"]),
        ),
        ("Pausad läxhjälp", json!(["schools"])),
    ] {
        let (status, offering) = app
            .json(
                Method::POST,
                "/api/v1/offerings",
                Some(&maria.access_token),
                Some(
                    json!({"title": title, "description": "Stöd.", "kind": "service",
                    "challenge_areas": areas, "coverage": {"national": true}}),
                ),
            )
            .await?;
        anyhow::ensure!(status == 201, "offering answered {status}: {offering}");
        if title.starts_with("Pausad") {
            app.run_sql(&format!(
                "UPDATE offerings SET status = 'paused' WHERE id = '{}'",
                offering["id"].as_str().unwrap_or_default()
            ))
            .await?;
        }
    }

    // Only the public lab that is still running counts; the paused offering does not.
    let page: Page<ChallengeArea> = app.get_json("/api/v1/challenge-areas").await?;
    assert_eq!(
        counts(&page),
        [
            ("unemployment".to_owned(), 1, 1),
            ("schools".to_owned(), 0, 1),
            ("community_services".to_owned(), 0, 0),
            ("crime_prevention".to_owned(), 0, 0),
        ]
    );
    Ok(())
}
