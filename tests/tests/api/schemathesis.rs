//! schemathesis generates requests from the OpenAPI document, valid and invalid, and checks
//! every answer against it: no 500s, only documented statuses and bodies, 405s with Allow.

use std::process::Command;

use innolabb_tests::TestApp;

#[tokio::test]
async fn schemathesis_finds_no_failures() -> anyhow::Result<()> {
    let schemathesis = std::env::var("SCHEMATHESIS").map_err(|_| {
        anyhow::anyhow!(
            "SCHEMATHESIS is not set: run the tests with `cargo xtask test`, which installs it"
        )
    })?;
    let app = TestApp::spawn().await?;
    let schema = app.url("/api-docs/openapi.json");
    let output = tokio::task::spawn_blocking(move || {
        Command::new(schemathesis)
            .args([
                "run",
                &schema,
                "--checks",
                "all",
                "--max-time",
                "30",
                "--workers",
                "2",
            ])
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
    Ok(())
}
