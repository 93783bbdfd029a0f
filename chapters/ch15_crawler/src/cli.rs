//! The command line: `crawl` and `site` (clap's derive API: the options are fixed), and what
//! each exit status means.
//!
//! ```text
//! ch15_crawler crawl [URL…] [--from FILE] --out DIR [--concurrency N] [--per-host N]
//!     [--rate-per-host N] [--timeout SECS] [--retries N] [--depth N] [--same-host] [--robots]
//!     [--resume] [--max-bytes N] [--ca-cert FILE] [--report FILE] [--frontier REDIS_URL]
//!     [--grace SECS]
//! ch15_crawler site [--addr ADDR]
//! ```

use crate::crawl::{self, Config, Event};
use crate::fetch::FetchPolicy;
use crate::report::{self, Outcome};
use clap::{Args, Parser, Subcommand};
use futures::{Stream, StreamExt};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Every URL was saved (or was already complete, with `--resume`).
pub const EXIT_OK: u8 = 0;
/// At least one URL failed; the summary and the report say which and why.
pub const EXIT_FAILED: u8 = 1;
/// The command line was wrong (clap's own code for usage errors).
pub const EXIT_USAGE: u8 = 2;
/// Stopped by Ctrl-C (128 + SIGINT, as a shell reports it).
pub const EXIT_INTERRUPTED: u8 = 130;

/// The article's crawler, grown up.
#[derive(Debug, Parser)]
#[command(name = "ch15_crawler", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Download URLs (and, with --depth, the pages and images they link to) into a folder.
    Crawl(CrawlArgs),
    /// Serve the fixture site (pages, images and every kind of fault) until Ctrl-C.
    Site {
        /// Where to listen.
        #[arg(long, default_value = "127.0.0.1:8015")]
        addr: SocketAddr,
    },
}

#[derive(Debug, Args)]
pub struct CrawlArgs {
    /// URLs to start from.
    #[arg(value_name = "URL")]
    pub urls: Vec<String>,
    /// Read more URLs from FILE, one per line (blank lines and lines starting with # skipped).
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// The folder to save into (one subfolder per host).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Downloads in flight at once, over all hosts.
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub concurrency: u32,
    /// Downloads in flight at once to one host.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub per_host: u32,
    /// At most N requests per second to one host, retries and robots.txt included (0.5: one
    /// every 2 seconds). With --frontier, each worker keeps to it on its own. Default: no limit.
    #[arg(long, value_name = "N", value_parser = crate::rate::parse_rate)]
    pub rate_per_host: Option<f64>,
    /// Seconds one attempt may take, body included (connecting may take at most 10 of them).
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// Retries after a timeout, a connection error, a body cut short, a 5xx or a 429.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=20))]
    pub retries: u32,
    /// How many links deep to follow from the given URLs (0: only them).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=100))]
    pub depth: u32,
    /// Follow links only to the hosts of the given URLs.
    #[arg(long)]
    pub same_host: bool,
    /// Obey each host's robots.txt (a disallowed URL is reported, not fetched).
    #[arg(long)]
    pub robots: bool,
    /// Skip URLs whose file is complete from an earlier run.
    #[arg(long)]
    pub resume: bool,
    /// Fail a download whose body is larger than N bytes.
    #[arg(long, value_name = "N")]
    pub max_bytes: Option<u64>,
    /// Also trust the certificate(s) in this PEM file (a private CA, a self-signed server).
    /// Verification itself cannot be switched off.
    #[arg(long, value_name = "FILE")]
    pub ca_cert: Option<PathBuf>,
    /// Write one JSON object per URL to FILE.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Share the crawl with every other worker started with the same URLs and this Redis
    /// (`redis://127.0.0.1:6379`): the frontier, the dedup and the results live there.
    #[arg(long, value_name = "REDIS_URL")]
    pub frontier: Option<String>,
    /// Seconds the downloads in flight may go on after Ctrl-C; a second Ctrl-C stops them at once.
    #[arg(long, value_name = "SECS", default_value_t = 2, value_parser = clap::value_parser!(u64).range(0..=3600))]
    pub grace: u64,
}

