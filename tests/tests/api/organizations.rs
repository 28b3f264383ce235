use std::collections::HashSet;

use innolabb_tests::{TestApp, org_number};
use reqwest::Method;
use serde_json::json;
use shared::{ApiKey, Member, MyOrganization, Organization, Page, Problem, Role};

#[tokio::test]
async fn creating_an_organisation_makes_the_creator_its_owner() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let response = app
        .call(
            Method::POST,
            "/api/v1/organizations",
            Some(&anna.access_token),
            Some(json!({
                "name": "Hyresbostäder i Norrköping", "kind": "housing_company",
                "org_number": org_number(1).replace('-', ""), "municipality_code": "0581",
                "description": "Allmännyttigt bostadsbolag.", "website": "https://www.example.se"
            })),
        )
        .await?;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str()?.to_owned();
    let created: Organization = response.json().await?;
    assert_eq!(location, format!("/api/v1/organizations/{}", created.id));
    assert_eq!(created.org_number, org_number(1), "stored with its dash");
    assert_eq!(
        (
            created.municipality_name.as_str(),
            created.county_code.as_str()
        ),
        ("Norrköping", "05")
    );
    assert!(!created.verified);

    let fetched: Organization = app.get_json(&location).await?;
    assert_eq!(fetched, created);
    let mine: Page<MyOrganization> = app
        .get_as("/api/v1/me/organizations", &anna.access_token)
        .await?;
    assert_eq!(mine.items.len(), 1);
    assert_eq!(mine.items[0].role, Role::Owner);
    Ok(())
}

#[tokio::test]
async fn an_invalid_organisation_is_refused_field_by_field() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let response = app
        .call(
            Method::POST,
            "/api/v1/organizations",
            Some(&anna.access_token),
            Some(json!({
                "name": "X", "kind": "business", "org_number": "556074-3088",
                "municipality_code": "9999", "website": "www.example.se"
            })),
        )
        .await?;
    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await?;
    let fields: HashSet<_> = problem.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        HashSet::from(["name", "org_number", "municipality_code", "website"])
    );

    let unknown_kind = app
        .call(Method::POST, "/api/v1/organizations", Some(&anna.access_token), Some(json!({
            "name": "Föreningen", "kind": "church", "org_number": org_number(2), "municipality_code": "0581"
        })))
        .await?;
    assert_eq!(unknown_kind.status(), 400);
    let mine: Page<MyOrganization> = app
        .get_as("/api/v1/me/organizations", &anna.access_token)
        .await?;
    assert!(mine.items.is_empty(), "nothing was created");
    Ok(())
}

#[tokio::test]
async fn an_organisation_number_is_registered_once() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let erik = app.sign_up("Erik Svensson").await?;
    app.create_organization(&anna, "Hyresbostäder", 7).await?;
    let again = app
        .call(Method::POST, "/api/v1/organizations", Some(&erik.access_token), Some(json!({
            "name": "Kopian", "kind": "business", "org_number": org_number(7), "municipality_code": "0180"
        })))
        .await?;
    assert_eq!(again.status(), 409);
    Ok(())
}

#[tokio::test]
async fn organisations_page_through_in_order_without_gaps_or_repeats() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let names = [
        "Örebrohem",
        "Ängsbo",
        "Åbo bostäder",
        "Bodenbo",
        "Telge Bostäder",
        "Bostadsbolaget",
        "Hyresbostäder",
    ];
    for (n, name) in names.iter().enumerate() {
        app.create_organization(&anna, name, n as u32 + 10).await?;
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(cursor) => format!("/api/v1/organizations?limit=3&cursor={cursor}"),
            None => "/api/v1/organizations?limit=3".to_owned(),
        };
        let page: Page<Organization> = app.get_json(&path).await?;
        assert!(page.items.len() <= 3);
        seen.extend(page.items.into_iter().map(|o| o.name));
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(
        seen,
        [
            "Bodenbo",
            "Bostadsbolaget",
            "Hyresbostäder",
            "Telge Bostäder",
            "Åbo bostäder",
            "Ängsbo",
            "Örebrohem"
        ]
    );

    let bad_cursor = app
        .get("/api/v1/organizations?cursor=bm90LWEtY3Vyc29y")
        .await?;
    assert_eq!(bad_cursor.status(), 400);
    assert_eq!(
        app.get("/api/v1/organizations?limit=0").await?.status(),
        400
    );
    assert_eq!(
        app.get("/api/v1/organizations?limit=101").await?.status(),
        400
    );

    // Swedish stemming: "bostäderna" finds "bostäder".
    let searched: Page<Organization> = app
        .get_json("/api/v1/organizations?q=bost%C3%A4derna")
        .await?;
    let found: Vec<_> = searched.items.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(found, ["Telge Bostäder", "Åbo bostäder"]);
    // Part of a name, as someone picking an organisation types it; wildcards are literal.
    let typed: Page<Organization> = app.get_json("/api/v1/organizations?q=hyresbo").await?;
    let found: Vec<_> = typed.items.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(found, ["Hyresbostäder"]);
    let wildcard: Page<Organization> = app.get_json("/api/v1/organizations?q=%25").await?;
    assert!(wildcard.items.is_empty());
    let by_county: Page<Organization> = app.get_json("/api/v1/organizations?county=01").await?;
    assert!(by_county.items.is_empty());
    Ok(())
}

