# From asyncio to Tokio — `just` lists these recipes.

# List the recipes.
default:
    @just --list --unsorted

# Run a chapter's tour: `just run ch05` (or `just run ch05 timer_future`, `just run ch04 --virtual-clock`).
run CH *ARGS:
    crate=$(just _crate {{CH}}) && cargo run -p "$crate" -- {{ARGS}}

# The test command from the README: every chapter, the shared crate and the book checks.
test:
    cargo test --workspace

# Run a chapter's exercise tests against your own attempt in chapters/<crate>/exercises/.
exercise CH:
    crate=$(just _crate {{CH}}) && cargo test -p "$crate" --features attempt --test exercises

# Print the hint for one exercise: `just hint ch04 run`.
hint CH NAME:
    @hints=chapters/$(just _crate {{CH}})/exercises/hints.md && { awk -v name="{{NAME}}" '/^## / { on = ($2 == name); next } on' "$hints" | grep . || { echo "no hint named {{NAME}}; the exercises are: $(grep '^## ' "$hints" | cut -c4- | tr '\n' ' ')" >&2; exit 2; }; }

# Check that the stubs readers start from compile (with --features attempt), lint-clean.
stubs:
    cargo clippy --workspace --all-targets --all-features -- -D warnings

# Run every chapter's Python listings and compare their output with the book's (needs python3).
parity:
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check $(cat chapters/*/python/requirements.txt | sed 's/^/ /')
    .venv/bin/python tests/parity.py

# Measure every chapter's performance claims beside Python (`just bench --quick`: each row once, small; `just bench ch11`: some rows).
bench *ARGS:
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check $(cat chapters/*/python/requirements.txt | sed 's/^/ /')
    cargo run --release -p tests --bin bench -- {{ARGS}}

# Rewrite the book's output files after changing what a chapter prints (`just bless force`: even when only durations changed).
bless MODE="1":
    BLESS={{MODE}} cargo test -p tests --test book_output

# Build both editions: book/build (English) and book/build/zh-CN (Chinese); needs mdbook and mdbook-i18n-helpers.
book:
    python3 book/i18n/editions.py build

# Serve one edition at http://localhost:3000: `just serve` (English) or `just serve zh-CN` (mdbook with its default features).
serve LANG="en":
    python3 book/i18n/editions.py serve {{LANG}}

# After changing an English page: merge its new text into book/po/zh-CN.po (new messages empty, changed ones fuzzy), then translate them.
po:
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check -r book/i18n/requirements.txt
    .venv/bin/python book/i18n/messages.py update

# Install the Redis and MariaDB server binaries chapters 12–15 start privately (no service is enabled).
services:
    if command -v apt-get >/dev/null; then sudo apt-get update && sudo apt-get install -y redis-server mariadb-server; elif command -v brew >/dev/null; then brew install redis mariadb; else echo "install redis-server and mariadb-server with your package manager" >&2; exit 2; fi

# What CI runs, from a clean clone: see .ci/run.
ci:
    bash .ci/run

# ch05 → ch05_futures (ch5 too; ch1 is ch01, not ch10)
_crate CH:
    @c="{{CH}}"; case "$c" in ch[1-9]) c="ch0${c#ch}";; esac; d=$(ls -d chapters/"$c"_* chapters/"$c" 2>/dev/null | head -n1); if [ -z "$d" ]; then echo "no chapter matches {{CH}}; the chapters are: $(ls chapters | tr '\n' ' ')" >&2; exit 2; fi; basename "$d"
