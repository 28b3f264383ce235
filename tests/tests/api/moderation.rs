//! Reports and moderation: what a hidden idea or comment leaves, who decides, and that
//! every decision is recorded and told.

use innolabb_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::{Value, json};

/// A public lab hosted by Maria's housing company, an idea by Amina in it, a comment by Bo
/// on the idea, and Karin, who reads it.
struct Thread {
    maria: TestUser,
    amina: TestUser,
    bo: TestUser,
    karin: TestUser,
    /// Maria's housing company, the lab's host.
    host: uuid::Uuid,
    lab: uuid::Uuid,
    idea: String,
    comment: String,
}

async fn thread(app: &TestApp) -> anyhow::Result<Thread> {
    let (maria, host) = app.housing_company().await?;
    let lab = app
        .create_lab(&maria, host.id, "Gården", "public")
        .await?
        .id;
    let amina = app.sign_up("Amina Hassan").await?;
    let idea = app
        .create_idea(&amina, lab, "Grillkväll på gården", "Varje fredag i juni.")
        .await?;
    let idea = idea["id"].as_str().unwrap_or_default().to_owned();
    let bo = app.sign_up("Bo Ek").await?;
    let (status, comment) = app
        .json(
            Method::POST,
            &format!("/api/v1/ideas/{idea}/comments"),
            Some(&bo.access_token),
            Some(json!({"body": "Ni som bor i trean är idioter."})),
        )
        .await?;
    anyhow::ensure!(status == 201, "comment answered {status}");
    let karin = app.sign_up("Karin Ek").await?;
    Ok(Thread {
        maria,
        amina,
        bo,
        karin,
        host: host.id,
        lab,
        idea,
        comment: comment["id"].as_str().unwrap_or_default().to_owned(),
    })
}

async fn report(
    app: &TestApp,
    by: &TestUser,
    target_type: &str,
    id: &str,
) -> anyhow::Result<(u16, Value)> {
    app.json(Method::POST, "/api/v1/reports", Some(&by.access_token),
             Some(json!({"target_type": target_type, "target_id": id, "reason": "offensive", "note": "Kränkande."})))
        .await
}

async fn resolve(
    app: &TestApp,
    by: &TestUser,
    report: &str,
    action: &str,
) -> anyhow::Result<(u16, Value)> {
    app.json(
        Method::POST,
        &format!("/api/v1/admin/reports/{report}/resolve"),
        Some(&by.access_token),
        Some(json!({"action": action, "note": "Personangrepp."})),
    )
    .await
}

/// The secret of a `read` key of an organisation with no part in what is hidden: a partner
/// system mirroring the platform.
async fn partner_key(app: &TestApp) -> anyhow::Result<String> {
    let partner = app.sign_up("Petra Partner").await?;
    let elsewhere = app
        .create_organization(&partner, "Grannföreningen", 7)
        .await?;
    Ok(app
        .create_api_key(&partner, elsewhere.id, &["read"])
        .await?
        .1)
}

