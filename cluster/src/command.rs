//! Running commands: their failures say which command failed and how.

use std::process::{Command, Stdio};

use anyhow::{Context, bail};

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
    static ROOT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ROOT.get_or_init(|| output(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0"))
}

/// A free TCP port on the loopback interface.
pub fn free_port() -> anyhow::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}
