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
        assert!(
            response.text().await?.contains("<div id=\"app\">"),
            "{path}"
        );
    }
    let wasm = app.get("/web_client_bg.wasm").await?;
    assert_eq!(wasm.status(), 200);
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    Ok(())
}
