//! Events sent to webhooks: each change sends its event, signed, once, to every organisation
//! entitled to see the object — with the object as that organisation's GET shows it — and
//! to no one else; a change that rolls back sends nothing.

use std::time::Duration;

use api::events::{self, Subject};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use innolabb_tests::receiver::{Received, Receiver};
use innolabb_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::{Value, json};

use crate::methods::Bank;

async fn spawn() -> anyhow::Result<TestApp> {
    TestApp::spawn_with(|config| config.webhooks.allow_private = true).await
}

/// The deliveries' bodies, verified with `secret` by the Standard Webhooks library.
fn verified(received: &[Received], secret: &str) -> anyhow::Result<Vec<Value>> {
    let verifier = standardwebhooks::Webhook::new(secret)?;
    received
        .iter()
        .map(|delivery| {
            verifier.verify(&delivery.body, &delivery.headers)?;
            Ok(delivery.json())
        })
        .collect()
}

/// The event types, sorted (deliveries of one moment may come in any order).
fn types(bodies: &[Value]) -> Vec<String> {
    let mut types: Vec<String> = bodies
        .iter()
        .map(|body| body["type"].as_str().unwrap_or_default().to_owned())
        .collect();
    types.sort();
    types
}

/// The one body of `event_type`.
fn event<'a>(bodies: &'a [Value], event_type: &str) -> &'a Value {
    bodies
        .iter()
        .find(|body| body["type"] == event_type)
        .unwrap_or(&Value::Null)
}

/// Waits until the outbox has sent everything it holds, so that what did not arrive will not.
async fn outbox_drained(app: &TestApp) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while app
        .count("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'")
        .await?
        > 0
    {
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "the outbox stays full"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

async fn sign_up_organization(
    app: &TestApp,
    name: &str,
    organization: &str,
    n: u32,
) -> anyhow::Result<(TestUser, uuid::Uuid)> {
    let owner = app.sign_up(name).await?;
    let id = app.create_organization(&owner, organization, n).await?.id;
    Ok((owner, id))
}

const MATCH_EVENTS: [&str; 3] = ["match.requested", "match.accepted", "match.message_posted"];

#[tokio::test]
async fn a_match_is_told_once_signed_to_its_two_sides_as_each_sees_it_and_to_no_one_else()
-> anyhow::Result<()> {
    let app = spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let need = app
        .create_need(
            &maria,
            lab.id,
            json!({"title": "Jobbcoachning för kvinnor"}),
        )
        .await?;
    let (karin, actor) = sign_up_organization(&app, "Karin Ek", "Kvinnokraft", 2).await?;
    let (sara, outsider) = sign_up_organization(&app, "Sara Holm", "Malmöhem", 3).await?;
    let (need_side, offering_side, third) = (
        Receiver::start(&[])?,
        Receiver::start(&[])?,
        Receiver::start(&[])?,
    );
    let (_, need_secret) = app
        .add_webhook(&maria, host.id, &need_side.url, &MATCH_EVENTS)
        .await?;
    let (_, offering_secret) = app
        .add_webhook(&karin, actor, &offering_side.url, &MATCH_EVENTS)
        .await?;
    let (third_webhook, _) = app
        .add_webhook(&sara, outsider, &third.url, &MATCH_EVENTS)
        .await?;

    let (status, offering) = app
        .json(
            Method::POST,
            "/api/v1/offerings",
            Some(&karin.access_token),
            Some(json!({"title": "Coachning", "kind": "service",
                        "challenge_areas": ["unemployment"], "coverage": {"national": true}})),
        )
        .await?;
    assert_eq!(status, 201);
    let (status, requested) = app
        .json(
            Method::POST,
            "/api/v1/matches",
            Some(&karin.access_token),
            Some(json!({"need_id": need.id, "offering_id": offering["id"], "message": "Hej!"})),
        )
        .await?;
    assert_eq!(status, 201, "{requested}");
    let id = requested["id"].as_str().unwrap_or_default().to_owned();

    // The request: one delivery to each side, each verified under its own secret, with the
    // match as that side's own key reads it.
    let to_need = verified(&need_side.wait_for(1).await?, &need_secret)?;
    let to_offering = verified(&offering_side.wait_for(1).await?, &offering_secret)?;
    let all_scopes: Vec<&str> = shared::Scope::ALL.iter().map(|s| s.as_str()).collect();
    let (_, maria_key) = app.create_api_key(&maria, host.id, &all_scopes).await?;
    let (_, karin_key) = app.create_api_key(&karin, actor, &all_scopes).await?;
    for (bodies, key, side) in [
        (&to_need, &maria_key, "need"),
        (&to_offering, &karin_key, "offering"),
    ] {
        let body = &bodies[0];
        assert_eq!(body["type"], "match.requested");
        let (_, read) = app
            .json(
                Method::GET,
                &format!("/api/v1/matches/{id}"),
                Some(key),
                None,
            )
            .await?;
        assert_eq!(body["data"], read, "{side}: the data is the GET");
        assert_eq!(body["data"]["my_sides"], json!([side]));
    }

    // Accepted, and a message: each side hears of both.
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{id}/accept"),
            Some(&maria.access_token),
            Some(json!({})),
        )
        .await?;
    assert_eq!(status, 200);
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{id}/messages"),
            Some(&maria.access_token),
            Some(json!({"body": "Passar tisdag klockan 10?"})),
        )
        .await?;
    assert_eq!(status, 201);
    for (receiver, secret) in [
        (&need_side, &need_secret),
        (&offering_side, &offering_secret),
    ] {
        let bodies = verified(&receiver.wait_for(3).await?, secret)?;
        assert_eq!(
            types(&bodies),
            ["match.accepted", "match.message_posted", "match.requested"]
        );
        assert_eq!(
            event(&bodies, "match.accepted")["data"]["state"],
            "accepted"
        );
        let posted = &event(&bodies, "match.message_posted")["data"];
        assert_eq!(posted["match"]["id"], id.as_str());
        assert_eq!(posted["message"]["body"], "Passar tisdag klockan 10?");
        assert_eq!(posted["message"]["author"]["display_name"], "Maria Lind");
    }
    outbox_drained(&app).await?;
    assert_eq!(need_side.received().len(), 3, "each event once");
    assert_eq!(offering_side.received().len(), 3, "each event once");
    assert!(
        third.received().is_empty(),
        "a third organisation hears nothing"
    );
    let third_id = third_webhook.rsplit('/').next().unwrap_or_default();
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM webhook_deliveries WHERE webhook_id = '{third_id}'"
        ))
        .await?,
        0
    );
    Ok(())
}

