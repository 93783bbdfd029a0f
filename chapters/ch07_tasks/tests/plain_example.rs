//! The plain `#[tokio::main]` version of the chapter's tasks: results in finishing order, and
//! an aborted task that never gets to print.

#[test]
fn the_join_set_example_collects_in_finishing_order_and_cancels() {
    assert_eq!(
        shared::example::stdout("join_set", &["0.1"]),
        "fast finished\nmedium finished\nslow finished\ncancelled: true\n"
    );
}
