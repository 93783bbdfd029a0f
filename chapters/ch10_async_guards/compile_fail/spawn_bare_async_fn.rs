// A manager trait with a bare `async fn`, and generic code that spawns its exit, as the
// guard of `with` does when the body is cancelled.
use ch10_async_guards::context_manager::Outcome;

trait BareManager: Send + 'static {
    async fn exit(self, outcome: Outcome);
}

fn exit_later<M: BareManager>(manager: M) {
    tokio::spawn(manager.exit(Outcome::Cancelled));
}

fn main() {}
