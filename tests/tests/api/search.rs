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

/// The text of highlighted pieces, the marked ones in brackets.
fn marked(pieces: &Value) -> String {
    pieces
        .as_array()
        .into_iter()
        .flatten()
        .map(|piece| {
            let text = piece["text"].as_str().unwrap_or_default();
            match piece["marked"].as_bool() {
                Some(true) => format!("[{text}]"),
                _ => text.to_owned(),
            }
        })
        .collect()
}

/// What `path` answers for `q` once the words of texts just written have been gathered
/// (the test servers gather them every 200 ms): the first answer that `done` accepts, or
/// the last one after ten seconds.
async fn searched_until(
    app: &TestApp,
    path: &str,
    q: &str,
    done: impl Fn(&Value) -> bool,
) -> anyhow::Result<Value> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let all = searched(app, path, q, None).await?;
        if done(&all) || std::time::Instant::now() > deadline {
            return Ok(all);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn every_kind_of_hit_marks_its_words_and_stored_markup_stays_text() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    app.homework_help().await?;
    let all = searched(&app, "/api/v1/search", "läxhjälp", None).await?;
    assert!(all.get("searched_for").is_none(), "{all}");
    let need = &all["needs"][0];
    // The hit is the need as its GET shows it, with its highlight beside.
    assert_eq!(need["title"], "Läxhjälpsgruppen <b>behöver</b> lokaler");
    assert_eq!(
        marked(&need["highlight"]["title"]),
        "[Läxhjälpsgruppen] <b>behöver</b> lokaler"
    );
    // Markdown's raw HTML is left out of the snippet; no piece is markup.
    assert_eq!(
        marked(&need["highlight"]["snippet"]),
        "Kvällar i veckan. alert(1) Arbetslösheten är hög."
    );
    // A synonym (läxläsning) and the offering's own word are marked too.
    assert_eq!(
        marked(&all["ideas"][0]["highlight"]["title"]),
        "[Läxläsning] på biblioteket"
    );
    assert_eq!(
        marked(&all["offerings"][0]["highlight"]["title"]),
        "[Läxhjälp] för unga"
    );
    assert_eq!(
        marked(&all["offerings"][0]["highlight"]["snippet"]),
        "Studenter hjälper med läxorna."
    );
    // A part marks its compounds in the lab's title, and its text in the snippet.
    let all = searched(&app, "/api/v1/search", "trygghet arbetslös", None).await?;
    assert_eq!(
        marked(&all["labs"][0]["highlight"]["title"]),
        "[Trygghetsvandringar] i trapphusen"
    );
    assert_eq!(
        marked(&all["labs"][0]["highlight"]["snippet"]),
        "Ett labb om [långtidsarbetslöshet] bland kvinnor. Navestad"
    );
    Ok(())
}

#[tokio::test]
async fn a_misspelt_search_is_corrected_from_visible_words_and_says_so() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    app.homework_help().await?;
    let corrected =
        |spelling: &'static str| move |all: &Value| all["searched_for"].as_str() == Some(spelling);
    let all = searched_until(&app, "/api/v1/search", "Läxhjalp", corrected("läxhjälp")).await?;
    assert_eq!(all["searched_for"], "läxhjälp", "{all}");
    assert_eq!(titles(&all["offerings"]), ["Läxhjälp för unga"]);
    assert_eq!(
        marked(&all["offerings"][0]["highlight"]["title"]),
        "[Läxhjälp] för unga"
    );
    let all = searched_until(
        &app,
        "/api/v1/search",
        "arbetslöshten",
        corrected("arbetslösheten"),
    )
    .await?;
    assert_eq!(all["searched_for"], "arbetslösheten", "{all}");
    assert_eq!(
        titles(&all["needs"]),
        ["Läxhjälpsgruppen <b>behöver</b> lokaler"]
    );
    // A compound written apart with its linking letter: the part is spelt as a word.
    let all = searched(&app, "/api/v1/search", "trygghets vandring", None).await?;
    assert_eq!(all["searched_for"], "trygghet vandring", "{all}");
    assert_eq!(titles(&all["labs"]), ["Trygghetsvandringar i trapphusen"]);
    assert_eq!(
        marked(&all["labs"][0]["highlight"]["title"]),
        "[Trygghetsvandringar] i trapphusen"
    );
    // A members-only lab's words are never a correction, not even for its host.
    let all = searched(&app, "/api/v1/search", "xylofonverkstan", None).await?;
    assert!(all.get("searched_for").is_none(), "{all}");
    assert!(titles(&all["labs"]).is_empty());
    // A search that finds nothing and is close to no word answers nothing, uncorrected.
    let all = searched(&app, "/api/v1/search", "qwertyuiop", None).await?;
    assert!(all.get("searched_for").is_none(), "{all}");
    Ok(())
}

