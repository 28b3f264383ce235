//! Chromium and ChromeDriver for the browser tests, from Debian's packages.

use std::path::PathBuf;

use anyhow::bail;

use crate::shell;

pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

/// Finds Chromium and ChromeDriver, installing Debian's packages when they are missing.
pub fn ensure() -> anyhow::Result<Browser> {
    if let Some(browser) = find() {
        return Ok(browser);
    }
    shell::apt_install(&["chromium", "chromium-driver"])?;
    match find() {
        Some(browser) => Ok(browser),
        None => bail!("chromium and chromedriver were installed but are not in /usr/bin"),
    }
}

fn find() -> Option<Browser> {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|path| path.is_file())?;
    let chromedriver = PathBuf::from("/usr/bin/chromedriver");
    chromedriver.is_file().then_some(Browser {
        chromium,
        chromedriver,
    })
}
