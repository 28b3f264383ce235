use anyhow::Context as _;
use innolabb_tests::{TestApp, static_dir};

#[tokio::test]
async fn the_web_client_is_served_at_the_root_and_for_deep_links() -> anyhow::Result<()> {
    assert!(
        static_dir().join("index.html").is_file(),
        "the web client is not built in {}: run `cargo xtask test` (or `cargo xtask build-web`)",
        static_dir().display()
    );
    let app = TestApp::spawn().await?;
    for path in [
        "/",
        "/labs",
        "/labs/0190a0e8-0000-7000-8000-000000000000",
        "/statistics?x=1",
    ] {
        let response = app.get(path).await?;
        assert_eq!(response.status(), 200, "{path}");
        assert!(
            response.headers()["content-type"]
                .to_str()?
                .starts_with("text/html")
        );
        let policy = response.headers()["content-security-policy"]
            .to_str()?
            .to_owned();
        for directive in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "frame-ancestors 'none'",
            "object-src 'none'",
        ] {
            assert!(policy.contains(directive), "{path}: {policy}");
        }
        let page = response.text().await?;
        assert!(page.contains("<div id=\"app\">"), "{path}");
        // The policy allows no inline script: the client starts from a file of its own.
        assert!(
            page.contains("<script type=\"module\" src=\"/boot-"),
            "{path}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn the_clients_files_are_sent_precompressed_and_kept_a_year_while_its_page_is_revalidated()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let page = app.get("/").await?;
    assert_eq!(page.headers()["cache-control"], "no-cache");
    let page = page.text().await?;
    // The page names its files by their content: `/web_client_bg-<hash>.wasm`.
    let wasm = page
        .split('"')
        .find(|part| part.starts_with("/web_client_bg-") && part.ends_with(".wasm"))
        .context("index.html names no fingerprinted WebAssembly")?;
    let on_disk = std::fs::metadata(static_dir().join(&wasm[1..]))?.len();
    for (accepted, encoding) in [
        ("br, gzip", Some("br")),
        ("gzip", Some("gzip")),
        ("identity", None),
    ] {
        let response = app
            .client
            .get(app.url(wasm))
            .header("accept-encoding", accepted)
            .send()
            .await?;
        assert_eq!(response.status(), 200, "{accepted}");
        let headers = response.headers().clone();
        assert_eq!(headers["content-type"], "application/wasm", "{accepted}");
        assert_eq!(
            headers["cache-control"], "public, max-age=31536000, immutable",
            "{accepted}"
        );
        assert_eq!(
            headers
                .get("content-encoding")
                .map(|value| value.to_str().unwrap_or_default()),
            encoding,
            "{accepted}"
        );
        let body = response.bytes().await?;
        match encoding {
            // Compressed ahead by `cargo xtask`, far below the file itself.
            Some(_) => assert!(body.len() * 2 < usize::try_from(on_disk)?, "{accepted}"),
            None => assert_eq!(u64::try_from(body.len())?, on_disk),
        }
    }
    // The API's answers are data: nothing in them may run or be framed.
    for path in [
        "/api/v1/labs",
        "/api/v1/no-such-thing",
        "/api-docs/openapi.json",
    ] {
        let answer = app.get(path).await?;
        assert_eq!(
            answer.headers()["content-security-policy"],
            api::content_policy::DATA,
            "{path}"
        );
    }
    let docs = app.get("/docs/").await?;
    assert_eq!(
        docs.headers()["content-security-policy"],
        api::content_policy::DOCS
    );
    for deep_link in [
        "/labs/0190a0e8-0000-7000-8000-000000000000",
        // Named like a client file, yet answered with the page: never kept.
        "/labs/web_client_bg-0123456789abcdef.wasm",
    ] {
        let page = app.get(deep_link).await?;
        assert!(
            page.headers()["content-type"]
                .to_str()?
                .starts_with("text/html")
        );
        assert_eq!(page.headers()["cache-control"], "no-cache", "{deep_link}");
    }
    Ok(())
}
