//! `cargo xtask backup [FILE]` and `cargo xtask restore FILE`: the private cluster's
//! database (`.data/postgres`, as `cargo xtask run` keeps it) to a file and back — while
//! `cargo xtask run` serves, or not.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::{postgres, run, shell};

/// Writes a backup to `file`, by default `.data/backups/innolabb-<UTC time>.dump`.
pub fn backup(root: &Path, file: Option<PathBuf>) -> anyhow::Result<()> {
    refuse_a_database_of_ones_own()?;
    let cluster = postgres::attach_or_start(&root.join(".data/postgres"))?;
    let file = match file {
        Some(file) => file,
        None => {
            let now = shell::output(Command::new("date").args(["-u", "+%Y%m%dT%H%M%SZ"]))?;
            root.join(".data/backups")
                .join(format!("innolabb-{}.dump", now.trim()))
        }
    };
    shell::step(&format!("Backing up the database to {}", file.display()));
    cluster.dump(run::DATABASE, &file).with_context(|| {
        format!(
            "could not back up the database `{}` (`cargo xtask run` makes it)",
            run::DATABASE
        )
    })?;
    let size = std::fs::metadata(&file)?.len();
    println!("wrote {} ({} KiB)", file.display(), size.div_ceil(1024));
    Ok(())
}

/// Replaces the database with the backup in `file`; a failed restore changes nothing.
pub fn restore(root: &Path, file: &Path) -> anyhow::Result<()> {
    refuse_a_database_of_ones_own()?;
    if !file.is_file() {
        bail!("{} is not a file", file.display());
    }
    let cluster = postgres::attach_or_start(&root.join(".data/postgres"))?;
    shell::step(&format!("Restoring the database from {}", file.display()));
    cluster
        .restore(run::DATABASE, file)
        .context("the database was left as it was")?;
    println!("restored; a running API reconnects by itself");
    Ok(())
}

/// These commands serve the private cluster; a database of one's own is backed up with
/// one's own tools.
fn refuse_a_database_of_ones_own() -> anyhow::Result<()> {
    if std::env::var_os("DATABASE_URL").is_some() {
        bail!(
            "DATABASE_URL is set: back that database up with pg_dump --format=custom and \
             restore it with pg_restore (see the README's *Backups*); these commands serve \
             the private cluster of `cargo xtask run`"
        );
    }
    Ok(())
}
