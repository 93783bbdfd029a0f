//! One crawl shared by many processes: the frontier lives in Redis (`--frontier REDIS_URL`).
//!
//! - The queue is a Redis Stream read through a consumer group: `XREADGROUP` hands each URL to
//!   one worker, and the URL stays in the group's pending list until that worker `XACK`s it.
//! - A worker that dies (SIGKILL, a power cut) holding URLs loses nothing: their entries stay
//!   pending, and the other workers take them over with `XAUTOCLAIM` once they have been idle
//!   for [`RECLAIM_AFTER`]. A live worker keeps its own entries fresh (`XCLAIM … JUSTID` to
//!   itself, which resets their idle time), so a slow download is never taken from it.
//! - Dedup is a set (`SADD`): a URL is queued only by the `SADD` that added it, and the two
//!   happen in one Lua script, so a crash can never leave a URL "seen" but not queued.
//! - A finished URL's report entry goes into a hash and its entry is acknowledged, with the
//!   links it found queued first, all in one `MULTI`: acknowledged means done.
//! - A counter of queued-but-unacknowledged URLs tells every worker when the crawl is over:
//!   it is 0 when nothing is queued and nothing is pending.
//!
//! This is scrapy-redis's design (a shared queue and a shared dupefilter in Redis) with one
//! difference that matters: scrapy-redis pops a request from a list, so a worker that crashes
//! loses every request it had popped; here they stay pending until acknowledged.

use crate::crawl::{self, CrawlResult, Done, Event, Shared};
use crate::report::Entry;
use futures::{Stream, StreamExt};
use redis::AsyncCommands;
use redis::aio::MultiplexedConnection;
use redis::streams::{
    StreamAutoClaimOptions, StreamClaimOptions, StreamId, StreamReadOptions, StreamReadReply,
};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::task::JoinSet;
use url::Url;

/// How long a pending URL must have been idle before another worker takes it over.
pub const RECLAIM_AFTER: Duration = Duration::from_secs(3);
/// How often a worker looks for work, keeps its own entries fresh, and checks for the end.
const TICK: Duration = Duration::from_millis(100);
const GROUP: &str = "crawlers";

/// The Redis keys of one crawl, named after its seeds: workers started with the same URLs
/// join the same crawl.
#[derive(Debug, Clone)]
pub struct Keys {
    pub queue: String,
    pub seen: String,
    pub results: String,
    pub outstanding: String,
}

impl Keys {
    pub fn for_seeds(seeds: &[Url]) -> Keys {
        let mut sorted: Vec<&str> = seeds.iter().map(Url::as_str).collect();
        sorted.sort_unstable();
        let hash = Sha256::digest(sorted.join("\n").as_bytes());
        let id: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
        let key = |name: &str| format!("ch15_crawler:{id}:{name}");
        Keys {
            queue: key("queue"),
            seen: key("seen"),
            results: key("results"),
            outstanding: key("outstanding"),
        }
    }
}

/// Queue a URL unless it was seen: SADD, and only if it added the URL, XADD and INCR.
// ANCHOR: enqueue
const ENQUEUE: &str = r#"
if redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
  redis.call('XADD', KEYS[2], '*', 'url', ARGV[1], 'depth', ARGV[2])
  redis.call('INCR', KEYS[3])
  return 1
end
return 0
"#;
// ANCHOR_END: enqueue

