//! The API as a process of its own, as it is deployed: for the benchmark (its memory, a
//! second instance) and for the tests that signal it or read what it logs.

use std::path::Path;
use std::process::{ExitStatus, Stdio};
use std::time::Duration;

use anyhow::Context;

/// How to start an `api serve` process: built with [`ApiCommand::new`], changed with
/// [`ApiCommand::env`] and [`ApiCommand::log_to`], started with [`ApiCommand::start`].
pub struct ApiCommand {
    command: tokio::process::Command,
    port: u16,
}

impl ApiCommand {
    /// `binary serve` on a free port of the loopback, on `database_url`, serving the web
    /// client from `static_dir`, logging warnings and errors to the caller's output.
    pub fn new(
        binary: &Path,
        database_url: &str,
        jwt_secret: &str,
        static_dir: &Path,
    ) -> anyhow::Result<Self> {
        let port = innolabb_cluster::command::free_port()?;
        let mut command = tokio::process::Command::new(binary);
        command
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("JWT_SECRET", jwt_secret)
            .env("STATIC_DIR", static_dir)
            .env("RUST_LOG", "warn")
            .kill_on_drop(true);
        Ok(Self { command, port })
    }

    /// Sets an environment variable of the process (`RUST_LOG`, `MAIL_DIR`, …).
    pub fn env(mut self, name: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.env(name, value);
        self
    }

    /// Writes everything the process prints, its log lines, to `file`.
    pub fn log_to(mut self, file: &Path) -> anyhow::Result<Self> {
        let log = std::fs::File::create(file)
            .with_context(|| format!("could not create {}", file.display()))?;
        self.command
            .stdout(Stdio::from(log.try_clone()?))
            .stderr(Stdio::from(log));
        Ok(self)
    }

    /// Starts the process and waits until it answers (at most 10 s).
    pub async fn start(mut self) -> anyhow::Result<ApiProcess> {
        let child = self
            .command
            .spawn()
            .context("could not start the API binary")?;
        let process = ApiProcess {
            child,
            port: self.port,
        };
        let client = reqwest::Client::new();
        for _ in 0..100 {
            if client
                .get(process.url("/api/v1/health"))
                .send()
                .await
                .is_ok()
            {
                return Ok(process);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        anyhow::bail!("the API did not start")
    }
}

/// A running `api serve`; killed when dropped.
pub struct ApiProcess {
    child: tokio::process::Child,
    port: u16,
}

impl ApiProcess {
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The absolute URL of a path.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn pid(&self) -> anyhow::Result<u32> {
        self.child
            .id()
            .ok_or_else(|| anyhow::anyhow!("the API has exited"))
    }

    /// Sends `signal` (`TERM`, `KILL`) to the process.
    pub fn signal(&self, signal: &str) -> anyhow::Result<()> {
        let signalled = std::process::Command::new("kill")
            .args([format!("-{signal}"), self.pid()?.to_string()])
            .status()?;
        anyhow::ensure!(signalled.success(), "kill -{signal} failed");
        Ok(())
    }

    /// Whether the process has exited.
    pub fn has_exited(&mut self) -> anyhow::Result<bool> {
        Ok(self.child.try_wait()?.is_some())
    }

    /// Waits for the process to exit.
    pub async fn wait(&mut self) -> anyhow::Result<ExitStatus> {
        Ok(self.child.wait().await?)
    }

    /// The most memory the process has held (VmHWM), MiB.
    pub fn peak_memory_mib(&self) -> anyhow::Result<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()?))?;
        let kib: f64 = status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kib| kib.parse().ok())
            .context("no VmHWM in the process's status")?;
        Ok(kib / 1024.0)
    }
}
