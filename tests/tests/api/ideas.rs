//! Ideas: posting, editing by the author, the status machine, votes and comments.

use innolabb_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::{Value, json};
use shared::{IdeaStatus, Lab, Organization};

/// A public lab, its host's owner, and a resident who posted an idea to it.
struct WithIdea {
    host: TestUser,
    organization: Organization,
    lab: Lab,
    resident: TestUser,
    idea: String,
}

async fn with_idea(app: &TestApp, visibility: &str) -> anyhow::Result<WithIdea> {
    let host = app.sign_up("Anna Lindqvist").await?;
    let organization = app.create_organization(&host, "Hyresbostäder", 1).await?;
    let lab = app
        .create_lab(&host, organization.id, "Portalen", visibility)
        .await?;
    let resident = app.sign_up("Amina Hassan").await?;
    // The resident posts to a public lab; a members-only lab's own people post there.
    let poster = if visibility == "public" {
        &resident
    } else {
        &host
    };
    let (status, idea) = app
        .json(
            Method::POST,
            &format!("/api/v1/labs/{}/ideas", lab.id),
            Some(&poster.access_token),
            Some(json!({"title": "Språkcafé", "body": "Öva svenska inför arbetsintervjuer."})),
        )
        .await?;
    anyhow::ensure!(status == 201, "posting the idea answered {status}");
    Ok(WithIdea {
        host,
        organization,
        lab,
        resident,
        idea: idea["id"].as_str().unwrap_or_default().to_owned(),
    })
}

#[tokio::test]
async fn a_resident_posts_an_idea_and_edits_it_while_it_is_submitted() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let w = with_idea(&app, "public").await?;
    let path = format!("/api/v1/ideas/{}", w.idea);
    let idea: Value = app.get_as(&path, &w.resident.access_token).await?;
    assert_eq!(idea["author"]["display_name"], "Amina Hassan");
    assert_eq!(idea["lab"]["title"], "Portalen");
    assert_eq!(idea["challenge_area"], "unemployment");
    assert_eq!(
        (idea["status"].as_str(), idea["can_edit"].as_bool()),
        (Some("submitted"), Some(true))
    );

    let by_host = app
        .patch(&path, &w.host.access_token, 1, json!({"title": "Kapad"}))
        .await?;
    assert_eq!(by_host.status(), 403, "only the author edits");
    let edited = app
        .patch(
            &path,
            &w.resident.access_token,
            1,
            json!({"body": "Varje tisdag."}),
        )
        .await?;
    assert_eq!(edited.status(), 200);
    assert_eq!(innolabb_tests::etag_version(&edited), Some(2));
    let edited: Value = edited.json().await?;
    assert_eq!(
        (edited["title"].as_str(), edited["body"].as_str()),
        (Some("Språkcafé"), Some("Varje tisdag."))
    );

    let (status, _) = app
        .json(
            Method::POST,
            &format!("{path}/status"),
            Some(&w.host.access_token),
            Some(json!({"status": "shortlisted"})),
        )
        .await?;
    assert_eq!(status, 200);
    let late = app
        .patch(
            &path,
            &w.resident.access_token,
            3,
            json!({"body": "Sent ändrat."}),
        )
        .await?;
    assert_eq!(
        late.status(),
        409,
        "considered ideas stay as they were considered"
    );

    // On behalf of an organisation: only one she belongs to.
    let ideas = format!("/api/v1/labs/{}/ideas", w.lab.id);
    let (status, body) = app
        .json(
            Method::POST,
            &ideas,
            Some(&w.resident.access_token),
            Some(json!({"title": "Läxhjälp", "organization_id": w.organization.id})),
        )
        .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("organization_id"))
    );
    let (status, body) = app
        .json(
            Method::POST,
            &ideas,
            Some(&w.host.access_token),
            Some(json!({"title": "Läxhjälp", "organization_id": w.organization.id})),
        )
        .await?;
    assert_eq!(
        (status, body["organization"]["name"].as_str()),
        (201, Some("Hyresbostäder"))
    );
    // A partner system posts for its organisation with ideas:write, and edits what it posted.
    let (_, writer) = app
        .create_api_key(&w.host, w.organization.id, &["ideas:write"])
        .await?;
    let (status, posted) = app
        .json(
            Method::POST,
            &ideas,
            Some(&writer),
            Some(json!({"title": "Från vårt system"})),
        )
        .await?;
    assert_eq!(
        (
            status,
            posted["author"].clone(),
            posted["organization"]["id"].as_str()
        ),
        (
            201,
            Value::Null,
            Some(w.organization.id.to_string().as_str())
        )
    );
    let edited = app
        .patch(
            &format!(
                "/api/v1/ideas/{}",
                posted["id"].as_str().unwrap_or_default()
            ),
            &writer,
            1,
            json!({"title": "Från vårt system, rättat"}),
        )
        .await?;
    assert_eq!(edited.status(), 200);
    let (_, reader) = app
        .create_api_key(&w.host, w.organization.id, &["read"])
        .await?;
    let (status, _) = app
        .json(
            Method::POST,
            &ideas,
            Some(&reader),
            Some(json!({"title": "Utan scope"})),
        )
        .await?;
    assert_eq!(status, 403);
    let (status, _) = app
        .json(Method::POST, &ideas, None, Some(json!({"title": "Anonym"})))
        .await?;
    assert_eq!(status, 401);
    Ok(())
}

