//! Offerings (the marketplace) and the suggestions that pair needs with offerings.

use innolabb_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::{Value, json};

fn offering(
    title: &str,
    description: &str,
    areas: &[&str],
    coverage: Value,
    tags: &[&str],
) -> Value {
    json!({"title": title, "description": description, "kind": "service",
           "challenge_areas": areas, "coverage": coverage, "tags": tags})
}

async fn offer(app: &TestApp, who: &TestUser, body: Value) -> anyhow::Result<String> {
    let (status, created) = app
        .json(
            Method::POST,
            "/api/v1/offerings",
            Some(&who.access_token),
            Some(body),
        )
        .await?;
    anyhow::ensure!(status == 201, "offering answered {status}: {created}");
    Ok(created["id"].as_str().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn actors_offer_change_and_pause_their_offerings() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let karin = app.sign_up("Karin Ek").await?;
    let actor = app.create_organization(&karin, "Kvinnokraft", 1).await?;
    let outsider = app.sign_up("Olle Utanför").await?;
    let body = offering(
        "Jobbcoachning för kvinnor",
        "Coachning för kvinnor som länge stått utanför arbetsmarknaden.",
        &["unemployment"],
        json!({"counties": ["05"]}),
        &["Kvinnor", "jobbcoachning"],
    );
    let response = app
        .call(
            Method::POST,
            "/api/v1/offerings",
            Some(&karin.access_token),
            Some(body.clone()),
        )
        .await?;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str()?.to_owned();
    assert_eq!(innolabb_tests::etag_version(&response), Some(1));
    let created: Value = response.json().await?;
    assert_eq!(created["organization"]["name"], "Kvinnokraft");
    assert_eq!(created["tags"], json!(["kvinnor", "jobbcoachning"]));
    assert_eq!(
        (created["status"].as_str(), created["can_edit"].as_bool()),
        (Some("active"), Some(true))
    );

    for (broken, field) in [
        (json!({"coverage": {}}), "coverage"),
        (json!({"challenge_areas": ["gardening"]}), "challenge_areas"),
        (json!({"challenge_areas": []}), "challenge_areas"),
        (
            json!({"coverage": {"counties": ["99"]}}),
            "coverage.counties",
        ),
        (
            json!({"coverage": {"municipalities": ["9999"]}}),
            "coverage.municipalities",
        ),
        (json!({"title": "X"}), "title"),
    ] {
        let mut invalid = body.clone();
        if let (Some(target), Some(changes)) = (invalid.as_object_mut(), broken.as_object()) {
            target.extend(changes.clone());
        }
        let (status, problem) = app
            .json(
                Method::POST,
                "/api/v1/offerings",
                Some(&karin.access_token),
                Some(invalid),
            )
            .await?;
        assert_eq!(
            (status, problem["errors"][0]["field"].as_str()),
            (422, Some(field)),
            "{broken}"
        );
    }
    let (status, _) = app
        .json(Method::POST, "/api/v1/offerings", None, Some(body.clone()))
        .await?;
    assert_eq!(status, 401);
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/offerings",
            Some(&outsider.access_token),
            Some(body.clone()),
        )
        .await?;
    assert_eq!(status, 422, "an organisation is needed to offer anything");
    let (_, writer) = app
        .create_api_key(&karin, actor.id, &["offerings:write"])
        .await?;
    let (_, reader) = app
        .create_api_key(&karin, actor.id, &["read", "labs:write"])
        .await?;
    let (status, by_key) = app
        .json(
            Method::POST,
            "/api/v1/offerings",
            Some(&writer),
            Some(body.clone()),
        )
        .await?;
    assert_eq!(
        (status, by_key["organization"]["id"].as_str()),
        (201, Some(actor.id.to_string().as_str()))
    );
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/offerings",
            Some(&reader),
            Some(body.clone()),
        )
        .await?;
    assert_eq!(status, 403);

    // Only its organisation changes it, with If-Match.
    let other = app.create_organization(&outsider, "Annat", 2).await?;
    let (_, other_key) = app
        .create_api_key(&outsider, other.id, &["offerings:write"])
        .await?;
    for (who, token, expected) in [
        ("outsider", outsider.access_token.as_str(), 403),
        ("another organisation's key", other_key.as_str(), 403),
        ("own key without offerings:write", reader.as_str(), 403),
    ] {
        let refused = app
            .patch(&location, token, 1, json!({"status": "paused"}))
            .await?;
        assert_eq!(refused.status(), expected, "{who}");
    }
    let paused = app
        .patch(
            &location,
            &karin.access_token,
            1,
            json!({"status": "paused"}),
        )
        .await?;
    assert_eq!(paused.status(), 200);
    assert_eq!(innolabb_tests::etag_version(&paused), Some(2));
    let stale = app
        .patch(&location, &writer, 1, json!({"title": "Gammalt"}))
        .await?;
    assert_eq!(stale.status(), 412);
    let seen: Value = app.get_json(&location).await?;
    assert_eq!(
        (seen["status"].as_str(), seen["can_edit"].as_bool()),
        (Some("paused"), Some(false))
    );
    let (status, _) = app
        .json(
            Method::GET,
            &format!("/api/v1/offerings/{}", uuid::Uuid::now_v7()),
            None,
            None,
        )
        .await?;
    assert_eq!(status, 404);
    Ok(())
}

