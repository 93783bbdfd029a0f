//! The article's `self.self.readlines()` typo, given to the real compiler: the error the book
//! quotes is the one rustc prints, and the typo is the only thing wrong with the listing.

use std::path::Path;
use std::process::Command;

const LISTING: &str = include_str!("../compile_fail/self_self.rs");

/// Compile `source` as a 2024-edition binary (metadata only); rustc's stderr if it failed.
fn compile(name: &str, source: &str) -> Result<(), String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ch09_article_typo");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.rs"));
    std::fs::write(&file, source).unwrap();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let output = Command::new(rustc)
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "bin",
            "--emit",
            "metadata",
            "--out-dir",
        ])
        .arg(&dir)
        .arg(&file)
        .output()
        .expect("rustc runs");
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

#[test]
fn rustc_rejects_self_self_with_e0609() {
    let stderr = compile("typo", LISTING).unwrap_err();
    assert!(
        stderr.contains("error[E0609]: no field `self` on type `&mut Iterator`"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown field"), "{stderr}");
    assert_eq!(
        stderr.matches("error[").count(),
        1,
        "one error only: {stderr}"
    );
}

#[test]
fn without_the_typo_the_listing_compiles() {
    let fixed = LISTING.replace("self.self.readlines()", "self.readlines()");
    assert_ne!(fixed, LISTING);
    compile("fixed", &fixed).unwrap();
}
