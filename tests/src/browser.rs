//! Headless Chromium driven over WebDriver (ChromeDriver), as a person would use the app.
//! `cargo xtask test` installs Debian's chromium and chromium-driver and sets `CHROMIUM`
//! and `CHROMEDRIVER`; the defaults are Debian's paths.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::Context;
use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

use crate::TestApp;

/// How long a test waits for something to appear before it fails.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// ChromeDriver's command for the browser's console log (`goog:loggingPrefs`), which the
/// WebDriver standard lacks.
#[derive(Debug)]
struct ConsoleLog;

impl WebDriverCompatibleCommand for ConsoleLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

/// A browser session; the driver is stopped when dropped.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts ChromeDriver on a free port and opens a headless Chromium with a new profile.
    pub async fn start() -> anyhow::Result<Self> {
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".to_owned());
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("could not start {chromedriver}: run the tests with `cargo xtask test`, which installs it"))?;
        let profile = tempfile::tempdir()?;
        let capabilities = serde_json::json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            },
            // What pages write to the console, for `policy_violations`.
            "goog:loggingPrefs": { "browser": "ALL" }
        });
        let capabilities = match capabilities {
            serde_json::Value::Object(map) => map,
            _ => anyhow::bail!("capabilities must be an object"),
        };
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        // ChromeDriver needs a moment before it accepts sessions.
        for _ in 0..50 {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Ok(Self {
                        client,
                        driver,
                        _profile: profile,
                    });
                }
                Err(error) => {
                    last_error = Some(error);
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
        anyhow::bail!("could not open a browser session: {last_error:?}")
    }

    /// Runs `test` in a fresh headless Chromium, which is closed afterwards whatever the
    /// outcome.
    pub async fn run(test: impl AsyncFnOnce(&Browser) -> anyhow::Result<()>) -> anyhow::Result<()> {
        let browser = Browser::start().await?;
        let outcome = test(&browser).await;
        browser.close().await?;
        outcome
    }

    /// Waits for an element: some appear only once the session is restored after a load.
    pub async fn element(&self, locator: Locator<'_>) -> anyhow::Result<Element> {
        Ok(self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(locator)
            .await?)
    }

    /// Does `action` on the element, trying again until [`PATIENCE`] runs out: pages
    /// re-render when the session comes back after a load, which can replace an element
    /// between finding it and acting on it.
    async fn retry(
        &self,
        locator: Locator<'_>,
        action: impl AsyncFn(Element) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let attempt = async { action(self.element(locator).await?).await };
            match attempt.await {
                Ok(()) => return Ok(()),
                Err(error) if tokio::time::Instant::now() > deadline => return Err(error),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// Clicks an element once it is there.
    pub async fn click(&self, locator: Locator<'_>) -> anyhow::Result<()> {
        self.retry(locator, async |element| Ok(element.click().await?))
            .await
    }

    /// Types into the field (after emptying it).
    pub async fn fill(&self, css: &str, text: &str) -> anyhow::Result<()> {
        self.retry(Locator::Css(css), async |field| {
            field.clear().await?;
            Ok(field.send_keys(text).await?)
        })
        .await
    }

    /// Presses the submit button of the form that `form` (CSS) finds.
    pub async fn submit(&self, form: &str) -> anyhow::Result<()> {
        self.click(Locator::Css(&format!("{form} button[type=submit]")))
            .await
    }

    /// Sets a date field (ISO date) as a person picking the date would: typing into one
    /// depends on the browser's locale.
    pub async fn set_date(&self, css: &str, date: &str) -> anyhow::Result<()> {
        self.element(Locator::Css(css)).await?;
        self.client
            .execute(
                "const field = document.querySelector(arguments[0]);
                 field.value = arguments[1];
                 field.dispatchEvent(new Event('input', { bubbles: true }));",
                vec![css.into(), date.into()],
            )
            .await?;
        Ok(())
    }

    /// What the console reported since the last call (Chromium hands its log over once)
    /// that is a breach of the page's Content-Security-Policy.
    pub async fn policy_violations(&self) -> anyhow::Result<Vec<String>> {
        let entries = self.client.issue_cmd(ConsoleLog).await?;
        Ok(entries
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| entry["message"].as_str())
            .filter(|message| message.contains("Content Security Policy"))
            .map(str::to_owned)
            .collect())
    }

    /// Signs in through the sign-in page (after signing out whoever was signed in).
    pub async fn sign_in_as(&self, app: &TestApp, email: &str) -> anyhow::Result<()> {
        self.sign_in_with(app, email, crate::TEST_PASSWORD).await
    }

    /// [`Browser::sign_in_as`] with another password than the tests' own (the demo's).
    pub async fn sign_in_with(
        &self,
        app: &TestApp,
        email: &str,
        password: &str,
    ) -> anyhow::Result<()> {
        self.client.goto(&app.url("/account")).await?;
        if let Ok(sign_out) = self
            .client
            .wait()
            .at_most(Duration::from_secs(2))
            .for_element(Locator::Css(".account-links button"))
            .await
        {
            sign_out.click().await?;
            self.wait_for_text(".account-links a", "Logga in").await?;
        }
        self.client.goto(&app.url("/sign-in")).await?;
        self.wait_for_text("main h1", "Logga in").await?;
        self.fill("#email", email).await?;
        self.fill("#password", password).await?;
        self.submit("main form").await?;
        self.wait_for_text("main h1", "Mitt konto").await
    }

    /// Waits until exactly `count` elements match the CSS selector: for lists and options
    /// that arrive from the API after the page.
    pub async fn wait_for_count(&self, css: &str, count: usize) -> anyhow::Result<()> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let found = self.client.find_all(Locator::Css(css)).await?.len();
            if found == count {
                return Ok(());
            }
            if tokio::time::Instant::now() > deadline {
                anyhow::bail!("{found} elements match {css}, not {count}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// What every `<select>` on the page shows now, as `id=value` ("label" of the shown
    /// option): a person sees the option, not the state behind it.
    pub async fn selects_shown(&self) -> anyhow::Result<Vec<String>> {
        let shown = self
            .client
            .execute(
                "return [...document.querySelectorAll('select')].map(s =>
                    `${s.id}=${s.value} (${s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text})`);",
                Vec::new(),
            )
            .await?;
        Ok(serde_json::from_value(shown)?)
    }

    /// Waits until an element matching the CSS selector is there, and returns its text.
    pub async fn text_of(&self, css: &str) -> anyhow::Result<String> {
        let element = self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .with_context(|| format!("no element matches {css}"))?;
        Ok(element.text().await?)
    }

    /// Waits until some element matching the CSS selector has exactly this text.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> anyhow::Result<()> {
        self.wait_for(css, text, Reading::Shown).await
    }

    /// Waits until some element matching the CSS selector holds exactly this text, visible
    /// or not: for what is written for screen readers only (`visually-hidden`).
    pub async fn wait_for_spoken_text(&self, css: &str, text: &str) -> anyhow::Result<()> {
        self.wait_for(css, text, Reading::Spoken).await
    }

    async fn wait_for(&self, css: &str, text: &str, reading: Reading) -> anyhow::Result<()> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let texts = self.read_all(css, reading).await.unwrap_or_default();
            if texts.iter().any(|found| found == text) {
                return Ok(());
            }
            if tokio::time::Instant::now() > deadline {
                anyhow::bail!("no {css} says {text:?}; found {texts:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The texts of every element matching the CSS selector, as they are now, without the
    /// invisible isolation marks Fluent puts around arguments.
    pub async fn texts_of(&self, css: &str) -> anyhow::Result<Vec<String>> {
        self.read_all(css, Reading::Shown).await
    }

    async fn read_all(&self, css: &str, reading: Reading) -> anyhow::Result<Vec<String>> {
        let mut texts = Vec::new();
        for element in self.client.find_all(Locator::Css(css)).await? {
            let text = match reading {
                Reading::Shown => element.text().await?,
                Reading::Spoken => element.prop("textContent").await?.unwrap_or_default(),
            };
            texts.push(text.replace(['\u{2068}', '\u{2069}'], ""));
        }
        Ok(texts)
    }

    /// Runs axe-core over the page as it is now, for WCAG 2.1 A and AA, and returns the
    /// violations found, one line each ("rule: help (n elements)").
    pub async fn accessibility_violations(&self) -> anyhow::Result<Vec<String>> {
        let axe_path = std::env::var("AXE_CORE").context(
            "AXE_CORE is not set: run the tests with `cargo xtask test`, which installs axe-core",
        )?;
        let axe = std::fs::read_to_string(&axe_path)
            .with_context(|| format!("could not read {axe_path}"))?;
        self.client.execute(&axe, Vec::new()).await?;
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
                    .then(r => done(r.violations.map(v => `${v.id}: ${v.help} (${v.nodes.length} elements: ${v.nodes.map(n => n.target.join(" ")).join(", ")})`)))
                    .catch(e => done([`axe failed: ${e}`]));"#,
                Vec::new(),
            )
            .await?;
        Ok(serde_json::from_value(result)?)
    }

    /// Ends the session and stops the driver.
    pub async fn close(mut self) -> anyhow::Result<()> {
        let closed = self.client.clone().close().await;
        let _ = self.driver.kill();
        closed.context("could not close the browser")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// How a test reads an element's text: as shown on screen, or all of it, as a screen
/// reader hears it.
#[derive(Clone, Copy)]
enum Reading {
    Shown,
    Spoken,
}
