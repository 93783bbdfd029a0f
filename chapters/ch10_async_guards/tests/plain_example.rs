//! The plain `async with`: closed by its async exit when the body finishes, cleaned up by
//! `Drop` when the body is cancelled.

#[test]
fn the_async_with_example_closes_or_cleans_up_on_every_path() {
    assert_eq!(
        shared::example::stdout("async_with", &[]),
        "first: open\nfirst: closed\nfirst: 0 s of work\n\
         second: open\nsecond: dropped without close, cleaned up in Drop\nsecond: timed out: true\n"
    );
}