/// What the changes feed tells `bearer` of an object (`deleted` once it may not see it).
async fn change_of(
    app: &TestApp,
    bearer: &str,
    object_type: &str,
    id: &str,
) -> anyhow::Result<Option<Value>> {
    let feed = format!("/api/v1/changes?object_type={object_type}");
    let (_, changes) = app.json(Method::GET, &feed, Some(bearer), None).await?;
    Ok(changes["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["id"] == id)
        .map(|c| c["change"].clone()))
}

/// What a search for `prefix` is completed to once the search words are gathered again
/// (after a new lab of `host`, which `maria` runs).
async fn completions_regathered(
    app: &TestApp,
    maria: &TestUser,
    host: uuid::Uuid,
    prefix: &str,
) -> anyhow::Result<Value> {
    app.create_lab(maria, host, "Xylofonverkstaden", "public")
        .await?;
    app.wait_for_search_words("xylof", "xylofonverkstaden")
        .await?;
    let suggested: Value = app
        .get_json(&format!("/api/v1/search/suggest?q={prefix}"))
        .await?;
    Ok(suggested["suggestions"].clone())
}

/// The comments of the idea as `who` sees them.
async fn comments(app: &TestApp, t: &Thread, who: Option<&TestUser>) -> anyhow::Result<Value> {
    let (status, page) = app
        .json(
            Method::GET,
            &format!("/api/v1/ideas/{}/comments", t.idea),
            who.map(|u| u.access_token.as_str()),
            None,
        )
        .await?;
    anyhow::ensure!(status == 200, "comments answered {status}");
    Ok(page["items"][0].clone())
}

#[tokio::test]
async fn a_comment_a_host_hides_keeps_its_place_for_everyone_and_its_text_for_author_and_moderators()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let t = thread(&app).await?;
    let (status, reported) = report(&app, &t.karin, "comment", &t.comment).await?;
    assert_eq!(status, 201, "{reported}");
    assert_eq!(reported["status"], "open");
    assert_eq!(reported["excerpt"], "Ni som bor i trean är idioter.");
    assert_eq!(reported["target_path"], format!("/ideas/{}", t.idea));
    assert_eq!(
        report(&app, &t.karin, "comment", &t.comment).await?.0,
        409,
        "one open report each"
    );
    let id = reported["id"].as_str().unwrap_or_default().to_owned();

    // Karin moderates nothing: her queue is empty and the report is not hers to decide.
    let (status, queue) = app
        .json(
            Method::GET,
            "/api/v1/admin/reports",
            Some(&t.karin.access_token),
            None,
        )
        .await?;
    assert_eq!(
        (status, queue["items"].as_array().map(Vec::len)),
        (200, Some(0))
    );
    assert_eq!(resolve(&app, &t.karin, &id, "hide").await?.0, 404);
    // The lab's host sees it in her queue and hides it.
    let (_, queue) = app
        .json(
            Method::GET,
            "/api/v1/admin/reports?status=open",
            Some(&t.maria.access_token),
            None,
        )
        .await?;
    assert_eq!(queue["items"][0]["id"], id.as_str());
    let (status, decided) = resolve(&app, &t.maria, &id, "hide").await?;
    assert_eq!(status, 200, "{decided}");
    assert_eq!(decided["status"], "hidden");
    assert_eq!(
        resolve(&app, &t.maria, &id, "dismiss").await?.0,
        409,
        "decided already"
    );

    // Everyone else sees a placeholder without text or author; Bo and Maria see the text.
    for reader in [None, Some(&t.karin), Some(&t.amina)] {
        let shown = comments(&app, &t, reader).await?;
        assert_eq!(
            (
                shown["hidden"].clone(),
                shown["body"].clone(),
                shown["author"].clone()
            ),
            (json!(true), Value::Null, Value::Null),
            "{shown}"
        );
    }
    for reader in [&t.bo, &t.maria] {
        let shown = comments(&app, &t, Some(reader)).await?;
        assert_eq!(shown["body"], "Ni som bor i trean är idioter.");
        assert_eq!(shown["hidden"], true);
    }
    let comment = format!("/api/v1/comments/{}", t.comment);
    assert_eq!(app.json(Method::GET, &comment, None, None).await?.0, 404);
    assert_eq!(
        app.json(Method::GET, &comment, Some(&t.karin.access_token), None)
            .await?
            .0,
        404
    );
    assert_eq!(
        app.json(Method::GET, &comment, Some(&t.bo.access_token), None)
            .await?
            .0,
        200
    );

    // Recorded and told.
    let audit = format!(
        "SELECT count(*) FROM audit_log WHERE action = 'moderation.hidden' AND subject_id = '{}' AND actor_user_id = '{}'",
        t.comment, t.maria.id
    );
    assert_eq!(app.count(&audit).await?, 1);
    let told = format!(
        "SELECT count(*) FROM notifications WHERE user_id = '{}' AND kind = 'content_hidden' AND details->>'note' = 'Personangrepp.'",
        t.bo.id
    );
    assert_eq!(app.count(&told).await?, 1);

    // Restored: the text is back for all, and Bo hears of it.
    let (status, restored) = app
        .json(
            Method::POST,
            &format!("/api/v1/admin/reports/{id}/restore"),
            Some(&t.maria.access_token),
            None,
        )
        .await?;
    assert_eq!(
        (status, restored["status"].clone()),
        (200, json!("restored"))
    );
    let shown = comments(&app, &t, None).await?;
    assert_eq!(
        (shown["hidden"].clone(), shown["body"].clone()),
        (json!(false), json!("Ni som bor i trean är idioter."))
    );
    let told = format!(
        "SELECT count(*) FROM notifications WHERE user_id = '{}' AND kind = 'content_restored'",
        t.bo.id
    );
    assert_eq!(app.count(&told).await?, 1);
    assert_eq!(
        app.count("SELECT count(*) FROM audit_log WHERE action = 'moderation.restored'")
            .await?,
        1
    );
    Ok(())
}

