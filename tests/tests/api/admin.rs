//! The platform admins' queues: organisations to verify (and turning one down, mailed to
//! its owners through a real SMTP server), and the audit log, whole for admins and an
//! organisation's own for its owners.

use innolabb_tests::smtp::SmtpSink;
use innolabb_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::json;
use shared::{AuditEntry, Organization, OrganizationReview, Page, ReviewState, Role};

const QUEUE: &str = "/api/v1/admin/organizations";

async fn admin(app: &TestApp) -> anyhow::Result<TestUser> {
    let admin = app.sign_up("Plattform Admin").await?;
    app.make_platform_admin(&admin).await?;
    Ok(admin)
}

fn names(page: &Page<OrganizationReview>) -> Vec<&str> {
    page.items
        .iter()
        .map(|review| review.organization.name.as_str())
        .collect()
}

async fn reject(
    app: &TestApp,
    who: &TestUser,
    id: uuid::Uuid,
    reason: &str,
) -> anyhow::Result<u16> {
    let path = format!("{QUEUE}/{id}/reject");
    let body = json!({ "reason": reason });
    Ok(app
        .json(Method::POST, &path, Some(&who.access_token), Some(body))
        .await?
        .0)
}

#[tokio::test]
async fn the_queue_lists_unverified_organisations_and_a_rejection_is_mailed_to_the_owners()
-> anyhow::Result<()> {
    let sink = SmtpSink::start().await?;
    let app = TestApp::mailing_to(&sink).await?;
    let admin = app.sign_up_via(&sink, "Plattform Admin").await?;
    app.make_platform_admin(&admin).await?;
    let anna = app.sign_up_via(&sink, "Anna Lindqvist").await?;
    let erik = app.sign_up_via(&sink, "Erik Svensson").await?;
    let first = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let second = app.create_organization(&anna, "Bostadsbolaget", 2).await?;
    assert_eq!(
        app.add_member(&anna, first.id, &erik.email, "member")
            .await?,
        201
    );

    // The queue, the longest waiting first, with each organisation's members.
    let pending: Page<OrganizationReview> = app.get_as(QUEUE, &admin.access_token).await?;
    assert_eq!(names(&pending), ["Hyresbostäder", "Bostadsbolaget"]);
    let review = &pending.items[0];
    assert_eq!(review.state, ReviewState::Pending);
    assert_eq!(review.organization.org_number, first.org_number);
    assert_eq!(
        review
            .members
            .iter()
            .map(|m| (m.email.as_str(), m.role))
            .collect::<Vec<_>>(),
        [
            (anna.email.as_str(), Role::Owner),
            (erik.email.as_str(), Role::Member)
        ]
    );

    // Only platform admins see it or decide.
    assert_eq!(
        app.call(Method::GET, QUEUE, None, None).await?.status(),
        401
    );
    assert_eq!(
        app.call(Method::GET, QUEUE, Some(&anna.access_token), None)
            .await?
            .status(),
        403
    );
    assert_eq!(reject(&app, &anna, first.id, "Nej").await?, 403);

    // A reason is required; then the owners are mailed it, in their language.
    assert_eq!(reject(&app, &admin, first.id, "  ").await?, 422);
    let reason = "Organisationsnumret hör till ett annat bolag.";
    assert_eq!(reject(&app, &admin, first.id, reason).await?, 204);
    let mails = sink.wait_for_mail_to(&anna.email, 2).await?;
    let rejected = &mails[1];
    assert_eq!(rejected.subject(), "Hyresbostäder är inte verifierad");
    assert!(rejected.text.contains(reason), "{}", rejected.text);
    assert!(
        rejected
            .link(&format!("/organizations/{}", first.id))
            .is_ok()
    );
    assert!(
        sink.received()?
            .iter()
            .all(|mail| !mail.header("to").contains(&erik.email)
                || !mail.subject().contains("verifierad")),
        "members who are not owners are not mailed"
    );

    let pending: Page<OrganizationReview> = app.get_as(QUEUE, &admin.access_token).await?;
    assert_eq!(names(&pending), ["Bostadsbolaget"]);
    let turned_down: Page<OrganizationReview> = app
        .get_as(&format!("{QUEUE}?state=rejected"), &admin.access_token)
        .await?;
    assert_eq!(names(&turned_down), ["Hyresbostäder"]);
    assert_eq!(turned_down.items[0].state, ReviewState::Rejected);
    assert_eq!(turned_down.items[0].rejection_reason, reason);
    assert!(turned_down.items[0].rejected_at.is_some());

    // The owner corrects it: back in the queue.
    let changed = app
        .patch(
            &format!("/api/v1/organizations/{}", first.id),
            &anna.access_token,
            first.version,
            json!({"description": "Rättat organisationsnummer i beskrivningen."}),
        )
        .await?;
    assert_eq!(changed.status(), 200);
    let pending: Page<OrganizationReview> = app.get_as(QUEUE, &admin.access_token).await?;
    assert_eq!(names(&pending), ["Hyresbostäder", "Bostadsbolaget"]);

    // Verified, it leaves the queue and can no longer be turned down.
    let verified: Organization = app
        .call(
            Method::POST,
            &format!("{QUEUE}/{}/verify", second.id),
            Some(&admin.access_token),
            None,
        )
        .await?
        .json()
        .await?;
    assert!(verified.verified);
    assert_eq!(reject(&app, &admin, second.id, "För sent").await?, 409);
    let pending: Page<OrganizationReview> = app.get_as(QUEUE, &admin.access_token).await?;
    assert_eq!(names(&pending), ["Hyresbostäder"]);
    assert_eq!(
        reject(&app, &admin, uuid::Uuid::now_v7(), reason).await?,
        404
    );
    Ok(())
}