#[tokio::test]
async fn owners_and_admins_edit_members_do_not() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let erik = app.sign_up("Erik Svensson").await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let path = format!("/api/v1/organizations/{}", org.id);
    let added = app
        .call(
            Method::POST,
            &format!("{path}/members"),
            Some(&anna.access_token),
            Some(json!({"email": erik.email, "role": "member"})),
        )
        .await?;
    assert_eq!(added.status(), 201);
    // Erik hears that he was added, and the notification leads to the organisation.
    let (_, notifications) = app
        .json(
            Method::GET,
            "/api/v1/notifications",
            Some(&erik.access_token),
            None,
        )
        .await?;
    assert_eq!(notifications["unread_count"], 1);
    let first = &notifications["items"][0];
    assert_eq!(
        (
            first["kind"].as_str(),
            first["subject_type"].as_str(),
            first["subject_id"].as_str(),
            first["details"]["organization_name"].as_str(),
        ),
        (
            Some("member_added"),
            Some("organization"),
            Some(org.id.to_string().as_str()),
            Some("Hyresbostäder"),
        )
    );

    let by_member = app
        .call(
            Method::PATCH,
            &path,
            Some(&erik.access_token),
            Some(json!({"name": "Erik's"})),
        )
        .await?;
    assert_eq!(by_member.status(), 403);
    let without_version = app
        .call(
            Method::PATCH,
            &path,
            Some(&anna.access_token),
            Some(json!({"description": "Nu med 10 000 lägenheter."})),
        )
        .await?;
    assert_eq!(without_version.status(), 428);
    let by_owner: Organization = app
        .patch(
            &path,
            &anna.access_token,
            org.version,
            json!({"description": "Nu med 10 000 lägenheter."}),
        )
        .await?
        .json()
        .await?;
    assert_eq!(by_owner.description, "Nu med 10 000 lägenheter.");
    assert_eq!(by_owner.name, "Hyresbostäder");
    assert_eq!(by_owner.version, org.version + 1);
    Ok(())
}

#[tokio::test]
async fn an_organisation_always_keeps_an_owner_and_admins_never_touch_owners() -> anyhow::Result<()>
{
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let erik = app.sign_up("Erik Svensson").await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let members = format!("/api/v1/organizations/{}/members", org.id);

    let demote_last = app
        .call(
            Method::PATCH,
            &format!("{members}/{}", anna.id),
            Some(&anna.access_token),
            Some(json!({"role": "admin"})),
        )
        .await?;
    assert_eq!(demote_last.status(), 409);
    let leave_last = app
        .call(
            Method::DELETE,
            &format!("{members}/{}", anna.id),
            Some(&anna.access_token),
            None,
        )
        .await?;
    assert_eq!(leave_last.status(), 409);

    app.call(
        Method::POST,
        &members,
        Some(&anna.access_token),
        Some(json!({"email": erik.email, "role": "admin"})),
    )
    .await?;
    let admin_demotes_owner = app
        .call(
            Method::PATCH,
            &format!("{members}/{}", anna.id),
            Some(&erik.access_token),
            Some(json!({"role": "member"})),
        )
        .await?;
    assert_eq!(admin_demotes_owner.status(), 403);
    let admin_makes_self_owner = app
        .call(
            Method::PATCH,
            &format!("{members}/{}", erik.id),
            Some(&erik.access_token),
            Some(json!({"role": "owner"})),
        )
        .await?;
    assert_eq!(admin_makes_self_owner.status(), 403);

    let promoted = app
        .call(
            Method::PATCH,
            &format!("{members}/{}", erik.id),
            Some(&anna.access_token),
            Some(json!({"role": "owner"})),
        )
        .await?;
    assert_eq!(promoted.status(), 200);
    let left = app
        .call(
            Method::DELETE,
            &format!("{members}/{}", anna.id),
            Some(&anna.access_token),
            None,
        )
        .await?;
    assert_eq!(
        left.status(),
        204,
        "with another owner, the first may leave"
    );
    let list: Page<Member> = app.get_as(&members, &erik.access_token).await?;
    assert_eq!(
        list.items
            .iter()
            .map(|m| (m.user_id, m.role))
            .collect::<Vec<_>>(),
        [(erik.id, Role::Owner)]
    );
    Ok(())
}

