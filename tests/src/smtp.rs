//! A real SMTP server for the tests: Python's `aiosmtpd` (installed by `cargo xtask test`)
//! running `tests/smtp/sink.py` on a free port. It keeps every mail it accepts, decoded,
//! and can refuse the first ones with a temporary failure.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use tokio::io::AsyncBufReadExt as _;

use crate::{installed_tool, workspace_root};

/// A mail the sink accepted.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct ReceivedMail {
    pub mail_from: String,
    pub rcpt_tos: Vec<String>,
    /// Header names in lower case, values decoded.
    pub headers: std::collections::HashMap<String, String>,
    pub text: String,
    pub html: String,
}

impl ReceivedMail {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", String::as_str)
    }

    pub fn subject(&self) -> &str {
        self.header("subject")
    }

    /// The first link of the plain text that contains `path` (e.g. `/reset-password`).
    pub fn link(&self, path: &str) -> anyhow::Result<String> {
        link_in(&self.text, path)
    }

    /// The `token` parameter of that link.
    pub fn token(&self, path: &str) -> anyhow::Result<String> {
        token_of(&self.link(path)?)
    }
}

/// The first link in a mail's text that contains `path`.
pub fn link_in(text: &str, path: &str) -> anyhow::Result<String> {
    text.split_whitespace()
        .find(|word| word.starts_with("http") && word.contains(path))
        .map(str::to_owned)
        .with_context(|| format!("no link to {path} in:\n{text}"))
}

/// The `token` parameter of a link.
pub fn token_of(link: &str) -> anyhow::Result<String> {
    reqwest::Url::parse(link)?
        .query_pairs()
        .find(|(name, _)| name == "token")
        .map(|(_, value)| value.into_owned())
        .with_context(|| format!("no token in {link}"))
}

pub struct SmtpSink {
    /// `smtp://127.0.0.1:<port>`: plain, as a local relay.
    pub url: String,
    out: tempfile::TempDir,
    _process: tokio::process::Child,
}

impl SmtpSink {
    /// Starts a sink that accepts every mail.
    pub async fn start() -> anyhow::Result<Self> {
        Self::refusing_first(0).await
    }

    /// Starts a sink that answers the first `refuse` mails with `451` (try again later).
    pub async fn refusing_first(refuse: u32) -> anyhow::Result<Self> {
        let python = installed_tool("PYTHON")?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let out = tempfile::tempdir()?;
        let script: PathBuf = workspace_root().join("tests/smtp/sink.py");
        let mut process = tokio::process::Command::new(python)
            .arg(script)
            .arg(port.to_string())
            .arg(out.path())
            .arg(refuse.to_string())
            .stdout(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .context("starting the SMTP sink")?;
        let stdout = process.stdout.take().context("the sink's output")?;
        let mut lines = tokio::io::BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(Duration::from_secs(20), lines.next_line()).await;
        anyhow::ensure!(
            matches!(ready, Ok(Ok(Some(ref line))) if line == "ready"),
            "the SMTP sink did not start: {ready:?}"
        );
        Ok(Self {
            url: format!("smtp://127.0.0.1:{port}"),
            out,
            _process: process,
        })
    }

    /// Every mail accepted so far, in order.
    pub fn received(&self) -> anyhow::Result<Vec<ReceivedMail>> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(self.out.path())?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|path| Ok(serde_json::from_slice(&std::fs::read(path)?)?))
            .collect()
    }

    /// Waits (up to 20 s) until `count` mails have arrived, and answers them all.
    pub async fn wait_for(&self, count: usize) -> anyhow::Result<Vec<ReceivedMail>> {
        self.wait_matching(count, "", |_| true).await
    }

    /// The mails to `address`, waiting (up to 20 s) until there are `count`.
    pub async fn wait_for_mail_to(
        &self,
        address: &str,
        count: usize,
    ) -> anyhow::Result<Vec<ReceivedMail>> {
        let to = |mail: &ReceivedMail| mail.rcpt_tos.iter().any(|rcpt| rcpt == address);
        self.wait_matching(count, address, to).await
    }

    async fn wait_matching(
        &self,
        count: usize,
        to: &str,
        matching: impl Fn(&ReceivedMail) -> bool,
    ) -> anyhow::Result<Vec<ReceivedMail>> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let found: Vec<ReceivedMail> = self
                .received()?
                .into_iter()
                .filter(|mail| matching(mail))
                .collect();
            if found.len() >= count {
                return Ok(found);
            }
            anyhow::ensure!(
                tokio::time::Instant::now() < deadline,
                "{count} mails {to} expected, {} arrived",
                found.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
