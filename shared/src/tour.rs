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
//! cargo run -p ch05_futures -- --help            # all of the above, and --version
//! ```
//!
//! The command line is [clap]'s, built at run time from the tour (the builder API, since the
//! sections and options are data): `--help` and `--version` look as in any Rust tool, a mistyped
//! section name gets clap's "a similar value exists" tip, an option outside its range is refused
//! before anything runs, and every usage error exits with code 2 and a message, never a panic.
//! A chapter option is a whole number with a default and a range ([`Tour::option`]), because
//! every option of every tour is a count or a duration: the range is what keeps
//! `--pool 100000` from starting a hundred thousand threads.
//!
//! The clock is chosen per run, not per process: a run wraps its sections in
//! [`runtime::with_virtual_clock`], which sets the choice for the runtimes built on the running
//! thread until the sections return. So two tours (or two tests) running at once on different
//! threads never see each other's clock.
//!
//! The same [`Tour`] value is what the book's output check runs ([`Tour::capture`]), so the
//! output printed in the book is, by construction, what the reader's `cargo run` prints.

use crate::{output, runtime};
use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, ArgMatches, Command, value_parser};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::ops::RangeInclusive;
use std::process::ExitCode;

/// One listing of a chapter.
#[derive(Debug, Clone)]
pub struct Section {
    /// What to type to run it alone: `timer_future`.
    pub name: &'static str,
    /// The part of the article it retells, as part + number + name and then what the section
    /// picks out of it: `三.5.5.1 asyncio.Future, underneath`.
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

/// A chapter option (`--urls 20`): a whole number with its default and the values it allows.
#[derive(Debug, Clone)]
struct OptionSpec {
    name: &'static str,
    default: u64,
    range: RangeInclusive<u64>,
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
    values: BTreeMap<&'static str, u64>,
}

impl Options {
    /// The value of option `name`, as the number type the section works with
    /// (`let urls: usize = options.get("urls")`).
    ///
    /// # Panics
    /// If the chapter never declared `name`, or declared a range that does not fit in `T`: both
    /// are bugs in the chapter, not bad input (bad input was refused before any section ran).
    pub fn get<T: TryFrom<u64>>(&self, name: &str) -> T {
        let value = *self
            .values
            .get(name)
            .unwrap_or_else(|| panic!("the tour declares no option --{name}"));
        T::try_from(value).unwrap_or_else(|_| {
            panic!(
                "--{name} {value} does not fit in {}: narrow the option's range",
                std::any::type_name::<T>()
            )
        })
    }
}

/// [`Tour::capture`] was asked for a section the tour does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoSuchSection {
    name: String,
    sections: Vec<&'static str>,
}

impl fmt::Display for NoSuchSection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "there is no section `{}`; the sections are: {}",
            self.name,
            self.sections.join(", ")
        )
    }
}

impl std::error::Error for NoSuchSection {}

