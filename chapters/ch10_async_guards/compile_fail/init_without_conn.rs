// The article's `__init__`: `self.conn = conn`, where no `conn` exists.
use ch10_async_guards::database::Database;
use shared::Timeline;
use std::net::SocketAddr;

fn make(addr: SocketAddr, timeline: Timeline) -> Database {
    Database {
        addr,
        conn,
        timeline,
    }
}

fn main() {
    let _ = make(([127, 0, 0, 1], 8000).into(), Timeline::start());
}
