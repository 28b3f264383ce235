//! Incremental sync: `updated_since` and `sort=updated_at` on the lists, `If-None-Match` and
//! 304 on reads, and the changes feed — including objects that became hidden.

use innolabb_tests::{TestApp, TestUser, problem};
use reqwest::Method;
use serde_json::{Value, json};

/// The ids of a page's items, in order.
fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item["id"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// An RFC 3339 time as a query value (a `+` would read as a space).
fn encoded(text: &str) -> String {
    text.replace('+', "%2B")
}

#[tokio::test]
async fn a_list_since_a_time_in_update_order_reads_only_what_changed_and_misses_nothing()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let first = app.create_lab(&maria, host.id, "Första", "public").await?;
    let second = app.create_lab(&maria, host.id, "Andra", "public").await?;
    let third = app.create_lab(&maria, host.id, "Tredje", "public").await?;
    // The first is changed last: it moves to the end of the update order.
    let path = format!("/api/v1/labs/{}", first.id);
    let changed = app
        .patch(
            &path,
            &maria.access_token,
            1,
            json!({"title": "Första, ändrat"}),
        )
        .await?;
    assert_eq!(changed.status(), 200);
    let since = encoded(&second.updated_at.to_rfc3339());

    let list = format!("/api/v1/labs?updated_since={since}&sort=updated_at");
    let (status, page) = app.json(Method::GET, &list, None, None).await?;
    assert_eq!(status, 200, "{page}");
    assert_eq!(
        ids(&page),
        [second.id, third.id, first.id].map(|id| id.to_string()),
        "changed at or after the second lab's time, the least recently changed first"
    );

    // Page by page, the same three in the same order.
    let mut read = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let next = match &cursor {
            Some(cursor) => format!("{list}&limit=1&cursor={cursor}"),
            None => format!("{list}&limit=1"),
        };
        let (_, page) = app.json(Method::GET, &next, None, None).await?;
        read.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
        anyhow::ensure!(read.len() <= 3, "paging does not end: {read:?}");
    }
    assert_eq!(read, ids(&page));

    // The other lists take the same parameters.
    for list in ["needs", "offerings", "methods", "organizations", "ideas"] {
        let (status, body) = app
            .json(
                Method::GET,
                &format!("/api/v1/{list}?updated_since={since}&sort=updated_at"),
                None,
                None,
            )
            .await?;
        assert_eq!(status, 200, "{list}: {body}");
    }
    let (_, organizations) = app
        .json(
            Method::GET,
            &format!("/api/v1/organizations?updated_since={since}&sort=updated_at"),
            None,
            None,
        )
        .await?;
    assert_eq!(
        ids(&organizations),
        Vec::<String>::new(),
        "the host did not change since"
    );

    // A time that is not one, and a cursor of another order, are clear 400s.
    let response = app.get("/api/v1/labs?updated_since=igår").await?;
    assert_eq!(response.status(), 400);
    assert_eq!(
        problem(response).await?.problem_type,
        "https://innolabb.se/problems/invalid-parameter"
    );
    let (_, paged) = app
        .json(Method::GET, &format!("{list}&limit=1"), None, None)
        .await?;
    let cursor = paged["next_cursor"].as_str().unwrap_or_default();
    let response = app.get(&format!("/api/v1/labs?cursor={cursor}")).await?;
    assert_eq!(response.status(), 400);
    Ok(())
}

