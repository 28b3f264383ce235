//! `cargo xtask faults`: the fault suite's long form — the tests of `tests/tests/faults`
//! with longer outages and more requests (`INNOLABB_FAULTS_SCALE`), printing what each
//! fault did. Its short form runs in `cargo xtask test`.

use std::path::Path;

use crate::postgres::{self, Durability};
use crate::shell;

/// How much longer and larger than in `cargo xtask test`: Postgres down 10 s instead of 2,
/// 1,000 idempotent POSTs to the killed API instead of 200.
const SCALE: &str = "5";

pub fn faults(root: &Path) -> anyhow::Result<()> {
    shell::step("Starting a throwaway Postgres");
    let scratch = tempfile::Builder::new()
        .prefix("innolabb-faults-")
        .tempdir()?;
    let cluster = postgres::start(scratch.path(), Durability::Throwaway)?;
    shell::step("Building the API and the fault tests");
    let api_binary = crate::test::build_api_binary(root)?;
    shell::step("Running the fault suite, long form (one fault at a time)");
    shell::run(
        shell::cargo()
            .args([
                "test",
                "--quiet",
                "-p",
                "innolabb-tests",
                "--test",
                "faults",
                "--",
            ])
            .args(["--test-threads", "1", "--nocapture"])
            .env("DATABASE_URL", cluster.url("postgres"))
            .env("API_BINARY", api_binary)
            .env("INNOLABB_FAULTS_SCALE", SCALE)
            .env("RUST_LOG", "error"),
    )?;
    drop(cluster);
    Ok(())
}
