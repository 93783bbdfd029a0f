//! The plain version of `spawn_blocking`: the runtime keeps running a task while a blocking
//! call waits for that very task, which would deadlock if the call ran on the runtime thread.

#[test]
fn the_spawn_blocking_example_keeps_the_heartbeat_going() {
    assert_eq!(
        shared::example::stdout("spawn_blocking", &["0.01"]),
        "heartbeat 1\nheartbeat 2\nheartbeat 3\nthe blocking call returned after 3 heartbeats\n"
    );
}