#[tokio::test]
async fn a_hidden_idea_leaves_lists_search_statistics_the_changes_feed_and_webhooks()
-> anyhow::Result<()> {
    let app = TestApp::spawn_with(|config| config.webhooks.allow_private = true).await?;
    let t = thread(&app).await?;
    let admin = app.platform_admin().await?;
    // A partner elsewhere follows ideas.
    let partner = app.sign_up("Petra Partner").await?;
    let elsewhere = app
        .create_organization(&partner, "Grannföreningen", 7)
        .await?;
    let (key_id, key) = app
        .create_api_key(&partner, elsewhere.id, &["read"])
        .await?;
    let _ = key_id;
    let receiver = innolabb_tests::receiver::Receiver::start(&[])?;
    app.add_webhook(
        &partner,
        elsewhere.id,
        &receiver.url,
        &["idea.status_changed"],
    )
    .await?;
    app.wait_for_search_words("grillk", "grillkväll").await?;
    let ideas_counted = || async {
        let statistics: Value = app.get_json("/api/v1/statistics").await?;
        let submitted = statistics["ideas_by_status"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|entry| entry["key"] == "submitted")
            .map(|entry| entry["count"].clone());
        anyhow::Ok(submitted)
    };
    assert_eq!(ideas_counted().await?, Some(json!(1)));
    let (_, found) = app
        .json(Method::GET, "/api/v1/search?q=grillkväll", None, None)
        .await?;
    assert_eq!(
        found["ideas"].as_array().map(Vec::len),
        Some(1),
        "found before: {found}"
    );
    let (_, listed) = app
        .json(Method::GET, "/api/v1/ideas?q=grillkväll", None, None)
        .await?;
    assert_eq!(
        listed["items"].as_array().map(Vec::len),
        Some(1),
        "listed before: {listed}"
    );

    let (_, reported) = report(&app, &t.karin, "idea", &t.idea).await?;
    let id = reported["id"].as_str().unwrap_or_default().to_owned();
    let (status, _) = resolve(&app, &admin, &id, "hide").await?;
    assert_eq!(status, 200);

    let idea = format!("/api/v1/ideas/{}", t.idea);
    assert_eq!(app.json(Method::GET, &idea, None, None).await?.0, 404);
    assert_eq!(app.json(Method::GET, &idea, Some(&key), None).await?.0, 404);
    let (status, own) = app
        .json(Method::GET, &idea, Some(&t.amina.access_token), None)
        .await?;
    assert_eq!((status, own["hidden"].clone()), (200, json!(true)));
    assert_eq!(
        app.json(Method::GET, &idea, Some(&t.maria.access_token), None)
            .await?
            .0,
        200
    );
    for list in [
        format!("/api/v1/labs/{}/ideas", t.lab),
        "/api/v1/ideas".to_owned(),
        "/api/v1/ideas?q=grillkväll".to_owned(),
    ] {
        let (status, page) = app
            .json(Method::GET, &list, Some(&t.amina.access_token), None)
            .await?;
        assert_eq!(
            (status, page["items"].as_array().map(Vec::len)),
            (200, Some(0)),
            "{list}: {page}"
        );
    }
    let (_, found) = app
        .json(Method::GET, "/api/v1/search?q=grillkväll", None, None)
        .await?;
    assert_eq!(found["ideas"], json!([]), "{found}");
    assert_eq!(
        ideas_counted().await?,
        Some(json!(0)),
        "no submitted idea counted"
    );
    // The partner's mirror learns the idea is gone.
    assert_eq!(
        change_of(&app, &key, "idea", &t.idea).await?,
        Some(json!("deleted"))
    );
    // The search words forget it once they are gathered again (here after a new lab).
    assert_eq!(
        completions_regathered(&app, &t.maria, t.host, "grillk").await?,
        json!([])
    );
    // A status change of the hidden idea reaches no webhook of an organisation that may not see it.
    let (status, _) = app
        .json(
            Method::POST,
            &format!("{idea}/status"),
            Some(&t.maria.access_token),
            Some(json!({"status": "shortlisted"})),
        )
        .await?;
    assert_eq!(status, 200);
    let sent = "SELECT count(*) FROM webhook_deliveries WHERE event_type = 'idea.status_changed'";
    assert_eq!(app.count(sent).await?, 0);
    Ok(())
}