#[tokio::test]
async fn the_word_being_typed_is_completed_from_visible_words() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    app.homework_help().await?;
    // Wait until the words of all four texts are gathered (the offering's `läxorna` last).
    app.wait_for_search_words("läxo", "läxorna").await?;
    let app = &app;
    let suggested = |q: &'static str| async move {
        let answer = searched(app, "/api/v1/search/suggest", q, None).await?;
        anyhow::Ok(
            answer["suggestions"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect::<Vec<_>>(),
        )
    };
    // The most common first: läxhjälp stands in the need's parts and the offering.
    let completions = suggested("trygghet och Läx").await?;
    assert_eq!(
        completions.first().map(String::as_str),
        Some("trygghet och läxhjälp"),
        "{completions:?}"
    );
    for word in ["läxhjälpsgruppen", "läxläsning", "läxorna"] {
        assert!(
            completions.contains(&format!("trygghet och {word}")),
            "{word}: {completions:?}"
        );
    }
    assert!(suggested("xylo").await?.is_empty(), "members-only words");
    assert!(
        suggested("läx ").await?.len() > 1,
        "trimmed, still completed"
    );
    assert!(suggested("l").await?.is_empty(), "one letter");
    assert!(suggested("läx 2").await?.is_empty(), "not a word");
    for bad in [
        "/api/v1/search/suggest",
        "/api/v1/search/suggest?q=",
        &format!("/api/v1/search/suggest?q={}", "a".repeat(201)),
    ] {
        assert_eq!(app.get(bad).await?.status(), 400, "{bad}");
    }
    Ok(())
}

#[tokio::test]
async fn the_search_ranks_the_newest_matches_and_a_list_ranks_them_all() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let host = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let lab = app
        .create_lab(&anna, host.id, "Skolresultat i Navestad", "public")
        .await?;
    // The best match, in its title, written first; then more matches in text only than
    // the search ranks, each newer than the last.
    app.create_idea(&anna, lab.id, "Läxhjälp på biblioteket", "Varje tisdag.")
        .await?;
    app.run_sql(&format!(
        "INSERT INTO ideas (id, lab_id, title, body, created_at)
         SELECT gen_random_uuid(), '{}', 'Idé ' || n, 'Barnen behöver läxhjälp.',
                now() + n * interval '1 second'
           FROM generate_series(1, 100) n",
        lab.id
    ))
    .await?;

    // The search's five ideas come from the 100 newest matches, best first among them.
    let results = searched(&app, "/api/v1/search", "läxhjälp", None).await?;
    let shown = titles(&results["ideas"]);
    assert_eq!(shown.len(), 5, "{shown:?}");
    assert!(
        !shown.contains(&"Läxhjälp på biblioteket".to_owned()),
        "{shown:?}"
    );
    // The list ranks every match: the title hit first, and more pages to follow.
    let listed = searched(&app, "/api/v1/ideas", "läxhjälp", None).await?;
    assert_eq!(
        titles(&listed["items"]).first().map(String::as_str),
        Some("Läxhjälp på biblioteket")
    );
    assert!(listed["next_cursor"].is_string(), "{listed}");
    Ok(())
}
