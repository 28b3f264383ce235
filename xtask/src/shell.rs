//! Running commands, and saying what each step does.

use std::process::{Command, Stdio};

use anyhow::{Context, bail};

/// Prints the heading of a step, so that a user sees what is going on.
pub fn step(what: &str) {
    println!("\n==> {what}");
}

/// `cargo`, as the one that runs this command (`$CARGO`), so the same toolchain builds all.
pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
}

fn describe(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(
        command
            .get_args()
            .map(|arg| arg.to_string_lossy().into_owned()),
    );
    words.join(" ")
}

/// Runs a command with its output shown, failing unless it succeeds.
pub fn run(command: &mut Command) -> anyhow::Result<()> {
    let description = describe(command);
    let status = command
        .status()
        .with_context(|| format!("could not start `{description}`"))?;
    if !status.success() {
        bail!("`{description}` failed ({status})");
    }
    Ok(())
}

/// Runs a command and returns its standard output, failing unless it succeeds.
pub fn output(command: &mut Command) -> anyhow::Result<String> {
    let description = describe(command);
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("could not start `{description}`"))?;
    if !output.status.success() {
        bail!("`{description}` failed ({})", output.status);
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Whether a command runs and succeeds, with its output hidden.
pub fn succeeds(command: &mut Command) -> bool {
    command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Whether this process runs as root (Postgres refuses to, and apt-get needs it).
pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0")
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

/// Makes sure the programs are on `PATH`, installing the Debian packages of the same names
/// for those that are not.
pub fn ensure_programs(programs: &[&str]) -> anyhow::Result<()> {
    let missing: Vec<&str> = programs
        .iter()
        .copied()
        .filter(|program| {
            !succeeds(Command::new("sh").args(["-c", &format!("command -v {program}")]))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing)
}

/// A free TCP port on the loopback interface.
pub fn free_port() -> anyhow::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}