const LAB_EVENTS: [&str; 4] = [
    "idea.created",
    "idea.status_changed",
    "lab.phase_changed",
    "need.created",
];

#[tokio::test]
async fn a_members_only_labs_events_reach_its_participants_and_never_an_outsider()
-> anyhow::Result<()> {
    let app = spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let closed = app
        .create_lab(&maria, host.id, "Trygg i Navestad", "members")
        .await?;
    let open = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let (erik, partner) = sign_up_organization(&app, "Erik Svensson", "Studieförbundet", 2).await?;
    let (sara, outsider) = sign_up_organization(&app, "Sara Holm", "Malmöhem", 3).await?;
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/labs/{}/participants", closed.id),
            Some(&maria.access_token),
            Some(json!({"organization_id": partner, "role": "partner"})),
        )
        .await?;
    assert_eq!(status, 201);
    let receivers = [
        Receiver::start(&[])?,
        Receiver::start(&[])?,
        Receiver::start(&[])?,
    ];
    let mut secrets = Vec::new();
    for ((owner, organization), receiver) in
        [(&maria, host.id), (&erik, partner), (&sara, outsider)]
            .into_iter()
            .zip(&receivers)
    {
        let (_, secret) = app
            .add_webhook(owner, organization, &receiver.url, &LAB_EVENTS)
            .await?;
        secrets.push(secret);
    }

    // In the members-only lab: an idea, its status, a phase, a need.
    let idea = app
        .create_idea(
            &maria,
            closed.id,
            "Trygghetsvandringar",
            "Varje månad, med grannar.",
        )
        .await?;
    let idea = idea["id"].as_str().unwrap_or_default().to_owned();
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/ideas/{idea}/status"),
            Some(&maria.access_token),
            Some(json!({"status": "shortlisted"})),
        )
        .await?;
    assert_eq!(status, 200);
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/labs/{}/phase", closed.id),
            Some(&maria.access_token),
            Some(json!({"phase": "ideation"})),
        )
        .await?;
    assert_eq!(status, 200);
    app.create_need(
        &maria,
        closed.id,
        json!({"title": "Belysning i gångtunneln"}),
    )
    .await?;
    // In the public lab: a need everyone may see.
    let public_need = app
        .create_need(&maria, open.id, json!({"title": "Läxhjälp på tisdagar"}))
        .await?;

    let [host_side, partner_side, outsider_side] = &receivers;
    let expected = [
        "idea.created",
        "idea.status_changed",
        "lab.phase_changed",
        "need.created",
        "need.created",
    ];
    let by_host = verified(&host_side.wait_for(5).await?, &secrets[0])?;
    let by_partner = verified(&partner_side.wait_for(5).await?, &secrets[1])?;
    assert_eq!(types(&by_host), expected);
    assert_eq!(types(&by_partner), expected);
    // Each sees the lab as its own GET does: the host may run it, the partner not.
    assert_eq!(
        event(&by_host, "lab.phase_changed")["data"]["can_edit"],
        true
    );
    assert_eq!(
        event(&by_partner, "lab.phase_changed")["data"]["can_edit"],
        false
    );
    assert_eq!(
        event(&by_partner, "lab.phase_changed")["data"]["phase"],
        "ideation"
    );
    assert_eq!(
        event(&by_partner, "idea.status_changed")["data"]["status"],
        "shortlisted"
    );

    outbox_drained(&app).await?;
    let by_outsider = verified(&outsider_side.received(), &secrets[2])?;
    assert_eq!(
        types(&by_outsider),
        ["need.created"],
        "only the public lab's need"
    );
    assert_eq!(by_outsider[0]["data"]["id"], public_need.id.to_string());
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM webhook_deliveries WHERE payload::text LIKE '%{}%'
               AND webhook_id IN (SELECT id FROM webhooks WHERE organization_id = '{outsider}')",
            closed.id
        ))
        .await?,
        0,
        "nothing of the members-only lab was ever queued for the outsider"
    );
    Ok(())
}

