//! schemathesis generates requests from the OpenAPI document, valid and invalid, and checks
//! every answer against it: no 500s, only documented statuses and bodies, 405s with Allow.

use std::process::Command;

use innolabb_tests::{TestApp, installed_tool, workspace_root};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn schemathesis_finds_no_failures() -> anyhow::Result<()> {
    let schemathesis = installed_tool("SCHEMATHESIS")?;
    let app = TestApp::spawn().await?;
    // Signed in, as the owner of an organisation, so that the protected operations are
    // exercised beyond their 401s.
    let user = app.sign_up("Schema Thesis").await?;
    let organization = app
        .create_organization(&user, "Testorganisationen", 1)
        .await?;
    // One of everything that has an id, for the `{id}` parameters (see schemathesis.toml).
    let lab = app
        .create_lab(&user, organization.id, "Testlabbet", "public")
        .await?;
    let token = Some(user.access_token.as_str());
    let created = |response: reqwest::Response| async move {
        anyhow::ensure!(response.status() == 201, "answered {}", response.status());
        let body: serde_json::Value = response.json().await?;
        Ok::<_, anyhow::Error>(body["id"].as_str().unwrap_or_default().to_owned())
    };
    let need = created(
        app.call(
            Method::POST,
            &format!("/api/v1/labs/{}/needs", lab.id),
            token,
            Some(json!({"title": "Ett behov"})),
        )
        .await?,
    )
    .await?;
    let idea = created(
        app.call(
            Method::POST,
            &format!("/api/v1/labs/{}/ideas", lab.id),
            token,
            Some(json!({"title": "En idé"})),
        )
        .await?,
    )
    .await?;
    let comment = created(
        app.call(
            Method::POST,
            &format!("/api/v1/ideas/{idea}/comments"),
            token,
            Some(json!({"body": "En kommentar"})),
        )
        .await?,
    )
    .await?;
    let indicator = created(
        app.call(
            Method::POST,
            &format!("/api/v1/labs/{}/indicators", lab.id),
            token,
            Some(json!({"name": "Trygghet", "unit": "%", "baseline": 50.0, "target": 70.0, "direction": "increase"})),
        )
        .await?,
    )
    .await?;
    let offering = created(
        app.call(
            Method::POST,
            "/api/v1/offerings",
            token,
            Some(json!({"title": "Ett erbjudande", "kind": "service", "challenge_areas": ["unemployment"], "coverage": {"national": true}})),
        )
        .await?,
    )
    .await?;
    // A match between the lab's need and another organisation's offering (both the
    // tester's, so that it acts for either side).
    let second = app
        .create_organization(&user, "Andra organisationen", 2)
        .await?;
    let offered = created(
        app.call(
            Method::POST,
            "/api/v1/offerings",
            token,
            Some(json!({"organization_id": second.id, "title": "Ett annat erbjudande", "kind": "service", "challenge_areas": ["unemployment"], "coverage": {"national": true}})),
        )
        .await?,
    )
    .await?;
    let matched = created(
        app.call(
            Method::POST,
            "/api/v1/matches",
            token,
            Some(json!({"need_id": need, "offering_id": offered})),
        )
        .await?,
    )
    .await?;
    // A published method of the organisation, adopted by the second one.
    let method = created(
        app.call(
            Method::POST,
            "/api/v1/methods",
            token,
            Some(json!({"organization_id": organization.id, "title": "En metod", "challenge_areas": ["unemployment"],
                        "problem": "Ett problem.", "approach": "Ett arbetssätt.", "origin_lab_ids": [lab.id]})),
        )
        .await?,
    )
    .await?;
    let published = app
        .call(
            Method::POST,
            &format!("/api/v1/methods/{method}/publish"),
            token,
            None,
        )
        .await?;
    anyhow::ensure!(
        published.status() == 200,
        "publish answered {}",
        published.status()
    );
    let adoption = created(
        app.call(
            Method::POST,
            &format!("/api/v1/methods/{method}/adoptions"),
            token,
            Some(json!({"organization_id": second.id, "municipality_code": "1280"})),
        )
        .await?,
    )
    .await?;
    let webhook = app
        .call(
            Method::POST,
            &format!("/api/v1/organizations/{}/webhooks", organization.id),
            token,
            Some(json!({"url": "https://93.184.216.34/hook", "events": ["match.requested"]})),
        )
        .await?;
    anyhow::ensure!(
        webhook.status() == 201,
        "create webhook answered {}",
        webhook.status()
    );
    let webhook: serde_json::Value = webhook.json().await?;
    let webhook = webhook["webhook"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let ids = [
        ("INNOLABB_ORGANIZATION_ID", organization.id.to_string()),
        ("INNOLABB_WEBHOOK_ID", webhook),
        ("INNOLABB_USER_ID", user.id.to_string()),
        ("INNOLABB_LAB_ID", lab.id.to_string()),
        ("INNOLABB_NEED_ID", need),
        ("INNOLABB_IDEA_ID", idea),
        ("INNOLABB_COMMENT_ID", comment),
        ("INNOLABB_INDICATOR_ID", indicator),
        ("INNOLABB_OFFERING_ID", offering),
        ("INNOLABB_MATCH_ID", matched),
        ("INNOLABB_METHOD_ID", method),
        ("INNOLABB_ADOPTION_ID", adoption),
    ];
    let authorization = format!("Authorization: Bearer {}", user.access_token);
    let schema = app.url("/api-docs/openapi.json");
    let config = workspace_root().join("schemathesis.toml");
    // One worker: with two, schemathesis 4.32 on Python 3.11 now and then fails inside
    // Hypothesis ("AST constructor recursion depth mismatch"), a race of its own.
    // 30 s keeps `cargo xtask test` short; a longer hunt: INNOLABB_SCHEMATHESIS_SECONDS=600.
    let seconds = std::env::var("INNOLABB_SCHEMATHESIS_SECONDS").unwrap_or_else(|_| "30".into());
    let output = tokio::task::spawn_blocking(move || {
        Command::new(schemathesis)
            .arg("--config-file")
            .arg(config)
            .args([
                "run",
                &schema,
                "--checks",
                "all",
                // `all` on the command line overrides what the configuration file turns
                // off: the fixed ids make this check fail falsely (see schemathesis.toml).
                "--exclude-checks",
                "ensure_resource_availability",
                "--max-time",
                &seconds,
                "--workers",
                "1",
            ])
            .args(["--header", &authorization])
            .envs(ids)
            .env("NO_COLOR", "1")
            .output()
    })
    .await??;
    let report = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "schemathesis found failures:\n{report}"
    );
    // Every documented operation was exercised, not skipped, and signed in.
    let operations = api::openapi::document()
        .paths
        .paths
        .values()
        .map(|item| {
            [&item.get, &item.post, &item.put, &item.patch, &item.delete]
                .into_iter()
                .flatten()
                .count()
        })
        .sum::<usize>();
    assert!(
        report.contains(&format!("Tested: {operations}")),
        "not every operation was tested:\n{report}"
    );
    // Only the refresh operation may answer nothing but 401: its random tokens are invalid.
    let refused_everything: Vec<&str> = report
        .split("401 Unauthorized (")
        .nth(1)
        .map(|section| {
            section
                .lines()
                .skip(1)
                .take_while(|line| line.trim_start().starts_with("- "))
                .map(|line| line.trim_start().trim_start_matches("- "))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        refused_everything
            .iter()
            .all(|operation| *operation == "POST /api/v1/auth/refresh"),
        "the signed-in user was refused by {refused_everything:?}:\n{report}"
    );
    Ok(())
}
