//! A private Postgres cluster: for `cargo xtask run` under `.data/postgres` (kept between
//! runs), for `cargo xtask test` and the benchmarks in a throwaway folder, and for the fault
//! tests, which stop and start it under load. Postgres refuses to run as root, so as root
//! the server runs as the `postgres` system user.

pub mod command;

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::Context;

/// Whether the cluster's data must survive (run) or may be lost in a crash (tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    Durable,
    Throwaway,
}

/// A running cluster; stopped when dropped.
pub struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    data: PathBuf,
    port: u16,
    options: String,
    stopped: bool,
}

impl Cluster {
    /// Initialises the cluster in `dir` if it is new, and starts it on a free port, with
    /// the server binaries (`initdb`, `pg_ctl`) of the folder `bin`.
    pub fn start(bin: &Path, dir: &Path, durability: Durability) -> anyhow::Result<Self> {
        let data = dir.join("data");
        std::fs::create_dir_all(dir)?;
        let as_root = command::is_root();
        if as_root {
            command::run(
                Command::new("chown")
                    .args(["-R", "postgres:postgres"])
                    .arg(dir),
            )
            .context("could not give the cluster's folder to the `postgres` user")?;
        }
        if !data.join("PG_VERSION").exists() {
            println!("initialising a Postgres cluster in {}", data.display());
            command::run(
                as_postgres(&bin.join("initdb"))
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
                    .stdout(Stdio::null()),
            )?;
        }
        // A cluster left running by an interrupted run: stop it, so that it starts on our port.
        if command::succeeds(
            as_postgres(&bin.join("pg_ctl"))
                .arg("status")
                .arg("-D")
                .arg(&data),
        ) {
            command::run(
                as_postgres(&bin.join("pg_ctl"))
                    .args(["stop", "-m", "fast", "-D"])
                    .arg(&data),
            )?;
        }
        let port = command::free_port()?;
        let mut cluster = Self {
            bin: bin.to_path_buf(),
            dir: dir.to_path_buf(),
            data,
            port,
            options: server_options(port, durability),
            stopped: true,
        };
        cluster.resume()?;
        println!("Postgres is running on 127.0.0.1:{port}");
        Ok(cluster)
    }

    /// The cluster in `dir` if a server already runs there (as under `cargo xtask run`),
    /// left running when dropped; else as [`Cluster::start`].
    pub fn attach_or_start(bin: &Path, dir: &Path, durability: Durability) -> anyhow::Result<Self> {
        let data = dir.join("data");
        let running = command::succeeds(
            as_postgres(&bin.join("pg_ctl"))
                .arg("status")
                .arg("-D")
                .arg(&data),
        );
        if !running {
            return Self::start(bin, dir, durability);
        }
        // postmaster.pid: the pid, the data folder, the start time, then the port.
        let pid_file = std::fs::read_to_string(data.join("postmaster.pid"))
            .context("could not read the running cluster's postmaster.pid")?;
        let port = pid_file
            .lines()
            .nth(3)
            .and_then(|line| line.trim().parse().ok())
            .context("the running cluster's postmaster.pid names no port")?;
        Ok(Self {
            bin: bin.to_path_buf(),
            dir: dir.to_path_buf(),
            data,
            port,
            options: server_options(port, durability),
            // Not ours to stop.
            stopped: true,
        })
    }

