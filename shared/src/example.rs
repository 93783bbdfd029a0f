//! Run a chapter's plain example (`chapters/<crate>/examples/<name>.rs`) from its tests.
//!
//! Each chapter's key listing also exists as a program a reader can paste into `cargo new`:
//! only tokio and the crates the listing needs, none of this crate's helpers. `cargo test`
//! builds a package's examples next to its test binaries (`target/<profile>/examples/`); a
//! chapter's test finds the binary there, runs it and checks what it printed.

use std::path::PathBuf;
use std::process::Command;

/// The example `name`, as `cargo test` built it for the test binary running now.
///
/// # Panics
/// If the example was not built (run the test through `cargo test`, which builds examples).
pub fn command(name: &str) -> Command {
    let test_binary = std::env::current_exe().expect("a test knows its own path");
    // target/<profile>/deps/<test> → target/<profile>/examples/<name>
    let profile_dir = test_binary
        .parent()
        .and_then(|deps| deps.parent())
        .expect("a test binary lives in target/<profile>/deps");
    let binary: PathBuf = profile_dir
        .join("examples")
        .join(name)
        .with_extension(std::env::consts::EXE_EXTENSION);
    assert!(
        binary.exists(),
        "{} is not built; `cargo test` builds examples, `cargo build --example {name}` too",
        binary.display()
    );
    Command::new(binary)
}

/// Run the example `name` with `args` and return its stdout, failing with its stderr if it
/// exits unsuccessfully.
pub fn stdout(name: &str, args: &[&str]) -> String {
    let output = command(name)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("cannot run the example {name}: {error}"));
    assert!(
        output.status.success(),
        "the example {name} failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the examples print UTF-8")
}
