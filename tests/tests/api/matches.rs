//! Matches: the state machine by each side, who sees them, their threads, notifications
//! written with the change, and a match becoming a lab.

use innolabb_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::{Value, json};
use shared::{MatchAction, MatchSide, MatchState};

/// A need of Maria's housing company and Karin's actor organisation that offers things.
struct Market {
    maria: TestUser,
    karin: TestUser,
    host: uuid::Uuid,
    actor: uuid::Uuid,
    need: String,
}

async fn market(app: &TestApp) -> anyhow::Result<Market> {
    let maria = app.sign_up("Maria Lind").await?;
    let host = app
        .create_organization(&maria, "Hyresbostäder", 1)
        .await?
        .id;
    let lab = app.create_lab(&maria, host, "Portalen", "public").await?;
    let (_, need) = app
        .json(
            Method::POST,
            &format!("/api/v1/labs/{}/needs", lab.id),
            Some(&maria.access_token),
            Some(json!({"title": "Jobbcoachning för kvinnor"})),
        )
        .await?;
    let karin = app.sign_up("Karin Ek").await?;
    let actor = app.create_organization(&karin, "Kvinnokraft", 2).await?.id;
    Ok(Market {
        maria,
        karin,
        host,
        actor,
        need: need["id"].as_str().unwrap_or_default().to_owned(),
    })
}

impl Market {
    async fn offering(&self, app: &TestApp, title: &str) -> anyhow::Result<String> {
        let (status, offering) = app
            .json(
                Method::POST,
                "/api/v1/offerings",
                Some(&self.karin.access_token),
                Some(json!({"title": title, "kind": "service", "challenge_areas": ["unemployment"], "coverage": {"national": true}})),
            )
            .await?;
        anyhow::ensure!(status == 201, "offering answered {status}");
        Ok(offering["id"].as_str().unwrap_or_default().to_owned())
    }

    fn token(&self, side: MatchSide) -> &str {
        match side {
            MatchSide::Need => &self.maria.access_token,
            MatchSide::Offering => &self.karin.access_token,
        }
    }

    /// A new match requested by `side`, brought to `state` along allowed moves.
    async fn match_in(
        &self,
        app: &TestApp,
        requested_by: MatchSide,
        state: MatchState,
    ) -> anyhow::Result<String> {
        let offering = self.offering(app, "Coachning").await?;
        let (status, created) = app
            .json(
                Method::POST,
                "/api/v1/matches",
                Some(self.token(requested_by)),
                Some(json!({"need_id": self.need, "offering_id": offering, "message": "Hej!"})),
            )
            .await?;
        anyhow::ensure!(status == 201, "request answered {status}: {created}");
        let id = created["id"].as_str().unwrap_or_default().to_owned();
        let other = requested_by.other();
        let steps: &[(MatchSide, &str)] = match state {
            MatchState::Requested => &[],
            MatchState::Accepted => &[(other, "accept")],
            MatchState::Declined => &[(other, "decline")],
            MatchState::Withdrawn => &[(requested_by, "withdraw")],
            MatchState::Active => &[(other, "accept"), (requested_by, "start")],
            MatchState::Completed => &[
                (other, "accept"),
                (requested_by, "start"),
                (other, "complete"),
            ],
        };
        for (side, action) in steps {
            let (status, _) = app
                .json(
                    Method::POST,
                    &format!("/api/v1/matches/{id}/{action}"),
                    Some(self.token(*side)),
                    Some(json!({"reason": "Skäl", "outcome": "Resultat"})),
                )
                .await?;
            anyhow::ensure!(status == 200, "{action} answered {status}");
        }
        Ok(id)
    }
}

