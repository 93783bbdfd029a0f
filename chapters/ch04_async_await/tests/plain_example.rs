//! The plain `#[tokio::main]` version of 三.5.3 example 4: the three tasks overlap.

#[test]
fn the_three_tasks_example_starts_all_three_before_any_finishes() {
    let out = shared::example::stdout("three_tasks", &["0.05"]);
    let lines: Vec<&str> = out.lines().collect();
    // On one thread, a task that ran to the end before the next one started would print
    // "n1: Hello" second. All three greet first: they were suspended at the same time.
    assert_eq!(lines[..3], ["n1: 你好", "n2: 你好", "n3: 你好"], "{out}");
    for name in ["n1", "n2", "n3"] {
        assert!(
            lines[3..].contains(&format!("{name}: Hello").as_str()),
            "{out}"
        );
        assert!(lines.contains(&format!("{name} done").as_str()), "{out}");
    }
    assert!(lines.last().unwrap().starts_with("took "), "{out}");
}

#[test]
fn the_three_tasks_example_rejects_a_bad_argument_clearly() {
    let output = shared::example::command("three_tasks")
        .arg("soon")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "a usage error");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("expected seconds between 0 and 60, got \"soon\""),
        "{stderr}"
    );
}