#[tokio::test]
async fn reports_and_decisions_are_checked_on_every_route_and_object() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let t = thread(&app).await?;
    // A host of another lab, a partner key, and a members-only idea Karin cannot see.
    let (other_host, other) = {
        let person = app.sign_up("Olle Annan").await?;
        let organization = app.create_organization(&person, "Annat bolag", 8).await?;
        app.create_lab(&person, organization.id, "Annat labb", "public")
            .await?;
        (person, organization)
    };
    let (_, key) = app.create_api_key(&other_host, other.id, &["read"]).await?;
    let host = app
        .get_as::<shared::Page<shared::MyOrganization>>(
            "/api/v1/me/organizations",
            &t.maria.access_token,
        )
        .await?;
    let closed = app
        .create_lab(
            &t.maria,
            host.items[0].organization.id,
            "Styrelsen",
            "members",
        )
        .await?;
    let secret = app
        .create_idea(&t.maria, closed.id, "Hemlig idé", "")
        .await?;
    let (status, body) = report(
        &app,
        &t.karin,
        "idea",
        secret["id"].as_str().unwrap_or_default(),
    )
    .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].clone()),
        (422, json!("target_id")),
        "one reports only what one sees"
    );
    assert_eq!(
        report(&app, &t.karin, "lab", &uuid::Uuid::now_v7().to_string())
            .await?
            .0,
        422
    );
    let anonymous = app
        .json(
            Method::POST,
            "/api/v1/reports",
            None,
            Some(json!({"target_type": "idea", "target_id": t.idea, "reason": "spam"})),
        )
        .await?;
    assert_eq!(anonymous.0, 401);
    let by_key = app
        .json(
            Method::POST,
            "/api/v1/reports",
            Some(&key),
            Some(json!({"target_type": "idea", "target_id": t.idea, "reason": "spam"})),
        )
        .await?;
    assert_eq!(by_key.0, 403);

    let (_, reported) = report(&app, &t.karin, "comment", &t.comment).await?;
    let id = reported["id"].as_str().unwrap_or_default().to_owned();
    for path in [
        format!("/api/v1/admin/reports/{id}/resolve"),
        format!("/api/v1/admin/reports/{id}/restore"),
    ] {
        let body = Some(json!({"action": "dismiss"}));
        assert_eq!(
            app.json(Method::POST, &path, None, body.clone()).await?.0,
            401,
            "{path}"
        );
        assert_eq!(
            app.json(Method::POST, &path, Some(&key), body.clone())
                .await?
                .0,
            403,
            "{path}"
        );
        for outsider in [&t.karin, &t.bo, &other_host] {
            assert_eq!(
                app.json(
                    Method::POST,
                    &path,
                    Some(&outsider.access_token),
                    body.clone()
                )
                .await?
                .0,
                404,
                "{path}"
            );
        }
    }
    let (_, queue) = app
        .json(
            Method::GET,
            "/api/v1/admin/reports",
            Some(&other_host.access_token),
            None,
        )
        .await?;
    assert_eq!(
        queue["items"],
        json!([]),
        "another lab's host sees none of this lab's reports"
    );
    assert_eq!(
        app.json(Method::GET, "/api/v1/admin/reports", Some(&key), None)
            .await?
            .0,
        403
    );

    // An organisation is the platform admins' to judge; anything can be dismissed.
    let (_, on_org) = report(&app, &t.karin, "organization", &t.host.to_string()).await?;
    let admin = app.platform_admin().await?;
    let org_report = on_org["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        resolve(&app, &t.maria, &org_report, "dismiss").await?.0,
        404,
        "an organisation is the admins' to judge"
    );
    let (status, dismissed) = resolve(&app, &admin, &org_report, "dismiss").await?;
    assert_eq!(
        (status, dismissed["status"].clone()),
        (200, json!("dismissed"))
    );
    assert_eq!(
        app.count("SELECT count(*) FROM audit_log WHERE action = 'moderation.dismissed'")
            .await?,
        1
    );
    // The admin's queue holds every report; filters narrow it.
    let (_, all) = app
        .json(
            Method::GET,
            "/api/v1/admin/reports",
            Some(&admin.access_token),
            None,
        )
        .await?;
    assert_eq!(all["items"].as_array().map(Vec::len), Some(2));
    let (_, open) = app
        .json(
            Method::GET,
            "/api/v1/admin/reports?status=open&target_type=comment",
            Some(&admin.access_token),
            None,
        )
        .await?;
    assert_eq!(open["items"].as_array().map(Vec::len), Some(1));
    Ok(())
}

