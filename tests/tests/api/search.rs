//! Swedish full-text search over labs, needs, ideas and offerings: stems, compounds and
//! synonyms.

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

/// What `path` answers for the search `q` (as `?q=`), as `token`'s holder or anonymously.
async fn searched(
    app: &TestApp,
    path: &str,
    q: &str,
    token: Option<&str>,
) -> anyhow::Result<Value> {
    let mut request = app.request(Method::GET, path).query(&[("q", q)]);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await?;
    anyhow::ensure!(
        response.status() == 200,
        "{path}?q={q} answered {}",
        response.status()
    );
    Ok(response.json().await?)
}

/// The titles a list answers for a search.
async fn found(
    app: &TestApp,
    list: &str,
    q: &str,
    token: Option<&str>,
) -> anyhow::Result<Vec<String>> {
    let page = searched(app, &format!("/api/v1/{list}"), q, token).await?;
    Ok(titles(&page["items"]))
}

#[tokio::test]
async fn a_part_finds_its_compounds_and_a_compound_its_parts_in_every_list() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let token = Some(maria.access_token.as_str());
    let lab = app
        .create_lab(
            &maria,
            host.id,
            "Trygghetsvandringar i trapphusen",
            "public",
        )
        .await?;
    // The lab's summary (from the helper) speaks of långtidsarbetslöshet.
    assert_eq!(
        found(&app, "labs", "trygghet", None).await?,
        [lab.title.as_str()]
    );
    assert_eq!(
        found(&app, "labs", "arbetslösa", None).await?,
        [lab.title.as_str()]
    );
    app.create_need(
        &maria,
        lab.id,
        json!({"title": "Läxhjälpsgruppen behöver lokaler", "description": "Kvällar i veckan."}),
    )
    .await?;
    assert_eq!(
        found(&app, "needs", "läxhjälp", None).await?,
        ["Läxhjälpsgruppen behöver lokaler"]
    );
    app.create_idea(
        &maria,
        lab.id,
        "Kaffe med kvinnojouren",
        "Ett samtal om stöd.",
    )
    .await?;
    assert_eq!(
        found(&app, "ideas", "kvinnor", None).await?,
        ["Kaffe med kvinnojouren"]
    );
    let karin = app.sign_up("Karin Ek").await?;
    app.create_organization(&karin, "Läsfrämjarna", 2).await?;
    let (status, offering) = app
        .json(
            Method::POST,
            "/api/v1/offerings",
            Some(&karin.access_token),
            Some(json!({
                "title": "Bokcirklar", "description": "Högläsning på skolgården varje vecka.",
                "kind": "service", "challenge_areas": ["schools"],
                "coverage": {"counties": ["05"]}, "tags": []
            })),
        )
        .await?;
    assert_eq!(status, 201, "{offering}");
    assert_eq!(
        found(&app, "offerings", "skola", None).await?,
        ["Bokcirklar"]
    );

    // A compound finds a text about its parts: `läxhjälpsgrupp` finds läxhjälp in a group.
    app.create_need(
        &maria,
        lab.id,
        json!({"title": "Läxhjälp", "description": "En grupp som träffas på biblioteket."}),
    )
    .await?;
    let needs = found(&app, "needs", "läxhjälpsgrupp", None).await?;
    assert_eq!(needs.len(), 2, "{needs:?}");

    // A changed title is analysed again: the old compound's parts no longer find it.
    let response = app
        .patch(
            &format!("/api/v1/labs/{}", lab.id),
            &maria.access_token,
            lab.version,
            json!({"title": "Grannskapsträffar i trapphusen"}),
        )
        .await?;
    assert_eq!(response.status(), 200);
    assert!(found(&app, "labs", "vandring", token).await?.is_empty());
    for q in ["träff", "grannskap", "grannar"] {
        assert_eq!(
            found(&app, "labs", q, token).await?,
            ["Grannskapsträffar i trapphusen"],
            "{q}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn synonyms_widen_a_search_and_a_members_only_lab_stays_hidden_from_outsiders()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let public = app
        .create_lab(&maria, host.id, "Jobbspår för unga", "public")
        .await?;
    let hidden = app
        .create_lab(
            &maria,
            host.id,
            "Brottsförebyggande trygghetsvandringar",
            "members",
        )
        .await?;
    // `arbete` finds `jobb`, `ungdomar` finds `unga`; both in one search.
    assert_eq!(
        found(&app, "labs", "arbete ungdomar", None).await?,
        [public.title.as_str()]
    );
    let all: Value = app.get_json("/api/v1/search?q=sysselsättning").await?;
    assert_eq!(titles(&all["labs"]), [public.title.as_str()]);
    // `kriminalitet` finds `brott`, a part of the title's first compound: for the host...
    let host_token = Some(maria.access_token.as_str());
    for q in ["kriminalitet", "trygghet", "säkerhet"] {
        assert_eq!(
            found(&app, "labs", q, host_token).await?,
            [hidden.title.as_str()],
            "{q}"
        );
    }
    // ...but never for an outsider or anonymously, through a list or the search.
    let olle = app.sign_up("Olle Utanför").await?;
    for token in [None, Some(olle.access_token.as_str())] {
        for q in ["kriminalitet", "trygghet", "trygghetsvandringar"] {
            assert!(found(&app, "labs", q, token).await?.is_empty(), "{q}");
            let all = searched(&app, "/api/v1/search", q, token).await?;
            assert!(titles(&all["labs"]).is_empty(), "{q}: {all}");
        }
    }
    // A word with synonyms still ranks its exact title hit first.
    app.create_lab(&maria, host.id, "Arbete och studier", "public")
        .await?;
    let ranked = found(&app, "labs", "arbete", None).await?;
    assert_eq!(
        ranked.first().map(String::as_str),
        Some("Arbete och studier"),
        "{ranked:?}"
    );
    assert_eq!(ranked.len(), 2);
    Ok(())
}

#[tokio::test]
async fn rows_written_before_their_parts_were_stored_are_analysed_at_start() -> anyhow::Result<()> {
    use diesel_async::{AsyncConnection, RunQueryDsl};
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app
        .create_lab(&maria, host.id, "Kvinnojouren på Navestad", "public")
        .await?;
    let mut conn = diesel_async::AsyncPgConnection::establish(&app.database_url).await?;
    diesel::sql_query("UPDATE labs SET title_parts = NULL, text_parts = NULL")
        .execute(&mut conn)
        .await?;
    assert!(found(&app, "labs", "jour", None).await?.is_empty());
    assert_eq!(api::db::search::analyse_pending(&mut conn).await?, 1);
    assert_eq!(
        found(&app, "labs", "jour", None).await?,
        [lab.title.as_str()]
    );
    assert_eq!(api::db::search::analyse_pending(&mut conn).await?, 0);
    Ok(())
}
