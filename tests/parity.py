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
Exit status 1 when anything differs; the last line reads `parity: N passed, M failed`.
"""

import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TOLERANCE = 0.15
STAMP = re.compile(r"^\[\+(\d+\.\d+)s\] ?(.*)$")
# What a measured section prints differently from run to run (the same rule as book_output.rs):
# decimals, and whole numbers of ms, µs or ns.
DURATION = re.compile(r"\d+\.\d+|\d+(?= ?(?:ms|µs|ns))")


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


def main():
    python = sys.executable
    passed = failed = 0
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
        run = subprocess.run(
            [python, str(script)], capture_output=True, text=True, timeout=120
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
    print(f"parity: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