#[tokio::test]
async fn only_platform_admins_verify_organisations() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let admin = app.sign_up("Plattform Admin").await?;
    app.make_platform_admin(&admin).await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let path = format!("/api/v1/admin/organizations/{}/verify", org.id);
    assert_eq!(
        app.call(Method::POST, &path, Some(&anna.access_token), None)
            .await?
            .status(),
        403
    );
    let verified: Organization = app
        .call(Method::POST, &path, Some(&admin.access_token), None)
        .await?
        .json()
        .await?;
    assert!(verified.verified);
    Ok(())
}

#[tokio::test]
async fn an_api_key_is_shown_once_acts_within_its_scopes_and_dies_when_revoked()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let (key_id, secret) = app.create_api_key(&anna, org.id, &["read"]).await?;
    assert!(secret.starts_with("ilk_"));
    let (_, write_only) = app.create_api_key(&anna, org.id, &["labs:write"]).await?;

    let keys_path = format!("/api/v1/organizations/{}/api-keys", org.id);
    let listed = app
        .call(Method::GET, &keys_path, Some(&anna.access_token), None)
        .await?
        .text()
        .await?;
    assert!(!listed.contains(&secret), "the secret is never listed");
    let listed: Page<ApiKey> = serde_json::from_str(&listed)?;
    assert!(listed.items.iter().all(|key| key.last_used_at.is_none()));

    let members_path = format!("/api/v1/organizations/{}/members", org.id);
    assert_eq!(
        app.call(Method::GET, &members_path, Some(&secret), None)
            .await?
            .status(),
        200
    );
    assert_eq!(
        app.call(Method::GET, &members_path, Some(&write_only), None)
            .await?
            .status(),
        403,
        "no read scope"
    );
    assert_eq!(
        app.call(Method::GET, "/api/v1/me", Some(&secret), None)
            .await?
            .status(),
        403,
        "a key is no person"
    );
    let listed: Page<ApiKey> = app.get_as(&keys_path, &anna.access_token).await?;
    assert!(
        listed
            .items
            .iter()
            .find(|key| key.id == key_id)
            .is_some_and(|key| key.last_used_at.is_some())
    );

    let revoked = app
        .call(
            Method::DELETE,
            &format!("{keys_path}/{key_id}"),
            Some(&anna.access_token),
            None,
        )
        .await?;
    assert_eq!(revoked.status(), 204);
    assert_eq!(
        app.call(Method::GET, &members_path, Some(&secret), None)
            .await?
            .status(),
        401
    );
    Ok(())
}

