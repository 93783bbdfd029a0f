//! The one-file executor interleaves two tasks and stops when both are done.

#[test]
fn the_mini_executor_example_interleaves_two_tasks_and_ends() {
    assert_eq!(
        shared::example::stdout("mini_executor", &[]),
        "a1\nb1\na2\nb2\na3\nb3\nevery task is done\n"
    );
}
