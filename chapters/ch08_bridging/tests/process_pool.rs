//! The process "pool": `func1` in a child process that is this very test executable, started
//! as a worker. It needs its own `main` (no libtest harness): the child runs `main` again and
//! must do the job instead of the tests.

use ch08_bridging::executors::in_child_process;
use std::process::ExitCode;

fn main() -> ExitCode {
    if let Some(code) = ch08_bridging::tour().run_worker_if_asked() {
        return code;
    }
    let answers = shared::runtime::block_on(async {
        // Two children at once: each is awaited without blocking the runtime thread.
        tokio::join!(in_child_process(), in_child_process())
    });
    assert_eq!(answers, (Ok("11".to_owned()), Ok("11".to_owned())));
    println!("test func1_in_child_processes ... ok");
    ExitCode::SUCCESS
}
