//! The compile errors the primer page quotes are rustc's own words: each `compile_fail/` file
//! that needs nothing but `std` is given to the real compiler here, and its first error must
//! read as the page says. (The two that need tokio, `spawn_borrows_local.rs` and `spawn_rc.rs`,
//! are checked by their error codes in the `compile_fail` doctests of `src/send_static.rs`.)
//!
//! rustc is the one cargo uses: `RUSTC` if set, otherwise `rustc` on the `PATH`. Each check is
//! one `--emit metadata` run, no code generation.

use std::path::{Path, PathBuf};
use std::process::Command;

/// rustc's stderr for `compile_fail/<name>.rs`, which must not compile.
fn rejected(name: &str) -> String {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("compile_fail/{name}.rs"));
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ch00_compile_errors");
    std::fs::create_dir_all(&out_dir).expect("a scratch folder");
    let rustc = std::env::var_os("RUSTC")
        .filter(|path| !path.is_empty())
        .map_or_else(|| PathBuf::from("rustc"), PathBuf::from);
    let output = Command::new(&rustc)
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "bin",
            "--emit",
            "metadata",
        ])
        .args(["--crate-name", name, "--out-dir"])
        .arg(&out_dir)
        .arg(&source)
        .output()
        .unwrap_or_else(|error| panic!("cannot run `{}`: {error}", rustc.display()));
    assert!(!output.status.success(), "rustc accepted {name}.rs");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_first_error(name: &str, words: &str) {
    let stderr = rejected(name);
    let first = stderr
        .lines()
        .find(|line| line.starts_with("error"))
        .unwrap_or_default();
    assert_eq!(first, words, "{name}.rs:\n{stderr}");
    assert_eq!(
        stderr.matches("\nerror").count() + usize::from(stderr.starts_with("error")),
        2,
        "one error, then `aborting due to 1 previous error`:\n{stderr}"
    );
}

#[test]
fn use_after_move_is_e0382() {
    assert_first_error(
        "use_after_move",
        "error[E0382]: borrow of moved value: `urls`",
    );
}

#[test]
fn pushing_while_iterating_is_e0502() {
    assert_first_error(
        "push_while_iterating",
        "error[E0502]: cannot borrow `urls` as mutable because it is also borrowed as immutable",
    );
}

#[test]
fn question_mark_in_main_is_e0277() {
    assert_first_error(
        "question_mark_in_main",
        "error[E0277]: the `?` operator can only be used in a function that returns `Result` or \
         `Option` (or another type that implements `FromResidual`)",
    );
}

#[test]
fn a_closure_borrowing_a_local_is_e0373() {
    assert_first_error(
        "closure_borrows_local",
        "error[E0373]: closure may outlive the current function, but it borrows `n`, which is \
         owned by the current function",
    );
}

#[test]
fn a_type_without_display_is_e0277() {
    assert_first_error(
        "missing_display",
        "error[E0277]: `Page` doesn't implement `std::fmt::Display`",
    );
}

#[test]
fn writing_through_an_arc_is_e0596() {
    assert_first_error(
        "arc_write",
        "error[E0596]: cannot borrow data in an `Arc` as mutable",
    );
}

#[test]
fn a_missing_format_argument_does_not_compile() {
    assert_first_error(
        "format_arguments",
        "error: 2 positional arguments in format string, but there is 1 argument",
    );
}
