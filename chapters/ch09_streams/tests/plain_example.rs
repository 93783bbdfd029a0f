//! The plain version of the article's async iterator prints 1 to 99 and stops.

#[test]
fn the_readlines_example_prints_1_to_99() {
    let expected: String = (1..100).map(|n| format!("{n}\n")).collect();
    assert_eq!(shared::example::stdout("readlines", &[]), expected);
}
