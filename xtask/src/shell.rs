//! Running commands, and saying what each step does.

use std::process::Command;

use anyhow::bail;
pub use innolabb_cluster::command::{is_root, output, run, succeeds};

/// Prints the heading of a step, so that a user sees what is going on.
pub fn step(what: &str) {
    println!("\n==> {what}");
}

/// `cargo`, as the one that runs this command (`$CARGO`), so the same toolchain builds all.
pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
}

/// Whether this is Debian or a derivative (Ubuntu), where we may install packages.
pub fn is_debian() -> bool {
    std::path::Path::new("/etc/debian_version").exists()
}

/// Installs Debian packages with apt-get (as root), refreshing the package lists first.
pub fn apt_install(packages: &[&str]) -> anyhow::Result<()> {
    if !is_debian() || !is_root() {
        bail!(
            "{} must be installed first (Debian/Ubuntu: `sudo apt-get install {}`)",
            packages.join(", "),
            packages.join(" ")
        );
    }
    println!("installing {} with apt-get", packages.join(", "));
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Makes sure the programs are on `PATH`, installing the Debian packages that bring those
/// that are not (see [`package_of`]).
pub fn ensure_programs(programs: &[&str]) -> anyhow::Result<()> {
    let missing: Vec<&str> = programs
        .iter()
        .copied()
        .filter(|program| {
            !succeeds(Command::new("sh").args(["-c", &format!("command -v {program}")]))
        })
        .map(package_of)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing)
}

/// The Debian package that brings `program`: the one of the same name, but for Node.js
/// (Debian's `node` is something else).
fn package_of(program: &str) -> &str {
    match program {
        "node" => "nodejs",
        other => other,
    }
}
