//! The runner behind every chapter's `main`.
//!
//! A chapter is a tour: its listings, in the article's order, each one a named [`Section`] that
//! says which part of the article it retells. `main` is one line, `ch05_futures::tour().main()`,
//! and every chapter answers the same command line:
//!
//! ```text
//! cargo run -p ch05_futures                      # every section, in order, with a heading each
//! cargo run -p ch05_futures -- --list            # the section names
//! cargo run -p ch05_futures -- timer_future      # one section
//! cargo run -p ch05_futures -- --virtual-clock   # sleeps take no time, stamps are exact
//! cargo run -p ch01_blocking -- --urls 50        # a chapter's own options, if it has any
//! ```
//!
//! The same [`Tour`] value is what the book's output check runs ([`Tour::capture`]), so the
//! output printed in the book is, by construction, what the reader's `cargo run` prints.

use crate::{output, runtime};
use std::collections::BTreeMap;
use std::fmt;
use std::process::ExitCode;
use std::str::FromStr;

/// One listing of a chapter.
#[derive(Debug, Clone)]
pub struct Section {
    /// What to type to run it alone: `timer_future`.
    pub name: &'static str,
    /// The part of the article it retells: `5.5.5.1 asyncio.Future`.
    pub article: &'static str,
    /// What it shows, in a few words.
    pub title: &'static str,
    /// Whether its output is the same on every run (see [`Clock`]).
    pub clock: Clock,
    run: fn(&Options),
}

/// How a section's output depends on time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// It only waits on tokio timers: with the virtual clock its output is exact and the same
    /// everywhere, and the book's check compares it to the letter.
    Virtual,
    /// It measures real work (threads, processes, sockets, CPU): its durations differ from run
    /// to run, and the book's check compares everything but the durations.
    Measured,
}

/// A chapter option (`--urls 20`) with its default.
#[derive(Debug, Clone)]
struct OptionSpec {
    name: &'static str,
    default: &'static str,
    help: &'static str,
}

/// A chapter's listings and options; see the module documentation.
#[derive(Debug, Clone)]
pub struct Tour {
    chapter: &'static str,
    title: &'static str,
    sections: Vec<Section>,
    options: Vec<OptionSpec>,
    workers: Vec<(&'static str, WorkerJob)>,
}

/// A worker process's job: given its argument, do the work and say how it went.
pub type WorkerJob = fn(&str) -> ExitCode;

/// The environment variable that turns a tour's executable into a worker process:
/// `JOB:ARGUMENT`. See [`Tour::worker`].
pub const WORKER_ENV: &str = "ASYNCIO_TO_TOKIO_WORKER";

/// The values of a chapter's options for one run, defaults filled in.
#[derive(Debug, Clone, Default)]
pub struct Options {
    values: BTreeMap<&'static str, String>,
}

impl Options {
    /// The value of option `name`, parsed.
    ///
    /// # Panics
    /// If the chapter never declared `name`: that is a bug in the chapter, not bad input
    /// (bad input was rejected with a message before any section ran).
    pub fn get<T: FromStr>(&self, name: &str) -> T {
        let raw = self
            .values
            .get(name)
            .unwrap_or_else(|| panic!("the tour declares no option --{name}"));
        raw.parse()
            .unwrap_or_else(|_| panic!("--{name} {raw} was validated when it was parsed"))
    }
}

/// What went wrong with a command line; printed as a message, never a backtrace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// What a command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Request {
    Help,
    List,
    Run {
        section: Option<String>,
        virtual_clock: bool,
    },
}

impl Tour {
    /// A tour for `chapter` (its package name), titled after what it teaches.
    pub fn new(chapter: &'static str, title: &'static str) -> Self {
        Tour {
            chapter,
            title,
            sections: Vec::new(),
            options: Vec::new(),
            workers: Vec::new(),
        }
    }

