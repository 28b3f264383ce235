//! Lighthouse (npm, run by node with the machine's Chromium) on pages of the web client as
//! the API serves it: how quickly a first visit shows something and becomes usable, with
//! Lighthouse's default mobile profile (a slowed CPU and network, simulated), and its
//! accessibility score.

use std::path::Path;
use std::process::Command;

use anyhow::Context;
use serde::Serialize;

/// Where Lighthouse is and what it drives.
pub struct Lighthouse<'a> {
    /// Its command-line script, `cli/index.js`.
    pub script: &'a Path,
    pub chromium: &'a Path,
    /// Where each page's full report is written.
    pub folder: &'a Path,
}

/// One page's scores (0–100) and timings.
#[derive(Debug, Serialize)]
pub struct PageScores {
    pub page: String,
    pub performance: f64,
    pub accessibility: f64,
    pub first_contentful_paint_ms: f64,
    pub largest_contentful_paint_ms: f64,
    pub total_blocking_time_ms: f64,
    pub cumulative_layout_shift: f64,
    /// What the browser downloaded for the page, KiB (as sent, so compressed).
    pub downloaded_kib: f64,
}

impl Lighthouse<'_> {
    /// Visits `url` once, as a first-time visitor, and reads its report.
    pub fn visit(&self, page: &str, url: &str) -> anyhow::Result<PageScores> {
        let report = self.folder.join(format!("lighthouse-{}.json", slug(page)));
        let output = Command::new("node")
            .arg(self.script)
            .arg(url)
            .args([
                "--quiet",
                "--output=json",
                "--only-categories=performance,accessibility",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ])
            .arg(format!("--output-path={}", report.display()))
            .env("CHROME_PATH", self.chromium)
            .output()
            .context("could not run Lighthouse with node")?;
        anyhow::ensure!(
            output.status.success(),
            "Lighthouse failed on {url}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = std::fs::read_to_string(&report)?;
        scores(page, &serde_json::from_str(&text)?)
    }
}

/// The figures of a Lighthouse report.
fn scores(page: &str, report: &serde_json::Value) -> anyhow::Result<PageScores> {
    if let Some(error) = report.get("runtimeError") {
        anyhow::bail!("Lighthouse could not measure {page}: {error}");
    }
    let score = |category: &str| {
        report["categories"][category]["score"]
            .as_f64()
            .map(|score| score * 100.0)
            .with_context(|| format!("no {category} score for {page}"))
    };
    let audit = |name: &str| {
        report["audits"][name]["numericValue"]
            .as_f64()
            .with_context(|| format!("no {name} for {page}"))
    };
    Ok(PageScores {
        page: page.to_owned(),
        performance: score("performance")?,
        accessibility: score("accessibility")?,
        first_contentful_paint_ms: audit("first-contentful-paint")?,
        largest_contentful_paint_ms: audit("largest-contentful-paint")?,
        total_blocking_time_ms: audit("total-blocking-time")?,
        cumulative_layout_shift: audit("cumulative-layout-shift")?,
        downloaded_kib: audit("total-byte-weight")? / 1024.0,
    })
}

fn slug(page: &str) -> String {
    page.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reports_scores_are_read_as_percentages_and_its_failure_is_an_error() -> anyhow::Result<()>
    {
        let report = serde_json::json!({
            "categories": {
                "performance": { "score": 0.79 },
                "accessibility": { "score": 1 }
            },
            "audits": {
                "first-contentful-paint": { "numericValue": 831.2 },
                "largest-contentful-paint": { "numericValue": 4145.4 },
                "total-blocking-time": { "numericValue": 136 },
                "cumulative-layout-shift": { "numericValue": 0.155 },
                "total-byte-weight": { "numericValue": 544_768 }
            }
        });
        let read = scores("start page", &report)?;
        assert!((read.performance - 79.0).abs() < 1e-9);
        assert!((read.accessibility - 100.0).abs() < 1e-9);
        assert!((read.downloaded_kib - 532.0).abs() < 1e-9);
        assert!((read.largest_contentful_paint_ms - 4145.4).abs() < 1e-9);

        let failed = serde_json::json!({ "runtimeError": { "code": "NO_FCP" } });
        assert!(scores("start page", &failed).is_err());
        Ok(())
    }
}
