//! A pool of connections, sized like aiomysql's `create_pool(minsize=…, maxsize=…)`.
//!
//! One MySQL connection runs one query at a time. 50 queries that each keep the server busy
//! for 0.1 s (`SELECT SLEEP(0.1)`) therefore take about `ceil(50 / size) × 0.1 s` on a pool of
//! `size` connections: about 1 s on 5, about 0.1 s on 50. The pool is the concurrency limit.
//!
//! | aiomysql                                       | sqlx                                          |
//! |------------------------------------------------|-----------------------------------------------|
//! | `await aiomysql.create_pool(minsize=1, maxsize=10, **cfg)` | `MySqlPoolOptions::new().min_connections(1).max_connections(10).connect(url)` |
//! | `async with pool.acquire() as conn:`           | `let conn = pool.acquire().await?;` (returned on drop) |
//! | `pool.acquire()` waits forever when all are busy | waits `acquire_timeout` (30 s by default), then `Error::PoolTimedOut` |
//!
//! `PoolTimedOut` means "no connection could be had within `acquire_timeout`". [`exhausted`]
//! shows the common cause: every connection is busy. The fix is to give connections back
//! sooner (short transactions, no connection held across slow work), to size the pool for the
//! load, or to shed load; a longer timeout only hides it. [`server_down`] shows the other cause:
//! no server. The pool keeps retrying the connect until the timeout and then says
//! `PoolTimedOut` too; a single connection ([`MySqlConnection::connect`]) gives the real cause,
//! `Connection refused`, at once. [`through_a_restart`] stops a server under a pool: queries get
//! `PoolTimedOut` while it is down, and work again once it is back, with no code to reconnect.

use futures::future::try_join_all;
use shared::services::ServiceError;
use shared::services::mariadb::MariaDbServer;
use sqlx::mysql::{MySqlConnection, MySqlPoolOptions};
use sqlx::{Connection, MySqlPool};
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;

// ANCHOR: sized_pool
/// A pool that opens `size` connections up front and never more: aiomysql's
/// `minsize=size, maxsize=size`.
pub async fn sized_pool(url: &str, size: u32) -> Result<MySqlPool, sqlx::Error> {
    let pool = MySqlPoolOptions::new()
        .min_connections(size)
        .max_connections(size)
        .acquire_timeout(Duration::from_secs(30))
        .connect(url)
        .await?;
    // `min_connections` are opened in the background; open them now, so the timing below
    // measures queries, not connection set-up.
    let warm = try_join_all((0..size).map(|_| pool.acquire())).await?;
    drop(warm);
    Ok(pool)
}
// ANCHOR_END: sized_pool

// ANCHOR: sleep_queries
/// Run `count` queries of `SELECT SLEEP(seconds)` at once on `pool`; how long they took.
pub async fn sleep_queries(
    pool: &MySqlPool,
    count: usize,
    seconds: f64,
) -> Result<Duration, sqlx::Error> {
    let start = Instant::now();
    try_join_all((0..count).map(|_| sqlx::query("SELECT SLEEP(?)").bind(seconds).execute(pool)))
        .await?;
    Ok(start.elapsed())
}
// ANCHOR_END: sleep_queries

/// The least time `count` queries of `seconds` can take on `size` connections.
pub fn bound(count: usize, size: u32, seconds: f64) -> Duration {
    let rounds = count.div_ceil(size as usize);
    Duration::from_secs_f64(rounds as f64 * seconds)
}

// ANCHOR: exhausted
/// Hold every connection of a pool of `size`, then run one more query with an acquire timeout
/// of `wait`: what the query got, and after how long.
pub async fn exhausted(
    url: &str,
    size: u32,
    wait: Duration,
) -> Result<(Result<(), sqlx::Error>, Duration), sqlx::Error> {
    let pool = MySqlPoolOptions::new()
        .max_connections(size)
        .acquire_timeout(wait)
        .connect(url)
        .await?;
    let held = try_join_all((0..size).map(|_| pool.acquire())).await?;
    let start = Instant::now();
    let one_more = sqlx::query("SELECT 1").execute(&pool).await.map(drop);
    let waited = start.elapsed();
    drop(held);
    Ok((one_more, waited))
}
// ANCHOR_END: exhausted

// ANCHOR: server_down
/// Connect a pool to `url` with an acquire timeout of `wait`: what the connect got, and after
/// how long. Where no server listens, that is an error.
pub async fn server_down(url: &str, wait: Duration) -> (Result<MySqlPool, sqlx::Error>, Duration) {
    let start = Instant::now();
    let pool = MySqlPoolOptions::new()
        .acquire_timeout(wait)
        .connect(url)
        .await;
    (pool, start.elapsed())
}
// ANCHOR_END: server_down

/// One `SELECT 1`: what it got, and how long it took.
pub type Step = (Result<i32, sqlx::Error>, Duration);