    /// Register a job that this tour's executable runs when started as a worker process.
    ///
    /// Python's `multiprocessing` starts workers by running the main module again; a chapter
    /// that needs child processes does the same: [`worker_command`] starts the current
    /// executable with [`WORKER_ENV`] set to `JOB:ARGUMENT`, and [`Tour::main`] runs the job
    /// instead of the tour. So the worker is always the very program the reader is running.
    pub fn worker(mut self, job: &'static str, run: WorkerJob) -> Self {
        self.workers.push((job, run));
        self
    }

    /// If this process was started as a worker for one of this tour's jobs, run the job and
    /// return its exit code. A test harness that runs the tour calls this first thing in `main`.
    pub fn run_worker_if_asked(&self) -> Option<ExitCode> {
        let request = std::env::var(WORKER_ENV).ok()?;
        let (job, argument) = request.split_once(':')?;
        let (_, run) = self.workers.iter().find(|(name, _)| *name == job)?;
        Some(run(argument))
    }

    /// Add a section whose output only depends on tokio timers ([`Clock::Virtual`]).
    pub fn section(
        self,
        name: &'static str,
        article: &'static str,
        title: &'static str,
        run: fn(&Options),
    ) -> Self {
        self.add(name, article, title, Clock::Virtual, run)
    }

    /// Add a section that measures real work ([`Clock::Measured`]).
    pub fn measured(
        self,
        name: &'static str,
        article: &'static str,
        title: &'static str,
        run: fn(&Options),
    ) -> Self {
        self.add(name, article, title, Clock::Measured, run)
    }

    /// Declare an option `--name VALUE` with its default; sections read it with [`Options::get`].
    ///
    /// The default must parse as the type the sections read: [`Tour::capture`] runs with defaults.
    pub fn option(mut self, name: &'static str, default: &'static str, help: &'static str) -> Self {
        self.options.push(OptionSpec {
            name,
            default,
            help,
        });
        self
    }

    fn add(
        mut self,
        name: &'static str,
        article: &'static str,
        title: &'static str,
        clock: Clock,
        run: fn(&Options),
    ) -> Self {
        assert!(
            self.sections.iter().all(|s| s.name != name),
            "two sections named {name}"
        );
        self.sections.push(Section {
            name,
            article,
            title,
            clock,
            run,
        });
        self
    }

