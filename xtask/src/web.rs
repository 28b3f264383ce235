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

/// The most the client's WebAssembly may weigh gzipped (browsers that take Brotli get about
/// a quarter less). A ratchet: it holds what the client weighs now (706 KiB on 5 December
/// 2026) so that it does not grow unnoticed; lower it as the client shrinks (the aim is
/// 300 KiB: see the README's *Speed*).
const WASM_GZIP_BUDGET_KIB: u64 = 720;

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
    let built = root
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
        .input_path(&built)
        .web(true)?
        .typescript(false)
        .out_name("web_client")
        .generate(&dist)
        .context("wasm-bindgen could not generate the client's glue")?;
    optimize(root, &dist.join("web_client_bg.wasm"));
    for file in ["style.css", "favicon.svg"] {
        std::fs::copy(root.join("web-client").join(file), dist.join(file))
            .with_context(|| format!("could not copy web-client/{file}"))?;
    }
    let read = |file: &str| {
        std::fs::read_to_string(root.join("web-client").join(file))
            .with_context(|| format!("could not read web-client/{file}"))
    };
    // Each file is named by its content, and the texts that name it are rewritten: the
    // boot script names the client's two files, the page names everything.
    let (mut index, mut boot) = (read("index.html")?, read("boot.js")?);
    for file in ["web_client.js", "web_client_bg.wasm", "style.css"] {
        let named = publish(&dist, file)?;
        (index, boot) = (renamed(&index, file, &named), renamed(&boot, file, &named));
    }
    std::fs::write(dist.join("boot.js"), boot)?;
    index = renamed(&index, "boot.js", &publish(&dist, "boot.js")?);
    std::fs::write(dist.join("index.html"), index)?;
    let wasm = wasm_file(&dist)?;
    println!(
        "web client built in {} ({} KiB of WebAssembly, {} KiB gzipped, {} KiB with Brotli)",
        dist.display(),
        std::fs::metadata(&wasm)?.len() / 1024,
        kib(&with_suffix(&wasm, "gz"))?,
        kib(&with_suffix(&wasm, "br"))?,
    );
    Ok(dist)
}

/// Names `dist/file` by its content (`stem-<hash>.ext`, so a browser may keep it a year and
/// still never run a stale build) and compresses it ahead; returns the new name.
fn publish(dist: &Path, file: &str) -> anyhow::Result<String> {
    let named = fingerprint(dist, file)?;
    precompress(&dist.join(&named))?;
    Ok(named)
}

/// `text` naming `/{named}` wherever it named `/{file}` in quotes.
fn renamed(text: &str, file: &str, named: &str) -> String {
    text.replace(&format!("/{file}\""), &format!("/{named}\""))
}

/// Renames `dist/file` to `stem-<hash>.ext` and returns the new name.
fn fingerprint(dist: &Path, file: &str) -> anyhow::Result<String> {
    use sha2::Digest as _;
    let path = dist.join(file);
    let content = std::fs::read(&path).with_context(|| format!("could not read {file}"))?;
    let hash: String = sha2::Sha256::digest(&content)[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let (stem, extension) = file
        .rsplit_once('.')
        .with_context(|| format!("{file} has no extension"))?;
    let named = format!("{stem}-{hash}.{extension}");
    std::fs::rename(&path, dist.join(&named))?;
    Ok(named)
}

/// Writes `file.br` and `file.gz` beside `file`, both at their best compression, for the
/// server to send instead of compressing on every request.
fn precompress(file: &Path) -> anyhow::Result<()> {
    let content = std::fs::read(file)?;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut gzip, &content)?;
    std::fs::write(with_suffix(file, "gz"), gzip.finish()?)?;
    let mut brotli = Vec::new();
    let parameters = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut content.as_slice(), &mut brotli, &parameters)?;
    std::fs::write(with_suffix(file, "br"), brotli)?;
    Ok(())
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// The client's WebAssembly in `dist`, whatever its hash.
fn wasm_file(dist: &Path) -> anyhow::Result<PathBuf> {
    std::fs::read_dir(dist)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| {
            path.extension()
                .is_some_and(|extension| extension == "wasm")
        })
        .with_context(|| format!("no WebAssembly in {}", dist.display()))
}

/// A file's size in KiB, rounded up.
fn kib(file: &Path) -> anyhow::Result<u64> {
    Ok(std::fs::metadata(file)?.len().div_ceil(1024))
}

/// Fails when the built client's WebAssembly, gzipped, weighs more than its budget.
pub fn check_size_budget(dist: &Path) -> anyhow::Result<()> {
    let kib = kib(&with_suffix(&wasm_file(dist)?, "gz"))?;
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
