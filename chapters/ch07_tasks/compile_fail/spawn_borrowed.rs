// A task spawned with a future that borrows a local `String`.
use ch07_tasks::create_task::job;
use shared::Timeline;

async fn demo(timeline: Timeline) {
    let name = String::from("n0");
    let task = tokio::spawn(job(timeline, &name, 2));
    let _ = task.await;
}

fn main() {
    let _ = demo(Timeline::start());
}