#[tokio::test]
async fn published_methods_and_their_adoptions_are_told_to_those_who_may_see_them()
-> anyhow::Result<()> {
    let bank = Bank::on(spawn().await?).await?;
    let app = &bank.app;
    let (to_host, to_adopter) = (Receiver::start(&[])?, Receiver::start(&[])?);
    let events = ["method.published", "method.adopted", "offering.created"];
    let (_, host_secret) = app
        .add_webhook(&bank.maria, bank.host.parse()?, &to_host.url, &events)
        .await?;
    let (_, adopter_secret) = app
        .add_webhook(&bank.sara, bank.adopter.parse()?, &to_adopter.url, &events)
        .await?;

    let method = bank.published_method().await?;
    let (status, adoption) = app
        .json(
            Method::POST,
            &format!("/api/v1/methods/{method}/adoptions"),
            Some(&bank.sara.access_token),
            Some(json!({"municipality_code": "1280", "neighbourhood": "Rosengård"})),
        )
        .await?;
    assert_eq!(status, 201, "{adoption}");
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/offerings",
            Some(&bank.sara.access_token),
            Some(json!({"title": "Hyresgästkurser", "kind": "service",
                        "challenge_areas": ["community_services"], "coverage": {"national": true}})),
        )
        .await?;
    assert_eq!(status, 201);

    for (receiver, secret) in [(&to_host, &host_secret), (&to_adopter, &adopter_secret)] {
        let bodies = verified(&receiver.wait_for(3).await?, secret)?;
        assert_eq!(
            types(&bodies),
            ["method.adopted", "method.published", "offering.created"]
        );
        let published = &event(&bodies, "method.published")["data"];
        assert_eq!(
            (published["id"].as_str(), published["status"].as_str()),
            (Some(method.as_str()), Some("published"))
        );
        let adopted = &event(&bodies, "method.adopted")["data"];
        assert_eq!(adopted["id"], adoption["id"]);
        assert_eq!(adopted["organization"]["id"], bank.adopter.as_str());
    }
    outbox_drained(app).await?;
    assert_eq!(
        to_host.received().len(),
        3,
        "the draft's changes told no one"
    );
    Ok(())
}

#[tokio::test]
async fn an_event_of_a_change_that_rolls_back_is_never_sent() -> anyhow::Result<()> {
    let app = spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let need = app
        .create_need(
            &maria,
            lab.id,
            json!({"title": "Jobbcoachning för kvinnor"}),
        )
        .await?;
    let receiver = Receiver::start(&[])?;
    app.add_webhook(&maria, host.id, &receiver.url, &["need.created"])
        .await?;

    // The event written in a transaction that then fails, as a change's would.
    let mut conn = AsyncPgConnection::establish(&app.database_url).await?;
    let rolled_back = conn
        .transaction::<(), api::error::ApiError, _>(async |conn| {
            events::emit(conn, "need.created", Subject::Need(need.id)).await?;
            Err(api::error::ApiError::Conflict {
                detail: "the change failed after its event".to_owned(),
                errors: Vec::new(),
            })
        })
        .await;
    assert!(rolled_back.is_err());
    assert_eq!(
        app.count("SELECT count(*) FROM webhook_deliveries").await?,
        0
    );
    // The same, committed, is sent.
    conn.transaction::<(), api::error::ApiError, _>(async |conn| {
        events::emit(conn, "need.created", Subject::Need(need.id)).await
    })
    .await?;
    let received = receiver.wait_for(1).await?;
    outbox_drained(&app).await?;
    assert_eq!(received.len(), 1);
    assert_eq!(
        receiver.received().len(),
        1,
        "the rolled-back event never came"
    );
    assert_eq!(received[0].json()["data"]["id"], need.id.to_string());
    Ok(())
}
