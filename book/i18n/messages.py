#!/usr/bin/env python3
"""The translation catalogue of the Chinese edition: extract, update, check.

    python3 book/i18n/messages.py pot      # write book/po/messages.pot from the English pages
    python3 book/i18n/messages.py update   # merge new English text into book/po/zh-CN.po
    python3 book/i18n/messages.py check    # fail unless zh-CN.po translates every message

The messages come from the pages as written, with `{{#include}}` left unexpanded (mdbook-xgettext
run without mdBook's default preprocessors): code and output blocks are included from the sources
and are not translated. The tables `just bench` writes (book/src/bench/*.md) are included too, so
their words (headers, figures, variants, goals) are added from the files themselves; their numbers
change with every run and are not messages.

`check` fails on any message of the English book that zh-CN.po leaves untranslated or fuzzy, on a
PO file msgfmt rejects, and on a translation that drops or changes what must stay as written:
inline code (a translation may repeat a code span, not drop one), link targets, `{{#...}}`
directives and HTML tags.
"""

import collections
import glob
import os
import re
import subprocess
import sys
import tempfile

try:
    import polib
except ImportError:
    sys.exit("error: this script needs polib: pip install -r book/i18n/requirements.txt (the venv `just parity` makes has it)")

BOOK = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PO_DIR = os.path.join(BOOK, "po")
POT = os.path.join(PO_DIR, "messages.pot")
LANGUAGE = "zh-CN"
PO = os.path.join(PO_DIR, f"{LANGUAGE}.po")

# The columns of a bench table that hold words, not measurements.
BENCH_WORD_COLUMNS = {"figure", "variant", "goal"}


def run(*args, **kwargs):
    try:
        return subprocess.run(args, check=True, text=True, capture_output=True, **kwargs)
    except FileNotFoundError:
        sys.exit(f"error: `{args[0]}` is not installed ({install_hint(args[0])})")
    except subprocess.CalledProcessError as error:
        sys.exit(f"error: `{' '.join(args)}` failed:\n{error.stderr}{error.stdout}")


def install_hint(program):
    if program.startswith("mdbook-"):
        return "cargo install --locked mdbook-i18n-helpers --version 0.4.0"
    if program == "mdbook":
        return "cargo install --locked mdbook --version 0.5.4"
    return "apt-get install gettext"


def bench_words():
    """The words of every table `just bench` wrote, with the file each came from."""
    words = collections.OrderedDict()
    for path in sorted(glob.glob(os.path.join(BOOK, "src", "bench", "*.md"))):
        source = os.path.relpath(path, BOOK)
        header = None
        for line in open(path, encoding="utf-8"):
            if not line.startswith("|"):
                header = None  # the next table has its own header
                continue
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-+:?", cell) for cell in cells):
                continue
            if header is None:
                header = cells
                chosen = cells
            elif not any(header):  # a two-column "name | value" table: the names
                chosen = cells[:1]
            else:
                chosen = [cell for name, cell in zip(header, cells) if name in BENCH_WORD_COLUMNS]
            for cell in chosen:
                if cell and re.search(r"[A-Za-z]", cell):
                    words.setdefault(cell, source)
    return words


def pot():
    """Write po/messages.pot: the pages' messages plus the bench tables' words."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(
            os.environ,
            MDBOOK_OUTPUT='{"xgettext": {"granularity": 0}}',
            MDBOOK_BUILD__USE_DEFAULT_PREPROCESSORS="false",
            MDBOOK_BOOK__LANGUAGE="en",
        )
        run("mdbook", "build", BOOK, "-d", scratch, env=env)
        catalogue = polib.pofile(os.path.join(scratch, "messages.pot"), wrapwidth=0)
    # Not text to translate: a paragraph that is only `{{#include …}}` (the included file is the
    # text), the same directive inside a ```python block (syntect reads its `#` as a comment) and a
    # whole code block (extracted when its language is unknown and it holds a quote).
    code = re.compile(r"^((\{\{)?#[a-z]+ [^}]*\}\}\s*)+$|^```")
    for entry in [entry for entry in catalogue if code.match(entry.msgid)]:
        catalogue.remove(entry)
    known = {entry.msgid for entry in catalogue}
    for word, source in bench_words().items():
        if word not in known:
            catalogue.append(polib.POEntry(msgid=word, msgstr="", occurrences=[(source, "")]))
    os.makedirs(PO_DIR, exist_ok=True)
    catalogue.save(POT)
    print(f"wrote {os.path.relpath(POT)}: {len(catalogue)} messages")


def update():
    """Merge the current English messages into zh-CN.po: new ones empty, changed ones fuzzy."""
    pot()
    run("msgmerge", "--quiet", "--update", "--backup=none", PO, POT)
    # Messages no English page has any more: gone, not kept as `#~` comments.
    run("msgattrib", "--no-obsolete", "-o", PO, PO)
    print(statistics())


def statistics():
    return run("msgfmt", "--check", "--statistics", "-o", os.devnull, PO).stderr.strip()


# What a translation must carry over unchanged, as (name, pattern).
KEPT = [
    ("inline code", re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)),
    ("link target", re.compile(r"\]\(([^)\s]+)")),
    ("directive", re.compile(r"\{\{#[^}]*\}\}")),
    ("HTML tag", re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?>")),
]


def check():
    pot()
    problems = []
    translated = {entry.msgid: entry for entry in polib.pofile(PO) if not entry.obsolete}
    for msgid in (entry.msgid for entry in polib.pofile(POT)):
        if msgid not in translated:
            problems.append(f"missing from {LANGUAGE}.po: {msgid[:100]!r}")
            continue
        msgstr, flags = translated[msgid].msgstr, translated[msgid].flags
        if "fuzzy" in flags:
            problems.append(f"fuzzy: {msgid[:100]!r}")
        elif not msgstr:
            problems.append(f"untranslated: {msgid[:100]!r}")
        else:
            for name, pattern in KEPT:
                want = collections.Counter(match.group(0) for match in pattern.finditer(msgid))
                got = collections.Counter(match.group(0) for match in pattern.finditer(msgstr))
                lost = list((want - got).elements())
                # A translation may name a piece of code twice (Chinese sentences are built
                # differently), but must not drop one, nor add links, directives or tags.
                added = [] if name == "inline code" else list((got - want).elements())
                if lost or added:
                    problems.append(f"{name} changed in {msgid[:60]!r}: lost {lost}, added {added}")
    stats = statistics()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(stats)
    if problems:
        sys.exit(f"error: {len(problems)} problems in {os.path.relpath(PO)}; "
                 "after changing an English page, run `python3 book/i18n/messages.py update` and translate")
    print(f"{os.path.relpath(PO)}: every message of the English book is translated")


if __name__ == "__main__":
    commands = {"pot": pot, "update": update, "check": check}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(commands)}}}")
    commands[sys.argv[1]]()
