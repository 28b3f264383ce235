//! Labs: who opens, sees and runs them; phases; participants; indicators; pagination.

use innolabb_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::{Value, json};
use shared::{Lab, LabPhase, Organization, Page};

/// A host organisation with its owner and one public lab.
struct Hosted {
    owner: TestUser,
    organization: Organization,
    lab: Lab,
}

async fn hosted(app: &TestApp, name: &str, n: u32, visibility: &str) -> anyhow::Result<Hosted> {
    let owner = app.sign_up(name).await?;
    let organization = app
        .create_organization(&owner, &format!("{name}s bolag"), n)
        .await?;
    let lab = app
        .create_lab(&owner, organization.id, "Portalen", visibility)
        .await?;
    Ok(Hosted {
        owner,
        organization,
        lab,
    })
}

#[tokio::test]
async fn a_member_opens_a_lab_hosted_by_her_organisation() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let response = app
        .call(
            Method::POST,
            "/api/v1/labs",
            Some(&anna.access_token),
            Some(json!({
                "title": "Portalen", "summary": "En mötesplats", "challenge_area": "unemployment",
                "municipality_code": "0581", "neighbourhood": "Navestad", "visibility": "public",
                "starts_on": "2018-09-01", "ends_on": "2020-06-30"
            })),
        )
        .await?;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str()?.to_owned();
    assert_eq!(innolabb_tests::etag_version(&response), Some(1));
    let lab: Lab = response.json().await?;
    assert_eq!(location, format!("/api/v1/labs/{}", lab.id));
    assert_eq!(lab.host.id, org.id);
    assert_eq!(lab.phase, LabPhase::Forming);
    assert_eq!(
        (lab.municipality_name.as_str(), lab.county_code.as_str()),
        ("Norrköping", "05")
    );
    assert!(lab.can_edit);
    let anonymous: Lab = app.get_json(&location).await?;
    assert!(!anonymous.can_edit);
    assert_eq!(anonymous.title, "Portalen");
    Ok(())
}

#[tokio::test]
async fn a_lab_is_hosted_by_an_organisation_of_the_caller_and_valid_in_every_field()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let bertil = app.sign_up("Bertil Berg").await?;
    let fields = |host: Option<uuid::Uuid>| {
        json!({"host_organization_id": host, "title": "Portalen", "challenge_area": "unemployment",
               "municipality_code": "0581", "visibility": "public"})
    };
    let (status, body) = app
        .json(
            Method::POST,
            "/api/v1/labs",
            Some(&anna.access_token),
            Some(fields(None)),
        )
        .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("host_organization_id"))
    );

    let first = app.create_organization(&anna, "Första", 1).await?;
    let second = app.create_organization(&anna, "Andra", 2).await?;
    let others = app.create_organization(&bertil, "Bertils", 3).await?;
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/labs",
            Some(&anna.access_token),
            Some(fields(None)),
        )
        .await?;
    assert_eq!(status, 422, "two organisations: she must say which hosts");
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/labs",
            Some(&anna.access_token),
            Some(fields(Some(others.id))),
        )
        .await?;
    assert_eq!(status, 422, "an organisation she does not belong to");
    let (status, lab) = app
        .json(
            Method::POST,
            "/api/v1/labs",
            Some(&anna.access_token),
            Some(fields(Some(second.id))),
        )
        .await?;
    assert_eq!(
        (status, lab["host"]["id"].as_str()),
        (201, Some(second.id.to_string().as_str()))
    );

    let (status, body) = app
        .json(
            Method::POST,
            "/api/v1/labs",
            Some(&anna.access_token),
            Some(json!({
                "host_organization_id": first.id, "title": "P", "challenge_area": "gardening",
                "municipality_code": "9999", "visibility": "public",
                "starts_on": "2020-01-01", "ends_on": "2019-01-01"
            })),
        )
        .await?;
    assert_eq!(status, 422);
    let mut fields: Vec<&str> = body["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|error| error["field"].as_str())
        .collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        ["challenge_area", "ends_on", "municipality_code", "title"]
    );

    // A partner system opens labs for its own organisation, with the labs:write scope.
    let (_, writer) = app.create_api_key(&anna, first.id, &["labs:write"]).await?;
    let (_, reader) = app.create_api_key(&anna, first.id, &["read"]).await?;
    let (status, lab) = app
        .json(
            Method::POST,
            "/api/v1/labs",
            Some(&writer),
            Some(fields_without_host()),
        )
        .await?;
    assert_eq!(
        (status, lab["host"]["id"].as_str()),
        (201, Some(first.id.to_string().as_str()))
    );
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/labs",
            Some(&reader),
            Some(fields_without_host()),
        )
        .await?;
    assert_eq!(status, 403);
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/labs",
            None,
            Some(fields_without_host()),
        )
        .await?;
    assert_eq!(status, 401);
    let labs: Page<Lab> = app.get_json("/api/v1/labs").await?;
    assert_eq!(labs.items.len(), 2, "nothing refused was stored");
    Ok(())
}