    /// The chapter's package name.
    pub fn chapter(&self) -> &'static str {
        self.chapter
    }

    /// The sections in tour order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// Run the tour as `main`: parse `std::env::args`, report bad input with a message and
    /// exit code 2.
    pub fn main(&self) -> ExitCode {
        output::print_directly();
        if let Some(code) = self.run_worker_if_asked() {
            return code;
        }
        match self.run_cli(std::env::args().skip(1)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("{}: {error}", self.chapter);
                ExitCode::from(2)
            }
        }
    }

    /// Run the tour for these arguments (without the program name).
    pub fn run_cli(&self, args: impl IntoIterator<Item = String>) -> Result<(), UsageError> {
        let (request, options) = self.parse(args)?;
        match request {
            Request::Help => output::line(self.usage().trim_end()),
            Request::List => {
                let widest = |field: fn(&Section) -> &str| {
                    self.sections.iter().map(|s| display_width(field(s))).max()
                };
                let name_width = widest(|s| s.name).unwrap_or(0);
                let article_width = widest(|s| s.article).unwrap_or(0);
                for section in &self.sections {
                    output::line(format_args!(
                        "{}  {}  {}",
                        pad(section.name, name_width),
                        pad(section.article, article_width),
                        section.title
                    ));
                }
            }
            Request::Run {
                section,
                virtual_clock,
            } => {
                runtime::set_virtual_clock(virtual_clock);
                output::line(format_args!("{}: {}", self.chapter, self.title));
                let chosen: Vec<&Section> = match section {
                    Some(name) => vec![self.find(&name)?],
                    None => self.sections.iter().collect(),
                };
                for section in chosen {
                    output::line("");
                    output::line(heading(section));
                    (section.run)(&options);
                }
            }
        }
        Ok(())
    }

    /// Run one section the way the book's output check does: virtual clock on, default
    /// options, no heading, and return what it printed.
    pub fn capture(&self, name: &str) -> Result<String, UsageError> {
        let section = self.find(name)?;
        let options = self.defaults();
        let ((), text) = output::capture(|| {
            runtime::set_virtual_clock(true);
            (section.run)(&options);
            runtime::set_virtual_clock(false);
        });
        Ok(text)
    }

    fn find(&self, name: &str) -> Result<&Section, UsageError> {
        self.sections
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = self.sections.iter().map(|s| s.name).collect();
                UsageError(format!(
                    "there is no section `{name}`; the sections are: {}",
                    names.join(", ")
                ))
            })
    }

    fn defaults(&self) -> Options {
        Options {
            values: self
                .options
                .iter()
                .map(|o| (o.name, o.default.to_owned()))
                .collect(),
        }
    }

    fn parse(
        &self,
        args: impl IntoIterator<Item = String>,
    ) -> Result<(Request, Options), UsageError> {
        let mut options = self.defaults();
        let mut section = None;
        let mut virtual_clock = false;
        let mut list = false;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "-h" | "--help" => return Ok((Request::Help, options)),
                "--list" => list = true,
                "--virtual-clock" => virtual_clock = true,
                flag if flag.starts_with("--") => {
                    let (name, inline) = match flag[2..].split_once('=') {
                        Some((name, value)) => (name, Some(value.to_owned())),
                        None => (&flag[2..], None),
                    };
                    let spec = self
                        .options
                        .iter()
                        .find(|o| o.name == name)
                        .ok_or_else(|| {
                            UsageError(format!(
                                "unknown option `{flag}`\n\n{}",
                                self.usage().trim_end()
                            ))
                        })?;
                    let value = match inline.or_else(|| args.next()) {
                        Some(value) => value,
                        None => return Err(UsageError(format!("--{name} needs a value"))),
                    };
                    // Every option of every tour is a count or a duration today: a whole
                    // number from 1 up when its default is whole, where 0 would mean nothing
                    // to crawl or no thread to crawl with. Say so now, before any section runs.
                    let whole = spec.default.parse::<u64>().is_ok();
                    let valid = if whole {
                        value.parse::<u64>().is_ok_and(|n| n >= 1)
                    } else {
                        value.parse::<f64>().is_ok()
                    };
                    if !valid {
                        let kind = if whole {
                            "a whole number from 1 up"
                        } else {
                            "a number"
                        };
                        return Err(UsageError(format!(
                            "--{name} takes {kind}, not `{value}` ({})",
                            spec.help
                        )));
                    }
                    options.values.insert(spec.name, value);
                }
                name if section.is_none() => {
                    self.find(name)?;
                    section = Some(name.to_owned());
                }
                extra => {
                    return Err(UsageError(format!(
                        "unexpected argument `{extra}`: name one section at most"
                    )));
                }
            }
        }
        let request = if list {
            Request::List
        } else {
            Request::Run {
                section,
                virtual_clock,
            }
        };
        Ok((request, options))
    }

    fn usage(&self) -> String {
        let mut text = format!(
            "{chapter}: {title}\n\n\
             usage: cargo run -p {chapter} -- [--list] [--virtual-clock] [OPTIONS] [SECTION]\n\n\
             With no SECTION, every section runs in the article's order.\n\
             --list            name the sections\n\
             --virtual-clock   run on tokio's paused clock: sleeps take no time, stamps are exact\n",
            chapter = self.chapter,
            title = self.title
        );
        for option in &self.options {
            text.push_str(&format!(
                "--{:<15} {} (default {})\n",
                format!("{} N", option.name),
                option.help,
                option.default
            ));
        }
        text
    }
}

