//! What the server-needing test files share: the services harness, extended to needs it does
//! not know (a browser, the FastAPI packages), and a small blocking HTTP client.
// Each test file uses part of this module.
#![allow(dead_code)]

use libtest_mimic::Trial;
use shared::services::{Need, required, run_tests};
use std::process::ExitCode;

/// [`run_tests`] with one more need: `missing` says what is not installed, if anything. Then
/// every trial is ignored (after one line saying what to install), or fails under
/// `REQUIRE_SERVICES=1`: never reported as passed without running.
pub fn run_needing(missing: Option<String>, needs: &[Need], trials: Vec<Trial>) -> ExitCode {
    let Some(missing) = missing else {
        return run_tests(needs, trials);
    };
    let trials = if required() {
        trials
            .into_iter()
            .map(|trial| {
                let message = format!("REQUIRE_SERVICES=1, but this test needs {missing}");
                Trial::test(trial.name().to_owned(), move || Err(message.into()))
            })
            .collect()
    } else {
        eprintln!("not run: these tests need {missing}");
        trials
            .into_iter()
            .map(|trial| trial.with_ignored_flag(true))
            .collect()
    };
    run_tests(needs, trials)
}

/// Send one request; the status and the body parsed as JSON.
pub fn call(base: &str, method: &str, path: &str, body: Option<&str>) -> (u16, serde_json::Value) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = reqwest::Client::new();
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = client.request(method, format!("{base}{path}"));
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(body.to_string());
        }
        let response = request.send().await.expect("the service answers");
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        let json = serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"));
        (status, json)
    })
}
