//! The machine a run was measured on: absolute times only mean something together with it.

use shared::bench::{python_interpreter, workspace_root};
use std::process::Command;

/// What the results file records about the machine and the toolchains.
#[derive(Debug, Clone)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub os: String,
    pub rustc: String,
    pub python: String,
    /// `name==version` of the Python packages the rows use.
    pub packages: Vec<String>,
    pub date: String,
    /// `/proc/loadavg` when the run started: other work on the machine.
    pub load_at_start: String,
}

impl Machine {
    /// One line for the terminal.
    pub fn summary(&self) -> String {
        format!(
            "{} ({} cores), {}, {}, {}; load average {}",
            self.cpu, self.cores, self.os, self.rustc, self.python, self.load_at_start
        )
    }
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .current_dir(workspace_root())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// `/proc/loadavg`'s three averages.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// Describe this machine.
pub fn describe() -> Machine {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let os_name = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|release| {
            release
                .lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_owned())
        })
        .unwrap_or_else(|| std::env::consts::OS.into());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let python = python_interpreter();
    let python = python.to_string_lossy();
    let packages = output(
        &python,
        &[
            "-c",
            "import importlib.metadata as m\n\
             for p in ('uvloop', 'greenlet', 'aiohttp', 'requests'):\n\
             \x20   try: print(f'{p}=={m.version(p)}')\n\
             \x20   except m.PackageNotFoundError: print(f'{p} (not installed)')",
        ],
    )
    .map(|l| l.lines().map(str::to_owned).collect())
    .unwrap_or_default();
    Machine {
        cpu,
        cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        os: format!("{os_name}, Linux {}", kernel.trim()),
        rustc: output("rustc", &["--version"]).unwrap_or_else(|| "rustc (unknown)".into()),
        python: output(&python, &["--version"]).unwrap_or_else(|| "no Python".into()),
        packages,
        date: output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_default(),
        load_at_start: load_average(),
    }
}
