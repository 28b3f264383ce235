//! axe-core, the accessibility engine the browser tests inject into pages, pinned, from
//! the npm registry into `target/npm`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::shell;

const VERSION: &str = "4.14.1";

/// The path of `axe.min.js`, installing axe-core when it is missing.
pub fn ensure(root: &Path) -> anyhow::Result<PathBuf> {
    let prefix = root.join("target/npm");
    let package = prefix.join("node_modules/axe-core");
    let script = package.join("axe.min.js");
    let installed = std::fs::read_to_string(package.join("package.json"))
        .is_ok_and(|manifest| manifest.contains(&format!("\"version\": \"{VERSION}\"")));
    if !installed {
        println!("installing axe-core {VERSION} into {}", prefix.display());
        std::fs::create_dir_all(&prefix)?;
        shell::run(
            Command::new("npm")
                .args([
                    "install",
                    "--silent",
                    "--no-audit",
                    "--no-fund",
                    "--no-save",
                    "--prefix",
                ])
                .arg(&prefix)
                .arg(format!("axe-core@{VERSION}")),
        )
        .context("npm (Node.js) is needed to install axe-core for the accessibility checks")?;
    }
    Ok(script)
}