// ANCHOR: server_restart
/// What a query on `pool` gets while `server` is stopped, and after it is restarted: the
/// outcome of one `SELECT 1` at each step, and how long it took. Stopping and starting a
/// server blocks, so they happen between the steps, outside the runtime.
pub fn through_a_restart(
    server: &MariaDbServer,
    runtime: &Runtime,
    pool: &MySqlPool,
) -> Result<[Step; 3], ServiceError> {
    let select_one = || {
        runtime.block_on(async {
            let start = Instant::now();
            let outcome = sqlx::query_scalar::<_, i32>("SELECT 1")
                .fetch_one(pool)
                .await;
            (outcome, start.elapsed())
        })
    };
    let before = select_one();
    server.stop()?;
    let down = select_one();
    server.restart()?;
    let after = select_one();
    Ok([before, down, after])
}
// ANCHOR_END: server_restart

/// Queries per run of [`show_sizes`], and how long each keeps the server busy.
const QUERIES: usize = 50;
const SLEEP_SECONDS: f64 = 0.1;

/// The tour's section: 50 slow queries on a pool of 5, then of 50.
pub fn show_sizes() {
    crate::database::run_listing(|url| async move {
        for size in [5, 50] {
            let pool = sized_pool(&url, size).await?;
            let took = sleep_queries(&pool, QUERIES, SLEEP_SECONDS).await?;
            let least = bound(QUERIES, size, SLEEP_SECONDS);
            shared::outln!(
                "{QUERIES} × SELECT SLEEP({SLEEP_SECONDS}) on a pool of {size:>2}: {:.2} s (bound {:.2} s)",
                took.as_secs_f64(),
                least.as_secs_f64()
            );
            pool.close().await;
        }
        Ok(())
    });
}

/// The tour's section: every connection held, one more query.
pub fn show_exhausted() {
    crate::database::run_listing(|url| async move {
        let wait = Duration::from_millis(500);
        let (one_more, waited) = exhausted(&url, 2, wait).await?;
        shared::outln!("pool of 2, both connections held, acquire_timeout 0.5 s");
        match one_more {
            Ok(()) => shared::outln!("a third query ran after {:.2} s?", waited.as_secs_f64()),
            Err(error) => shared::outln!(
                "a third query: Err({error:?}) after {:.2} s: {error}",
                waited.as_secs_f64()
            ),
        }
        Ok(())
    });
}

/// The tour's section: a URL where nothing listens.
pub fn show_server_down() {
    crate::database::run_listing(|url| async move {
        let down = with_port(&url, free_port());
        let start = Instant::now();
        match MySqlConnection::connect(&down).await {
            Ok(_) => shared::outln!("a server answered at {down}?"),
            Err(error) => shared::outln!(
                "one connection:           {error} after {:.2} s",
                start.elapsed().as_secs_f64()
            ),
        }
        let wait = Duration::from_millis(500);
        match server_down(&down, wait).await {
            (Ok(_), _) => shared::outln!("a server answered at {down}?"),
            (Err(error), took) => shared::outln!(
                "a pool, acquire_timeout {:.1} s: {} after {:.2} s",
                wait.as_secs_f64(),
                error,
                took.as_secs_f64()
            ),
        }
        Ok(())
    });
    show_restart();
}

/// The second half of the section: a server of the section's own, stopped and restarted.
fn show_restart() {
    let server = match MariaDbServer::start_private() {
        Ok(server) => server,
        Err(why) => {
            shared::outln!("(a server to stop and restart: {why})");
            return;
        }
    };
    let runtime = shared::runtime::real_time();
    let pool = runtime.block_on(
        MySqlPoolOptions::new()
            .max_connections(2)
            .acquire_timeout(Duration::from_secs(2))
            .connect(server.url()),
    );
    let steps = match pool {
        Ok(pool) => through_a_restart(&server, &runtime, &pool).map_err(|e| e.to_string()),
        Err(error) => Err(crate::database::describe(&error)),
    };
    let steps = match steps {
        Ok(steps) => steps,
        Err(why) => {
            shared::outln!("the listing failed: {why}");
            return;
        }
    };
    let labels = [
        "our own server, a pool of 2, acquire_timeout 2 s: SELECT 1",
        "server stopped:   SELECT 1",
        "server restarted: SELECT 1",
    ];
    for (label, (outcome, took)) in labels.iter().zip(steps) {
        match outcome {
            Ok(value) => shared::outln!("{label} = {value} after {:.2} s", took.as_secs_f64()),
            Err(error) => shared::outln!("{label}: {error} after {:.2} s", took.as_secs_f64()),
        }
    }
}

/// A port on 127.0.0.1 that nothing listens on: bound, then released.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .unwrap_or(9)
}

/// `url` with its host and port replaced by `127.0.0.1:port`.
pub fn with_port(url: &str, port: u16) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("mysql", url));
    let (credentials, after_at) = match rest.rsplit_once('@') {
        Some((credentials, after)) => (format!("{credentials}@"), after),
        None => (String::new(), rest),
    };
    let path = after_at.find('/').map_or("", |i| &after_at[i..]);
    format!("{scheme}://{credentials}127.0.0.1:{port}{path}")
}