/// The names clap knows the built-in arguments by; a chapter option cannot take one.
const LIST: &str = "list";
const VIRTUAL_CLOCK: &str = "virtual-clock";
const SECTION: &str = "SECTION";

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

    /// Declare an option `--name N`: a whole number in `range`, `default` when not given.
    /// Sections read it with [`Options::get`]. Choose the range so that its top still makes a
    /// run the machine can take (a thread count of thousands is not one).
    ///
    /// # Panics
    /// If `default` is outside `range`, or the name is taken: mistakes in the chapter, caught by
    /// the first test that builds the tour.
    pub fn option(
        mut self,
        name: &'static str,
        default: u64,
        range: RangeInclusive<u64>,
        help: &'static str,
    ) -> Self {
        assert!(
            range.contains(&default),
            "--{name}: the default {default} is outside {range:?}"
        );
        assert!(
            ![LIST, VIRTUAL_CLOCK, SECTION, "help", "version"].contains(&name)
                && self.options.iter().all(|o| o.name != name),
            "--{name} is taken"
        );
        self.options.push(OptionSpec {
            name,
            default,
            range,
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

    /// Run the tour as `main`: parse `std::env::args`; print help, the version or a usage error
    /// the way clap does (usage errors exit with code 2).
    pub fn main(&self) -> ExitCode {
        output::print_directly();
        if let Some(code) = self.run_worker_if_asked() {
            return code;
        }
        match self.run(std::env::args_os()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                // `--help` and `--version` arrive here too: clap prints them to stdout and
                // gives exit code 0. A closed pipe (`--help | head`) is not worth a panic.
                let _ = error.print();
                ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
            }
        }
    }

    /// Run one section the way the book's output check does: virtual clock on, default
    /// options, no heading, and return what it printed.
    pub fn capture(&self, name: &str) -> Result<String, NoSuchSection> {
        let section = self
            .sections
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| NoSuchSection {
                name: name.to_owned(),
                sections: self.sections.iter().map(|s| s.name).collect(),
            })?;
        let options = Options {
            values: self.options.iter().map(|o| (o.name, o.default)).collect(),
        };
        let ((), text) = output::capture(|| {
            runtime::with_virtual_clock(true, || (section.run)(&options));
        });
        Ok(text)
    }

    /// Run the tour for a command line (`args` starts with the program's name, as
    /// `std::env::args_os` does). Help, the version and usage errors come back as clap's error.
    fn run<I, T>(&self, args: I) -> Result<(), clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let matches = self.command().try_get_matches_from(args)?;
        if matches.get_flag(LIST) {
            self.print_list();
            return Ok(());
        }
        let options = self.options_from(&matches);
        let chosen = matches.get_one::<String>(SECTION);
        output::line(format_args!("{}: {}", self.chapter, self.title));
        runtime::with_virtual_clock(matches.get_flag(VIRTUAL_CLOCK), || {
            let sections = self.sections.iter();
            for section in sections.filter(|s| chosen.is_none_or(|name| s.name == name)) {
                output::line("");
                output::line(heading(section));
                (section.run)(&options);
            }
        });
        Ok(())
    }

    /// The command line: the common arguments, then the chapter's options.
    fn command(&self) -> Command {
        let names: Vec<&'static str> = self.sections.iter().map(|s| s.name).collect();
        let command = Command::new(self.chapter)
            // The project's version: every crate in the workspace carries the same one.
            .version(env!("CARGO_PKG_VERSION"))
            .about(self.title)
            .after_help("With no SECTION, every section runs in the article's order.")
            .arg(
                Arg::new(SECTION)
                    .help("Run only this section (--list names them)")
                    .value_parser(PossibleValuesParser::new(names))
                    .hide_possible_values(true),
            )
            .arg(
                Arg::new(LIST)
                    .long(LIST)
                    .action(ArgAction::SetTrue)
                    .conflicts_with(SECTION)
                    .help("Name the sections and the part of the article each one retells"),
            )
            .arg(
                Arg::new(VIRTUAL_CLOCK)
                    .long(VIRTUAL_CLOCK)
                    .action(ArgAction::SetTrue)
                    .help("Run on tokio's paused clock: sleeps take no time, stamps are exact"),
            );
        self.options.iter().fold(command, |command, option| {
            let (low, high) = (*option.range.start(), *option.range.end());
            command.arg(
                Arg::new(option.name)
                    .long(option.name)
                    .value_name("N")
                    // `--pool -1` is a number out of range, not an unknown flag `-1`.
                    .allow_negative_numbers(true)
                    .value_parser(value_parser!(u64).range(low..=high))
                    .default_value(option.default.to_string())
                    .help(format!("{}, {low} to {high}", option.help)),
            )
        })
    }

    fn options_from(&self, matches: &ArgMatches) -> Options {
        let value = |option: &OptionSpec| {
            // Every option has a default, so clap always has a value.
            matches
                .get_one::<u64>(option.name)
                .copied()
                .unwrap_or(option.default)
        };
        Options {
            values: self.options.iter().map(|o| (o.name, value(o))).collect(),
        }
    }

    /// `--list`: name, article section and title in columns.
    fn print_list(&self) {
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

/// `=== 三.5.3 await, example 4 · three tasks at once [three_tasks]`
fn heading(section: &Section) -> String {
    format!(
        "=== {} · {} [{}]",
        section.article, section.title, section.name
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;
    use std::time::Duration;

    fn hello(options: &Options) {
        let times: usize = options.get("times");
        for _ in 0..times {
            crate::outln!("hello");
        }
    }

    /// Sleeps an hour on a runtime from [`runtime::block_on`] and says how long that took on
    /// tokio's clock; under the virtual clock the hour takes no time. Without it, it refuses
    /// to sleep (a broken clock choice fails the test instead of hanging it for an hour).
    fn hour(_: &Options) {
        let slept = runtime::block_on(async {
            assert!(
                runtime::tests::clock_is_paused(),
                "not sleeping a real hour"
            );
            let start = tokio::time::Instant::now();
            tokio::time::sleep(Duration::from_secs(3600)).await;
            start.elapsed()
        });
        crate::outln!("slept {slept:?}");
    }

    fn tour() -> Tour {
        Tour::new("ch00_test", "a test tour")
            .option("times", 2, 1..=5, "How many greetings")
            .section("hello", "三.5.2 快速上手", "say hello", hello)
            .measured("again", "三.5.3 await", "say hello again", hello)
    }

    /// What a command line prints, or clap's error; `args` without the program name.
    fn run(args: &[&str]) -> Result<String, clap::Error> {
        run_tour(&tour(), args)
    }

    fn run_tour(tour: &Tour, args: &[&str]) -> Result<String, clap::Error> {
        let argv = std::iter::once("ch00_test").chain(args.iter().copied());
        let (result, text) = output::capture(|| tour.run(argv));
        result.map(|()| text)
    }

    /// The usage error for `args`: its kind and its text, and it must exit with code 2.
    fn refused(args: &[&str]) -> (ErrorKind, String) {
        let error = run(args).expect_err("a usage error");
        assert_eq!(error.exit_code(), 2, "{error}");
        (error.kind(), error.render().to_string())
    }

    #[test]
    fn no_arguments_runs_every_section_with_a_heading() {
        let text = run(&[]).unwrap();
        assert_eq!(
            text,
            "ch00_test: a test tour\n\n=== 三.5.2 快速上手 · say hello [hello]\nhello\nhello\n\n\
             === 三.5.3 await · say hello again [again]\nhello\nhello\n"
        );
    }

    #[test]
    fn one_section_and_options_in_both_spellings() {
        let text = run(&["again", "--times", "1"]).unwrap();
        assert!(text.ends_with("[again]\nhello\n"), "{text}");
        assert!(!text.contains("[hello]"), "{text}");
        let text = run(&["--times=5", "hello"]).unwrap();
        assert_eq!(text.matches("hello\n").count(), 5);
    }

    #[test]
    fn list_names_the_sections_in_columns_that_count_chinese_as_two() {
        let text = run(&["--list"]).unwrap();
        assert_eq!(
            text,
            "hello  三.5.2 快速上手  say hello\nagain  三.5.3 await     say hello again\n"
        );
    }

    #[test]
    fn a_mistyped_section_is_refused_with_a_suggestion() {
        let (kind, text) = refused(&["helo"]);
        assert_eq!(kind, ErrorKind::InvalidValue);
        assert!(text.contains("invalid value 'helo'"), "{text}");
        assert!(text.contains("a similar value exists: 'hello'"), "{text}");
    }

    #[test]
    fn an_option_outside_its_range_or_not_a_number_is_refused_before_anything_runs() {
        for bad in ["0", "6", "100000", "-1", "2.5", "many"] {
            let (kind, text) = refused(&["--times", bad]);
            assert_eq!(kind, ErrorKind::ValueValidation, "{bad}: {text}");
            assert!(text.contains("'--times <N>'"), "{text}");
        }
        let (_, text) = refused(&["--times", "100000"]);
        assert!(text.contains("100000 is not in 1..=5"), "{text}");
    }

    #[test]
    fn other_usage_errors_say_what_is_wrong() {
        let (kind, text) = refused(&["--frobs", "1"]);
        assert_eq!(kind, ErrorKind::UnknownArgument);
        assert!(text.contains("unexpected argument '--frobs'"), "{text}");
        assert_eq!(refused(&["--time", "1"]).0, ErrorKind::UnknownArgument);
        assert!(refused(&["--time", "1"]).1.contains("'--times'"));
        assert_eq!(refused(&["--times"]).0, ErrorKind::InvalidValue);
        assert_eq!(refused(&["hello", "again"]).0, ErrorKind::UnknownArgument);
        assert_eq!(refused(&["--list", "hello"]).0, ErrorKind::ArgumentConflict);
    }

    #[test]
    fn help_and_version_are_clap_s_and_exit_with_zero() {
        let help = run(&["--help"]).unwrap_err();
        assert_eq!((help.kind(), help.exit_code()), (ErrorKind::DisplayHelp, 0));
        let text = help.render().to_string();
        for expected in [
            "a test tour",
            "Usage: ch00_test [OPTIONS] [SECTION]",
            "--list",
            "--virtual-clock",
            "--times <N>",
            "How many greetings, 1 to 5 [default: 2]",
            "-V, --version",
            "every section runs in the article's order",
        ] {
            assert!(text.contains(expected), "{expected:?} in\n{text}");
        }
        assert!(
            !text.contains("possible values"),
            "--list names them:\n{text}"
        );
        let version = run(&["--version"]).unwrap_err();
        assert_eq!(version.kind(), ErrorKind::DisplayVersion);
        let expected = format!("ch00_test {}\n", env!("CARGO_PKG_VERSION"));
        assert_eq!(version.render().to_string(), expected);
    }

    #[test]
    fn capture_runs_one_section_with_defaults_and_no_heading() {
        assert_eq!(tour().capture("hello").unwrap(), "hello\nhello\n");
        let error = tour().capture("nope").unwrap_err().to_string();
        assert_eq!(
            error,
            "there is no section `nope`; the sections are: hello, again"
        );
    }

    #[test]
    fn the_virtual_clock_is_on_for_the_run_that_asks_for_it_and_only_for_it() {
        let tour = Tour::new("ch00_test", "an hour").section("hour", "三.5.3 await", "", hour);
        let text = run_tour(&tour, &["--virtual-clock"]).unwrap();
        assert!(text.ends_with("\nslept 3600s\n"), "{text}");
        assert_eq!(tour.capture("hour").unwrap(), "slept 3600s\n");
        assert!(
            !runtime::virtual_clock(),
            "the thread is back on the real clock"
        );
    }

    #[test]
    #[should_panic = "--times: the default 9 is outside 1..=5"]
    fn a_default_outside_the_range_is_a_bug_in_the_chapter() {
        let _ = Tour::new("ch00_test", "").option("times", 9, 1..=5, "");
    }
}