fn actions(page: &Page<AuditEntry>) -> Vec<&str> {
    page.items
        .iter()
        .map(|entry| entry.action.as_str())
        .collect()
}

#[tokio::test]
async fn the_audit_log_is_filtered_for_admins_and_each_owner_reads_only_their_own()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let admin = admin(&app).await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let erik = app.sign_up("Erik Svensson").await?;
    let bertil = app.sign_up("Bertil Ek").await?;
    let a = app.create_organization(&anna, "Hyresbostäder", 1).await?;
    let b = app
        .create_organization(&bertil, "Bostadsbolaget", 2)
        .await?;
    assert_eq!(
        app.add_member(&anna, a.id, &erik.email, "admin").await?,
        201
    );
    let (key_id, key) = app
        .create_api_key(&anna, a.id, &["read", "offerings:write"])
        .await?;
    let (status, offering) = app
        .json(
            Method::POST,
            "/api/v1/offerings",
            Some(&key),
            Some(json!({"title": "Läxhjälp", "kind": "service",
                        "challenge_areas": ["unemployment"], "coverage": {"national": true}})),
        )
        .await?;
    assert_eq!(status, 201, "{offering}");
    app.create_api_key(&bertil, b.id, &["read"]).await?;
    assert_eq!(reject(&app, &admin, b.id, "Okänt bolag").await?, 204);
    app.call(
        Method::POST,
        &format!("{QUEUE}/{}/verify", a.id),
        Some(&admin.access_token),
        None,
    )
    .await?;

    // Anna's organisation's own log: its own events, newest first, and what its key did.
    let own = format!("/api/v1/organizations/{}/audit-log", a.id);
    let log: Page<AuditEntry> = app.get_as(&own, &anna.access_token).await?;
    assert_eq!(
        actions(&log),
        [
            "organization.verified",
            "offering.created",
            "api_key.created",
            "membership.added",
            "organization.created"
        ]
    );
    let by_key = log
        .items
        .iter()
        .find(|entry| entry.action == "offering.created")
        .map(|entry| entry.api_key.clone());
    assert_eq!(
        by_key,
        Some(Some(shared::ApiKeyRef {
            id: key_id,
            name: "Testnyckel".into()
        })),
        "the key a partner system acted with is named"
    );
    let verified_by = log.items[0]
        .actor
        .as_ref()
        .map(|actor| actor.display_name.as_str());
    assert_eq!(verified_by, Some("Plattform Admin"));
    assert!(
        log.items.iter().all(|entry| entry.subject_id != b.id),
        "nothing of another organisation"
    );

    // Filters and pages.
    let filtered: Page<AuditEntry> = app
        .get_as(&format!("{own}?action=offering."), &anna.access_token)
        .await?;
    assert_eq!(actions(&filtered), ["offering.created"]);
    let first: Page<AuditEntry> = app
        .get_as(&format!("{own}?limit=1"), &anna.access_token)
        .await?;
    let cursor = first.next_cursor.clone().unwrap_or_default();
    let second: Page<AuditEntry> = app
        .get_as(
            &format!("{own}?limit=1&cursor={cursor}"),
            &anna.access_token,
        )
        .await?;
    assert_eq!(first.items[0].id, log.items[0].id);
    assert_eq!(second.items[0].id, log.items[1].id);
    let bad = app
        .call(
            Method::GET,
            &format!("{own}?action=DROP%20TABLE"),
            Some(&anna.access_token),
            None,
        )
        .await?;
    assert_eq!(bad.status(), 400);

    // Only owners and platform admins read it: not an admin of the organisation, not
    // another organisation's owner, not an API key, not anonymous.
    assert_eq!(
        app.call(Method::GET, &own, Some(&erik.access_token), None)
            .await?
            .status(),
        403
    );
    assert_eq!(
        app.call(Method::GET, &own, Some(&bertil.access_token), None)
            .await?
            .status(),
        403
    );
    assert_eq!(
        app.call(Method::GET, &own, Some(&key), None)
            .await?
            .status(),
        403
    );
    assert_eq!(app.call(Method::GET, &own, None, None).await?.status(), 401);
    let admins_view: Page<AuditEntry> = app.get_as(&own, &admin.access_token).await?;
    assert_eq!(actions(&admins_view), actions(&log));

    // The whole log for platform admins, with filters.
    let whole = "/api/v1/admin/audit-log";
    assert_eq!(
        app.call(Method::GET, whole, Some(&anna.access_token), None)
            .await?
            .status(),
        403
    );
    assert_eq!(
        app.call(Method::GET, whole, Some(&key), None)
            .await?
            .status(),
        403
    );
    let rejected: Page<AuditEntry> = app
        .get_as(
            &format!("{whole}?action=organization.rejected"),
            &admin.access_token,
        )
        .await?;
    assert_eq!(rejected.items.len(), 1);
    assert_eq!(rejected.items[0].subject_id, b.id);
    assert_eq!(rejected.items[0].details["reason"], "Okänt bolag");
    let of_b: Page<AuditEntry> = app
        .get_as(
            &format!("{whole}?organization={}", b.id),
            &admin.access_token,
        )
        .await?;
    assert_eq!(
        actions(&of_b),
        [
            "organization.rejected",
            "api_key.created",
            "organization.created"
        ]
    );
    let by_admin: Page<AuditEntry> = app
        .get_as(&format!("{whole}?actor={}", admin.id), &admin.access_token)
        .await?;
    assert_eq!(
        actions(&by_admin),
        ["organization.verified", "organization.rejected"]
    );
    let future: Page<AuditEntry> = app
        .get_as(
            &format!("{whole}?since=2100-01-01T00:00:00Z"),
            &admin.access_token,
        )
        .await?;
    assert!(future.items.is_empty());
    Ok(())
}
