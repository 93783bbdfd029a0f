//! The crawl: a frontier of URLs, bounded concurrency overall and per host, link following,
//! resume, an optional rate limit per host, and an orderly stop on Ctrl-C (a second Ctrl-C
//! stops at once).
//!
//! The article starts every download at once (`asyncio.wait` over all of them): fine for
//! three URLs, a flood for three thousand. Here each URL is a task that first takes a permit
//! from its host's [`Semaphore`] (`--per-host`), then one from the global one
//! (`--concurrency`), in that order so that a task waiting for a busy host never sits on a
//! global slot. The loop in [`crawl`] owns the frontier: it spawns a task per new URL, and
//! when one finishes it queues the links found (up to `--depth`), deduplicated by their
//! normalised form.

use crate::fetch::{self, FetchError, FetchPolicy, TEMP_PREFIX};
use crate::names;
use crate::rate::HostRate;
use crate::report::{Entry, Outcome};
use futures::{Stream, StreamExt};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use url::Url;

/// Everything a crawl needs to know, from the command line.
#[derive(Debug, Clone)]
pub struct Config {
    pub seeds: Vec<Url>,
    pub out: PathBuf,
    pub concurrency: usize,
    pub per_host: usize,
    /// Requests per second to each host, retries included (`--rate-per-host`).
    pub rate_per_host: Option<f64>,
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub depth: u32,
    pub same_host: bool,
    pub resume: bool,
    /// Obey each host's robots.txt.
    pub robots: bool,
    pub policy: FetchPolicy,
    /// How long in-flight downloads may go on after Ctrl-C (a second Ctrl-C cuts it short).
    pub grace: Duration,
    /// Certificates trusted on top of the system's (`--ca-cert`). Verification is never off.
    pub extra_roots: Vec<reqwest::Certificate>,
}

/// How a crawl ended.
#[derive(Debug)]
pub struct CrawlResult {
    pub entries: Vec<Entry>,
    pub interrupted: bool,
}

/// A URL as the crawler compares it: http(s) only, no fragment (the `url` crate already
/// lower-cases the host, drops a default port and resolves `.` and `..`).
pub fn normalize(url: &Url) -> Option<Url> {
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    let mut url = url.clone();
    url.set_fragment(None);
    Some(url)
}

/// Parse a URL from the command line or a `--from` file.
pub fn parse_seed(text: &str) -> Result<Url, String> {
    let url = Url::parse(text.trim()).map_err(|e| format!("`{text}` is not a URL: {e}"))?;
    normalize(&url).ok_or_else(|| format!("`{text}`: only http and https URLs can be crawled"))
}

