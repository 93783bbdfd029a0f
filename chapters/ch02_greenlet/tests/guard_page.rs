//! The guard page, through the real chapter binary: its overflow worker is that binary re-run.

use std::process::Command;

#[test]
fn a_greenlet_overflowing_its_stack_dies_in_the_guard_page() {
    let output = Command::new(env!("CARGO_BIN_EXE_ch02_greenlet"))
        .env(shared::tour::WORKER_ENV, "overflow:")
        .output()
        .unwrap();
    assert!(!output.status.success());
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            output.status.signal(),
            Some(11),
            "SIGSEGV: {:?}",
            output.status
        );
    }
}

#[test]
fn the_section_reports_how_the_worker_died() {
    let output = Command::new(env!("CARGO_BIN_EXE_ch02_greenlet"))
        .arg("guard_page")
        .output()
        .unwrap();
    assert!(output.status.success(), "the tour itself survives");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.ends_with("the overflowing worker was killed by signal 11 (SIGSEGV)\n"),
        "{stdout}"
    );
}