#[tokio::test]
async fn hosts_move_ideas_along_the_status_machine_and_the_author_hears_of_it() -> anyhow::Result<()>
{
    let app = TestApp::spawn().await?;
    let w = with_idea(&app, "public").await?;
    let ideas = format!("/api/v1/labs/{}/ideas", w.lab.id);
    let token = Some(w.host.access_token.as_str());
    for from in IdeaStatus::ALL {
        for to in IdeaStatus::ALL {
            // A fresh idea, brought to `from` along allowed moves.
            let (_, idea) = app
                .json(
                    Method::POST,
                    &ideas,
                    Some(&w.resident.access_token),
                    Some(json!({"title": "En idé"})),
                )
                .await?;
            let status_path = format!(
                "/api/v1/ideas/{}/status",
                idea["id"].as_str().unwrap_or_default()
            );
            let path_to_from: &[IdeaStatus] = match from {
                IdeaStatus::Submitted => &[],
                IdeaStatus::Shortlisted => &[IdeaStatus::Shortlisted],
                IdeaStatus::Testing => &[IdeaStatus::Shortlisted, IdeaStatus::Testing],
                IdeaStatus::Verified => &[
                    IdeaStatus::Shortlisted,
                    IdeaStatus::Testing,
                    IdeaStatus::Verified,
                ],
                IdeaStatus::Rejected => &[IdeaStatus::Rejected],
                IdeaStatus::Archived => &[IdeaStatus::Archived],
            };
            for step in path_to_from {
                let (status, _) = app
                    .json(
                        Method::POST,
                        &status_path,
                        token,
                        Some(json!({"status": step.as_str(), "reason": "Steg"})),
                    )
                    .await?;
                assert_eq!(status, 200);
            }
            if to.needs_reason() {
                let (status, body) = app
                    .json(
                        Method::POST,
                        &status_path,
                        token,
                        Some(json!({"status": to.as_str()})),
                    )
                    .await?;
                assert_eq!(
                    (status, body["errors"][0]["field"].as_str()),
                    (422, Some("reason")),
                    "{from:?} → {to:?} without a reason"
                );
            }
            let (status, body) = app
                .json(
                    Method::POST,
                    &status_path,
                    token,
                    Some(json!({"status": to.as_str(), "reason": "Finns redan i området."})),
                )
                .await?;
            if from.may_move_to(*to) {
                assert_eq!(
                    (status, body["status"].as_str()),
                    (200, Some(to.as_str())),
                    "{from:?} → {to:?}"
                );
            } else {
                assert_eq!(status, 409, "{from:?} → {to:?}");
                let allowed: Vec<&str> = body["allowed"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                let expected: Vec<&str> = from
                    .allowed_moves()
                    .into_iter()
                    .map(IdeaStatus::as_str)
                    .collect();
                assert_eq!(allowed, expected);
            }
        }
    }
    let status_path = format!("/api/v1/ideas/{}/status", w.idea);
    let (status, _) = app
        .json(
            Method::POST,
            &status_path,
            Some(&w.resident.access_token),
            Some(json!({"status": "shortlisted"})),
        )
        .await?;
    assert_eq!(status, 403, "the author does not shortlist her own idea");
    let (status, idea) = app
        .json(
            Method::POST,
            &status_path,
            token,
            Some(json!({"status": "rejected", "reason": "Finns redan."})),
        )
        .await?;
    assert_eq!(
        (status, idea["status_reason"].as_str()),
        (200, Some("Finns redan."))
    );
    let notified = app
        .count(&format!(
            "SELECT count(*) FROM notifications WHERE user_id = '{}' AND kind = 'idea_status_changed' AND subject_id = '{}' AND details->>'to' = 'rejected'",
            w.resident.id, w.idea
        ))
        .await?;
    assert_eq!(notified, 1);
    Ok(())
}

#[tokio::test]
async fn a_hundred_people_voting_at_once_leave_a_hundred_votes() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let w = with_idea(&app, "public").await?;
    let vote = format!("/api/v1/ideas/{}/vote", w.idea);
    let voters = app.many_people(100).await?;
    let votes = voters
        .iter()
        .map(|token| app.json(Method::PUT, &vote, Some(token), None));
    for result in futures_util::future::join_all(votes).await {
        assert_eq!(result?.0, 200);
    }
    let idea: Value = app.get_json(&format!("/api/v1/ideas/{}", w.idea)).await?;
    assert_eq!(idea["vote_count"], 100);

    // One vote per person: again changes nothing; taking it back (twice) counts once.
    let (_, again) = app.json(Method::PUT, &vote, Some(&voters[0]), None).await?;
    assert_eq!(
        (again["vote_count"].as_i64(), again["voted_by_me"].as_bool()),
        (Some(100), Some(true))
    );
    for _ in 0..2 {
        let (status, back) = app
            .json(Method::DELETE, &vote, Some(&voters[0]), None)
            .await?;
        assert_eq!(
            (
                status,
                back["vote_count"].as_i64(),
                back["voted_by_me"].as_bool()
            ),
            (200, Some(99), Some(false))
        );
    }
    let (status, _) = app.json(Method::PUT, &vote, None, None).await?;
    assert_eq!(status, 401);
    let (_, key) = app
        .create_api_key(&w.host, w.organization.id, &["read", "ideas:write"])
        .await?;
    let (status, _) = app.json(Method::PUT, &vote, Some(&key), None).await?;
    assert_eq!(status, 403, "votes are people's");
    Ok(())
}