#[tokio::test]
async fn each_side_may_make_exactly_the_moves_the_machine_allows_it() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let m = market(&app).await?;
    for requested_by in MatchSide::ALL {
        for state in MatchState::ALL {
            if *requested_by == MatchSide::Offering && *state != MatchState::Requested {
                continue; // the later states do not depend on who asked
            }
            for action in MatchAction::ALL {
                for side in MatchSide::ALL {
                    let id = m.match_in(&app, *requested_by, *state).await?;
                    let (status, body) = app
                        .json(
                            Method::POST,
                            &format!("/api/v1/matches/{id}/{}", action.as_str()),
                            Some(m.token(*side)),
                            Some(json!({"reason": "Skäl", "outcome": "Resultat"})),
                        )
                        .await?;
                    let allowed = MatchAction::allowed(*state, *requested_by, &[*side]);
                    let case =
                        format!("{side:?} {action:?} on {state:?} requested by {requested_by:?}");
                    if allowed.contains(action) {
                        assert_eq!(status, 200, "{case}");
                        assert_eq!(
                            body["state"],
                            action
                                .next_state(*state)
                                .map(MatchState::as_str)
                                .unwrap_or_default(),
                            "{case}"
                        );
                    } else {
                        assert_eq!(status, 409, "{case}: {body}");
                        let named: Vec<&str> = body["allowed"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(Value::as_str)
                            .collect();
                        let expected: Vec<&str> = allowed.iter().map(|a| a.as_str()).collect();
                        assert_eq!(named, expected, "{case}");
                        let unchanged: Value = app
                            .get_as(&format!("/api/v1/matches/{id}"), m.token(*side))
                            .await?;
                        assert_eq!(unchanged["state"], state.as_str(), "{case}");
                    }
                }
            }
        }
    }
    // Declining needs a reason, completing an outcome.
    let id = m
        .match_in(&app, MatchSide::Need, MatchState::Requested)
        .await?;
    let (status, body) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{id}/decline"),
            Some(&m.karin.access_token),
            Some(json!({})),
        )
        .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("reason"))
    );
    let id = m
        .match_in(&app, MatchSide::Need, MatchState::Active)
        .await?;
    let (status, body) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{id}/complete"),
            Some(&m.karin.access_token),
            Some(json!({})),
        )
        .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("outcome"))
    );
    Ok(())
}

#[tokio::test]
async fn a_match_and_its_thread_are_the_two_sides_own() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let m = market(&app).await?;
    let id = m
        .match_in(&app, MatchSide::Need, MatchState::Requested)
        .await?;
    let olle = app.sign_up("Olle Utanför").await?;
    let third = app.create_organization(&olle, "Tredje", 3).await?;
    let (_, third_key) = app
        .create_api_key(&olle, third.id, &["read", "matches:write"])
        .await?;
    let (_, unscoped) = app
        .create_api_key(&m.karin, m.actor, &["offerings:write"])
        .await?;
    let (_, reader) = app.create_api_key(&m.karin, m.actor, &["read"]).await?;
    let (_, writer) = app
        .create_api_key(&m.karin, m.actor, &["matches:write"])
        .await?;
    let routes: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, format!("/api/v1/matches/{id}"), None),
        (Method::GET, format!("/api/v1/matches/{id}/messages"), None),
        (
            Method::POST,
            format!("/api/v1/matches/{id}/messages"),
            Some(json!({"body": "Hej"})),
        ),
        (
            Method::POST,
            format!("/api/v1/matches/{id}/accept"),
            Some(json!({})),
        ),
        (
            Method::POST,
            format!("/api/v1/matches/{id}/decline"),
            Some(json!({"reason": "Nej"})),
        ),
        (
            Method::POST,
            format!("/api/v1/matches/{id}/withdraw"),
            Some(json!({})),
        ),
        (Method::POST, format!("/api/v1/matches/{id}/lab"), None),
    ];
    for (method, path, body) in &routes {
        for (who, token, expected) in [
            ("anonymous", None, 401),
            (
                "a third organisation's member",
                Some(olle.access_token.as_str()),
                404,
            ),
            ("a third organisation's key", Some(third_key.as_str()), 404),
            (
                "a side's key without read or matches:write",
                Some(unscoped.as_str()),
                404,
            ),
            (
                "a side's read-only key",
                Some(reader.as_str()),
                if *method == Method::GET { 200 } else { 403 },
            ),
        ] {
            let (status, _) = app.json(method.clone(), path, token, body.clone()).await?;
            assert_eq!(status, expected, "{who} {method} {path}");
        }
    }
    let unchanged: Value = app
        .get_as(&format!("/api/v1/matches/{id}"), &m.maria.access_token)
        .await?;
    assert_eq!(unchanged["state"], "requested");
    let admin = app.sign_up("Ada Admin").await?;
    app.make_platform_admin(&admin).await?;
    let (status, seen) = app
        .json(
            Method::GET,
            &format!("/api/v1/matches/{id}"),
            Some(&admin.access_token),
            None,
        )
        .await?;
    assert_eq!((status, seen["allowed_actions"].clone()), (200, json!([])));
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{id}/accept"),
            Some(&writer),
            Some(json!({})),
        )
        .await?;
    assert_eq!(
        status, 200,
        "the offering side's key with matches:write answers"
    );

    // Lists: incoming for the asked side, outgoing for the asking side.
    let count = |token: &str, query: &str| {
        let (app, token, query) = (&app, token.to_owned(), query.to_owned());
        async move {
            let page: Value = app
                .get_as(&format!("/api/v1/matches?{query}"), &token)
                .await?;
            Ok::<_, anyhow::Error>(page["items"].as_array().map_or(0, Vec::len))
        }
    };
    assert_eq!(count(&m.karin.access_token, "direction=incoming").await?, 1);
    assert_eq!(count(&m.karin.access_token, "direction=outgoing").await?, 0);
    assert_eq!(
        count(&m.maria.access_token, "direction=outgoing&status=accepted").await?,
        1
    );
    assert_eq!(count(&m.maria.access_token, "status=declined").await?, 0);
    assert_eq!(count(&olle.access_token, "").await?, 0);
    Ok(())
}

