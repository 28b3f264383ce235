//! A private Postgres cluster: for `run` under `.data/postgres` (kept between runs), for
//! `test` in a throwaway folder. Postgres refuses to run as root, so as root the server
//! runs as the `postgres` system user.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::shell;

/// Whether the cluster's data must survive (run) or may be lost in a crash (test).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    Durable,
    Throwaway,
}

/// A running cluster; stopped when dropped.
pub struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    stopped: bool,
}

impl Cluster {
    /// Initialises the cluster in `dir` if it is new, and starts it on a free port.
    pub fn start(dir: &Path, durability: Durability) -> anyhow::Result<Self> {
        let bin = server_binaries()?;
        let data = dir.join("data");
        std::fs::create_dir_all(dir)?;
        let as_root = shell::is_root();
        if as_root {
            shell::run(
                Command::new("chown")
                    .args(["-R", "postgres:postgres"])
                    .arg(dir),
            )
            .context("could not give the cluster's folder to the `postgres` user")?;
        }
        if !data.join("PG_VERSION").exists() {
            println!("initialising a Postgres cluster in {}", data.display());
            shell::run(
                as_postgres(&bin.join("initdb"), as_root)
                    .arg("-D")
                    .arg(&data)
                    .args([
                        "-U",
                        "postgres",
                        "--auth=trust",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8",
                    ])
                    .stdout(std::process::Stdio::null()),
            )?;
        }
        let pg_ctl = bin.join("pg_ctl");
        // A cluster left running by an interrupted run: stop it, so that it starts on our port.
        if shell::succeeds(
            as_postgres(&pg_ctl, as_root)
                .arg("status")
                .arg("-D")
                .arg(&data),
        ) {
            shell::run(
                as_postgres(&pg_ctl, as_root)
                    .args(["stop", "-m", "fast", "-D"])
                    .arg(&data),
            )?;
        }
        let port = shell::free_port()?;
        let mut options =
            format!("-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
        if durability == Durability::Throwaway {
            options.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        shell::run(
            as_postgres(&pg_ctl, as_root)
                .args(["start", "-w", "-D"])
                .arg(&data)
                .arg("-l")
                .arg(dir.join("server.log"))
                .args(["-o", &options])
                .stdout(std::process::Stdio::null())
                // Its own process group: Ctrl-C stops the API first, then we stop Postgres.
                .process_group(0),
        )
        .with_context(|| {
            format!(
                "Postgres did not start; see {}",
                dir.join("server.log").display()
            )
        })?;
        println!("Postgres is running on 127.0.0.1:{port}");
        Ok(Self {
            bin,
            data,
            port,
            stopped: false,
        })
    }

    /// The URL of a database of this cluster.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// Creates the database unless it exists.
    pub fn ensure_database(&self, database: &str) -> anyhow::Result<()> {
        let exists = shell::output(Command::new(self.psql()).arg(self.url("postgres")).args([
            "-tAc",
            &format!("SELECT 1 FROM pg_database WHERE datname = '{database}'"),
        ]))?;
        if exists.trim() != "1" {
            shell::run(
                Command::new(self.psql())
                    .arg(self.url("postgres"))
                    .args(["-qc", &format!("CREATE DATABASE \"{database}\"")]),
            )?;
        }
        Ok(())
    }

    /// pgbench, which comes with the server binaries.
    pub fn pgbench(&self) -> PathBuf {
        self.bin.join("pgbench")
    }

    /// psql: beside the server binaries, or else on PATH.
    fn psql(&self) -> PathBuf {
        let beside = self.bin.join("psql");
        if beside.is_file() {
            beside
        } else {
            PathBuf::from("psql")
        }
    }

    /// Stops the server, waiting for it to shut down cleanly.
    pub fn stop(&mut self) -> anyhow::Result<()> {
        if self.stopped {
            return Ok(());
        }
        self.stopped = true;
        println!("stopping Postgres");
        shell::run(
            as_postgres(&self.bin.join("pg_ctl"), shell::is_root())
                .args(["stop", "-m", "fast", "-D"])
                .arg(&self.data)
                .stdout(std::process::Stdio::null()),
        )
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Err(error) = self.stop() {
            eprintln!("could not stop Postgres: {error:#}");
        }
    }
}

/// A command that runs `program` as the `postgres` user when we are root.
fn as_postgres(program: &Path, as_root: bool) -> Command {
    if as_root {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

/// The folder with `initdb` and `pg_ctl`: on PATH, or the newest under
/// /usr/lib/postgresql/*/bin (Debian, Ubuntu), installing the package there if need be.
fn server_binaries() -> anyhow::Result<PathBuf> {
    if let Some(dir) = find_server_binaries() {
        return Ok(dir);
    }
    println!("no PostgreSQL server binaries found");
    if shell::is_debian() && shell::is_root() {
        shell::apt_install(&["postgresql"])?;
        if let Some(dir) = find_server_binaries() {
            return Ok(dir);
        }
    }
    bail!(
        "the PostgreSQL server (initdb, pg_ctl) is needed: install it (Debian/Ubuntu: \
         `apt-get install postgresql`; Fedora: `dnf install postgresql-server`; macOS: \
         `brew install postgresql`), or set DATABASE_URL to a database of your own"
    )
}

fn find_server_binaries() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|path| std::env::split_paths(&path).collect::<Vec<_>>());
    if let Some(dir) = on_path
        .into_iter()
        .find(|dir| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file())
    {
        // Often links into the real folder, which also holds psql: follow them.
        let real = std::fs::canonicalize(dir.join("initdb")).ok();
        return real
            .and_then(|initdb| initdb.parent().map(Path::to_path_buf))
            .or(Some(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let version = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}
