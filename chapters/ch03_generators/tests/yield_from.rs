//! 三.3.2: the order of a delegating generator's values, and the `yield_from` helper.

use ch03_generators::yield_from::{func1, func2, yield_from};
use genawaiter::GeneratorState;
use genawaiter::rc::Gen;

#[test]
fn func1_yields_1_then_func2s_3_4_then_2() {
    let items: Vec<u32> = Gen::new(func1).into_iter().collect();
    assert_eq!(items, [1, 3, 4, 2]);
}

#[test]
fn creating_the_generator_runs_nothing_and_each_resume_runs_to_the_next_yield() {
    let mut generator = Gen::new(func1);
    assert_eq!(generator.resume(), GeneratorState::Yielded(1));
    assert_eq!(generator.resume(), GeneratorState::Yielded(3));
    assert_eq!(generator.resume(), GeneratorState::Yielded(4));
    assert_eq!(generator.resume(), GeneratorState::Yielded(2));
    assert_eq!(generator.resume(), GeneratorState::Complete(()));
}

#[test]
fn yield_from_a_generator_object_gives_the_same_order() {
    let generator = Gen::new(|co| async move {
        co.yield_(1).await;
        yield_from(&co, Gen::new(|inner| async move { func2(&inner).await })).await;
        co.yield_(2).await;
    });
    let items: Vec<u32> = generator.into_iter().collect();
    assert_eq!(items, [1, 3, 4, 2]);
}

#[test]
fn yield_from_evaluates_to_what_the_inner_generator_returns() {
    let mut outer = Gen::new(|co| async move {
        let inner = Gen::new(|inner| async move {
            inner.yield_(7).await;
            "inner's return value"
        });
        yield_from(&co, inner).await
    });
    assert_eq!(outer.resume(), GeneratorState::Yielded(7));
    assert_eq!(
        outer.resume(),
        GeneratorState::Complete("inner's return value")
    );
}

#[test]
fn the_tour_prints_one_item_per_line() {
    let text = ch03_generators::tour().capture("yield_from").unwrap();
    assert_eq!(text, "1\n3\n4\n2\n");
}