#[tokio::test]
async fn a_read_with_the_etag_it_gave_is_a_304_until_what_it_shows_changes() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let path = format!("/api/v1/labs/{}", lab.id);
    let read = |etag: Option<String>| {
        // As the host reads it: what a lab shows depends on who asks (`can_edit`).
        let mut request = app
            .request(Method::GET, &path)
            .bearer_auth(&maria.access_token);
        if let Some(etag) = etag {
            request = request.header("If-None-Match", etag);
        }
        request.send()
    };

    let first = read(None).await?;
    assert_eq!(first.status(), 200);
    let etag = first.headers()["etag"].to_str()?.to_owned();
    assert_eq!(innolabb_tests::etag_version(&first), Some(1));
    let again = read(Some(etag.clone())).await?;
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["etag"].to_str()?, etag);
    assert_eq!(again.text().await?, "", "a 304 has no body");
    let weak = read(Some(format!("W/{etag}"))).await?;
    assert_eq!(weak.status(), 304, "If-None-Match compares weakly");

    // Its tag still serves for If-Match; after the change the old tag reads the new lab.
    let changed = app
        .request(Method::PATCH, &path)
        .bearer_auth(&maria.access_token)
        .header("If-Match", &etag)
        .json(&json!({"title": "Portalen 2"}))
        .send()
        .await?;
    assert_eq!(changed.status(), 200);
    let changed_etag = changed.headers()["etag"].to_str()?.to_owned();
    let after = read(Some(etag.clone())).await?;
    assert_eq!(after.status(), 200);
    assert_eq!(
        after.headers()["etag"].to_str()?,
        changed_etag,
        "the PATCH gave the GET's tag"
    );
    let after: Value = after.json().await?;
    assert_eq!(after["title"], "Portalen 2");

    // What an idea shows changes with its votes while its version does not: so does its tag.
    let idea = app
        .create_idea(&maria, lab.id, "Språkcafé", "Öva svenska.")
        .await?;
    let idea_path = format!("/api/v1/ideas/{}", idea["id"].as_str().unwrap_or_default());
    let before = app.get(&idea_path).await?;
    let before_etag = before.headers()["etag"].to_str()?.to_owned();
    let voter = app.sign_up("Amina Yusuf").await?;
    let (status, _) = app
        .json(
            Method::PUT,
            &format!("{idea_path}/vote"),
            Some(&voter.access_token),
            None,
        )
        .await?;
    assert!(status == 200 || status == 204, "vote answered {status}");
    let voted = app
        .request(Method::GET, &idea_path)
        .header("If-None-Match", &before_etag)
        .send()
        .await?;
    assert_eq!(voted.status(), 200, "a vote changes what the idea shows");
    assert_eq!(innolabb_tests::etag_version(&voted), Some(1));
    let voted: Value = voted.json().await?;
    assert_eq!(voted["vote_count"], 1);

    // Lists are tagged too.
    let list = app.get("/api/v1/labs").await?;
    let list_etag = list.headers()["etag"].to_str()?.to_owned();
    let unchanged = app
        .request(Method::GET, "/api/v1/labs")
        .header("If-None-Match", list_etag)
        .send()
        .await?;
    assert_eq!(unchanged.status(), 304);
    Ok(())
}

/// The changes feed as `bearer` sees it from `since`, every page read.
async fn feed(
    app: &TestApp,
    bearer: Option<&str>,
    since: Option<&str>,
    limit: u32,
) -> anyhow::Result<Vec<(String, String, String)>> {
    let mut changes = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut path = format!("/api/v1/changes?limit={limit}");
        if let Some(since) = since {
            path.push_str(&format!("&since={}", encoded(since)));
        }
        if let Some(cursor) = &cursor {
            path.push_str(&format!("&cursor={cursor}"));
        }
        let (status, page) = app.json(Method::GET, &path, bearer, None).await?;
        anyhow::ensure!(status == 200, "{path}: {status} {page}");
        for change in page["items"].as_array().into_iter().flatten() {
            let text = |field: &str| change[field].as_str().unwrap_or_default().to_owned();
            changes.push((text("type"), text("id"), text("change")));
        }
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return Ok(changes),
        }
        anyhow::ensure!(changes.len() < 1000, "the feed does not end");
    }
}

fn change_of(changes: &[(String, String, String)], id: uuid::Uuid) -> Option<&str> {
    changes
        .iter()
        .find(|(_, changed, _)| *changed == id.to_string())
        .map(|(_, _, change)| change.as_str())
}