/// Delete the temporary files an earlier run left behind (after `kill -9`, a power cut).
pub fn remove_stale_temp_files(out: &Path) -> std::io::Result<usize> {
    let mut removed = 0;
    let Ok(hosts) = std::fs::read_dir(out) else {
        return Ok(0);
    };
    for host in hosts {
        let host = host?;
        if !host.file_type()?.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(host.path())? {
            let file = file?;
            if file.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                std::fs::remove_file(file.path())?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

pub(crate) struct Shared {
    client: reqwest::Client,
    pub(crate) config: Config,
    global: Semaphore,
    hosts: std::sync::Mutex<HashMap<String, Arc<Semaphore>>>,
    pub(crate) rate: Option<HostRate>,
    robots: std::sync::Mutex<
        HashMap<String, Arc<tokio::sync::OnceCell<Option<texting_robots::Robot>>>>,
    >,
    pub(crate) stopping: AtomicBool,
}

impl Shared {
    pub(crate) fn new(config: Config) -> std::io::Result<Arc<Shared>> {
        let rate = config
            .rate_per_host
            .map(HostRate::new)
            .transpose()
            .map_err(std::io::Error::other)?;
        Ok(Arc::new(Shared {
            client: client(&config).map_err(std::io::Error::other)?,
            global: Semaphore::new(config.concurrency),
            hosts: Default::default(),
            rate,
            robots: Default::default(),
            stopping: AtomicBool::new(false),
            config,
        }))
    }

    /// Whether the host's robots.txt lets us fetch `url` (fetched once per host; a robots.txt
    /// that cannot be fetched or parsed allows everything, as crawlers commonly do).
    async fn robots_allow(&self, url: &Url) -> bool {
        let origin = url.origin().ascii_serialization();
        let cell = {
            let mut robots = self.robots.lock().expect("no panics while locked");
            Arc::clone(robots.entry(origin.clone()).or_default())
        };
        let robot = cell
            .get_or_init(|| async {
                if let Some(rate) = &self.rate {
                    rate.until_ready(url).await;
                }
                let response = self
                    .client
                    .get(format!("{origin}/robots.txt"))
                    .send()
                    .await
                    .ok()?;
                if !response.status().is_success() {
                    return None;
                }
                let body = response.bytes().await.ok()?;
                texting_robots::Robot::new(USER_AGENT, &body).ok()
            })
            .await;
        robot.as_ref().is_none_or(|r| r.allowed(url.as_str()))
    }

    /// Whether a link found on a page is to be crawled (`--same-host`).
    pub(crate) fn follows(&self, link: &Url) -> bool {
        !self.config.same_host
            || link
                .host_str()
                .is_some_and(|h| self.config.seeds.iter().any(|s| s.host_str() == Some(h)))
    }

    fn host_permits(&self, url: &Url) -> Arc<Semaphore> {
        let mut hosts = self.hosts.lock().expect("no panics while locked");
        Arc::clone(
            hosts
                .entry(host_key(url))
                .or_insert_with(|| Arc::new(Semaphore::new(self.config.per_host))),
        )
    }
}

/// What `--per-host` and `--rate-per-host` count as one host: `host:port`.
pub(crate) fn host_key(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

/// What a task hands back to the loop: its report entry and the links it found.
pub(crate) struct Done {
    pub(crate) entry: Entry,
    pub(crate) links: Vec<Url>,
    pub(crate) depth: u32,
}

/// How the crawler introduces itself, to servers and to robots.txt rules.
pub const USER_AGENT: &str = concat!("ch15_crawler/", env!("CARGO_PKG_VERSION"));

/// Build the HTTP client: connect and total timeouts, at most 10 redirects, TLS through
/// rustls (aws-lc-rs), verifying against the system's roots plus `--ca-cert`.
pub fn client(config: &Config) -> reqwest::Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder();
    for root in &config.extra_roots {
        builder = builder.add_root_certificate(root.clone());
    }
    builder
        .connect_timeout(config.connect_timeout)
        .timeout(config.timeout)
        .redirect(reqwest::redirect::Policy::limited(10))
        .user_agent(USER_AGENT)
        .build()
}

/// Crawl until the frontier is empty or `interrupts` yields (Ctrl-C): then stop scheduling,
/// give the downloads in flight `config.grace`, or less if `interrupts` yields again, and
/// cancel the rest. `progress` is told about every URL found and every URL finished.
pub async fn crawl(
    config: Config,
    interrupts: impl Stream<Item = ()>,
    progress: &dyn Fn(Event<'_>),
) -> std::io::Result<CrawlResult> {
    std::fs::create_dir_all(&config.out)?;
    remove_stale_temp_files(&config.out)?;
    let shared = Shared::new(config)?;
    let mut seen = HashSet::new();
    let mut tasks = JoinSet::new();
    let mut entries = Vec::new();
    let mut schedule = |url: Url, depth: u32, tasks: &mut JoinSet<Done>| {
        if seen.insert(url.as_str().to_string()) {
            progress(Event::Found);
            tasks.spawn(download(Arc::clone(&shared), url, depth));
        }
    };
    for seed in shared.config.seeds.clone() {
        schedule(seed, 0, &mut tasks);
    }

    let mut interrupts = std::pin::pin!(interrupts);
    let mut interrupted = false;
    loop {
        tokio::select! {
            done = tasks.join_next() => {
                let Some(done) = done else { break };
                let done = done.expect("download tasks do not panic");
                progress(Event::Finished(&done.entry));
                if done.depth < shared.config.depth {
                    for link in done.links {
                        if shared.follows(&link) {
                            schedule(link, done.depth + 1, &mut tasks);
                        }
                    }
                }
                entries.push(done.entry);
            }
            Some(()) = interrupts.next() => {
                interrupted = true;
                shared.stopping.store(true, Ordering::SeqCst);
                progress(Event::Stopping(shared.config.grace));
                break;
            }
        }
    }
    if interrupted {
        // In-flight downloads get the grace period (one that holds its permits and waits for
        // its host's turn under `--rate-per-host` counts as in flight); tasks still waiting
        // for a permit see `stopping` and end at once; whatever is left when the grace period ends, or at a
        // second Ctrl-C, is cancelled, which drops (deletes) its temporary file.
        // ANCHOR: grace
        let deadline = tokio::time::sleep(shared.config.grace);
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                done = tasks.join_next() => {
                    let Some(done) = done else { break };
                    let done = done.expect("download tasks do not panic");
                    progress(Event::Finished(&done.entry));
                    entries.push(done.entry);
                }
                () = &mut deadline => {
                    tasks.abort_all();
                    break;
                }
                Some(()) = interrupts.next() => {
                    progress(Event::StoppingNow);
                    tasks.abort_all();
                    break;
                }
            }
        }
        while tasks.join_next().await.is_some() {}
        // ANCHOR_END: grace
        // Aborted tasks leave no entry; record them from the set of URLs seen.
        let reported: HashSet<String> = entries.iter().map(|e| e.url.clone()).collect();
        for url in seen.iter().filter(|u| !reported.contains(*u)) {
            entries.push(Entry::new(url.clone(), Outcome::Cancelled));
        }
    }
    entries.sort_by(|a, b| a.url.cmp(&b.url));
    Ok(CrawlResult {
        entries,
        interrupted,
    })
}

/// What the progress display hears about.
#[derive(Debug)]
pub enum Event<'a> {
    Found,
    Finished(&'a Entry),
    /// Ctrl-C: no new downloads; those in flight may go on for this long.
    Stopping(Duration),
    /// Ctrl-C again, or Ctrl-C with `--frontier` (which has no grace period): the downloads in
    /// flight are cancelled.
    StoppingNow,
}

pub(crate) async fn download(shared: Arc<Shared>, url: Url, depth: u32) -> Done {
    let config = &shared.config;
    let relative = names::relative_path(&url);
    let destination = config.out.join(&relative);
    let mut entry = Entry::new(url.to_string(), Outcome::Failed);
    entry.path = Some(relative.to_string_lossy().into_owned());
    let mut links = Vec::new();

    if config.resume && destination.is_file() {
        entry.outcome = Outcome::Skipped;
        entry.bytes = std::fs::metadata(&destination).map(|m| m.len()).ok();
        if depth < config.depth && is_html_name(&destination) {
            links = links_in_file(&destination, &url).await;
        }
        return Done {
            entry,
            links,
            depth,
        };
    }

    if config.robots && !shared.robots_allow(&url).await {
        entry.outcome = Outcome::Disallowed;
        entry.path = None;
        return Done {
            entry,
            links,
            depth,
        };
    }
    // ANCHOR: permits
    let host = shared.host_permits(&url);
    let _host = host.acquire().await.expect("never closed");
    let _global = shared.global.acquire().await.expect("never closed");
    // ANCHOR_END: permits
    if shared.stopping.load(Ordering::SeqCst) {
        entry.outcome = Outcome::Cancelled;
        return Done {
            entry,
            links,
            depth,
        };
    }
    let (result, attempts) = fetch::fetch_to_file(
        &shared.client,
        &url,
        &destination,
        &config.policy,
        shared.rate.as_ref(),
    )
    .await;
    entry.attempts = attempts;
    match result {
        Ok(saved) => {
            entry.outcome = Outcome::Saved;
            entry.status = Some(saved.status);
            entry.bytes = Some(saved.bytes);
            entry.final_url = Some(saved.final_url.to_string());
            if depth < config.depth && saved.is_html {
                links = links_in_file(&destination, &saved.final_url).await;
            }
        }
        Err(FetchError { status, chain, .. }) => {
            entry.path = None;
            entry.status = status;
            entry.error = Some(chain);
        }
    }
    Done {
        entry,
        links,
        depth,
    }
}

fn is_html_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "html" || e == "htm")
}

/// The links (`<a href>`, `<img src>`) of a saved page, resolved against its URL, normalised.
async fn links_in_file(path: &Path, base: &Url) -> Vec<Url> {
    let Ok(html) = tokio::fs::read(path).await else {
        return Vec::new();
    };
    let base = base.clone();
    tokio::task::spawn_blocking(move || {
        crate::links::extract(&String::from_utf8_lossy(&html), &base)
    })
    .await
    .unwrap_or_default()
}
