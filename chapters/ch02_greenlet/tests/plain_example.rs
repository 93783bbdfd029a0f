//! The plain corosensei version of the article's greenlet listing prints 1 3 2 4.

#[test]
fn the_switch_example_prints_1_3_2_4() {
    assert_eq!(shared::example::stdout("switch", &[]), "1\n3\n2\n4\n");
}