fn fields_without_host() -> Value {
    json!({"title": "Labbet", "challenge_area": "schools", "municipality_code": "0581", "visibility": "public"})
}

#[tokio::test]
async fn a_members_only_lab_exists_only_for_its_participants() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let a = hosted(&app, "Anna Lindqvist", 1, "members").await?;
    let b = hosted(&app, "Bertil Berg", 2, "public").await?;
    let (_, b_key) = app
        .create_api_key(
            &b.owner,
            b.organization.id,
            &["read", "labs:write", "ideas:write"],
        )
        .await?;
    let (_, a_key) = app
        .create_api_key(&a.owner, a.organization.id, &["read"])
        .await?;
    let (_, a_unscoped) = app
        .create_api_key(&a.owner, a.organization.id, &["offerings:write"])
        .await?;
    let path = format!("/api/v1/labs/{}", a.lab.id);

    for (who, token) in [
        ("anonymous", None),
        (
            "another organisation's member",
            Some(b.owner.access_token.as_str()),
        ),
        ("another organisation's key", Some(b_key.as_str())),
        ("an own key without read", Some(a_unscoped.as_str())),
    ] {
        let (status, _) = app.json(Method::GET, &path, token, None).await?;
        assert_eq!(status, 404, "{who}");
        let (_, list) = app.json(Method::GET, "/api/v1/labs", token, None).await?;
        assert_eq!(
            list["items"].as_array().map(Vec::len),
            Some(1),
            "{who} sees only the public lab"
        );
    }
    for token in [&a.owner.access_token, &a_key] {
        let (status, _) = app.json(Method::GET, &path, Some(token), None).await?;
        assert_eq!(status, 200);
    }
    // Once B takes part, B's people see it; a platform admin always does.
    let (status, _) = app
        .json(
            Method::POST,
            &format!("{path}/participants"),
            Some(&a.owner.access_token),
            Some(json!({"organization_id": b.organization.id, "role": "partner"})),
        )
        .await?;
    assert_eq!(status, 201);
    let (status, seen) = app
        .json(Method::GET, &path, Some(&b.owner.access_token), None)
        .await?;
    assert_eq!((status, seen["can_edit"].as_bool()), (200, Some(false)));
    let admin = app.sign_up("Ada Admin").await?;
    app.make_platform_admin(&admin).await?;
    let (status, _) = app
        .json(Method::GET, &path, Some(&admin.access_token), None)
        .await?;
    assert_eq!(status, 200);
    Ok(())
}

