//! The Python tools of the tests, pinned, in one virtual environment under `target/`:
//! schemathesis (fuzzes the API from its OpenAPI document), openapi-spec-validator (the
//! document is valid), openapi-python-client (a partner's generated client works) and
//! aiosmtpd (the tests' SMTP server).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::shell;

/// Each tool with its pinned version. Changing one reinstalls the environment.
const REQUIREMENTS: [&str; 4] = [
    "schemathesis==4.32.5",
    "openapi-spec-validator==0.9.0",
    "openapi-python-client==0.29.1",
    // The tests' SMTP server (tests/smtp/sink.py).
    "aiosmtpd==1.4.6",
];

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
}

/// The tools, installing them from PyPI when missing or of another version.
pub fn ensure(root: &Path) -> anyhow::Result<Tools> {
    let venv = root.join("target/python-venv");
    let stamp = venv.join("innolabb-requirements.txt");
    let wanted = REQUIREMENTS.join("\n");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        println!(
            "installing {} into {}",
            REQUIREMENTS.join(", "),
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
                .args(["install", "--quiet", "--disable-pip-version-check"])
                .args(REQUIREMENTS),
        )?;
        std::fs::write(&stamp, &wanted)?;
    }
    Ok(Tools { venv })
}