#[tokio::test]
async fn a_hidden_offering_leaves_the_marketplace_search_suggestions_figures_and_open_data()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let need = app
        .create_need(&maria, lab.id, json!({"title": "Stöd för arbetslösa kvinnor",
                     "description": "Vi söker jobbcoachning för kvinnor.", "tags": ["jobbcoachning"]}))
        .await?;
    let karin = app.sign_up("Karin Ek").await?;
    let actor = app.create_organization(&karin, "Kvinnokraft", 2).await?;
    let erik = app.sign_up("Erik Svensson").await?;
    assert_eq!(
        app.add_member(&karin, actor.id, &erik.email, "member")
            .await?,
        201
    );
    let id = app
        .create_offering(
            &karin,
            json!({"title": "Zebrakurser i jobbcoachning", "kind": "service",
                   "description": "Jobbcoachning för kvinnor.", "tags": ["jobbcoachning"],
                   "challenge_areas": ["unemployment"], "coverage": {"national": true}}),
        )
        .await?;
    let admin = app.platform_admin().await?;
    let key = partner_key(&app).await?;
    app.wait_for_search_words("zebrak", "zebrakurser").await?;

    // Everywhere it is seen before.
    let suggestions = format!("/api/v1/needs/{}/suggestions", need.id);
    let counted = || async {
        let statistics: Value = app.get_json("/api/v1/statistics").await?;
        let areas: Value = app.get_json("/api/v1/challenge-areas").await?;
        let unemployment = areas["items"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|area| area["key"] == "unemployment")
            .map(|area| area["offering_count"].clone());
        anyhow::Ok((statistics["totals"]["offerings"].clone(), unemployment))
    };
    let seen = || async {
        let listed: Value = app.get_json("/api/v1/offerings?q=zebrakurser").await?;
        let found: Value = app.get_json("/api/v1/search?q=zebrakurser").await?;
        let suggested: Value = app.get_as(&suggestions, &maria.access_token).await?;
        let open_data = app
            .get("/api/v1/open-data/offerings.csv")
            .await?
            .text()
            .await?;
        anyhow::Ok([
            listed["items"].as_array().map_or(0, Vec::len),
            found["offerings"].as_array().map_or(0, Vec::len),
            suggested["items"].as_array().map_or(0, Vec::len),
            usize::from(open_data.contains("Zebrakurser")),
        ])
    };
    assert_eq!(seen().await?, [1, 1, 1, 1]);
    assert_eq!(counted().await?, (json!(1), Some(json!(1))));

    let (status, reported) = report(&app, &maria, "offering", &id).await?;
    assert_eq!(status, 201, "{reported}");
    let report_id = reported["id"].as_str().unwrap_or_default().to_owned();
    let (status, decided) = resolve(&app, &admin, &report_id, "hide").await?;
    assert_eq!(status, 200, "{decided}");

    assert_eq!(seen().await?, [0, 0, 0, 0]);
    assert_eq!(counted().await?, (json!(0), Some(json!(0))));
    let path = format!("/api/v1/offerings/{id}");
    assert_eq!(app.json(Method::GET, &path, None, None).await?.0, 404);
    assert_eq!(
        app.json(Method::GET, &path, Some(&maria.access_token), None)
            .await?
            .0,
        404
    );
    assert_eq!(app.json(Method::GET, &path, Some(&key), None).await?.0, 404);
    for own in [&karin, &erik, &admin] {
        let (status, seen_by) = app
            .json(Method::GET, &path, Some(&own.access_token), None)
            .await?;
        assert_eq!((status, seen_by["hidden"].clone()), (200, json!(true)));
    }
    // No match can be asked for with it.
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/matches",
            Some(&maria.access_token),
            Some(json!({"need_id": need.id, "offering_id": id, "message": "Hej!"})),
        )
        .await?;
    assert_eq!(status, 422);
    // Its organisation's people are told, with a link to it.
    let told = format!(
        "SELECT count(*) FROM notifications WHERE kind = 'content_hidden'
           AND subject_type = 'offering' AND subject_id = '{id}'"
    );
    assert_eq!(app.count(&told).await?, 2);
    // The partner's mirror learns it is gone; the search words forget it when gathered again.
    assert_eq!(
        change_of(&app, &key, "offering", &id).await?,
        Some(json!("deleted"))
    );
    assert_eq!(
        completions_regathered(&app, &maria, host.id, "zebrak").await?,
        json!([])
    );

    // Restored, it is back everywhere.
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/admin/reports/{report_id}/restore"),
            Some(&admin.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 200);
    assert_eq!(seen().await?, [1, 1, 1, 1]);
    assert_eq!(counted().await?, (json!(1), Some(json!(1))));
    Ok(())
}

