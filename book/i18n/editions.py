#!/usr/bin/env python3
"""Build the English and the Chinese edition of the book, and check the two against each other.

    python3 book/i18n/editions.py build   # book/build/ (English) and book/build/zh-CN/ (Chinese)
    python3 book/i18n/editions.py check   # build, then check both editions
    python3 book/i18n/editions.py serve [en|zh-CN]   # serve one edition at http://localhost:3000

The check holds the Chinese edition to what the English one promises:
- the same pages, and on every page the same code and output blocks, byte for byte (they are
  included from the sources and checked by the tests; a translation must not touch them);
- every link inside the book lands on a page and, with `#id`, on an element with that id;
- every page of the Chinese edition reads as Chinese (its prose outside code is mostly CJK), with
  no Markdown markers showing as text (CommonMark's emphasis rules trip over CJK punctuation);
- the language switch, run in headless Chromium, links each page to the same page of the other
  edition, both ways;
- search on the Chinese edition finds Chinese words (mdBook's index splits words at spaces only;
  book/i18n/cjk-search.js matches Chinese queries as substrings).
"""

import html
import html.parser
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

BOOK = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENGLISH = os.path.join(BOOK, "build")
CHINESE_DIR = "zh-CN"
CHINESE = os.path.join(ENGLISH, CHINESE_DIR)
CHINESE_CONFIG = {
    "MDBOOK_BOOK__LANGUAGE": "zh-CN",
    "MDBOOK_BOOK__TITLE": "从 asyncio 到 Tokio",
    "MDBOOK_BOOK__DESCRIPTION": "写给 asyncio 程序员的高性能异步 Rust：一篇经典 asyncio 文章的每一节，对应一个能运行的章节",
}
# mdBook's own pages, not the book's.
GENERATED = {"print.html", "404.html", "toc.html"}


def build():
    if shutil.which("mdbook") is None:
        sys.exit("error: mdbook is not installed (cargo install --locked mdbook --version 0.5.4)")
    if shutil.which("mdbook-gettext") is None:
        sys.exit("error: mdbook-gettext is not installed, so the Chinese edition would come out in English "
                 "(cargo install --locked mdbook-i18n-helpers --version 0.4.0)")
    # English first: building it empties book/build/, the Chinese edition's parent.
    subprocess.run(["mdbook", "build", BOOK], check=True)
    subprocess.run(["mdbook", "build", BOOK, "-d", CHINESE],
                   env=dict(os.environ, **CHINESE_CONFIG), check=True)
    print(f"English: {os.path.relpath(ENGLISH)}/index.html\nChinese: {os.path.relpath(CHINESE)}/index.html")


def serve(language="en"):
    if language not in ("en", "zh-CN"):
        sys.exit(f"error: no edition {language!r}: the editions are en and zh-CN")
    env = dict(os.environ, **CHINESE_CONFIG) if language == "zh-CN" else os.environ
    destination = CHINESE if language == "zh-CN" else ENGLISH
    subprocess.run(["mdbook", "serve", BOOK, "-d", destination, "--open"], env=env, check=True)


