//! tokio's timers and sockets panic outside a tokio runtime, with tokio's own message; smol's
//! timer runs under any executor.

use ch11_runtimes::portability::{
    TOKIO_OUTSIDE_RUNTIME, smol_timer_inside_tokio, tokio_sleep_outside_tokio,
    tokio_socket_outside_tokio,
};
use std::time::Duration;

#[test]
fn a_tokio_timer_outside_tokio_panics_with_tokios_message() {
    let message = tokio_sleep_outside_tokio().expect("it panics");
    assert!(message.contains(TOKIO_OUTSIDE_RUNTIME), "{message}");
}

#[test]
fn a_tokio_socket_outside_tokio_panics_with_tokios_message() {
    let message = tokio_socket_outside_tokio().expect("it panics");
    assert!(message.contains(TOKIO_OUTSIDE_RUNTIME), "{message}");
}

#[test]
fn smols_timer_runs_under_tokio() {
    assert!(smol_timer_inside_tokio() >= Duration::from_millis(10));
}
