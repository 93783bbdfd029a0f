//! The plain genawaiter version of the article's `yield from` listing prints 1 3 4 2.

#[test]
fn the_yield_from_example_prints_1_3_4_2() {
    assert_eq!(shared::example::stdout("yield_from", &[]), "1\n3\n4\n2\n");
}