#[tokio::test]
async fn the_marketplace_filters_by_place_kind_area_and_swedish_text() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let karin = app.sign_up("Karin Ek").await?;
    let actor = app.create_organization(&karin, "Kvinnokraft", 1).await?;
    offer(
        &app,
        &karin,
        offering(
            "I Norrköping",
            "Arbetslöshet bland kvinnor i Navestad.",
            &["unemployment"],
            json!({"municipalities": ["0581"]}),
            &[],
        ),
    )
    .await?;
    offer(
        &app,
        &karin,
        offering(
            "I Östergötland",
            "Läxhjälp för elever.",
            &["schools"],
            json!({"counties": ["05"]}),
            &[],
        ),
    )
    .await?;
    offer(
        &app,
        &karin,
        offering(
            "I hela landet",
            "Stöd till föreningar.",
            &["community_services"],
            json!({"national": true}),
            &[],
        ),
    )
    .await?;
    offer(
        &app,
        &karin,
        offering(
            "I Göteborg",
            "Nattvandring för trygghet.",
            &["crime_prevention"],
            json!({"municipalities": ["1480"]}),
            &[],
        ),
    )
    .await?;
    let titles = |query: &str| {
        let (app, query) = (&app, query.to_owned());
        async move {
            let page: Value = app.get_json(&format!("/api/v1/offerings?{query}")).await?;
            let mut titles: Vec<String> = page["items"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|o| o["title"].as_str().map(str::to_owned))
                .collect();
            titles.sort();
            Ok::<_, anyhow::Error>(titles)
        }
    };
    assert_eq!(
        titles("municipality=0581").await?,
        ["I Norrköping", "I hela landet", "I Östergötland"]
    );
    assert_eq!(
        titles("municipality=0580").await?,
        ["I hela landet", "I Östergötland"],
        "Linköping: by county or nationally"
    );
    assert_eq!(
        titles("county=05").await?,
        ["I Norrköping", "I hela landet", "I Östergötland"]
    );
    assert_eq!(titles("county=14").await?, ["I Göteborg", "I hela landet"]);
    assert_eq!(titles("challenge_area=schools").await?, ["I Östergötland"]);
    assert_eq!(titles("q=arbetsl%C3%B6sa").await?, ["I Norrköping"]);
    assert_eq!(
        titles(&format!("organization={}", actor.id)).await?.len(),
        4
    );
    assert_eq!(titles("kind=funding").await?.len(), 0);
    assert_eq!(titles("status=paused").await?.len(), 0);
    for bad in ["municipality=581", "county=5", "kind=gift", "limit=101"] {
        assert_eq!(
            app.get(&format!("/api/v1/offerings?{bad}")).await?.status(),
            400,
            "{bad}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn a_need_gets_ranked_offerings_with_reasons_in_its_readers_language() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let maria = app.sign_up("Maria Lind").await?;
    let host = app.create_organization(&maria, "Hyresbostäder", 1).await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let need = app
        .create_need(&maria, lab.id, json!({"title": "Stöd för arbetslösa kvinnor", "description": "Vi söker jobbcoachning för kvinnor i Navestad.", "tags": ["kvinnor", "jobbcoachning"]}))
        .await?;
    let need_id = need.id.to_string();
    let karin = app.sign_up("Karin Ek").await?;
    app.create_organization(&karin, "Kvinnokraft", 2).await?;
    let local = offer(
        &app,
        &karin,
        offering(
            "Jobbcoachning för kvinnor",
            "Arbetslöshet bland kvinnor: vi coachar dem till arbete.",
            &["unemployment"],
            json!({"municipalities": ["0581"]}),
            &["kvinnor", "jobbcoachning"],
        ),
    )
    .await?;
    let national = offer(
        &app,
        &karin,
        offering(
            "Nationellt mentorsprogram",
            "Mentorer för arbetslösa.",
            &["unemployment"],
            json!({"national": true}),
            &[],
        ),
    )
    .await?;
    let elsewhere = offer(
        &app,
        &karin,
        offering(
            "Läxhjälp i Göteborg",
            "Läxhjälp för elever.",
            &["schools"],
            json!({"municipalities": ["1480"]}),
            &[],
        ),
    )
    .await?;
    let paused = offer(
        &app,
        &karin,
        offering(
            "Pausad coachning",
            "Jobbcoachning för arbetslösa kvinnor.",
            &["unemployment"],
            json!({"municipalities": ["0581"]}),
            &["kvinnor"],
        ),
    )
    .await?;
    app.patch(
        &format!("/api/v1/offerings/{paused}"),
        &karin.access_token,
        1,
        json!({"status": "paused"}),
    )
    .await?;
    // The need's own organisation offers too: never suggested to itself.
    let own = offer(
        &app,
        &maria,
        offering(
            "Egen coachning",
            "Jobbcoachning för arbetslösa kvinnor.",
            &["unemployment"],
            json!({"municipalities": ["0581"]}),
            &["kvinnor"],
        ),
    )
    .await?;
    // A pair already matched is not suggested again.
    let matched = offer(
        &app,
        &karin,
        offering(
            "Redan matchad",
            "Coachning för arbetslösa kvinnor.",
            &["unemployment"],
            json!({"municipalities": ["0581"]}),
            &[],
        ),
    )
    .await?;
    app.run_sql(&format!(
        "INSERT INTO matches (id, need_id, offering_id, need_organization_id, offering_organization_id, requested_by)
         SELECT gen_random_uuid(), '{need_id}', id, '{}', organization_id, 'need' FROM offerings WHERE id = '{matched}'",
        host.id
    ))
    .await?;

    let path = format!("/api/v1/needs/{need_id}/suggestions");
    let suggestions: Value = app.get_json(&path).await?;
    let items = suggestions["items"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = items
        .iter()
        .filter_map(|s| s["offering"]["id"].as_str())
        .collect();
    assert_eq!(
        ids.first(),
        Some(&local.as_str()),
        "the local, same-area, same-words offering first"
    );
    assert!(ids.contains(&national.as_str()));
    for excluded in [&paused, &own, &matched] {
        assert!(
            !ids.contains(&excluded.as_str()),
            "{excluded} must not be suggested"
        );
    }
    if let Some(position) = ids.iter().position(|id| *id == elsewhere.as_str()) {
        assert!(position > 1, "another area elsewhere ranks low");
    }
    for suggestion in &items {
        let score = suggestion["score"].as_f64().unwrap_or(-1.0);
        let sum: f64 = suggestion["reasons"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| r["weight"].as_f64().unwrap_or(0.0) * r["score"].as_f64().unwrap_or(0.0))
            .sum();
        assert!(
            (score - sum).abs() < 1e-9 && (0.0..=1.0).contains(&score),
            "{suggestion}"
        );
    }
    let scores: Vec<f64> = items.iter().filter_map(|s| s["score"].as_f64()).collect();
    assert!(
        scores.windows(2).all(|pair| pair[0] >= pair[1]),
        "best first: {scores:?}"
    );
    let first = &items[0]["reasons"];
    assert_eq!(first[1]["factor"], "geography");
    assert_eq!(
        first[1]["explanation"],
        "Erbjudandet finns i Norrköping, där behovet finns."
    );
    assert_eq!(
        first[3]["explanation"],
        "Gemensamma taggar: kvinnor, jobbcoachning."
    );
    let english: Value = app
        .request(Method::GET, &path)
        .header("Accept-Language", "en-GB,en;q=0.8")
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(
        english["items"][0]["reasons"][1]["explanation"],
        "The offering is available in Norrköping, where the need is."
    );
    let one: Value = app.get_json(&format!("{path}?limit=1")).await?;
    assert_eq!(one["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(app.get(&format!("{path}?limit=0")).await?.status(), 400);

    // And the other way: the offering's suggested needs.
    let needs: Value = app
        .get_json(&format!("/api/v1/offerings/{local}/suggestions"))
        .await?;
    assert_eq!(needs["items"][0]["need"]["id"], need_id.as_str());
    let own_needs: Value = app
        .get_json(&format!("/api/v1/offerings/{own}/suggestions"))
        .await?;
    assert_eq!(
        own_needs["items"].as_array().map(Vec::len),
        Some(0),
        "not its own organisation's need"
    );
    Ok(())
}

#[tokio::test]
async fn a_suggestion_finds_the_same_topic_in_other_words_and_names_them() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    // Another area, so that only the words can tell the offerings apart.
    let need = app
        .create_need(&maria, lab.id, json!({"title": "Läslust hos barnen", "description": "Barnen i området läser för lite.", "challenge_area": "community_services"}))
        .await?;
    let karin = app.sign_up("Karin Ek").await?;
    app.create_organization(&karin, "Läsfrämjarna", 2).await?;
    let reading = offer(
        &app,
        &karin,
        offering(
            "Läsfrämjande på gården",
            "Högläsning för barn varje vecka.",
            &["schools"],
            json!({"municipalities": ["0581"]}),
            &[],
        ),
    )
    .await?;
    let other = offer(
        &app,
        &karin,
        offering(
            "Energirådgivning",
            "Råd om el och värme för hushåll.",
            &["schools"],
            json!({"municipalities": ["0581"]}),
            &[],
        ),
    )
    .await?;
    let path = format!("/api/v1/needs/{}/suggestions", need.id);
    let suggestions: Value = app.get_json(&path).await?;
    let items = suggestions["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        items[0]["offering"]["id"],
        reading.as_str(),
        "{suggestions}"
    );
    // The need's own words name what they share: läslust for läsfrämjande (a synonym),
    // barn for barnen; the words of the other offering share nothing.
    let text = &items[0]["reasons"][2];
    assert_eq!(text["factor"], "text");
    let explanation = text["explanation"].as_str().unwrap_or_default();
    assert!(
        explanation.starts_with("Behovet och erbjudandet handlar båda om ")
            && explanation.contains("”läslust”")
            && explanation.contains("”barn"),
        "{explanation}"
    );
    if let Some(unrelated) = items
        .iter()
        .find(|item| item["offering"]["id"] == other.as_str())
    {
        assert_eq!(
            unrelated["reasons"][2]["explanation"],
            "Beskrivningarna har inga ord gemensamt."
        );
    }
    let english: Value = app
        .request(Method::GET, &path)
        .header("Accept-Language", "en")
        .send()
        .await?
        .json()
        .await?;
    let explanation = english["items"][0]["reasons"][2]["explanation"]
        .as_str()
        .unwrap_or_default();
    assert!(
        explanation.starts_with("The need and the offering are both about ")
            && explanation.contains("“läslust”"),
        "{explanation}"
    );
    Ok(())
}