    /// A streaming replica of this cluster in `dir`: copied with `pg_basebackup` (which also
    /// writes how to follow this one), started on a free port with the same options.
    pub fn start_replica(&self, dir: &Path, durability: Durability) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir)?;
        if command::is_root() {
            command::run(
                Command::new("chown")
                    .args(["-R", "postgres:postgres"])
                    .arg(dir),
            )?;
        }
        let data = dir.join("data");
        command::run(
            as_postgres(&self.bin.join("pg_basebackup"))
                .args([
                    "-h",
                    "127.0.0.1",
                    "-p",
                    &self.port.to_string(),
                    "-U",
                    "postgres",
                ])
                .args(["--write-recovery-conf", "--checkpoint=fast", "-D"])
                .arg(&data),
        )
        .context("pg_basebackup could not copy the cluster")?;
        let port = command::free_port()?;
        let mut replica = Self {
            bin: self.bin.clone(),
            dir: dir.to_path_buf(),
            data,
            port,
            options: server_options(port, durability),
            stopped: true,
        };
        replica.resume()?;
        println!("a replica follows it on 127.0.0.1:{port}");
        Ok(replica)
    }

    /// Starts the server again after [`Cluster::stop`], on the same port.
    pub fn resume(&mut self) -> anyhow::Result<()> {
        let log = self.dir.join("server.log");
        command::run(
            as_postgres(&self.bin.join("pg_ctl"))
                .args(["start", "-w", "-D"])
                .arg(&self.data)
                .arg("-l")
                .arg(&log)
                .args(["-o", &self.options])
                .stdout(Stdio::null())
                // Its own process group: Ctrl-C stops the API first, then we stop Postgres.
                .process_group(0),
        )
        .with_context(|| format!("Postgres did not start; see {}", log.display()))?;
        self.stopped = false;
        Ok(())
    }

    /// The URL of a database of this cluster.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// Creates the database unless it exists.
    pub fn ensure_database(&self, database: &str) -> anyhow::Result<()> {
        let exists = command::output(Command::new(self.psql()).arg(self.url("postgres")).args([
            "-tAc",
            &format!("SELECT 1 FROM pg_database WHERE datname = '{database}'"),
        ]))?;
        if exists.trim() != "1" {
            command::run(
                Command::new(self.psql())
                    .arg(self.url("postgres"))
                    .args(["-qc", &format!("CREATE DATABASE \"{database}\"")]),
            )?;
        }
        Ok(())
    }

    /// Writes a backup of `database` to `file` (pg_dump's custom format: compressed, and
    /// restorable table by table).
    pub fn dump(&self, database: &str, file: &Path) -> anyhow::Result<()> {
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder)?;
        }
        command::run(
            Command::new(self.program("pg_dump"))
                .args(["--format=custom", "--file"])
                .arg(file)
                .arg(self.url(database)),
        )
    }

    /// Replaces `database` with the backup in `file`: restored into a new database first,
    /// which takes the name only once the restore succeeded, so a failed restore leaves
    /// the database as it was.
    pub fn restore(&self, database: &str, file: &Path) -> anyhow::Result<()> {
        let restoring = format!("{database}_restoring");
        self.sql(&format!("DROP DATABASE IF EXISTS \"{restoring}\""))?;
        self.sql(&format!("CREATE DATABASE \"{restoring}\""))?;
        command::run(
            Command::new(self.program("pg_restore"))
                .args(["--exit-on-error", "--no-owner", "--dbname"])
                .arg(self.url(&restoring))
                .arg(file),
        )
        .with_context(|| format!("could not restore {}", file.display()))?;
        self.sql(&format!(
            "DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)"
        ))?;
        self.sql(&format!(
            "ALTER DATABASE \"{restoring}\" RENAME TO \"{database}\""
        ))
    }

    /// Runs one SQL statement in the `postgres` database.
    fn sql(&self, statement: &str) -> anyhow::Result<()> {
        command::run(
            Command::new(self.psql())
                .arg(self.url("postgres"))
                .args(["-qc", statement])
                // No NOTICE that a database to drop is not there.
                .env("PGOPTIONS", "-c client_min_messages=warning"),
        )
    }

    /// A client program that comes with the server binaries (`pgbench`, `pg_dump`, …).
    pub fn program(&self, name: &str) -> PathBuf {
        self.bin.join(name)
    }

    /// pgbench.
    pub fn pgbench(&self) -> PathBuf {
        self.program("pgbench")
    }

    /// psql: beside the server binaries, or else on PATH.
    fn psql(&self) -> PathBuf {
        let beside = self.program("psql");
        if beside.is_file() {
            beside
        } else {
            PathBuf::from("psql")
        }
    }

    /// Stops the server (fast: open connections are ended), waiting until it is down.
    pub fn stop(&mut self) -> anyhow::Result<()> {
        if self.stopped {
            return Ok(());
        }
        self.stopped = true;
        println!("stopping Postgres");
        command::run(
            as_postgres(&self.bin.join("pg_ctl"))
                .args(["stop", "-m", "fast", "-D"])
                .arg(&self.data)
                .stdout(Stdio::null()),
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

/// The server's options: the port, on the loopback interface only, no Unix socket; a
/// throwaway cluster skips what only protects data from a crash.
fn server_options(port: u16, durability: Durability) -> String {
    let mut options =
        format!("-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
    if durability == Durability::Throwaway {
        options.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
    }
    options
}

/// A command that runs `program` as the `postgres` user when we are root.
fn as_postgres(program: &Path) -> Command {
    if command::is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

/// The folder with `initdb` and `pg_ctl`: on PATH, or the newest under
/// /usr/lib/postgresql/*/bin (Debian, Ubuntu).
pub fn find_server_binaries() -> Option<PathBuf> {
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
