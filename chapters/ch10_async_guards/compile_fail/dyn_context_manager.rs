// "Any mix" of context managers, as `AsyncExitStack` holds them: boxed trait objects.
use ch10_async_guards::context_manager::AsyncContextManager;

fn main() {
    let managers: Vec<Box<dyn AsyncContextManager<Error = std::io::Error>>> = Vec::new();
    assert!(managers.is_empty());
}