/// Columns a terminal gives `text`: the article's section names are half Chinese, and CJK
/// characters take two columns.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF => 2,
            0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// `text` followed by spaces up to `width` terminal columns.
fn pad(text: &str, width: usize) -> String {
    let padding = width.saturating_sub(display_width(text));
    format!("{text}{}", " ".repeat(padding))
}

/// A command that runs the current executable as a worker for `job` with `argument`
/// (see [`Tour::worker`]).
pub fn worker_command(job: &str, argument: &str) -> std::io::Result<std::process::Command> {
    let mut command = std::process::Command::new(std::env::current_exe()?);
    command.env(WORKER_ENV, format!("{job}:{argument}"));
    Ok(command)
}

/// `=== 5.5.3 await, example 4 · three tasks at once [three_tasks]`
fn heading(section: &Section) -> String {
    format!(
        "=== {} · {} [{}]",
        section.article, section.title, section.name
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hello(options: &Options) {
        let times: usize = options.get("times");
        for _ in 0..times {
            crate::outln!("hello");
        }
    }

    fn tour() -> Tour {
        Tour::new("ch00_test", "a test tour")
            .option("times", "2", "how many greetings")
            .section("hello", "5.2 快速上手", "say hello", hello)
            .measured("again", "5.3 await", "say hello again", hello)
    }

    fn run(args: &[&str]) -> Result<String, UsageError> {
        let (result, text) = output::capture(|| tour().run_cli(args.iter().map(|s| s.to_string())));
        result.map(|()| text)
    }

    #[test]
    fn no_arguments_runs_every_section_with_a_heading() {
        let text = run(&[]).unwrap();
        assert_eq!(
            text,
            "ch00_test: a test tour\n\n=== 5.2 快速上手 · say hello [hello]\nhello\nhello\n\n\
             === 5.3 await · say hello again [again]\nhello\nhello\n"
        );
    }

    #[test]
    fn one_section_and_options_in_both_spellings() {
        let text = run(&["again", "--times", "1"]).unwrap();
        assert!(text.ends_with("[again]\nhello\n"), "{text}");
        let text = run(&["--times=3", "hello"]).unwrap();
        assert_eq!(text.matches("hello\n").count(), 3);
    }

    #[test]
    fn list_names_the_sections() {
        let text = run(&["--list"]).unwrap();
        assert_eq!(
            text,
            "hello  5.2 快速上手  say hello\nagain  5.3 await     say hello again\n"
        );
    }

    #[test]
    fn bad_input_is_a_message_naming_what_is_valid() {
        let error = run(&["nope"]).unwrap_err().to_string();
        assert_eq!(
            error,
            "there is no section `nope`; the sections are: hello, again"
        );
        assert!(
            run(&["--frobs", "1"])
                .unwrap_err()
                .0
                .contains("unknown option `--frobs`")
        );
        for bad in ["many", "2.5", "-1", "0"] {
            let error = run(&["--times", bad]).unwrap_err().0;
            assert!(error.contains("takes a whole number"), "{error}");
        }
        assert!(run(&["--times"]).unwrap_err().0.contains("needs a value"));
        assert!(
            run(&["hello", "again"])
                .unwrap_err()
                .0
                .contains("one section at most")
        );
    }

    #[test]
    fn help_lines_up_the_chapter_options_with_the_common_ones() {
        let text = run(&["--help"]).unwrap();
        let column = |prefix: &str| {
            let line = text.lines().find(|l| l.starts_with(prefix)).unwrap();
            line.len() - line[prefix.len()..].trim_start().len()
        };
        assert_eq!(column("--times N"), column("--list"), "{text}");
    }

    #[test]
    fn capture_runs_one_section_with_defaults_and_no_heading() {
        assert_eq!(tour().capture("hello").unwrap(), "hello\nhello\n");
    }
}