#[tokio::test]
async fn a_hidden_need_leaves_lists_search_suggestions_and_open_data() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let need = app
        .create_need(&maria, lab.id, json!({"title": "Yxkastning för arbetslösa kvinnor",
                     "description": "Vi söker jobbcoachning för kvinnor.", "tags": ["jobbcoachning"]}))
        .await?;
    let id = need.id.to_string();
    let karin = app.sign_up("Karin Ek").await?;
    app.create_organization(&karin, "Kvinnokraft", 2).await?;
    let offering = app
        .create_offering(
            &karin,
            json!({"title": "Jobbcoachning", "kind": "service", "tags": ["jobbcoachning"],
                   "challenge_areas": ["unemployment"], "coverage": {"national": true}}),
        )
        .await?;
    let fits = format!("/api/v1/offerings/{offering}/suggestions");
    let admin = app.platform_admin().await?;
    app.wait_for_search_words("yxkast", "yxkastning").await?;
    let seen = || async {
        let listed: Value = app.get_json("/api/v1/needs?q=yxkastning").await?;
        let found: Value = app.get_json("/api/v1/search?q=yxkastning").await?;
        let suggested: Value = app.get_as(&fits, &karin.access_token).await?;
        let open_data = app.get("/api/v1/open-data/needs.csv").await?.text().await?;
        anyhow::Ok([
            listed["items"].as_array().map_or(0, Vec::len),
            found["needs"].as_array().map_or(0, Vec::len),
            suggested["items"].as_array().map_or(0, Vec::len),
            usize::from(open_data.contains("Yxkastning")),
        ])
    };
    assert_eq!(seen().await?, [1, 1, 1, 1]);

    let (status, reported) = report(&app, &karin, "need", &id).await?;
    assert_eq!(status, 201, "{reported}");
    let report_id = reported["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        resolve(&app, &maria, &report_id, "hide").await?.0,
        404,
        "a need's reports are the platform admins'"
    );
    assert_eq!(resolve(&app, &admin, &report_id, "hide").await?.0, 200);

    assert_eq!(seen().await?, [0, 0, 0, 0]);
    let path = format!("/api/v1/needs/{id}");
    assert_eq!(app.json(Method::GET, &path, None, None).await?.0, 404);
    assert_eq!(
        app.json(Method::GET, &path, Some(&karin.access_token), None)
            .await?
            .0,
        404
    );
    for sees in [&maria, &admin] {
        let (status, need) = app
            .json(Method::GET, &path, Some(&sees.access_token), None)
            .await?;
        assert_eq!((status, need["hidden"].clone()), (200, json!(true)));
    }
    let told = format!(
        "SELECT count(*) FROM notifications WHERE kind = 'content_hidden'
           AND subject_type = 'need' AND subject_id = '{id}' AND user_id = '{}'",
        maria.id
    );
    assert_eq!(app.count(&told).await?, 1);
    assert_eq!(
        change_of(&app, &karin.access_token, "need", &id).await?,
        Some(json!("deleted"))
    );
    assert_eq!(
        completions_regathered(&app, &maria, host.id, "yxkast").await?,
        json!([])
    );

    let restore = format!("/api/v1/admin/reports/{report_id}/restore");
    assert_eq!(
        app.json(Method::POST, &restore, Some(&admin.access_token), None)
            .await?
            .0,
        200
    );
    assert_eq!(seen().await?, [1, 1, 1, 1]);
    Ok(())
}