#[tokio::test]
async fn requests_answers_and_messages_notify_the_other_side_in_the_same_transaction()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let m = market(&app).await?;
    let sara = app.sign_up("Sara Nilsson").await?;
    app.call(
        Method::POST,
        &format!("/api/v1/organizations/{}/members", m.host),
        Some(&m.maria.access_token),
        Some(json!({"email": sara.email, "role": "member"})),
    )
    .await?;
    let id = m
        .match_in(&app, MatchSide::Need, MatchState::Requested)
        .await?;
    let karins: Value = app
        .get_as("/api/v1/notifications", &m.karin.access_token)
        .await?;
    assert_eq!(karins["unread_count"], 1);
    assert_eq!(karins["items"][0]["kind"], "match_requested");
    assert_eq!(karins["items"][0]["subject_id"], id.as_str());
    let marias: Value = app
        .get_as("/api/v1/notifications", &m.maria.access_token)
        .await?;
    assert_eq!(marias["unread_count"], 0, "not told of her own request");

    // If writing the notifications fails, the answer is not recorded either.
    app.run_sql(
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$",
    )
    .await?;
    app.run_sql("CREATE TRIGGER refuse BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION refuse()")
        .await?;
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{id}/accept"),
            Some(&m.karin.access_token),
            Some(json!({})),
        )
        .await?;
    assert_eq!(status, 500);
    let still: Value = app
        .get_as(&format!("/api/v1/matches/{id}"), &m.karin.access_token)
        .await?;
    assert_eq!(still["state"], "requested");
    app.run_sql("DROP TRIGGER refuse ON notifications").await?;

    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{id}/accept"),
            Some(&m.karin.access_token),
            Some(json!({})),
        )
        .await?;
    assert_eq!(status, 200);
    for person in [&m.maria, &sara] {
        let theirs: Value = app
            .get_as("/api/v1/notifications", &person.access_token)
            .await?;
        assert_eq!(
            theirs["items"][0]["kind"], "match_accepted",
            "every member of the asking side"
        );
    }
    let (status, message) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{id}/messages"),
            Some(&m.maria.access_token),
            Some(json!({"body": "Passar tisdag klockan 10?"})),
        )
        .await?;
    assert_eq!(
        (status, message["organization"]["name"].as_str()),
        (201, Some("Hyresbostäder"))
    );
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{id}/messages"),
            Some(&m.karin.access_token),
            Some(json!({"body": "Ja, det passar!"})),
        )
        .await?;
    assert_eq!(status, 201);
    let thread: Value = app
        .get_as(
            &format!("/api/v1/matches/{id}/messages"),
            &m.karin.access_token,
        )
        .await?;
    let bodies: Vec<&str> = thread["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m["body"].as_str())
        .collect();
    assert_eq!(bodies, ["Passar tisdag klockan 10?", "Ja, det passar!"]);
    let karins: Value = app
        .get_as("/api/v1/notifications", &m.karin.access_token)
        .await?;
    assert_eq!(
        (
            karins["items"][0]["kind"].as_str(),
            karins["unread_count"].as_i64()
        ),
        (Some("match_message"), Some(2))
    );

    // Read one, then all; someone else's is not yours to read.
    let first = karins["items"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/notifications/{first}/read"),
            Some(&m.maria.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 404);
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/notifications/{first}/read"),
            Some(&m.karin.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 204);
    let karins: Value = app
        .get_as("/api/v1/notifications", &m.karin.access_token)
        .await?;
    assert_eq!(
        (
            karins["unread_count"].as_i64(),
            karins["items"][0]["read"].as_bool()
        ),
        (Some(1), Some(true))
    );
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/notifications/read-all",
            Some(&m.karin.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 204);
    let karins: Value = app
        .get_as("/api/v1/notifications", &m.karin.access_token)
        .await?;
    assert_eq!(karins["unread_count"], 0);
    let (status, _) = app
        .json(Method::GET, "/api/v1/notifications", None, None)
        .await?;
    assert_eq!(status, 401);
    Ok(())
}

#[tokio::test]
async fn an_accepted_match_becomes_a_lab_with_both_organisations() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let m = market(&app).await?;
    let requested = m
        .match_in(&app, MatchSide::Offering, MatchState::Requested)
        .await?;
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{requested}/lab"),
            Some(&m.maria.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 409, "not before it is accepted");
    let (status, body) = app.json(Method::POST, "/api/v1/matches", Some(&m.maria.access_token), Some(json!({"need_id": m.need, "offering_id": m.offering(&app, "Läxhjälp").await?, "message": ""}))).await?;
    assert_eq!(status, 201, "{body}");
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/matches",
            Some(&m.maria.access_token),
            Some(json!({"need_id": m.need, "offering_id": body["offering"]["id"], "message": ""})),
        )
        .await?;
    assert_eq!(status, 409, "one live match per pair");

    let id = m
        .match_in(&app, MatchSide::Need, MatchState::Accepted)
        .await?;
    let (status, lab) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{id}/lab"),
            Some(&m.karin.access_token),
            None,
        )
        .await?;
    assert_eq!(
        (status, lab["phase"].as_str(), lab["host"]["id"].as_str()),
        (201, Some("forming"), Some(m.host.to_string().as_str()))
    );
    let participants: Value = app
        .get_as(
            &format!(
                "/api/v1/labs/{}/participants",
                lab["id"].as_str().unwrap_or_default()
            ),
            &m.karin.access_token,
        )
        .await?;
    let mut roles: Vec<(String, String)> = participants["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            (
                p["organization"]["id"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                p["role"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    roles.sort();
    let mut expected = vec![
        (m.host.to_string(), "host".to_owned()),
        (m.actor.to_string(), "partner".to_owned()),
    ];
    expected.sort();
    assert_eq!(roles, expected);
    let linked: Value = app
        .get_as(&format!("/api/v1/matches/{id}"), &m.maria.access_token)
        .await?;
    assert_eq!(linked["lab_id"], lab["id"]);
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{id}/lab"),
            Some(&m.maria.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 409, "once");
    Ok(())
}

/// Every state change of a need, an offering and a match is in the audit log, with who
/// made it, as a lab's are.
#[tokio::test]
async fn needs_offerings_and_matches_leave_an_audit_trail_of_their_changes() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let market = market(&app).await?;
    let need = &market.need;
    let (status, _) = app
        .json(Method::GET, &format!("/api/v1/needs/{need}"), None, None)
        .await?;
    assert_eq!(status, 200);
    let patched = app
        .patch(
            &format!("/api/v1/needs/{need}"),
            &market.maria.access_token,
            1,
            json!({"status": "filled"}),
        )
        .await?;
    assert_eq!(patched.status(), 200);
    let offering = market.offering(&app, "Coachning").await?;
    let paused = app
        .patch(
            &format!("/api/v1/offerings/{offering}"),
            &market.karin.access_token,
            1,
            json!({"status": "paused"}),
        )
        .await?;
    assert_eq!(paused.status(), 200);
    let open_again = app
        .patch(
            &format!("/api/v1/needs/{need}"),
            &market.maria.access_token,
            2,
            json!({"status": "open"}),
        )
        .await?;
    assert_eq!(open_again.status(), 200);
    let matched = market
        .match_in(&app, MatchSide::Need, MatchState::Active)
        .await?;
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/matches/{matched}/lab"),
            Some(&market.karin.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 201);

    let trail = |kind: &str, id: &str, who: &TestUser| {
        format!(
            "SELECT count(*) FROM audit_log WHERE subject_type = '{kind}' AND subject_id = '{id}'
               AND actor_user_id = '{}' AND action IN ",
            who.id
        )
    };
    let need_trail = trail("need", need, &market.maria);
    assert_eq!(
        app.count(&format!("{need_trail} ('need.created')")).await?,
        1
    );
    assert_eq!(
        app.count(&format!(
            "{need_trail} ('need.updated') AND details->>'to' IN ('filled', 'open')"
        ))
        .await?,
        2
    );
    let offering_trail = trail("offering", &offering, &market.karin);
    assert_eq!(
        app.count(&format!(
            "{offering_trail} ('offering.created', 'offering.updated')"
        ))
        .await?,
        2
    );
    let maria_steps = trail("match", &matched, &market.maria);
    assert_eq!(
        app.count(&format!("{maria_steps} ('match.requested', 'match.start')"))
            .await?,
        2
    );
    let karin_steps = trail("match", &matched, &market.karin);
    assert_eq!(
        app.count(&format!(
            "{karin_steps} ('match.accept', 'match.lab_created')"
        ))
        .await?,
        2
    );
    Ok(())
}
