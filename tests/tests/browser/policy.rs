//! The Content-Security-Policy the server sends with the client's pages and its API
//! documentation (see `api/src/content_policy.rs`) holds everywhere: every page renders
//! under it, and none makes the browser report a breach of it.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use innolabb_tests::TestApp;
use innolabb_tests::browser::Browser;
use serde_json::Value;

/// The id of the first item of a list the API gives `token`'s holder (anyone without).
async fn first_id(app: &TestApp, path: &str, token: &str) -> anyhow::Result<String> {
    let page: Value = app.get_as(path, token).await?;
    page["items"][0]["id"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow::anyhow!("{path} lists nothing in the demo data"))
}

#[tokio::test]
async fn every_page_renders_under_the_content_security_policy_without_a_breach()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let mut conn = AsyncPgConnection::establish(&app.database_url).await?;
    innolabb_demo::seed::seed(&mut conn).await?;
    let (member, admin) = ("maria.lind@hyresbostader.example", "admin@innolabb.example");
    let password = innolabb_demo::seed::PASSWORD;
    let token = app.login(member, password).await?.access_token;
    let lab = first_id(&app, "/api/v1/labs", &token).await?;
    let idea = first_id(&app, "/api/v1/ideas", &token).await?;
    let offering = first_id(&app, "/api/v1/offerings", &token).await?;
    let need = first_id(&app, "/api/v1/needs", &token).await?;
    let matched = first_id(&app, "/api/v1/matches", &token).await?;
    let method = first_id(&app, "/api/v1/methods", &token).await?;
    let organization = first_id(&app, "/api/v1/organizations", &token).await?;
    let anyones = [
        "/".to_owned(),
        "/register".to_owned(),
        "/sign-in".to_owned(),
        "/forgot-password".to_owned(),
        "/no/such/page".to_owned(),
    ];
    let members = [
        "/labs".to_owned(),
        "/labs/new".to_owned(),
        format!("/labs/{lab}"),
        format!("/labs/{lab}/edit"),
        format!("/ideas/{idea}"),
        "/offerings".to_owned(),
        "/offerings/new".to_owned(),
        format!("/offerings/{offering}"),
        format!("/offerings/{offering}/edit"),
        "/needs".to_owned(),
        format!("/needs/{need}"),
        "/matches".to_owned(),
        format!("/matches/{matched}"),
        "/notifications".to_owned(),
        "/methods".to_owned(),
        "/methods/new".to_owned(),
        format!("/methods/{method}"),
        format!("/methods/{method}/edit"),
        "/search?q=spr%C3%A5k".to_owned(),
        "/statistics".to_owned(),
        "/account".to_owned(),
        "/organizations/new".to_owned(),
        format!("/organizations/{organization}"),
    ];
    let admins = [
        "/moderation".to_owned(),
        "/admin/organizations".to_owned(),
        "/admin/audit-log".to_owned(),
    ];
    Browser::run(async |browser| {
        let visit = async |paths: &[String]| -> anyhow::Result<()> {
            for path in paths {
                browser.client.goto(&app.url(path)).await?;
                // A heading shows the client started and drew the page.
                let heading = browser.text_of("main h1").await;
                anyhow::ensure!(
                    heading.as_ref().is_ok_and(|heading| !heading.is_empty()),
                    "{path} drew no heading: {heading:?}; the console: {:?}",
                    browser.policy_violations().await?
                );
                let breaches = browser.policy_violations().await?;
                anyhow::ensure!(breaches.is_empty(), "{path}: {breaches:?}");
            }
            Ok(())
        };
        visit(&anyones).await?;
        browser.sign_in_with(&app, member, password).await?;
        visit(&members).await?;
        browser.sign_in_with(&app, admin, password).await?;
        visit(&admins).await?;
        // The API's documentation, Swagger UI, under a policy of its own.
        browser.client.goto(&app.url("/docs/")).await?;
        let title = browser.text_of(".swagger-ui .info .title").await?;
        assert!(title.starts_with("Innolabb"), "{title}");
        let breaches = browser.policy_violations().await?;
        anyhow::ensure!(breaches.is_empty(), "/docs/: {breaches:?}");
        Ok(())
    })
    .await
}
