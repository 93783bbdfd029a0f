//! The article's listing given to the real compiler: the errors the book quotes are the ones
//! rustc prints. The `self.self.readlines()` typo is the only thing wrong with the listing, and
//! the article's rule that `async for` belongs inside a coroutine function is, in Rust, E0728.
//!
//! rustc is found the way cargo finds it: the `RUSTC` environment variable if set, otherwise
//! `rustc` on the `PATH` (under rustup, the proxy picks the toolchain cargo itself runs on).
//! Each check is one `--emit metadata` run (no code generation): a fraction of a second.

use std::path::{Path, PathBuf};
use std::process::Command;

const TYPO: &str = include_str!("../compile_fail/self_self.rs");
const AWAIT_OUTSIDE_ASYNC: &str = include_str!("../compile_fail/await_outside_async.rs");

/// The compiler cargo would use.
fn rustc() -> PathBuf {
    std::env::var_os("RUSTC")
        .filter(|path| !path.is_empty())
        .map_or_else(|| PathBuf::from("rustc"), PathBuf::from)
}

/// Compile `source` as a 2024-edition binary (metadata only); rustc's stderr if it failed.
fn compile(name: &str, source: &str) -> Result<(), String> {
    // A folder of its own for each process and listing: the target dir is shared by every
    // `cargo test` running at the same time, and one run must not compile another's half-written
    // file.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("ch09_article_typo-{}-{name}", std::process::id()));
    let file = dir.join(format!("{name}.rs"));
    std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&file, source))
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", file.display()));
    let rustc = rustc();
    let output = Command::new(&rustc)
        .args(["--edition", "2024", "--crate-type", "bin"])
        .args(["--emit", "metadata", "--crate-name", name, "--out-dir"])
        .arg(&dir)
        .arg(&file)
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "cannot run the compiler `{}`: {error}\n\
                 This test runs rustc itself. Put rustc on the PATH, or set RUSTC to its path \
                 (as for cargo).",
                rustc.display()
            )
        });
    let _ = std::fs::remove_dir_all(&dir); // the output is in `output`; nothing else is needed
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// rustc's stderr for a listing that must not compile.
fn rejected(name: &str, source: &str) -> String {
    match compile(name, source) {
        Err(stderr) => stderr,
        Ok(()) => panic!("rustc accepted `{name}`, which should not compile"),
    }
}

fn assert_one_error(stderr: &str) {
    assert_eq!(
        stderr.matches("error[").count(),
        1,
        "one error only:\n{stderr}"
    );
}

#[test]
fn rustc_rejects_self_self_with_e0609() {
    let stderr = rejected("typo", TYPO);
    assert!(
        stderr.contains("error[E0609]: no field `self` on type `&mut Iterator`"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown field"), "{stderr}");
    // "available field is: `count`" (older compilers: "available fields are: `count`").
    assert!(
        stderr.contains("available field") && stderr.contains("`count`"),
        "{stderr}"
    );
    assert_one_error(&stderr);
}

#[test]
fn without_the_typo_the_listing_compiles() {
    let fixed = TYPO.replace("self.self.readlines()", "self.readlines()");
    assert_ne!(fixed, TYPO);
    if let Err(stderr) = compile("fixed", &fixed) {
        panic!("the listing with `self.readlines()` should compile; rustc said:\n{stderr}");
    }
}

#[test]
fn await_outside_an_async_fn_is_e0728() {
    let stderr = rejected("await_outside_async", AWAIT_OUTSIDE_ASYNC);
    assert!(
        stderr
            .contains("error[E0728]: `await` is only allowed inside `async` functions and blocks"),
        "{stderr}"
    );
    assert_one_error(&stderr);
}