/// For every route that takes a lab's id (or its indicator's): an anonymous caller, a
/// member of another organisation and that organisation's API key (all scopes) are refused
/// on a public lab (401/403) and do not even see a members-only one (404; an anonymous
/// write is a 401 whichever lab it names); nothing changes.
#[tokio::test]
async fn no_one_outside_a_lab_changes_it_and_outsiders_do_not_see_a_members_only_lab()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let b = hosted(&app, "Bertil Berg", 2, "public").await?;
    let (_, b_key) = app
        .create_api_key(
            &b.owner,
            b.organization.id,
            &[
                "read",
                "labs:write",
                "ideas:write",
                "offerings:write",
                "matches:write",
            ],
        )
        .await?;
    for visibility in ["public", "members"] {
        let a = hosted(
            &app,
            &format!("Anna {visibility}"),
            if visibility == "public" { 1 } else { 3 },
            visibility,
        )
        .await?;
        let (_, a_read_key) = app
            .create_api_key(&a.owner, a.organization.id, &["read"])
            .await?;
        let lab = a.lab.id;
        let (_, indicator) = app
            .json(
                Method::POST,
                &format!("/api/v1/labs/{lab}/indicators"),
                Some(&a.owner.access_token),
                Some(json!({"name": "Trygghet", "unit": "%", "baseline": 50.0, "target": 70.0, "direction": "increase"})),
            )
            .await?;
        let indicator = indicator["id"].as_str().unwrap_or_default().to_owned();
        let before = app
            .get_as::<Value>(&format!("/api/v1/labs/{lab}"), &a.owner.access_token)
            .await?;

        let reads = [
            format!("/api/v1/labs/{lab}"),
            format!("/api/v1/labs/{lab}/history"),
            format!("/api/v1/labs/{lab}/participants"),
            format!("/api/v1/labs/{lab}/indicators"),
            format!("/api/v1/labs/{lab}/indicators/{indicator}"),
            format!("/api/v1/labs/{lab}/needs"),
            format!("/api/v1/labs/{lab}/ideas"),
        ];
        let writes: Vec<(Method, String, Value)> = vec![
            (
                Method::PATCH,
                format!("/api/v1/labs/{lab}"),
                json!({"title": "Kapad"}),
            ),
            (
                Method::POST,
                format!("/api/v1/labs/{lab}/phase"),
                json!({"phase": "ideation"}),
            ),
            (
                Method::POST,
                format!("/api/v1/labs/{lab}/participants"),
                json!({"organization_id": b.organization.id, "role": "host"}),
            ),
            (
                Method::DELETE,
                format!("/api/v1/labs/{lab}/participants/{}", a.organization.id),
                Value::Null,
            ),
            (
                Method::POST,
                format!("/api/v1/labs/{lab}/indicators"),
                json!({"name": "Kapad", "unit": "st", "baseline": 0.0, "target": 1.0, "direction": "increase"}),
            ),
            (
                Method::POST,
                format!("/api/v1/labs/{lab}/indicators/{indicator}/measurements"),
                json!({"measured_on": "2020-01-01", "value": 1.0}),
            ),
            (
                Method::POST,
                format!("/api/v1/labs/{lab}/needs"),
                json!({"title": "Kapat behov"}),
            ),
        ];
        let hidden = visibility == "members";
        for path in &reads {
            for (who, token) in [
                ("anonymous", None),
                ("member of B", Some(b.owner.access_token.as_str())),
                ("B's key", Some(b_key.as_str())),
            ] {
                let (status, _) = app.json(Method::GET, path, token, None).await?;
                assert_eq!(status, if hidden { 404 } else { 200 }, "{who} GET {path}");
            }
            let (status, _) = app.json(Method::GET, path, Some(&a_read_key), None).await?;
            assert_eq!(status, 200, "A's own read key GET {path}");
        }
        for (method, path, body) in &writes {
            let body = (!body.is_null()).then(|| body.clone());
            for (who, token, expected) in [
                ("anonymous", None, 401),
                (
                    "member of B",
                    Some(b.owner.access_token.as_str()),
                    if hidden { 404 } else { 403 },
                ),
                (
                    "B's key",
                    Some(b_key.as_str()),
                    if hidden { 404 } else { 403 },
                ),
                ("A's key without labs:write", Some(a_read_key.as_str()), 403),
            ] {
                let (status, _) = app.json(method.clone(), path, token, body.clone()).await?;
                assert_eq!(status, expected, "{who} {method} {path}");
            }
        }
        let after = app
            .get_as::<Value>(&format!("/api/v1/labs/{lab}"), &a.owner.access_token)
            .await?;
        assert_eq!(before, after, "nothing changed");
        let participants = app
            .get_as::<Value>(
                &format!("/api/v1/labs/{lab}/participants"),
                &a.owner.access_token,
            )
            .await?;
        assert_eq!(participants["items"].as_array().map(Vec::len), Some(1));
        let indicators = app
            .get_as::<Value>(
                &format!("/api/v1/labs/{lab}/indicators"),
                &a.owner.access_token,
            )
            .await?;
        assert_eq!(indicators["items"].as_array().map(Vec::len), Some(1));
        assert_eq!(
            indicators["items"][0]["measurements"]
                .as_array()
                .map(Vec::len),
            Some(0)
        );
    }
    // Unknown and malformed ids are 404s too.
    let nothing = uuid::Uuid::now_v7();
    for path in [
        format!("/api/v1/labs/{nothing}"),
        "/api/v1/labs/not-a-uuid".to_owned(),
    ] {
        let (status, _) = app
            .json(Method::GET, &path, Some(&b.owner.access_token), None)
            .await?;
        assert_eq!(status, 404);
    }
    Ok(())
}

