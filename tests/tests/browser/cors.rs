//! A page of another site reads public data from the API in the browser, and nothing with
//! credentials (`api/src/http_edges.rs`): Chromium itself enforces what the headers say.

use innolabb_tests::TestApp;
use innolabb_tests::browser::Browser;

/// From the page now open: `fetch` the URL with the headers given, and answer the status
/// and number of items, or how the browser refused.
const READ: &str = r#"const [url, headers, done] = arguments;
fetch(url, { headers })
    .then(async r => done(`${r.status} ${(await r.json()).items.length}`))
    .catch(e => done(`refused: ${e}`));"#;

/// A housing company's own site: one page, on another port of this machine (another origin;
/// both on loopback, as Chromium lets only a local page call a local server).
fn another_site() -> anyhow::Result<String> {
    use actix_web::{App, HttpResponse, HttpServer, web};
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let address = format!("http://{}/", listener.local_addr()?);
    let server = HttpServer::new(|| {
        App::new().default_service(web::to(|| async {
            HttpResponse::Ok()
                .content_type("text/html; charset=utf-8")
                .body("<!doctype html><title>Bostadsbolaget</title><h1>Våra labb</h1>")
        }))
    })
    .workers(1)
    .listen(listener)?
    .run();
    tokio::spawn(server);
    Ok(address)
}

#[tokio::test]
async fn another_sites_page_reads_public_labs_but_never_with_credentials() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    app.create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let labs = app.url("/api/v1/labs");
    Browser::run(async |browser| {
        browser.client.goto(&another_site()?).await?;
        let read = async |headers: serde_json::Value| -> anyhow::Result<String> {
            let answer = browser
                .client
                .execute_async(READ, vec![labs.clone().into(), headers])
                .await?;
            Ok(answer.as_str().unwrap_or_default().to_owned())
        };
        assert_eq!(read(serde_json::json!({})).await?, "200 1");
        // A header that needs a preflight, which the API allows for public reads.
        assert_eq!(
            read(serde_json::json!({"If-None-Match": "\"none\"", "Accept-Language": "en"})).await?,
            "200 1"
        );
        let with_token = read(serde_json::json!({
            "Authorization": format!("Bearer {}", maria.access_token)
        }))
        .await?;
        assert!(with_token.starts_with("refused"), "{with_token}");
        Ok(())
    })
    .await
}
