//! Packages from the npm registry, each installed into its own folder under `target/npm`
//! (npm would prune one package's folder when installing another): axe-core, the
//! accessibility engine the browser tests inject into pages, binaryen, whose wasm-opt
//! shrinks the web client, and Lighthouse, which scores its pages in the benchmark.
//!
//! Each is pinned in `xtask/tools/npm/<package>/package.json`, and installed with `npm ci`
//! from the lock file beside it, which holds the SHA-512 of every package it brings: a
//! changed or substituted file on the registry stops the install. To move to another
//! version: change it in `package.json`, run `npm install --package-lock-only` in that
//! folder, and commit both files. (Lighthouse stays on 12: 13 needs Node.js 22, Debian has
//! 20.)

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::shell;

/// The path of `axe.min.js`, installing axe-core when it is missing.
pub fn axe(root: &Path) -> anyhow::Result<PathBuf> {
    Ok(ensure(root, "axe-core")
        .context("npm (Node.js) is needed to install axe-core for the accessibility checks")?
        .join("axe.min.js"))
}

/// The path of binaryen's `wasm-opt`, installing binaryen when it is missing.
pub fn wasm_opt(root: &Path) -> anyhow::Result<PathBuf> {
    Ok(ensure(root, "binaryen")?.join("bin/wasm-opt"))
}

/// Lighthouse's command-line script (run with node), installing Lighthouse when missing.
pub fn lighthouse(root: &Path) -> anyhow::Result<PathBuf> {
    Ok(ensure(root, "lighthouse")?.join("cli/index.js"))
}

/// The folder of the package, installed from its lock file when missing or when the lock
/// file changed.
fn ensure(root: &Path, package: &str) -> anyhow::Result<PathBuf> {
    let pinned = root.join("xtask/tools/npm").join(package);
    let prefix = root.join("target/npm").join(package);
    let folder = prefix.join("node_modules").join(package);
    let lock = std::fs::read_to_string(pinned.join("package-lock.json"))
        .with_context(|| format!("{} has no package-lock.json", pinned.display()))?;
    let installed = folder.is_dir()
        && std::fs::read_to_string(prefix.join("package-lock.json")).ok() == Some(lock);
    if !installed {
        println!("installing {package} from {}", pinned.display());
        std::fs::create_dir_all(&prefix)?;
        for file in ["package.json", "package-lock.json"] {
            std::fs::copy(pinned.join(file), prefix.join(file))?;
        }
        shell::run(
            Command::new("npm")
                .args(["ci", "--silent", "--no-audit", "--no-fund", "--prefix"])
                .arg(&prefix),
        )?;
    }
    Ok(folder)
}