class Page(html.parser.HTMLParser):
    """What the checks need from one page: code blocks, links, ids and the prose of <main>."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.blocks, self.links, self.ids, self.prose = [], [], set(), []
        self._pre = None
        self._main = 0
        self._code = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "main":
            self._main += 1
        if tag in ("code", "pre", "script", "style"):
            self._code += 1
        if tag == "pre":
            self._pre = []

    def handle_endtag(self, tag):
        if tag == "main":
            self._main -= 1
        if tag in ("code", "pre", "script", "style"):
            self._code -= 1
        if tag == "pre" and self._pre is not None:
            self.blocks.append("".join(self._pre))
            self._pre = None

    def handle_data(self, data):
        if self._pre is not None:
            self._pre.append(data)
        if self._main and not self._code:
            self.prose.append(data)


def pages(root):
    found = {}
    for folder, dirs, files in os.walk(root):
        if os.path.abspath(folder) == os.path.abspath(ENGLISH):
            dirs[:] = [d for d in dirs if d != CHINESE_DIR]
        for name in files:
            if name.endswith(".html") and name not in GENERATED:
                path = os.path.join(folder, name)
                found[os.path.relpath(path, root)] = Page(open(path, encoding="utf-8").read())
    return found


def check_links(edition, root, book):
    problems = []
    for name, page in book.items():
        for href in page.links:
            url = urllib.parse.urlsplit(href)
            if url.scheme or href.startswith("//") or not (url.path or url.fragment):
                continue
            target = os.path.normpath(os.path.join(os.path.dirname(name), urllib.parse.unquote(url.path))) if url.path else name
            if os.path.isdir(os.path.join(root, target)):
                target = os.path.join(target, "index.html")
            if not os.path.exists(os.path.join(root, target)):
                problems.append(f"{edition} {name}: link to {href}: no such file")
            elif url.fragment and target in book and urllib.parse.unquote(url.fragment) not in book[target].ids:
                problems.append(f"{edition} {name}: link to {href}: no element with that id")
    return problems


CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
STRAY_MARKUP = re.compile(r".{0,12}(?:\*\*|(?<![A-Za-z0-9/._])_[^_\s]+_(?![A-Za-z0-9_]))", re.S)


def check_chinese(english, chinese):
    problems = []
    if sorted(english) != sorted(chinese):
        problems.append(f"the editions have different pages: {sorted(set(english) ^ set(chinese))}")
    for name in sorted(set(english) & set(chinese)):
        if english[name].blocks != chinese[name].blocks:
            for a, b in zip(english[name].blocks, chinese[name].blocks):
                if a != b:
                    problems.append(f"{name}: a code or output block differs between the editions:\n"
                                    f"  English: {a[:200]!r}\n  Chinese: {b[:200]!r}")
                    break
            else:
                problems.append(f"{name}: {len(english[name].blocks)} code blocks in English, "
                                f"{len(chinese[name].blocks)} in Chinese")
        prose = html.unescape(" ".join(chinese[name].prose))
        cjk, latin = len(CJK.findall(prose)), len(LATIN_WORD.findall(prose))
        # Chinese prose keeps names, code words and figures in Latin letters; a page left in
        # English has hardly any CJK at all.
        # Emphasis CommonMark did not take (e.g. `**“引号”**后` or `_词_`): the markers show.
        for stray in STRAY_MARKUP.findall(prose):
            problems.append(f"{name}: markup shows as text in the Chinese edition: {stray!r}")
        if cjk < latin:
            problems.append(f"{name}: reads as English in the Chinese edition ({cjk} CJK characters, {latin} Latin words)")
    return problems


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    sys.exit("error: the language switch is checked in headless Chromium: apt-get install chromium")


def switch_target(browser, path):
    """The href of the language switch once the page's scripts ran."""
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                          "--virtual-time-budget=2000", "--dump-dom", "file://" + path],
                         check=True, capture_output=True, text=True).stdout
    match = re.search(r'<a[^>]*id="language-switch"[^>]*>', dom)
    if not match:
        return None
    href = re.search(r'href="([^"]*)"', match.group(0)).group(1)
    return os.path.normpath(os.path.join(os.path.dirname(path), html.unescape(href)))


def check_switch():
    browser = chromium()
    problems = []
    for name in ("index.html", "introduction.html", os.path.join("ch07_tasks", "spawn.html")):
        for here, there in ((ENGLISH, CHINESE), (CHINESE, ENGLISH)):
            target = switch_target(browser, os.path.join(here, name))
            want = os.path.join(there, name)
            if target != want:
                problems.append(f"language switch on {os.path.join(here, name)} goes to {target}, not {want}")
    return problems


def check_search():
    """mdBook's search, with book/i18n/cjk-search.js, finds a Chinese word on the Chinese edition."""
    browser = chromium()
    problems = []
    for word, at_least in (("事件循环", 5), ("协程", 5)):
        url = "file://" + os.path.join(CHINESE, "introduction.html") + "?search=" + urllib.parse.quote(word)
        # The page loads its 3 MB search index on demand; on a busy machine the first try may dump
        # the page before it is in, so a try without a results line is repeated.
        for _ in range(3):
            dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                                  "--allow-file-access-from-files", "--virtual-time-budget=10000",
                                  "--dump-dom", url], check=True, capture_output=True, text=True).stdout
            found = re.search(r'id="mdbook-searchresults-header"[^>]*>(\d+) search results?', dom)
            if found:
                break
        if not found or int(found.group(1)) < at_least:
            problems.append(f"search for {word} on the Chinese edition: "
                            f"{found.group(1) if found else 'no'} results, expected at least {at_least}")
    return problems


def check():
    build()
    english, chinese = pages(ENGLISH), pages(CHINESE)
    problems = check_links("English", ENGLISH, english) + check_links("Chinese", CHINESE, chinese)
    problems += check_chinese(english, chinese)
    problems += check_switch()
    problems += check_search()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(f"error: {len(problems)} problems in the two editions")
    print(f"both editions: {len(english)} pages each, code blocks identical, every link lands, "
          "every Chinese page reads as Chinese, the language switch works both ways, Chinese search finds")


if __name__ == "__main__":
    commands = {"build": build, "check": check, "serve": serve}
    if len(sys.argv) not in (2, 3) or sys.argv[1] not in commands or (len(sys.argv) == 3 and sys.argv[1] != "serve"):
        sys.exit(f"usage: {sys.argv[0]} build | check | serve [en|zh-CN]")
    commands[sys.argv[1]](*sys.argv[2:])