#[tokio::test]
async fn comments_take_one_level_of_replies_and_removal_leaves_a_placeholder() -> anyhow::Result<()>
{
    let app = TestApp::spawn().await?;
    let w = with_idea(&app, "public").await?;
    let erik = app.sign_up("Erik Svensson").await?;
    let comments = format!("/api/v1/ideas/{}/comments", w.idea);
    let post = |token: String, body: Value| {
        let (app, comments) = (&app, comments.clone());
        async move {
            app.json(Method::POST, &comments, Some(&token), Some(body))
                .await
        }
    };
    let response = app
        .call(
            Method::POST,
            &comments,
            Some(&erik.access_token),
            Some(json!({"body": "Jag kan hålla i första passet!"})),
        )
        .await?;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str()?.to_owned();
    let first: Value = response.json().await?;
    assert_eq!(
        location,
        format!(
            "/api/v1/comments/{}",
            first["id"].as_str().unwrap_or_default()
        )
    );
    let (status, reply) = post(
        w.resident.access_token.clone(),
        json!({"body": "Tack!", "parent_id": first["id"]}),
    )
    .await?;
    assert_eq!(status, 201);
    // Erik hears of the reply, in the same transaction; answering oneself tells no one.
    let replies_to = |user: uuid::Uuid| {
        format!(
            "SELECT count(*) FROM notifications WHERE user_id = '{user}' AND kind = 'comment_reply' \
             AND subject_id = '{}' AND details->>'comment_id' = '{}'",
            w.idea,
            reply["id"].as_str().unwrap_or_default()
        )
    };
    assert_eq!(app.count(&replies_to(erik.id)).await?, 1);
    let (status, own) = post(
        erik.access_token.clone(),
        json!({"body": "Jag tar med fika också.", "parent_id": first["id"]}),
    )
    .await?;
    assert_eq!(status, 201, "{own}");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM notifications WHERE kind = 'comment_reply' AND details->>'comment_id' = '{}'",
            own["id"].as_str().unwrap_or_default()
        ))
        .await?,
        0
    );
    let (status, _) = app
        .json(
            Method::DELETE,
            &format!(
                "/api/v1/comments/{}",
                own["id"].as_str().unwrap_or_default()
            ),
            Some(&erik.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 204, "he takes his own reply back");
    let (status, body) = post(
        erik.access_token.clone(),
        json!({"body": "Svar på svar", "parent_id": reply["id"]}),
    )
    .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("parent_id")),
        "one level of replies"
    );
    let (status, _) = post(erik.access_token.clone(), json!({"body": "   "})).await?;
    assert_eq!(status, 422);
    let (status, _) = app
        .json(
            Method::POST,
            &comments,
            None,
            Some(json!({"body": "Anonym"})),
        )
        .await?;
    assert_eq!(status, 401);

    // Only the author, the lab's hosts (and platform admins) remove a comment.
    let first_path = format!(
        "/api/v1/comments/{}",
        first["id"].as_str().unwrap_or_default()
    );
    let (status, _) = app
        .json(
            Method::DELETE,
            &first_path,
            Some(&w.resident.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 403);
    let (status, _) = app
        .json(
            Method::DELETE,
            &first_path,
            Some(&w.host.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 204);
    let (status, _) = app.json(Method::GET, &first_path, None, None).await?;
    assert_eq!(status, 404, "gone as a resource");
    let (status, _) = post(
        w.resident.access_token.clone(),
        json!({"body": "Svar", "parent_id": first["id"]}),
    )
    .await?;
    assert_eq!(status, 422, "no replies to a removed comment");

    let thread: Value = app.get_as(&comments, &w.resident.access_token).await?;
    let top = &thread["items"][0];
    assert_eq!(
        (top["removed"].as_bool(), top["body"].clone()),
        (Some(true), Value::Null)
    );
    assert_eq!(top["author"]["display_name"], "Erik Svensson");
    assert_eq!(top["replies"][0]["body"], "Tack!");
    assert_eq!(top["replies"][0]["can_remove"], true, "her own reply");
    let idea: Value = app.get_json(&format!("/api/v1/ideas/{}", w.idea)).await?;
    assert_eq!(
        idea["comment_count"], 1,
        "the removed comment no longer counts"
    );
    Ok(())
}

#[tokio::test]
async fn ideas_list_by_filter_and_by_votes_without_gaps_or_repeats() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let w = with_idea(&app, "public").await?;
    let ideas = format!("/api/v1/labs/{}/ideas", w.lab.id);
    let voters = [
        app.sign_up("Röstare A").await?,
        app.sign_up("Röstare B").await?,
        app.sign_up("Röstare C").await?,
    ];
    let mut expected = Vec::new();
    for n in 0..7_usize {
        let (_, idea) = app
            .json(
                Method::POST,
                &ideas,
                Some(&w.resident.access_token),
                Some(json!({"title": format!("Idé {n}")})),
            )
            .await?;
        let id = idea["id"].as_str().unwrap_or_default().to_owned();
        for voter in voters.iter().take(n % 4) {
            app.json(
                Method::PUT,
                &format!("/api/v1/ideas/{id}/vote"),
                Some(&voter.access_token),
                None,
            )
            .await?;
        }
        expected.push((n % 4, id));
    }
    expected.push((0, w.idea.clone()));
    // Most votes first; equal counts newest first (ids grow with time).
    expected.sort_by(|a, b| b.cmp(a));
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let page: Value = app
            .get_json(&format!("{ideas}?sort=most_voted&limit=3&cursor={cursor}"))
            .await?;
        seen.extend(page["items"].as_array().into_iter().flatten().map(|idea| {
            (
                idea["vote_count"].as_u64().unwrap_or(99) as usize,
                idea["id"].as_str().unwrap_or_default().to_owned(),
            )
        }));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => break,
        }
    }
    assert_eq!(seen, expected);

    let count = |query: String| {
        let app = &app;
        async move {
            let page: Value = app.get_json(&format!("/api/v1/ideas?{query}")).await?;
            Ok::<_, anyhow::Error>(page["items"].as_array().map_or(0, Vec::len))
        }
    };
    assert_eq!(count(format!("lab={}&limit=100", w.lab.id)).await?, 8);
    assert_eq!(
        count(format!("author={}&limit=100", w.resident.id)).await?,
        8
    );
    assert_eq!(
        count("challenge_area=unemployment&limit=100".into()).await?,
        8
    );
    assert_eq!(count("challenge_area=schools".into()).await?, 0);
    assert_eq!(count("status=shortlisted".into()).await?, 0);
    // A cursor of one order is refused in another.
    let page: Value = app
        .get_json(&format!("{ideas}?sort=most_voted&limit=1"))
        .await?;
    let response = app
        .get(&format!(
            "{ideas}?sort=newest&cursor={}",
            page["next_cursor"].as_str().unwrap_or_default()
        ))
        .await?;
    assert_eq!(response.status(), 400);
    Ok(())
}

