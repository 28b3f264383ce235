//! The private Postgres cluster (crate `innolabb-cluster`), with the server installed first
//! when it is missing.

use std::path::{Path, PathBuf};

use anyhow::bail;
pub use innolabb_cluster::{Cluster, Durability};

use crate::shell;

/// Starts the cluster in `dir` (see [`Cluster::start`]).
pub fn start(dir: &Path, durability: Durability) -> anyhow::Result<Cluster> {
    Cluster::start(&server_binaries()?, dir, durability)
}

/// The cluster in `dir`: the running one (`cargo xtask run`'s), else started for now.
pub fn attach_or_start(dir: &Path) -> anyhow::Result<Cluster> {
    Cluster::attach_or_start(&server_binaries()?, dir, Durability::Durable)
}

/// The folder with `initdb` and `pg_ctl` (see [`innolabb_cluster::find_server_binaries`]),
/// installing Debian's package if need be.
pub fn server_binaries() -> anyhow::Result<PathBuf> {
    if let Some(dir) = innolabb_cluster::find_server_binaries() {
        return Ok(dir);
    }
    println!("no PostgreSQL server binaries found");
    if shell::is_debian() && shell::is_root() {
        shell::apt_install(&["postgresql"])?;
        if let Some(dir) = innolabb_cluster::find_server_binaries() {
            return Ok(dir);
        }
    }
    bail!(
        "the PostgreSQL server (initdb, pg_ctl) is needed: install it (Debian/Ubuntu: \
         `apt-get install postgresql`; Fedora: `dnf install postgresql-server`; macOS: \
         `brew install postgresql`), or set DATABASE_URL to a database of your own"
    )
}
