//! Building the web client: Yew compiled to WebAssembly, its JavaScript glue made by
//! wasm-bindgen (the library, pinned to the same version as the client's wasm-bindgen, so
//! nothing has to be installed or downloaded), shrunk by binaryen's wasm-opt (from npm),
//! and its static files.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::{npm, shell};

const TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "wasm-release";

/// The most the client's WebAssembly may weigh gzipped, as a browser downloads it. A
/// ratchet: it holds what the client weighs now (711 KiB on 5 December 2026) so that it
/// does not grow unnoticed; lower it as the client shrinks (the aim is 300 KiB).
const WASM_GZIP_BUDGET_KIB: u64 = 750;

/// Builds the client into `web-client/dist` and returns that folder.
pub fn build(root: &Path) -> anyhow::Result<PathBuf> {
    ensure_wasm_target()?;
    shell::step("Building the web client (WebAssembly, size-optimised)");
    shell::run(shell::cargo().args([
        "build",
        "-p",
        "web-client",
        "--target",
        TARGET,
        "--profile",
        PROFILE,
    ]))?;
    let wasm = root
        .join("target")
        .join(TARGET)
        .join(PROFILE)
        .join("web-client.wasm");
    let dist = root.join("web-client/dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist)?;
    }
    std::fs::create_dir_all(&dist)?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)?
        .typescript(false)
        .out_name("web_client")
        .generate(&dist)
        .context("wasm-bindgen could not generate the client's glue")?;
    optimize(root, &dist.join("web_client_bg.wasm"));
    for file in ["index.html", "style.css", "favicon.svg"] {
        std::fs::copy(root.join("web-client").join(file), dist.join(file))
            .with_context(|| format!("could not copy web-client/{file}"))?;
    }
    let size = std::fs::metadata(dist.join("web_client_bg.wasm"))?.len();
    println!(
        "web client built in {} ({} KiB of WebAssembly, {} KiB gzipped)",
        dist.display(),
        size / 1024,
        gzipped_kib(&dist)?
    );
    Ok(dist)
}

/// Fails when the built client's WebAssembly, gzipped, weighs more than its budget.
pub fn check_size_budget(dist: &Path) -> anyhow::Result<()> {
    let kib = gzipped_kib(dist)?;
    anyhow::ensure!(
        kib <= WASM_GZIP_BUDGET_KIB,
        "the web client's WebAssembly is {kib} KiB gzipped, over its budget of \
         {WASM_GZIP_BUDGET_KIB} KiB (xtask/src/web.rs): see what grew with twiggy"
    );
    println!(
        "the WebAssembly is {kib} KiB gzipped, within its budget of {WASM_GZIP_BUDGET_KIB} KiB"
    );
    Ok(())
}

/// The client's WebAssembly gzipped at the best compression, in KiB (rounded up).
fn gzipped_kib(dist: &Path) -> anyhow::Result<u64> {
    let wasm = std::fs::read(dist.join("web_client_bg.wasm"))?;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut encoder, &wasm)?;
    let gzipped = encoder.finish()?;
    Ok(u64::try_from(gzipped.len())?.div_ceil(1024))
}

/// Shrinks the WebAssembly with binaryen's wasm-opt (about a third smaller, a fifth after
/// gzip). Without npm the client works as it is, only larger, and the build says so.
fn optimize(root: &Path, wasm: &Path) {
    let optimized = wasm.with_extension("opt.wasm");
    let result = npm::wasm_opt(root).and_then(|wasm_opt| {
        shell::run(
            Command::new(wasm_opt)
                .arg("-Oz")
                // What rustc's wasm32 target emits.
                .args([
                    "--enable-bulk-memory",
                    "--enable-nontrapping-float-to-int",
                    "--enable-sign-ext",
                    "--enable-mutable-globals",
                    "--enable-reference-types",
                    "--enable-multivalue",
                ])
                .arg(wasm)
                .arg("-o")
                .arg(&optimized),
        )?;
        Ok(std::fs::rename(&optimized, wasm)?)
    });
    if let Err(error) = result {
        eprintln!(
            "warning: wasm-opt did not run ({error:#}); the web client is served unoptimised"
        );
    }
}

/// Adds the WebAssembly target with rustup when it is missing.
fn ensure_wasm_target() -> anyhow::Result<()> {
    let installed = shell::output(Command::new("rustup").args(["target", "list", "--installed"]))
        .context("rustup is needed to add the WebAssembly target")?;
    if !installed.lines().any(|line| line.trim() == TARGET) {
        shell::step("Adding the Rust target wasm32-unknown-unknown");
        shell::run(Command::new("rustup").args(["target", "add", TARGET]))?;
    }
    Ok(())
}