/// For every route that takes an idea's or a comment's id: outsiders do not see those of a
/// members-only lab, and nobody but the right people changes them.
#[tokio::test]
async fn ideas_and_comments_of_a_members_only_lab_do_not_exist_for_outsiders() -> anyhow::Result<()>
{
    let app = TestApp::spawn().await?;
    let w = with_idea(&app, "members").await?;
    let (status, comment) = app
        .json(
            Method::POST,
            &format!("/api/v1/ideas/{}/comments", w.idea),
            Some(&w.host.access_token),
            Some(json!({"body": "Intern kommentar"})),
        )
        .await?;
    assert_eq!(status, 201);
    let comment = comment["id"].as_str().unwrap_or_default().to_owned();
    let outsider = app.sign_up("Olle Utanför").await?;
    let other = app.create_organization(&outsider, "Annat bolag", 2).await?;
    let (_, other_key) = app
        .create_api_key(
            &outsider,
            other.id,
            &[
                "read",
                "labs:write",
                "ideas:write",
                "offerings:write",
                "matches:write",
            ],
        )
        .await?;
    let idea = &w.idea;
    let routes: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, format!("/api/v1/ideas/{idea}"), None),
        (
            Method::PATCH,
            format!("/api/v1/ideas/{idea}"),
            Some(json!({"title": "Kapad"})),
        ),
        (
            Method::POST,
            format!("/api/v1/ideas/{idea}/status"),
            Some(json!({"status": "shortlisted"})),
        ),
        (Method::PUT, format!("/api/v1/ideas/{idea}/vote"), None),
        (Method::DELETE, format!("/api/v1/ideas/{idea}/vote"), None),
        (Method::GET, format!("/api/v1/ideas/{idea}/comments"), None),
        (
            Method::POST,
            format!("/api/v1/ideas/{idea}/comments"),
            Some(json!({"body": "Hej"})),
        ),
        (Method::GET, format!("/api/v1/comments/{comment}"), None),
        (Method::DELETE, format!("/api/v1/comments/{comment}"), None),
        (
            Method::POST,
            format!("/api/v1/labs/{}/ideas", w.lab.id),
            Some(json!({"title": "Utifrån"})),
        ),
    ];
    for (method, path, body) in &routes {
        for (who, token) in [
            ("anonymous", None),
            (
                "member of another organisation",
                Some(outsider.access_token.as_str()),
            ),
            ("another organisation's key", Some(other_key.as_str())),
            ("a resident", Some(w.resident.access_token.as_str())),
        ] {
            let (status, _) = app.json(method.clone(), path, token, body.clone()).await?;
            let expected = if token.is_none() && *method != Method::GET {
                401
            } else {
                404
            };
            assert_eq!(status, expected, "{who} {method} {path}");
        }
    }
    let list: Value = app.get_as("/api/v1/ideas", &outsider.access_token).await?;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(0));
    let idea: Value = app
        .get_as(&format!("/api/v1/ideas/{idea}"), &w.host.access_token)
        .await?;
    assert_eq!(
        (
            idea["title"].as_str(),
            idea["status"].as_str(),
            idea["vote_count"].as_i64(),
            idea["comment_count"].as_i64()
        ),
        (Some("Språkcafé"), Some("submitted"), Some(0), Some(1))
    );

    // On a public lab: outsiders see, but only the right people change.
    let p = with_idea_in(&app, &w.host, w.organization.id).await?;
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/ideas/{p}/status"),
            Some(&outsider.access_token),
            Some(json!({"status": "shortlisted"})),
        )
        .await?;
    assert_eq!(status, 403);
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/ideas/{p}/status"),
            Some(&other_key),
            Some(json!({"status": "shortlisted"})),
        )
        .await?;
    assert_eq!(status, 403);
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/ideas/{p}/status"),
            None,
            Some(json!({"status": "shortlisted"})),
        )
        .await?;
    assert_eq!(status, 401);
    let stale = app
        .patch(
            &format!("/api/v1/ideas/{p}"),
            &outsider.access_token,
            1,
            json!({"title": "Kapad"}),
        )
        .await?;
    assert_eq!(stale.status(), 403);
    Ok(())
}

/// A public lab of `organization` with one idea by `host`; answers the idea's id.
async fn with_idea_in(
    app: &TestApp,
    host: &TestUser,
    organization: uuid::Uuid,
) -> anyhow::Result<String> {
    let lab = app
        .create_lab(host, organization, "Öppet labb", "public")
        .await?;
    let (_, idea) = app
        .json(
            Method::POST,
            &format!("/api/v1/labs/{}/ideas", lab.id),
            Some(&host.access_token),
            Some(json!({"title": "Öppen idé"})),
        )
        .await?;
    Ok(idea["id"].as_str().unwrap_or_default().to_owned())
}