#[tokio::test]
async fn a_lab_moves_one_phase_forward_or_back_with_a_note_and_nothing_else() -> anyhow::Result<()>
{
    let app = TestApp::spawn().await?;
    let a = hosted(&app, "Anna Lindqvist", 1, "public").await?;
    let token = Some(a.owner.access_token.as_str());
    let phase_path = format!("/api/v1/labs/{}/phase", a.lab.id);
    let move_to = |to: LabPhase, note: Option<&str>| {
        let body = json!({"phase": to.as_str(), "note": note});
        let path = phase_path.clone();
        let app = &app;
        async move { app.json(Method::POST, &path, token, Some(body)).await }
    };
    let phases = LabPhase::ALL;
    for (index, from) in phases.iter().enumerate() {
        for to in phases {
            let forward = index + 1 < phases.len() && phases[index + 1] == *to;
            let back = index > 0 && phases[index - 1] == *to;
            if back {
                let (status, body) = move_to(*to, None).await?;
                assert_eq!(
                    (status, body["errors"][0]["field"].as_str()),
                    (422, Some("note")),
                    "{from:?} → {to:?} without a note"
                );
            }
            let (status, body) = move_to(*to, Some("Vi behöver mer tid.")).await?;
            if forward || back {
                assert_eq!(status, 200, "{from:?} → {to:?}");
                assert_eq!(body["phase"], to.as_str());
                // And return, to try the next move from the same phase.
                let (status, _) = move_to(*from, Some("Tillbaka för testet.")).await?;
                assert_eq!(status, 200, "{to:?} → {from:?}");
            } else {
                assert_eq!(status, 409, "{from:?} → {to:?}");
                let allowed: Vec<&str> = body["allowed"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                let expected: Vec<&str> = [from.next(), from.previous()]
                    .into_iter()
                    .flatten()
                    .map(LabPhase::as_str)
                    .collect();
                assert_eq!(allowed, expected, "{from:?} → {to:?}");
            }
        }
        if let Some(next) = from.next() {
            let (status, _) = move_to(next, None).await?;
            assert_eq!(status, 200);
        }
    }
    // Every change is in the history, oldest first, with who made it and why.
    let history: Value = app
        .get_json(&format!("/api/v1/labs/{}/history", a.lab.id))
        .await?;
    let entries = history["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(entries[0]["from"], Value::Null);
    assert_eq!(entries[0]["to"], "forming");
    assert_eq!(entries[1]["to"], "ideation");
    assert_eq!(entries[1]["actor"], "Anna Lindqvist");
    assert_eq!(entries[2]["to"], "forming");
    assert_eq!(entries[2]["note"], "Tillbaka för testet.");
    assert_eq!(
        entries.last().map(|entry| entry["to"].clone()),
        Some(json!("closed"))
    );
    // 1 creation + per phase: its moves there and back + the step forward.
    assert_eq!(entries.len(), 1 + 2 * 10 + 5);
    Ok(())
}

#[tokio::test]
async fn participants_join_change_role_and_a_lab_always_keeps_a_host() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let a = hosted(&app, "Anna Lindqvist", 1, "members").await?;
    let b_owner = app.sign_up("Bertil Berg").await?;
    let b = app
        .create_organization(&b_owner, "Hyresgästföreningen", 2)
        .await?;
    let token = Some(a.owner.access_token.as_str());
    let participants = format!("/api/v1/labs/{}/participants", a.lab.id);
    let lab_path = format!("/api/v1/labs/{}", a.lab.id);

    let (status, body) = app
        .json(
            Method::POST,
            &participants,
            token,
            Some(json!({"organization_id": uuid::Uuid::now_v7(), "role": "partner"})),
        )
        .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("organization_id"))
    );
    let (status, body) = app
        .json(
            Method::POST,
            &participants,
            token,
            Some(json!({"organization_id": b.id, "role": "tenant_representative"})),
        )
        .await?;
    assert_eq!(
        (status, body["role"].as_str()),
        (201, Some("tenant_representative"))
    );
    // A participant sees the members-only lab but does not run it.
    let refused = app
        .patch(
            &lab_path,
            &b_owner.access_token,
            1,
            json!({"title": "B:s titel"}),
        )
        .await?;
    assert_eq!(refused.status(), 403);

    // The only host cannot step down or leave.
    let (status, _) = app
        .json(
            Method::POST,
            &participants,
            token,
            Some(json!({"organization_id": a.organization.id, "role": "partner"})),
        )
        .await?;
    assert_eq!(status, 409);
    let (status, _) = app
        .json(
            Method::DELETE,
            &format!("{participants}/{}", a.organization.id),
            token,
            None,
        )
        .await?;
    assert_eq!(status, 409);

    // Made a host, B runs the lab; when A leaves, B leads it.
    let (status, body) = app
        .json(
            Method::POST,
            &participants,
            token,
            Some(json!({"organization_id": b.id, "role": "host"})),
        )
        .await?;
    assert_eq!((status, body["role"].as_str()), (200, Some("host")));
    let renamed = app
        .patch(
            &lab_path,
            &b_owner.access_token,
            1,
            json!({"title": "Portalen Navestad"}),
        )
        .await?;
    assert_eq!(renamed.status(), 200);
    let (status, _) = app
        .json(
            Method::DELETE,
            &format!("{participants}/{}", a.organization.id),
            token,
            None,
        )
        .await?;
    assert_eq!(status, 204);
    let lab: Lab = app.get_as(&lab_path, &b_owner.access_token).await?;
    assert_eq!(
        (lab.host.id, lab.title.as_str()),
        (b.id, "Portalen Navestad")
    );
    let (status, _) = app.json(Method::GET, &lab_path, token, None).await?;
    assert_eq!(
        status, 404,
        "A no longer takes part in the members-only lab"
    );
    let (status, _) = app
        .json(
            Method::DELETE,
            &format!("{participants}/{}", a.organization.id),
            Some(&b_owner.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 404, "not a participant any more");
    Ok(())
}

