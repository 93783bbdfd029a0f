//! Each claim of the primer page, as a test. The errors the page quotes are `compile_fail`
//! doctests in the modules (run by `cargo test --doc`).

use ch00_primer::{
    arc, closures, helpers, macros, max_of, ownership, results, send_static, traits,
};

#[test]
fn a_borrow_leaves_the_value_with_its_owner_and_a_move_gives_it_away() {
    let mut urls = vec!["a/1".to_string(), "https://b/2".to_string()];
    ownership::add_scheme(&mut urls);
    assert_eq!(urls, ["http://a/1", "https://b/2"]);
    assert_eq!(ownership::count_https(&urls), 1);
    let (report, kept) = ownership::tidy_and_report(vec!["c".into()]);
    assert_eq!(
        (report.as_str(), kept),
        ("http://c", vec!["http://c".to_string()])
    );
    assert_eq!(ownership::into_report(urls), "http://a/1, https://b/2");
}

#[test]
fn question_mark_returns_the_first_error_and_match_handles_it() {
    assert_eq!(results::port("example.org:8080"), Ok(8080));
    assert_eq!(results::ports(&["a:1", "b:2"]), Ok(vec![1, 2]));
    // The first bad address stops the loop, as an exception leaves it.
    let error = results::ports(&["a:1", "b", "c:x"]).unwrap_err();
    assert_eq!(error, "\"b\" has no port");
    let (port, problem) = results::port_or_default("c:99999", 80);
    assert_eq!(port, 80);
    let problem = problem.expect("99999 is not a u16");
    assert!(problem.contains("number too large"), "{problem}");
}

#[test]
fn move_closures_keep_the_value_they_were_made_with() {
    // Python's `[lambda x: x + 10 + n for n in range(3)]` gives 12, 12, 12 for 0.
    let outputs: Vec<u32> = closures::adders().iter().map(|add| add(0)).collect();
    assert_eq!(outputs, [10, 11, 12]);
    assert_eq!(closures::count_long(&["a", "abcd", "abc"], 3), 2);
    assert_eq!(closures::greet_from_a_thread("Rust".into()), "你好, Rust");
}

#[test]
fn traits_give_str_and_default_methods() {
    let download = traits::Download {
        url: "http://a/1".into(),
        bytes: 3,
    };
    assert_eq!(download.to_string(), "http://a/1 (3 bytes)");
    assert_eq!(traits::describe(&[1, 2]), "1; 2");
    assert_eq!(traits::describe(&[download]), "http://a/1 (3 bytes)");
    use traits::Source;
    assert_eq!(traits::Shouting.fetch_all(&["a", "b"]), ["A", "B"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn owned_futures_spawn_on_a_multi_thread_runtime() {
    let names = vec!["a".to_string(), "bcd".to_string()];
    assert_eq!(send_static::lengths(names).await, [1, 3]);
}

#[tokio::test(start_paused = true)]
async fn a_local_set_runs_tasks_that_share_an_rc() {
    assert_eq!(send_static::count_on_one_thread(5).await, 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_arc_is_shared_not_copied_and_its_clones_are_gone_after_the_tasks() {
    let (picked, owners) = arc::pick_mirrors(vec!["m0".into(), "m1".into()], 3).await;
    assert_eq!(picked, ["m0", "m1", "m0"]);
    assert_eq!(owners, 1, "the tasks' clones were dropped with the tasks");
    assert_eq!(arc::collect_from_tasks(4).await, [0, 1, 2, 3]);
}

#[test]
fn macros_expand_at_compile_time() {
    assert_eq!(macros::took("http://a/1", 0.5), "http://a/1 took 0.50 s");
    assert_eq!(max_of!(3), 3);
    assert_eq!(max_of!(3, 9, 4), 9);
}

#[test]
fn block_on_runs_the_naps_concurrently_and_the_stamps_show_it() {
    let ((), text) = shared::runtime::run_paused(async {
        helpers::two_naps(shared::Timeline::start()).await;
    });
    assert_eq!(
        text,
        "[+0.00s] a: 你好\n[+0.00s] b: 你好\n[+1.00s] a: Hello\n[+2.00s] b: Hello\n\
         [+2.00s] main: both done\n"
    );
}

#[tokio::test]
async fn the_fixture_server_serves_what_body_for_says() {
    let (sizes, requests) = helpers::fetch_and_check(&["/a.jpg", "/b.jpg"])
        .await
        .expect("the local server answers");
    assert_eq!((sizes, requests), (vec![1000, 1000], 2));
}
