//! The supply-chain gate of `cargo xtask test`: cargo-deny checks every crate of
//! `Cargo.lock` against `deny.toml` (licences, bans, sources), and against RustSec's advisory
//! database where that database can be fetched. It comes from its own git repository on
//! GitHub, which some build machines cannot reach: there the advisories are reported as
//! skipped, loudly, never as passed.

use std::path::Path;
use std::process::Command;

use crate::shell;

/// What became of the advisories check.
#[derive(Debug, PartialEq, Eq)]
pub enum Advisories {
    Checked,
    /// The database could not be fetched; why, in cargo-deny's words.
    Skipped(String),
}

/// Runs cargo-deny; fails on a licence outside the policy, a banned crate or version, a
/// crate from anywhere but crates.io, or (where the database can be fetched) a known
/// vulnerability or a yanked version.
pub fn check(root: &Path, cargo_deny: &Path) -> anyhow::Result<Advisories> {
    let deny = || {
        let mut command = Command::new(cargo_deny);
        command.current_dir(root).args(["--log-level", "error"]);
        command
    };
    shell::run(deny().args([
        "check",
        "--hide-inclusion-graph",
        "licenses",
        "bans",
        "sources",
    ]))?;
    let fetched = deny()
        .args(["fetch", "db"])
        .output()
        .map_err(|error| anyhow::anyhow!("could not run {}: {error}", cargo_deny.display()))?;
    // cargo-deny 0.20 answers 0 even when the fetch failed: what it says decides.
    let said = String::from_utf8_lossy(&fetched.stderr).into_owned();
    if !fetched.status.success() || said.contains("failed to fetch") {
        return Ok(Advisories::Skipped(last_line(&said)));
    }
    shell::run(deny().args([
        "check",
        "--disable-fetch",
        "--hide-inclusion-graph",
        "advisories",
    ]))?;
    Ok(Advisories::Checked)
}

/// The line that says why, out of cargo-deny's report.
fn last_line(said: &str) -> String {
    said.lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("no reason given")
        .trim()
        .to_owned()
}

/// The words `cargo xtask test` ends with, so that a skipped check is never read as passed.
pub fn report(advisories: &Advisories) -> String {
    match advisories {
        Advisories::Checked => {
            "supply chain: licences, bans, sources and RustSec advisories checked".to_owned()
        }
        Advisories::Skipped(why) => format!(
            "supply chain: licences, bans and sources checked; ADVISORIES SKIPPED — RustSec's \
             database (github.com/RustSec/advisory-db) could not be fetched here ({why}). \
             Known vulnerabilities and yanked versions were NOT checked: run \
             `cargo xtask test` where GitHub can be reached."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skipped_advisories_check_says_so_and_why() {
        let skipped = report(&Advisories::Skipped(last_line(
            "Cloning…\nfatal: Could not resolve host: github.com\n\n",
        )));
        assert!(skipped.contains("ADVISORIES SKIPPED"), "{skipped}");
        assert!(skipped.contains("Could not resolve host"), "{skipped}");
        assert!(skipped.contains("NOT checked"), "{skipped}");
        assert!(!report(&Advisories::Checked).contains("SKIPPED"));
    }
}