#[tokio::test]
async fn the_changes_feed_tells_each_caller_what_changed_and_what_it_may_no_longer_see()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let partner: TestUser = app.sign_up("Erik Partner").await?;
    let partner_org = app
        .create_organization(&partner, "Hyresgästportalen AB", 20)
        .await?;
    let (_, key) = app
        .create_api_key(&partner, partner_org.id, &["read"])
        .await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let need = app
        .create_need(
            &maria,
            lab.id,
            json!({"title": "Läxhjälp", "challenge_area": "schools", "municipality_code": "0581"}),
        )
        .await?;
    let hidden = app
        .create_lab(&maria, host.id, "Styrgruppen", "members")
        .await?;

    let seen = feed(&app, Some(&key), None, 100).await?;
    assert_eq!(change_of(&seen, lab.id), Some("created"));
    assert_eq!(change_of(&seen, need.id), Some("created"));
    assert_eq!(change_of(&seen, host.id), Some("created"));
    assert_eq!(
        change_of(&seen, hidden.id),
        None,
        "never told of a lab it never could see"
    );
    assert_eq!(
        change_of(
            &feed(&app, Some(&maria.access_token), None, 100).await?,
            hidden.id
        ),
        Some("created"),
        "its host is"
    );
    assert_eq!(
        feed(&app, Some(&key), None, 1).await?,
        seen,
        "page by page, the same feed"
    );

    // The lab becomes members-only: to the partner it and its need are gone.
    let (status, body) = app
        .json(Method::GET, "/api/v1/changes?limit=100", Some(&key), None)
        .await?;
    assert_eq!(status, 200);
    let last_at = body["items"]
        .as_array()
        .and_then(|items| items.last())
        .and_then(|last| last["at"].as_str())
        .unwrap_or_default()
        .to_owned();
    let changed = app
        .patch(
            &format!("/api/v1/labs/{}", lab.id),
            &maria.access_token,
            1,
            json!({"visibility": "members"}),
        )
        .await?;
    assert_eq!(changed.status(), 200);
    let since = feed(&app, Some(&key), Some(&last_at), 100).await?;
    assert_eq!(change_of(&since, lab.id), Some("deleted"));
    assert_eq!(change_of(&since, need.id), Some("deleted"));
    assert_eq!(change_of(&since, host.id), None, "the host did not change");
    let anonymous = feed(&app, None, Some(&last_at), 100).await?;
    assert_eq!(change_of(&anonymous, lab.id), Some("deleted"));
    let host_side = feed(&app, Some(&maria.access_token), Some(&last_at), 100).await?;
    assert_eq!(change_of(&host_side, lab.id), Some("updated"));
    assert_eq!(change_of(&host_side, need.id), Some("updated"));

    // The partner's organisation joins the lab: now it sees it again.
    let (status, body) = app
        .json(
            Method::POST,
            &format!("/api/v1/labs/{}/participants", lab.id),
            Some(&maria.access_token),
            Some(json!({"organization_id": partner_org.id, "role": "partner"})),
        )
        .await?;
    assert_eq!(status, 201, "{body}");
    let joined = feed(&app, Some(&key), Some(&last_at), 100).await?;
    assert_eq!(change_of(&joined, lab.id), Some("updated"));
    assert_eq!(change_of(&joined, need.id), Some("updated"));

    let response = app.get("/api/v1/changes?since=nyss").await?;
    assert_eq!(response.status(), 400);
    Ok(())
}

#[tokio::test]
async fn a_methods_adoptions_are_read_since_a_time_in_update_order() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let bank = crate::methods::Bank::on(app).await?;
    let app = &bank.app;
    let method = bank.published_method().await?;
    let adoptions = format!("/api/v1/methods/{method}/adoptions");
    let mut made = Vec::new();
    for (municipality, neighbourhood) in [("1280", "Rosengård"), ("0180", "Tensta")] {
        let (status, adoption) = app
            .json(
                Method::POST,
                &adoptions,
                Some(&bank.sara.access_token),
                Some(json!({"municipality_code": municipality, "neighbourhood": neighbourhood})),
            )
            .await?;
        assert_eq!(status, 201, "{adoption}");
        made.push(adoption);
    }
    // The first one changes last: in update order it comes last, and alone after the second.
    let first = made[0]["id"].as_str().unwrap_or_default();
    let changed = app
        .patch(
            &format!("/api/v1/adoptions/{first}"),
            &bank.sara.access_token,
            1,
            json!({"status": "running"}),
        )
        .await?;
    assert_eq!(changed.status(), 200);
    let second_at = made[1]["updated_at"].as_str().unwrap_or_default();
    let (status, page) = app
        .json(
            Method::GET,
            &format!(
                "{adoptions}?updated_since={}&sort=updated_at",
                encoded(second_at)
            ),
            None,
            None,
        )
        .await?;
    assert_eq!(status, 200, "{page}");
    assert_eq!(
        ids(&page),
        [made[1]["id"].clone(), made[0]["id"].clone()]
            .map(|id| id.as_str().unwrap_or_default().to_owned())
    );
    let (_, all) = app.json(Method::GET, &adoptions, None, None).await?;
    assert_eq!(
        ids(&all).len(),
        2,
        "without them, all of them, oldest first"
    );
    Ok(())
}
