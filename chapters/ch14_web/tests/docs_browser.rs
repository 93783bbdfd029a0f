//! `/docs` in a real browser: headless Chromium (Debian's `chromium`) loads the page, runs its
//! JavaScript with no network but the service's own port, and every documented endpoint must
//! be on the rendered page. Not run (and said so) without Chromium; a failure under
//! `REQUIRE_SERVICES=1`.

mod common;

use ch14_web::docs::documented_paths;
use ch14_web::server::Running;
use ch14_web::state::Settings;
use libtest_mimic::{Failed, Trial};
use std::collections::BTreeSet;
use std::process::Command;

const BROWSERS: [&str; 2] = ["chromium", "chromium-browser"];

fn browser() -> Option<&'static str> {
    BROWSERS.into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn main() -> std::process::ExitCode {
    let missing = browser()
        .is_none()
        .then(|| "chromium: sudo apt-get install chromium".to_string());
    common::run_needing(
        missing,
        &[],
        vec![Trial::test(
            "docs_lists_every_endpoint_in_chromium",
            docs_in_chromium,
        )],
    )
}

fn docs_in_chromium() -> Result<(), Failed> {
    // The page needs no Redis: point the service at a port where nothing listens.
    let service = Running::start("redis://127.0.0.1:1/", Settings::default())?;
    let profile = tempfile::tempdir()?;
    let output = Command::new(browser().ok_or("no browser")?)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            // Run the page's scripts for up to 10 s of virtual time, then print the DOM.
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("{}/docs/", service.url()))
        .output()?;
    if !output.status.success() {
        return Err(format!(
            "chromium failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    let dom = String::from_utf8_lossy(&output.stdout);
    // Swagger UI renders each operation as an element with `data-path="/cars/{id}"`.
    let shown: BTreeSet<String> = dom
        .split("data-path=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|path| path.replace("&amp;", "&"))
        .collect();
    let documented: BTreeSet<String> = documented_paths().into_iter().collect();
    assert_eq!(documented.len(), 6, "{documented:?}");
    assert_eq!(shown, documented, "the rendered page lists other paths");
    // One block per operation: GET and POST on /cars are two.
    let operations = dom.matches("class=\"opblock opblock-").count();
    assert_eq!(operations, 7, "operations rendered");
    Ok(())
}
