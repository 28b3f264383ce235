//! Swedish full-text search over labs, needs and ideas.

use innolabb_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

fn titles(list: &Value) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item["title"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn search_understands_swedish_and_ranks_titles_over_text() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let token = Some(anna.access_token.as_str());
    let mut labs = Vec::new();
    for (title, summary) in [
        (
            "Trygga gårdar",
            "Vuxna på gården om kvällarna minskar arbetslösheten bland unga.",
        ),
        ("Arbetslösheten i Navestad", "En mötesplats för kvinnor."),
        ("Läxhjälp", "Skolresultat och framtidstro."),
    ] {
        let (status, lab) = app
            .json(Method::POST, "/api/v1/labs", token, Some(json!({"title": title, "summary": summary, "challenge_area": "unemployment", "municipality_code": "0581", "visibility": "public"})))
            .await?;
        assert_eq!(status, 201);
        labs.push(lab["id"].as_str().unwrap_or_default().to_owned());
    }
    // `arbetslösa` finds `arbetslösheten` (Swedish stemming); the title match ranks first.
    let found: Value = app.get_json("/api/v1/labs?q=arbetsl%C3%B6sa").await?;
    assert_eq!(
        titles(&found["items"]),
        ["Arbetslösheten i Navestad", "Trygga gårdar"]
    );
    let (_, need) = app
        .json(Method::POST, &format!("/api/v1/labs/{}/needs", labs[2]), token, Some(json!({"title": "Läxhjälpare", "description": "Studenter som hjälper elever med matematik."})))
        .await?;
    assert!(need["id"].is_string());
    let (_, idea) = app
        .json(
            Method::POST,
            &format!("/api/v1/labs/{}/ideas", labs[2]),
            token,
            Some(json!({"title": "Mattecafé", "body": "Elever hjälper elever med matematiken."})),
        )
        .await?;
    assert!(idea["id"].is_string());
    let needs: Value = app.get_json("/api/v1/needs?q=elev").await?;
    assert_eq!(titles(&needs["items"]), ["Läxhjälpare"]);
    let ideas: Value = app.get_json("/api/v1/ideas?q=matematik").await?;
    assert_eq!(titles(&ideas["items"]), ["Mattecafé"]);

    let all: Value = app.get_json("/api/v1/search?q=matematik").await?;
    assert_eq!(
        (
            titles(&all["labs"]),
            titles(&all["needs"]),
            titles(&all["ideas"])
        ),
        (
            vec![],
            vec!["Läxhjälpare".to_owned()],
            vec!["Mattecafé".to_owned()]
        )
    );
    let all: Value = app.get_json("/api/v1/search?q=arbetsl%C3%B6shet").await?;
    assert_eq!(titles(&all["labs"]).len(), 2);
    for bad in [
        "/api/v1/search",
        "/api/v1/search?q=",
        &format!("/api/v1/labs?q={}", "a".repeat(201)),
    ] {
        assert_eq!(app.get(bad).await?.status(), 400, "{bad}");
    }
    // Searching pages through by rank without repeats.
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let page: Value = app
            .get_json(&format!(
                "/api/v1/labs?q=arbetsl%C3%B6sa&limit=1&cursor={cursor}"
            ))
            .await?;
        seen.extend(titles(&page["items"]));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => break,
        }
    }
    assert_eq!(seen, ["Arbetslösheten i Navestad", "Trygga gårdar"]);
    Ok(())
}
