//! The partner guide (`docs/PARTNERS.md`) runs as written: its shell examples, in order,
//! as one script against a real server, with its Python receiver verifying a real
//! delivery; its Rust receiver is the compiled `tests/examples/webhook_receiver.rs`.

use std::process::Stdio;
use std::time::Duration;

use innolabb_tests::{TestApp, workspace_root};

/// The guide's fenced blocks of one language, in order.
fn blocks(guide: &str, language: &str) -> Vec<String> {
    let opening = format!("```{language}");
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in guide.lines() {
        match &mut current {
            None if line.trim_end() == opening => current = Some(Vec::new()),
            Some(lines) if line.trim_end() == "```" => {
                blocks.push(lines.join("\n") + "\n");
                current = None;
            }
            Some(lines) => lines.push(line),
            None => {}
        }
    }
    blocks
}

fn guide() -> anyhow::Result<String> {
    Ok(std::fs::read_to_string(
        workspace_root().join("docs/PARTNERS.md"),
    )?)
}

/// A free port on the loopback interface for the receiver.
fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

#[tokio::test]
async fn the_guides_curl_sequence_and_python_receiver_work_against_a_real_server()
-> anyhow::Result<()> {
    let app = TestApp::spawn_with(|config| config.webhooks.allow_private = true).await?;
    let (maria, host) = app.housing_company().await?;
    app.create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    app.create_lab(&maria, host.id, "Trygga trapphus", "public")
        .await?;
    app.create_lab(&maria, host.id, "Läxhjälpen", "public")
        .await?;

    let guide = guide()?;
    let python = blocks(&guide, "python");
    assert_eq!(python.len(), 1, "one Python receiver");
    let shell = blocks(&guide, "sh");
    assert!(shell.len() >= 8, "the guide's steps: {}", shell.len());
    let directory = tempfile::tempdir()?;
    std::fs::write(directory.path().join("receiver.py"), &python[0])?;
    let script = format!("set -euo pipefail\n{}", shell.join("\n"));
    std::fs::write(directory.path().join("guide.sh"), &script)?;

    let run = tokio::process::Command::new("bash")
        .arg("guide.sh")
        .current_dir(directory.path())
        .env("INNOLABB", app.url(""))
        .env("EMAIL", &maria.email)
        .env("PASSWORD", &maria.password)
        .env("RECEIVER_PORT", free_port()?.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(Duration::from_secs(90), run)
        .await
        .map_err(|_| anyhow::anyhow!("the guide's script did not finish in 90 s"))??;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the guide's script failed ({}):\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        output.status
    );

    // What the steps promised, seen from outside the script.
    assert!(
        stdout.contains("Portalen"),
        "the first calls list the labs: {stdout}"
    );
    let deliveries = std::fs::read_to_string(directory.path().join("deliveries.jsonl"))?;
    let events: Vec<serde_json::Value> = deliveries
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    assert_eq!(
        events
            .iter()
            .filter(|event| event["type"] == "webhook.ping")
            .count(),
        1,
        "the receiver verified the ping once: {deliveries}"
    );
    assert!(
        stdout.contains("webhook.ping succeeded"),
        "the delivery log shows the ping delivered: {stdout}"
    );
    assert_eq!(
        (
            app.count("SELECT count(*) FROM needs").await?,
            app.count("SELECT count(*) FROM needs WHERE status = 'filled'")
                .await?
        ),
        (1, 1),
        "the retried POST made one need, which the PATCH filled"
    );
    Ok(())
}

#[test]
fn the_guides_rust_receiver_is_the_compiled_example() -> anyhow::Result<()> {
    let guide = guide()?;
    let rust = blocks(&guide, "rust");
    assert_eq!(rust.len(), 1, "one Rust receiver");
    let example =
        std::fs::read_to_string(workspace_root().join("tests/examples/webhook_receiver.rs"))?;
    assert_eq!(
        rust[0], example,
        "docs/PARTNERS.md shows tests/examples/webhook_receiver.rs as it is"
    );
    Ok(())
}