#[tokio::test]
async fn indicators_report_their_latest_measurement_and_progress() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let a = hosted(&app, "Anna Lindqvist", 1, "public").await?;
    let token = Some(a.owner.access_token.as_str());
    let indicators = format!("/api/v1/labs/{}/indicators", a.lab.id);
    let (status, body) = app
        .json(Method::POST, &indicators, token, Some(json!({"name": "Otrygghet", "unit": "%", "baseline": 40.0, "target": 50.0, "direction": "decrease"})))
        .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("target"))
    );
    let response = app
        .call(Method::POST, &indicators, token, Some(json!({"name": "Deltagare i arbete eller studier", "unit": "personer", "baseline": 0.0, "target": 15.0, "direction": "increase"})))
        .await?;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str()?.to_owned();
    let created: Value = response.json().await?;
    assert_eq!(
        (created["latest"].clone(), created["progress"].clone()),
        (Value::Null, Value::Null)
    );
    let measurements = format!("{location}/measurements");
    for (date, value) in [("2019-06-30", 9.0), ("2018-12-31", 4.0)] {
        let (status, _) = app
            .json(
                Method::POST,
                &measurements,
                token,
                Some(json!({"measured_on": date, "value": value, "note": "Intervjuer"})),
            )
            .await?;
        assert_eq!(status, 201);
    }
    let (status, body) = app
        .json(
            Method::POST,
            &measurements,
            token,
            Some(json!({"measured_on": "1018-01-01", "value": 1.0})),
        )
        .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("measured_on"))
    );
    let indicator: Value = app.get_json(&location).await?;
    assert_eq!(
        indicator["latest"]["value"], 9.0,
        "the latest by date, not by entry"
    );
    assert_eq!(indicator["progress"], 0.6);
    let dates: Vec<&str> = indicator["measurements"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m["measured_on"].as_str())
        .collect();
    assert_eq!(dates, ["2018-12-31", "2019-06-30"]);
    let list: Value = app.get_json(&indicators).await?;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
    Ok(())
}

