//! Packages from the npm registry, pinned, each installed into its own folder under
//! `target/npm` (npm would prune one package's folder when installing another): axe-core,
//! the accessibility engine the browser tests inject into pages, binaryen, whose
//! wasm-opt shrinks the web client, and Lighthouse, which scores its pages in the benchmark.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::shell;

const AXE_CORE: &str = "4.14.1";
const BINARYEN: &str = "123.0.0";
/// The newest Lighthouse that runs on Debian's Node.js 20 (13 needs Node.js 22).
const LIGHTHOUSE: &str = "12.8.2";

/// The path of `axe.min.js`, installing axe-core when it is missing.
pub fn axe(root: &Path) -> anyhow::Result<PathBuf> {
    Ok(ensure(root, "axe-core", AXE_CORE)
        .context("npm (Node.js) is needed to install axe-core for the accessibility checks")?
        .join("axe.min.js"))
}

/// The path of binaryen's `wasm-opt`, installing binaryen when it is missing.
pub fn wasm_opt(root: &Path) -> anyhow::Result<PathBuf> {
    Ok(ensure(root, "binaryen", BINARYEN)?.join("bin/wasm-opt"))
}

/// Lighthouse's command-line script (run with node), installing Lighthouse when missing.
pub fn lighthouse(root: &Path) -> anyhow::Result<PathBuf> {
    Ok(ensure(root, "lighthouse", LIGHTHOUSE)?.join("cli/index.js"))
}

/// The folder of the package at `version`, installed with npm when it is missing.
fn ensure(root: &Path, package: &str, version: &str) -> anyhow::Result<PathBuf> {
    let prefix = root.join("target/npm").join(package);
    let folder = prefix.join("node_modules").join(package);
    let installed = std::fs::read_to_string(folder.join("package.json"))
        .is_ok_and(|manifest| manifest.contains(&format!("\"version\": \"{version}\"")));
    if !installed {
        println!("installing {package} {version} into {}", prefix.display());
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
                .arg(format!("{package}@{version}")),
        )?;
    }
    Ok(folder)
}
