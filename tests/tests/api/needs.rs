//! Needs: published by a lab's hosts, found by filters and search.

use innolabb_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn hosts_publish_needs_that_take_the_labs_place_and_change_with_if_match()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let lab = app.create_lab(&anna, org.id, "Portalen", "public").await?;
    let needs = format!("/api/v1/labs/{}/needs", lab.id);
    let response = app
        .call(
            Method::POST,
            &needs,
            Some(&anna.access_token),
            Some(json!({"title": "Jobbcoachning för kvinnor", "description": "Vi söker coacher.", "tags": [" Kvinnor", "jobb", "kvinnor"]})),
        )
        .await?;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str()?.to_owned();
    let need: Value = response.json().await?;
    assert_eq!(
        location,
        format!("/api/v1/needs/{}", need["id"].as_str().unwrap_or_default())
    );
    assert_eq!(need["challenge_area"], "unemployment");
    assert_eq!(need["municipality_code"], "0581");
    assert_eq!(need["organization"]["name"], "Hyresbostäder");
    assert_eq!(need["tags"], json!(["kvinnor", "jobb"]));
    assert_eq!(need["status"], "open");

    let (status, body) = app
        .json(Method::POST, &needs, Some(&anna.access_token), Some(json!({"title": "Läxhjälp", "challenge_area": "schools", "municipality_code": "1480", "tags": ["x".repeat(41)]})))
        .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("tags"))
    );
    let (status, second) = app
        .json(Method::POST, &needs, Some(&anna.access_token), Some(json!({"title": "Läxhjälp", "challenge_area": "schools", "municipality_code": "1480"})))
        .await?;
    assert_eq!(
        (status, second["municipality_name"].as_str()),
        (201, Some("Göteborg"))
    );

    let outsider = app.sign_up("Olle Utanför").await?;
    let (status, _) = app
        .json(
            Method::POST,
            &needs,
            Some(&outsider.access_token),
            Some(json!({"title": "Kapat"})),
        )
        .await?;
    assert_eq!(status, 403);
    let refused = app
        .patch(
            &location,
            &outsider.access_token,
            1,
            json!({"status": "withdrawn"}),
        )
        .await?;
    assert_eq!(refused.status(), 403);
    let filled = app
        .patch(
            &location,
            &anna.access_token,
            1,
            json!({"status": "filled"}),
        )
        .await?;
    assert_eq!(filled.status(), 200);
    assert_eq!(innolabb_tests::etag_version(&filled), Some(2));
    let stale = app
        .patch(&location, &anna.access_token, 1, json!({"title": "Gammal"}))
        .await?;
    assert_eq!(stale.status(), 412);

    let count = |query: &str| {
        let (app, query) = (&app, query.to_owned());
        async move {
            let page: Value = app.get_json(&format!("/api/v1/needs?{query}")).await?;
            Ok::<_, anyhow::Error>(page["items"].as_array().map_or(0, Vec::len))
        }
    };
    assert_eq!(count("").await?, 2);
    assert_eq!(count("status=open").await?, 1);
    assert_eq!(count("status=filled").await?, 1);
    assert_eq!(count("county=14").await?, 1);
    assert_eq!(count("municipality=0581").await?, 1);
    assert_eq!(count("challenge_area=schools").await?, 1);
    let of_lab: Value = app.get_json(&needs).await?;
    assert_eq!(of_lab["items"].as_array().map(Vec::len), Some(2));

    // A need of a members-only lab is as hidden as its lab.
    let hidden = app.create_lab(&anna, org.id, "Internt", "members").await?;
    let (_, need) = app
        .json(
            Method::POST,
            &format!("/api/v1/labs/{}/needs", hidden.id),
            Some(&anna.access_token),
            Some(json!({"title": "Internt behov"})),
        )
        .await?;
    let need_path = format!("/api/v1/needs/{}", need["id"].as_str().unwrap_or_default());
    for token in [None, Some(outsider.access_token.as_str())] {
        let (status, _) = app.json(Method::GET, &need_path, token, None).await?;
        assert_eq!(status, 404);
        let patched = app
            .request(Method::PATCH, &need_path)
            .header("If-Match", "\"1\"")
            .bearer_auth(token.unwrap_or("none"))
            .json(&json!({"title": "Kapat"}))
            .send()
            .await?;
        assert!(
            matches!(patched.status().as_u16(), 401 | 404),
            "{}",
            patched.status()
        );
    }
    assert_eq!(count("").await?, 2, "anonymous callers do not see it");
    Ok(())
}

/// For the routes that take a need's id: outsiders (anonymous, another organisation's
/// member and key, the host's own key without `labs:write`) change nothing, and do not even
/// see the need of a members-only lab.
#[tokio::test]
async fn no_one_outside_a_lab_changes_its_needs() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let bertil = app.sign_up("Bertil Berg").await?;
    let other = app.create_organization(&bertil, "Bertils bolag", 2).await?;
    let (_, other_key) = app
        .create_api_key(&bertil, other.id, &["read", "labs:write", "ideas:write"])
        .await?;
    let (_, own_reader) = app.create_api_key(&anna, org.id, &["read"]).await?;
    for visibility in ["public", "members"] {
        let lab = app.create_lab(&anna, org.id, "Labbet", visibility).await?;
        let (_, need) = app
            .json(
                Method::POST,
                &format!("/api/v1/labs/{}/needs", lab.id),
                Some(&anna.access_token),
                Some(json!({"title": "Ett behov"})),
            )
            .await?;
        let path = format!("/api/v1/needs/{}", need["id"].as_str().unwrap_or_default());
        let hidden = visibility == "members";
        for (who, token, read, write) in [
            ("anonymous", None, if hidden { 404 } else { 200 }, 401),
            (
                "member of B",
                Some(bertil.access_token.as_str()),
                if hidden { 404 } else { 200 },
                if hidden { 404 } else { 403 },
            ),
            (
                "B's key",
                Some(other_key.as_str()),
                if hidden { 404 } else { 200 },
                if hidden { 404 } else { 403 },
            ),
            (
                "A's key without labs:write",
                Some(own_reader.as_str()),
                200,
                403,
            ),
        ] {
            let (status, _) = app.json(Method::GET, &path, token, None).await?;
            assert_eq!(status, read, "{who} GET {visibility}");
            let mut request = app
                .request(Method::PATCH, &path)
                .header("If-Match", "\"1\"")
                .json(&json!({"status": "withdrawn"}));
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            assert_eq!(
                request.send().await?.status(),
                write,
                "{who} PATCH {visibility}"
            );
        }
        let unchanged: Value = app.get_as(&path, &anna.access_token).await?;
        assert_eq!(
            (unchanged["status"].as_str(), unchanged["version"].as_i64()),
            (Some("open"), Some(1))
        );
    }
    Ok(())
}