/// For every route of this area that takes an organisation's id: a member of another
/// organisation, an anonymous caller and the other organisation's API key are refused,
/// and nothing changes.
#[tokio::test]
async fn no_one_outside_an_organisation_reads_or_changes_what_is_its_own() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let bertil = app.sign_up("Bertil Berg").await?;
    let org_a = app.create_organization(&anna, "Organisation A", 1).await?;
    let org_b = app
        .create_organization(&bertil, "Organisation B", 2)
        .await?;
    let (a_key, _) = app.create_api_key(&anna, org_a.id, &["read"]).await?;
    let (_, b_key) = app
        .create_api_key(
            &bertil,
            org_b.id,
            &[
                "read",
                "labs:write",
                "ideas:write",
                "offerings:write",
                "matches:write",
            ],
        )
        .await?;

    let a = org_a.id;
    let routes: Vec<(Method, String, Option<serde_json::Value>)> = vec![
        (
            Method::PATCH,
            format!("/api/v1/organizations/{a}"),
            Some(json!({"name": "Kapad"})),
        ),
        (
            Method::GET,
            format!("/api/v1/organizations/{a}/members"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/organizations/{a}/members"),
            Some(json!({"email": "bertil.berg@example.se", "role": "owner"})),
        ),
        (
            Method::PATCH,
            format!("/api/v1/organizations/{a}/members/{}", anna.id),
            Some(json!({"role": "member"})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/organizations/{a}/members/{}", anna.id),
            None,
        ),
        (
            Method::GET,
            format!("/api/v1/organizations/{a}/api-keys"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/organizations/{a}/api-keys"),
            Some(json!({"name": "Kapad", "scopes": ["read"]})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/organizations/{a}/api-keys/{a_key}"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/admin/organizations/{a}/verify"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/admin/organizations/{a}/reject"),
            Some(json!({"reason": "Kapad"})),
        ),
        (
            Method::GET,
            format!("/api/v1/organizations/{a}/audit-log"),
            None,
        ),
    ];
    for (method, path, body) in &routes {
        let anonymous = app.call(method.clone(), path, None, body.clone()).await?;
        assert_eq!(anonymous.status(), 401, "anonymous {method} {path}");
        let member_of_b = app
            .call(
                method.clone(),
                path,
                Some(&bertil.access_token),
                body.clone(),
            )
            .await?;
        assert_eq!(member_of_b.status(), 403, "member of B {method} {path}");
        let key_of_b = app
            .call(method.clone(), path, Some(&b_key), body.clone())
            .await?;
        assert_eq!(key_of_b.status(), 403, "API key of B {method} {path}");
    }

    // Nothing changed.
    let after: Organization = app.get_json(&format!("/api/v1/organizations/{a}")).await?;
    assert_eq!(after, org_a);
    let members: Page<Member> = app
        .get_as(
            &format!("/api/v1/organizations/{a}/members"),
            &anna.access_token,
        )
        .await?;
    assert_eq!(
        members
            .items
            .iter()
            .map(|m| (m.user_id, m.role))
            .collect::<Vec<_>>(),
        [(anna.id, Role::Owner)]
    );
    let keys: Page<ApiKey> = app
        .get_as(
            &format!("/api/v1/organizations/{a}/api-keys"),
            &anna.access_token,
        )
        .await?;
    assert_eq!(keys.items.len(), 1);
    assert!(keys.items[0].revoked_at.is_none());

    // An id that names nothing is a 404 for everyone.
    let nothing = uuid::Uuid::now_v7();
    assert_eq!(
        app.call(
            Method::GET,
            &format!("/api/v1/organizations/{nothing}"),
            None,
            None
        )
        .await?
        .status(),
        404
    );
    assert_eq!(
        app.call(
            Method::PATCH,
            &format!("/api/v1/organizations/{nothing}"),
            Some(&anna.access_token),
            Some(json!({"name": "X Y"}))
        )
        .await?
        .status(),
        404
    );
    assert_eq!(
        app.call(Method::GET, "/api/v1/organizations/not-a-uuid", None, None)
            .await?
            .status(),
        404
    );
    Ok(())
}

/// A revoked key, a garbage token or an expired one is a 401 on every route, public ones
/// included, so that a partner learns at once that its key is dead; without
/// `Authorization` the public routes answer as before.
#[tokio::test]
async fn credentials_that_are_sent_are_checked_on_public_routes_too() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let org = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let (key_id, secret) = app.create_api_key(&anna, org.id, &["read"]).await?;
    let public = [
        "/api/v1/health",
        "/api/v1/challenge-areas",
        "/api/v1/counties",
        "/api/v1/municipalities",
        "/api/v1/organizations",
        &format!("/api/v1/organizations/{}", org.id),
        "/api/v1/labs",
        "/api/v1/offerings",
        "/api/v1/search?q=arbete",
    ];
    for path in public {
        let (status, _) = app.json(Method::GET, path, Some(&secret), None).await?;
        assert_eq!(status, 200, "{path} with a live key");
    }
    let revoked = app
        .call(
            Method::DELETE,
            &format!("/api/v1/organizations/{}/api-keys/{key_id}", org.id),
            Some(&anna.access_token),
            None,
        )
        .await?;
    assert_eq!(revoked.status(), 204);
    // A token of the right kind, signed with the right secret, issued an hour ago.
    let an_hour_ago = chrono::Utc::now().timestamp() - 3600;
    let expired = api::auth::jwt::issue(
        innolabb_tests::TEST_JWT_SECRET,
        anna.id,
        uuid::Uuid::new_v4(),
        an_hour_ago,
    )?;
    for path in public {
        for (what, token) in [
            ("a revoked key", secret.as_str()),
            ("a made-up key", "ilk_not-a-key"),
            ("a malformed token", "not.a.token"),
            ("an expired token", expired.as_str()),
        ] {
            let (status, problem) = app.json(Method::GET, path, Some(token), None).await?;
            assert_eq!(status, 401, "{path} with {what}");
            assert_eq!(
                problem["status"], 401,
                "{path} with {what} answers a problem"
            );
        }
        let anonymous = app.call(Method::GET, path, None, None).await?;
        assert_eq!(anonymous.status(), 200, "{path} without credentials");
    }
    Ok(())
}
