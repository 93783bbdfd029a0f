#!/usr/bin/env python3
"""Python beside Rust: each chapter's Python listings print what its Rust listings print.

For every `chapters/<crate>/python/<section>.py` whose name is a section of that chapter's
tour, run it and compare its stdout with the book's checked output file
`book/src/output/<crate>/<section>.txt` (which tests/book_output.rs proves is what the Rust
section prints). Lines must match one for one:

- `[+S.SSs]` stamps may differ by at most TOLERANCE seconds: Python runs on the real clock,
  the book's output on tokio's virtual clock;
- durations inside a line (decimals, `N ms`) are masked, as book_output.rs does for measured
  sections: the Python side always runs on the real clock;
- everything else must be equal, character for character.

Every other `.py` file is byte-compiled, so none of them rots unnoticed.

Chapters that talk to a server (SERVICES below) get it through the environment, as the reader
would: `REDIS_URL` / `DATABASE_URL` if already set, otherwise private servers started by
`cargo run -p shared --bin services` for the run. Without the server binaries their listings
are skipped with the reason (a failure under `REQUIRE_SERVICES=1`).

Exit status 1 when anything differs; the last line reads `parity: N passed, M failed, K skipped`.
"""

import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TOLERANCE = 0.15
STAMP = re.compile(r"^\[\+(\d+\.\d+)s\] ?(.*)$")
# What a measured section prints differently from run to run (the same rule as book_output.rs):
# decimals, whole numbers of ms, µs or ns, and counts such as `37×`.
DURATION = re.compile(r"\d+\.\d+|\d+(?= ?(?:ms|µs|ns|×))")


def compare(expected, actual):
    """Return a list of problems (empty when the outputs agree)."""
    want, got = expected.splitlines(), actual.splitlines()
    problems = []
    if len(want) != len(got):
        problems.append(f"{len(got)} lines printed, the book has {len(want)}")
    for number, (w, g) in enumerate(zip(want, got), start=1):
        wm, gm = STAMP.match(w), STAMP.match(g)
        if wm and gm:
            if abs(float(wm[1]) - float(gm[1])) > TOLERANCE:
                problems.append(f"line {number}: at +{gm[1]}s, the book says +{wm[1]}s")
            w, g = wm[2], gm[2]
        if w != g and DURATION.sub("#", w) != DURATION.sub("#", g):
            problems.append(f"line {number}: {g!r}, the book has {w!r}")
    return problems


# The servers a chapter's listings need, by the names `shared`'s `services` binary knows.
SERVICES = {"ch12_redis": ["redis"], "ch13_mysql": ["mariadb"]}
URL_VARS = {"redis": "REDIS_URL", "mariadb": "DATABASE_URL"}


class Servers:
    """Private servers started on first need, kept until the end of the run."""

    def __init__(self):
        self.env = dict(os.environ)
        self.processes = []
        self.missing = {}

    def environment(self, names):
        """The environment with every server in `names`, or raise LookupError(reason)."""
        for name in names:
            if URL_VARS[name] in self.env:
                continue
            if name in self.missing:
                raise LookupError(self.missing[name])
            process = subprocess.Popen(
                ["cargo", "run", "--quiet", "-p", "shared", "--bin", "services", "--", name],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            line = process.stdout.readline().strip()
            if not line.startswith(URL_VARS[name] + "="):
                process.stdin.close()
                error = process.stderr.read().strip().splitlines()
                self.missing[name] = error[-1] if error else f"{name} did not start"
                raise LookupError(self.missing[name])
            self.processes.append(process)
            key, _, value = line.partition("=")
            self.env[key] = value
        return self.env

    def stop(self):
        for process in self.processes:
            process.stdin.close()  # the services binary stops its servers and exits
            process.wait(timeout=60)


def main():
    python = sys.executable
    passed = failed = skipped = 0
    servers = Servers()
    required = os.environ.get("REQUIRE_SERVICES") == "1"
    for script in sorted(ROOT.glob("chapters/*/python/*.py")):
        crate = script.parent.parent.name
        book = ROOT / "book" / "src" / "output" / crate / f"{script.stem}.txt"
        name = f"{crate}/{script.name}"
        if not book.exists():
            try:
                compile(script.read_text(encoding="utf-8"), str(script), "exec")
            except SyntaxError as error:
                failed += 1
                print(f"parity {name} ... does not compile: {error}")
            continue
        env = None
        if crate in SERVICES:
            try:
                env = servers.environment(SERVICES[crate])
            except LookupError as reason:
                if required:
                    failed += 1
                    print(f"parity {name} ... FAILED (REQUIRE_SERVICES=1): {reason}")
                else:
                    skipped += 1
                    print(f"parity {name} ... skipped: {reason}")
                continue
        run = subprocess.run(
            [python, str(script)], capture_output=True, text=True, timeout=120, env=env
        )
        problems = compare(book.read_text(encoding="utf-8"), run.stdout)
        if run.returncode != 0:
            problems.append(f"exit status {run.returncode}: {run.stderr.strip()[-2000:]}")
        if problems:
            failed += 1
            print(f"parity {name} ... FAILED")
            for problem in problems:
                print(f"    {problem}")
        else:
            passed += 1
            print(f"parity {name} ... ok")
    servers.stop()
    print(f"parity: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
