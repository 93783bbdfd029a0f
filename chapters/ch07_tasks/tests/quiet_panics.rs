//! `QuietPanics` silences the panic hook and puts the previous one back. The hook is global to
//! the process, so this test has a test binary to itself.

use ch07_tasks::panics::QuietPanics;
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};

static REPORTED: AtomicUsize = AtomicUsize::new(0);

#[test]
fn quiet_panics_silences_the_hook_and_restores_it() {
    panic::set_hook(Box::new(|_| {
        REPORTED.fetch_add(1, Ordering::SeqCst);
    }));
    let quiet = QuietPanics::new();
    assert!(panic::catch_unwind(|| panic!("unreported")).is_err());
    assert_eq!(
        REPORTED.load(Ordering::SeqCst),
        0,
        "the quiet hook reported nothing"
    );
    drop(quiet);
    assert!(panic::catch_unwind(|| panic!("reported")).is_err());
    assert_eq!(
        REPORTED.load(Ordering::SeqCst),
        1,
        "the previous hook is back"
    );
    drop(panic::take_hook());
}
