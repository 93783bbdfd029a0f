//! An exception that escapes an asyncio task maps to two different things in Rust. An error the
//! task expects is a value it returns, `Err(e)`, and `handle.await` gives `Ok(Err(e))`. A panic
//! is a bug: tokio catches it at the task's edge and `handle.await` gives `Err(JoinError)` with
//! `is_panic()`. `?` passes the first on; the second you only report.

use std::num::ParseIntError;

// ANCHOR: parse
/// An ordinary failure: the task returns it, as a coroutine would raise `ValueError`.
async fn parse(text: &'static str) -> Result<u32, ParseIntError> {
    text.parse()
}
// ANCHOR_END: parse

#[tokio::test]
async fn an_error_the_task_returns_arrives_inside_ok() {
    // ANCHOR: result_in_result
    let handle = tokio::spawn(parse("12x"));
    match handle.await {
        Ok(Ok(n)) => panic!("parsed {n}"),
        Ok(Err(error)) => assert_eq!(error.to_string(), "invalid digit found in string"),
        Err(join_error) => panic!("the task did not run to its end: {join_error}"),
    }
    // ANCHOR_END: result_in_result
    assert_eq!(tokio::spawn(parse("12")).await.unwrap(), Ok(12));
}

#[tokio::test]
async fn a_panic_arrives_as_a_join_error() {
    let handle = tokio::spawn(async {
        let numbers: Vec<u32> = Vec::new();
        numbers[0] // a bug: index out of bounds
    });
    let error = handle.await.expect_err("the task panicked");
    assert!(error.is_panic());
    assert!(!error.is_cancelled());
}

#[tokio::test]
async fn question_mark_passes_a_task_error_on() {
    // ANCHOR: question_mark
    async fn sum(texts: [&'static str; 2]) -> Result<u32, Box<dyn std::error::Error>> {
        let mut total = 0;
        for text in texts {
            total += tokio::spawn(parse(text)).await??; // JoinError, then ParseIntError
        }
        Ok(total)
    }
    // ANCHOR_END: question_mark
    assert_eq!(sum(["1", "2"]).await.unwrap(), 3);
    assert!(sum(["1", "x"]).await.is_err());
}