#[tokio::test]
async fn a_hidden_lab_takes_what_is_in_it_out_of_sight_and_comes_back_restored()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let t = thread(&app).await?;
    let lab = t.lab.to_string();
    let admin = app.platform_admin().await?;
    app.wait_for_search_words("grillk", "grillkväll").await?;
    let seen = || async {
        let listed: Value = app.get_json("/api/v1/labs?q=gården").await?;
        let found: Value = app.get_json("/api/v1/search?q=gården").await?;
        let statistics: Value = app.get_json("/api/v1/statistics").await?;
        let phases: i64 = statistics["labs_by_phase"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| entry["count"].as_i64())
            .sum();
        let open_data = app.get("/api/v1/open-data/labs.csv").await?.text().await?;
        anyhow::Ok([
            listed["items"].as_array().map_or(0, Vec::len),
            found["labs"].as_array().map_or(0, Vec::len),
            usize::try_from(phases).unwrap_or_default(),
            usize::from(open_data.contains("Gården")),
        ])
    };
    assert_eq!(seen().await?, [1, 1, 1, 1]);

    let (status, reported) = report(&app, &t.karin, "lab", &lab).await?;
    assert_eq!(status, 201, "{reported}");
    let report_id = reported["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(resolve(&app, &admin, &report_id, "hide").await?.0, 200);

    assert_eq!(seen().await?, [0, 0, 0, 0]);
    // The lab and everything in it is gone for everyone but its hosts and the moderators.
    let idea = format!("/api/v1/ideas/{}", t.idea);
    for path in [format!("/api/v1/labs/{lab}"), idea.clone()] {
        assert_eq!(
            app.json(Method::GET, &path, None, None).await?.0,
            404,
            "{path}"
        );
        let (status, _) = app
            .json(Method::GET, &path, Some(&t.karin.access_token), None)
            .await?;
        assert_eq!(status, 404, "{path}");
    }
    for sees in [&t.maria, &admin] {
        let (status, seen_lab) = app
            .json(
                Method::GET,
                &format!("/api/v1/labs/{lab}"),
                Some(&sees.access_token),
                None,
            )
            .await?;
        assert_eq!((status, seen_lab["hidden"].clone()), (200, json!(true)));
    }
    let told = format!(
        "SELECT count(*) FROM notifications WHERE kind = 'content_hidden'
           AND subject_type = 'lab' AND subject_id = '{lab}' AND user_id = '{}'",
        t.maria.id
    );
    assert_eq!(app.count(&told).await?, 1);
    assert_eq!(
        change_of(&app, &t.karin.access_token, "lab", &lab).await?,
        Some(json!("deleted"))
    );
    // Its idea's words are forgotten when gathered again.
    assert_eq!(
        completions_regathered(&app, &t.maria, t.host, "grillk").await?,
        json!([])
    );

    let restore = format!("/api/v1/admin/reports/{report_id}/restore");
    let (status, _) = app
        .json(Method::POST, &restore, Some(&admin.access_token), None)
        .await?;
    assert_eq!(status, 200);
    assert_eq!(app.json(Method::GET, &idea, None, None).await?.0, 200);
    Ok(())
}