/// Run as one worker of the shared crawl in `redis_url` until the crawl is over, or until
/// `interrupts` yields (Ctrl-C): then at once, since the unfinished URLs stay pending for the
/// other workers. With `--rate-per-host`, the limit is this worker's own.
pub async fn crawl(
    config: crawl::Config,
    redis_url: &str,
    interrupts: impl Stream<Item = ()>,
    progress: &dyn Fn(Event<'_>),
) -> Result<CrawlResult, String> {
    let keys = Keys::for_seeds(&config.seeds);
    let consumer = format!("worker-{}-{}", std::process::id(), rand_suffix());
    let redis =
        redis::Client::open(redis_url).map_err(|e| format!("--frontier {redis_url}: {e}"))?;
    let mut con = redis
        .get_multiplexed_async_connection()
        .await
        .map_err(|e| format!("cannot connect to {redis_url}: {e}"))?;
    std::fs::create_dir_all(&config.out)
        .map_err(|e| format!("cannot create {}: {e}", config.out.display()))?;
    let created: redis::RedisResult<()> = con.xgroup_create_mkstream(&keys.queue, GROUP, "0").await;
    if let Err(e) = created
        && e.code() != Some("BUSYGROUP")
    {
        return Err(format!("cannot create the consumer group: {e}"));
    }
    let enqueue = redis::Script::new(ENQUEUE);
    for seed in &config.seeds {
        enqueue_url(&enqueue, &mut con, &keys, seed, 0).await?;
    }

    let shared = Shared::new(config).map_err(|e| e.to_string())?;
    let mut tasks: JoinSet<(String, Done)> = JoinSet::new();
    let mut in_flight: Vec<String> = Vec::new();
    let mut interrupts = std::pin::pin!(interrupts);
    let mut tick = tokio::time::interval(TICK);
    let mut interrupted = false;
    let mut ticks = 0u64;
    loop {
        tokio::select! {
            Some(done) = tasks.join_next() => {
                let (id, done) = done.expect("download tasks do not panic");
                progress(Event::Finished(&done.entry));
                let mut links = Vec::new();
                if done.depth < shared.config.depth {
                    links = done.links.iter().filter(|l| shared.follows(l)).cloned().collect();
                }
                for link in &links {
                    enqueue_url(&enqueue, &mut con, &keys, link, done.depth + 1).await?;
                }
                let entry = serde_json::to_string(&done.entry).expect("an entry serialises");
                let acked: redis::RedisResult<()> = redis::pipe()
                    .atomic()
                    .hset(&keys.results, &done.entry.url, entry).ignore()
                    .xack(&keys.queue, GROUP, &[&id]).ignore()
                    .decr(&keys.outstanding, 1).ignore()
                    .query_async(&mut con)
                    .await;
                acked.map_err(|e| format!("cannot record a result: {e}"))?;
                in_flight.retain(|i| *i != id);
            }
            _ = tick.tick() => {
                ticks += 1;
                let room = shared.config.concurrency.saturating_sub(in_flight.len());
                if room > 0 {
                    for entry in take_work(&mut con, &keys, &consumer, room).await? {
                        let Some((url, depth)) = parse_entry(&entry) else {
                            // Not ours to crawl (written by something else): drop it, or the
                            // crawl would never end.
                            let dropped: redis::RedisResult<()> = redis::pipe()
                                .atomic()
                                .xack(&keys.queue, GROUP, &[&entry.id]).ignore()
                                .decr(&keys.outstanding, 1).ignore()
                                .query_async(&mut con)
                                .await;
                            dropped.map_err(|e| format!("cannot drop a malformed entry: {e}"))?;
                            continue;
                        };
                        in_flight.push(entry.id.clone());
                        let shared = std::sync::Arc::clone(&shared);
                        let id = entry.id;
                        tasks.spawn(async move { (id, crawl::download(shared, url, depth).await) });
                    }
                }
                if ticks.is_multiple_of(5) && !in_flight.is_empty() {
                    // Keep our own entries fresh so nobody reclaims a download in progress.
                    let _: redis::Value = con
                        .xclaim_options(&keys.queue, GROUP, &consumer, 0, &in_flight, StreamClaimOptions::default().with_justid())
                        .await
                        .map_err(|e| format!("cannot refresh pending entries: {e}"))?;
                }
                if in_flight.is_empty() {
                    let outstanding: i64 = con.get::<_, Option<i64>>(&keys.outstanding).await.map_err(|e| e.to_string())?.unwrap_or(0);
                    if outstanding <= 0 {
                        break;
                    }
                }
            }
            Some(()) = interrupts.next() => {
                interrupted = true;
                shared.stopping.store(true, Ordering::SeqCst);
                progress(Event::StoppingNow);
                // Our unfinished URLs stay pending: another worker will take them over.
                tasks.abort_all();
                break;
            }
        }
    }
    while tasks.join_next().await.is_some() {}
    // Nothing is pending any more, so no worker is writing: a safe moment to sweep away the
    // temporary files of workers that died.
    if !interrupted {
        crawl::remove_stale_temp_files(&shared.config.out).map_err(|e| e.to_string())?;
    }
    let results: HashMap<String, String> = con
        .hgetall(&keys.results)
        .await
        .map_err(|e| e.to_string())?;
    let mut entries: Vec<Entry> = results
        .values()
        .filter_map(|json| serde_json::from_str(json).ok())
        .collect();
    entries.sort_by(|a, b| a.url.cmp(&b.url));
    Ok(CrawlResult {
        entries,
        interrupted,
    })
}

async fn enqueue_url(
    script: &redis::Script,
    con: &mut MultiplexedConnection,
    keys: &Keys,
    url: &Url,
    depth: u32,
) -> Result<(), String> {
    script
        .key(&keys.seen)
        .key(&keys.queue)
        .key(&keys.outstanding)
        .arg(url.as_str())
        .arg(depth)
        .invoke_async::<i64>(con)
        .await
        .map(drop)
        .map_err(|e| format!("cannot queue {url}: {e}"))
}

/// Up to `room` entries: first those a dead worker left pending, then new ones.
async fn take_work(
    con: &mut MultiplexedConnection,
    keys: &Keys,
    consumer: &str,
    room: usize,
) -> Result<Vec<StreamId>, String> {
    // ANCHOR: reclaim
    let reclaimed: redis::streams::StreamAutoClaimReply = con
        .xautoclaim_options(
            &keys.queue,
            GROUP,
            consumer,
            RECLAIM_AFTER.as_millis() as u64,
            "0-0",
            StreamAutoClaimOptions::default().count(room),
        )
        .await
        .map_err(|e| format!("XAUTOCLAIM failed: {e}"))?;
    let mut work = reclaimed.claimed;
    if work.len() < room {
        let options = StreamReadOptions::default()
            .group(GROUP, consumer)
            .count(room - work.len());
        let reply: Option<StreamReadReply> = con
            .xread_options(&[&keys.queue], &[">"], &options)
            .await
            .map_err(|e| format!("XREADGROUP failed: {e}"))?;
        work.extend(reply.into_iter().flat_map(|r| r.keys).flat_map(|k| k.ids));
    }
    // ANCHOR_END: reclaim
    Ok(work)
}

fn parse_entry(entry: &StreamId) -> Option<(Url, u32)> {
    let url: String = entry.get("url")?;
    let depth: u32 = entry.get("depth")?;
    Some((Url::parse(&url).ok()?, depth))
}

/// A few random hex digits, so that two workers with the same pid (two machines) differ.
fn rand_suffix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .subsec_nanos();
    format!("{nanos:08x}")
}
