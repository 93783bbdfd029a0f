//! `cargo run -p ch11_runtimes`: every workload on every executor, side by side.
//! Timings mean something only in a release build: `cargo run --release -p ch11_runtimes`.

/// Counts allocations while a workload asks it to (bytes per parked task).
#[global_allocator]
static ALLOCATOR: ch11_runtimes::memory::CountingAllocator =
    ch11_runtimes::memory::CountingAllocator;

fn main() -> std::process::ExitCode {
    ch11_runtimes::tour().main()
}