#[tokio::test]
async fn a_hidden_organization_takes_its_offerings_and_labs_along_and_restored_brings_back_just_those()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let portalen = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let karin = app.sign_up("Karin Ek").await?;
    let actor = app.create_organization(&karin, "Kvinnokraft", 2).await?;
    let erik = app.sign_up("Erik Svensson").await?;
    assert_eq!(
        app.add_member(&karin, actor.id, &erik.email, "member")
            .await?,
        201
    );
    let (_, own_key) = app.create_api_key(&karin, actor.id, &["read"]).await?;
    let offer = |title: &str| {
        app.create_offering(
            &karin,
            json!({"title": title, "kind": "service",
                   "challenge_areas": ["unemployment"], "coverage": {"national": true}}),
        )
    };
    let offering = offer("Zebrakurser").await?;
    let reported_alone = offer("Kurser i kaos").await?;
    let lab = app
        .create_lab(&karin, actor.id, "Quiltlabbet", "public")
        .await?;
    let amina = app.sign_up("Amina Hassan").await?;
    let idea = app
        .create_idea(&amina, lab.id, "Quiltkväll", "Varje tisdag.")
        .await?;
    let idea = idea["id"].as_str().unwrap_or_default().to_owned();
    let admin = app.platform_admin().await?;
    let key = partner_key(&app).await?;
    // The offering reported on its own is hidden first, and must stay hidden.
    let (_, alone) = report(&app, &maria, "offering", &reported_alone).await?;
    let alone = alone["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(resolve(&app, &admin, &alone, "hide").await?.0, 200);

    let organization = format!("/api/v1/organizations/{}", actor.id);
    let public_paths = [
        organization.clone(),
        format!("/api/v1/offerings/{offering}"),
        format!("/api/v1/labs/{}", lab.id),
        format!("/api/v1/ideas/{idea}"),
    ];
    let answers = || async {
        let mut statuses = Vec::new();
        for path in &public_paths {
            statuses.push(app.json(Method::GET, path, None, None).await?.0);
        }
        anyhow::Ok(statuses)
    };
    let seen = || async {
        let organizations: Value = app.get_json("/api/v1/organizations").await?;
        let offerings: Value = app.get_json("/api/v1/offerings").await?;
        let labs: Value = app.get_json("/api/v1/labs").await?;
        let statistics: Value = app.get_json("/api/v1/statistics").await?;
        let open_data = app
            .get("/api/v1/open-data/offerings.csv")
            .await?
            .text()
            .await?;
        let ids = |page: &Value| -> Vec<String> {
            page["items"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|item| item["id"].as_str().map(str::to_owned))
                .collect()
        };
        anyhow::Ok((
            ids(&organizations).contains(&actor.id.to_string()),
            ids(&offerings),
            ids(&labs).contains(&lab.id.to_string()),
            statistics["totals"]["organizations"].clone(),
            open_data.contains("Zebrakurser"),
        ))
    };
    assert_eq!(answers().await?, [200, 200, 200, 200]);
    assert_eq!(
        seen().await?,
        (true, vec![offering.clone()], true, json!(3), true)
    );

    let (status, reported) = report(&app, &maria, "organization", &actor.id.to_string()).await?;
    assert_eq!(status, 201, "{reported}");
    let report_id = reported["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(resolve(&app, &admin, &report_id, "hide").await?.0, 200);

    assert_eq!(answers().await?, [404, 404, 404, 404]);
    assert_eq!(seen().await?, (false, vec![], false, json!(2), false));
    for outsider in [maria.access_token.as_str(), &key] {
        assert_eq!(
            app.json(Method::GET, &organization, Some(outsider), None)
                .await?
                .0,
            404
        );
    }
    for own in [
        karin.access_token.as_str(),
        &erik.access_token,
        &own_key,
        &admin.access_token,
    ] {
        let (status, seen_by) = app
            .json(Method::GET, &organization, Some(own), None)
            .await?;
        assert_eq!((status, seen_by["hidden"].clone()), (200, json!(true)));
    }
    // Its members are told; a partner's mirror learns that it and all it showed are gone.
    let told = format!(
        "SELECT count(*) FROM notifications WHERE kind = 'content_hidden'
           AND subject_type = 'organization' AND subject_id = '{}'",
        actor.id
    );
    assert_eq!(app.count(&told).await?, 2);
    for (object_type, id) in [
        ("organization", actor.id.to_string()),
        ("offering", offering.clone()),
        ("lab", lab.id.to_string()),
        ("idea", idea.clone()),
    ] {
        assert_eq!(
            change_of(&app, &key, object_type, &id).await?,
            Some(json!("deleted")),
            "{object_type}"
        );
    }
    // What its members add now is hidden with it; no lab can take it in.
    let added_later = offer("Nya kurser").await?;
    let later = format!("/api/v1/offerings/{added_later}");
    assert_eq!(app.json(Method::GET, &later, None, None).await?.0, 404);
    let (status, problem) = app
        .json(
            Method::POST,
            &format!("/api/v1/labs/{}/participants", portalen.id),
            Some(&maria.access_token),
            Some(json!({"organization_id": actor.id, "role": "partner"})),
        )
        .await?;
    assert_eq!(
        (status, problem["errors"][0]["field"].clone()),
        (422, json!("organization_id"))
    );

    // Restored: all its hiding hid comes back, but not what was hidden on its own.
    let restore = format!("/api/v1/admin/reports/{report_id}/restore");
    assert_eq!(
        app.json(Method::POST, &restore, Some(&admin.access_token), None)
            .await?
            .0,
        200
    );
    assert_eq!(answers().await?, [200, 200, 200, 200]);
    assert_eq!(app.json(Method::GET, &later, None, None).await?.0, 200);
    let alone_path = format!("/api/v1/offerings/{reported_alone}");
    assert_eq!(app.json(Method::GET, &alone_path, None, None).await?.0, 404);
    let statistics: Value = app.get_json("/api/v1/statistics").await?;
    assert_eq!(statistics["totals"]["organizations"], json!(3));
    Ok(())
}