impl CrawlArgs {
    /// The crawl's configuration, or a usage error's message.
    pub fn config(&self) -> Result<Config, String> {
        let mut seeds = Vec::new();
        for text in &self.urls {
            seeds.push(crawl::parse_seed(text)?);
        }
        if let Some(file) = &self.from {
            let text = std::fs::read_to_string(file)
                .map_err(|e| format!("cannot read --from {}: {e}", file.display()))?;
            for line in text.lines().map(str::trim) {
                if !line.is_empty() && !line.starts_with('#') {
                    seeds.push(crawl::parse_seed(line)?);
                }
            }
        }
        if seeds.is_empty() {
            return Err("no URL to crawl: give URLs or --from FILE".into());
        }
        let mut extra_roots = Vec::new();
        if let Some(file) = &self.ca_cert {
            let pem = std::fs::read(file)
                .map_err(|e| format!("cannot read --ca-cert {}: {e}", file.display()))?;
            extra_roots = reqwest::Certificate::from_pem_bundle(&pem)
                .map_err(|e| format!("--ca-cert {}: not a PEM certificate: {e}", file.display()))?;
            if extra_roots.is_empty() {
                return Err(format!(
                    "--ca-cert {}: no certificate in it",
                    file.display()
                ));
            }
        }
        let timeout = Duration::from_secs(self.timeout);
        Ok(Config {
            seeds,
            out: self.out.clone(),
            concurrency: self.concurrency as usize,
            per_host: self.per_host as usize,
            rate_per_host: self.rate_per_host,
            connect_timeout: timeout.min(Duration::from_secs(10)),
            timeout,
            depth: self.depth,
            same_host: self.same_host,
            resume: self.resume,
            robots: self.robots,
            policy: FetchPolicy {
                retries: self.retries,
                backoff: Duration::from_millis(200),
                max_retry_after: Duration::from_secs(60),
                max_bytes: self.max_bytes,
            },
            grace: Duration::from_secs(self.grace),
            extra_roots,
        })
    }
}

/// Run the command line (everything after the program name) and give the exit status.
pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(std::iter::once("ch15_crawler".into()).chain(args)) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { EXIT_OK });
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("cannot build the tokio runtime");
    match cli.command {
        Command::Site { addr } => runtime.block_on(crate::site::serve_until_ctrl_c(addr)),
        Command::Crawl(args) => {
            let config = match args.config() {
                Ok(config) => config,
                Err(message) => {
                    eprintln!("error: {message}");
                    return ExitCode::from(EXIT_USAGE);
                }
            };
            runtime.block_on(crawl_command(config, args.report, args.frontier))
        }
    }
}

async fn crawl_command(
    config: Config,
    report_path: Option<PathBuf>,
    frontier: Option<String>,
) -> ExitCode {
    let on_terminal = std::io::stderr().is_terminal();
    if !on_terminal {
        let _ = tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_ansi(false)
            .with_target(false)
            .try_init();
    }
    let bar = on_terminal.then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{elapsed_precise} [{bar:40}] {pos}/{len} {msg}")
                .expect("a valid template")
                .progress_chars("=> "),
        );
        bar
    });
    let progress = |event: Event<'_>| match (event, &bar) {
        (Event::Found, Some(bar)) => bar.inc_length(1),
        (Event::Found, None) => {}
        (Event::Finished(entry), Some(bar)) => {
            bar.inc(1);
            bar.set_message(entry.url.clone());
        }
        (Event::Finished(entry), None) => match &entry.error {
            Some(error) => {
                tracing::warn!(url = %entry.url, outcome = ?entry.outcome, attempts = entry.attempts, error = %error.join(": "))
            }
            None => {
                tracing::info!(url = %entry.url, outcome = ?entry.outcome, path = entry.path.as_deref().unwrap_or(""), bytes = entry.bytes.unwrap_or(0))
            }
        },
        (Event::Stopping(grace), Some(bar)) => bar.println(stopping_message(grace)),
        (Event::Stopping(grace), None) => tracing::warn!("{}", stopping_message(grace)),
        (Event::StoppingNow, Some(bar)) => bar.println(STOPPING_NOW),
        (Event::StoppingNow, None) => tracing::warn!("{STOPPING_NOW}"),
    };
    let interrupts = ctrl_c_presses();
    let result = match &frontier {
        None => crawl::crawl(config, interrupts, &progress)
            .await
            .map_err(|e| e.to_string()),
        Some(redis_url) => crate::frontier::crawl(config, redis_url, interrupts, &progress).await,
    };
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let result = match result {
        Ok(result) => result,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_FAILED);
        }
    };
    print!("{}", report::summary(&result.entries));
    if let Some(path) = report_path
        && let Err(e) = report::write_json_lines(&result.entries, &path)
    {
        eprintln!("error: cannot write the report {}: {e}", path.display());
        return ExitCode::from(EXIT_FAILED);
    }
    if result.interrupted {
        ExitCode::from(EXIT_INTERRUPTED)
    } else if result.entries.iter().any(|e| e.outcome == Outcome::Failed) {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::from(EXIT_OK)
    }
}

fn stopping_message(grace: Duration) -> String {
    format!(
        "interrupted: finishing downloads in flight for {grace:?}; press Ctrl-C again to stop now"
    )
}

const STOPPING_NOW: &str = "interrupted: cancelling the downloads in flight";

/// Every Ctrl-C (SIGINT) from now on. The handler is installed at once, and one receiver hears
/// every press, so a second press right after the first is not lost. Without a handler, the
/// stream ends at once and the crawl ends by itself.
// ANCHOR: presses
fn ctrl_c_presses() -> impl Stream<Item = ()> {
    #[cfg(unix)]
    let signal = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt());
    #[cfg(windows)]
    let signal = tokio::signal::windows::ctrl_c();
    futures::stream::iter(signal.ok()).flat_map(|signal| {
        futures::stream::unfold(signal, |mut signal| async move {
            signal.recv().await.map(|()| ((), signal))
        })
    })
}
// ANCHOR_END: presses