#[tokio::test]
async fn labs_filter_and_page_through_without_gaps_or_repeats() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let places = [
        ("0581", "unemployment"),
        ("2582", "unemployment"),
        ("1480", "crime_prevention"),
        ("0181", "schools"),
        ("0580", "schools"),
    ];
    let mut created = Vec::new();
    for round in 0..2 {
        for (code, area) in places {
            let (status, lab) = app
                .json(
                    Method::POST,
                    "/api/v1/labs",
                    Some(&anna.access_token),
                    Some(json!({"title": format!("Labb {code} {round}"), "challenge_area": area, "municipality_code": code, "visibility": "public"})),
                )
                .await?;
            assert_eq!(status, 201);
            created.push(lab["id"].as_str().unwrap_or_default().to_owned());
        }
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(cursor) => format!("/api/v1/labs?limit=3&cursor={cursor}"),
            None => "/api/v1/labs?limit=3".to_owned(),
        };
        let page: Page<Lab> = app.get_json(&path).await?;
        seen.extend(page.items.iter().map(|lab| lab.id.to_string()));
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    created.reverse();
    assert_eq!(seen, created, "newest first, every lab once");

    let count = |query: String| {
        let app = &app;
        async move {
            let page: Page<Lab> = app.get_json(&format!("/api/v1/labs?{query}")).await?;
            Ok::<_, anyhow::Error>(page.items.len())
        }
    };
    assert_eq!(count("challenge_area=schools".into()).await?, 4);
    assert_eq!(count("municipality=0581".into()).await?, 2);
    assert_eq!(
        count("county=05".into()).await?,
        4,
        "Norrköping and Linköping are in Östergötland"
    );
    assert_eq!(count("county=05&challenge_area=schools".into()).await?, 2);
    assert_eq!(count("phase=forming".into()).await?, 10);
    assert_eq!(count("phase=testing".into()).await?, 0);
    assert_eq!(count(format!("host={}", org.id)).await?, 10);
    assert_eq!(count(format!("host={}", uuid::Uuid::now_v7())).await?, 0);
    for bad in [
        "municipality=581",
        "county=x",
        "limit=0",
        "cursor=nonsense",
        "phase=dreaming",
    ] {
        let response = app.get(&format!("/api/v1/labs?{bad}")).await?;
        assert_eq!(response.status(), 400, "{bad}");
    }
    Ok(())
}

/// A stored value that names no phase (a migration ahead of the code, a hand edit) is an
/// error the logs show, never silently read as some default phase.
#[tokio::test]
async fn a_stored_phase_the_code_does_not_know_is_an_error_not_a_default() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let lab = app.create_lab(&anna, org.id, "Portalen", "public").await?;
    let path = format!("/api/v1/labs/{}", lab.id);
    let (status, _) = app.json(Method::GET, &path, None, None).await?;
    assert_eq!(status, 200);
    app.run_sql("ALTER TABLE labs DROP CONSTRAINT labs_phase_check")
        .await?;
    app.run_sql(&format!(
        "UPDATE labs SET phase = 'hibernating' WHERE id = '{}'",
        lab.id
    ))
    .await?;
    let (status, problem) = app.json(Method::GET, &path, None, None).await?;
    assert_eq!(status, 500, "{problem}");
    assert_eq!(problem["type"], "https://innolabb.se/problems/internal");
    assert!(
        !problem.to_string().contains("hibernating"),
        "the cause is logged, not shown"
    );
    Ok(())
}
