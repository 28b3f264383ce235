//! schemathesis, pinned, in a virtual environment under `target/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::shell;

const VERSION: &str = "4.32.5";

/// The path of the `schemathesis` command, installing it from PyPI when missing.
pub fn ensure(root: &Path) -> anyhow::Result<PathBuf> {
    let venv = root.join("target/schemathesis-venv");
    let command = venv.join("bin/schemathesis");
    let installed = command.is_file()
        && shell::output(Command::new(&command).arg("--version"))
            .is_ok_and(|out| out.contains(VERSION));
    if !installed {
        println!("installing schemathesis {VERSION} into {}", venv.display());
        shell::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))
            .context("python3 with its venv module is needed for schemathesis")?;
        shell::run(
            Command::new(venv.join("bin/pip"))
                .args(["install", "--quiet", "--disable-pip-version-check"])
                .arg(format!("schemathesis=={VERSION}")),
        )?;
    }
    Ok(command)
}
