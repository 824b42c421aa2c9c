"""The user's own example: the Kyiv Independent dump must give the 11 paragraphs and nothing else."""

from __future__ import annotations

import textwrap

import pytest

import newsclean
from newsclean.models import Role

from .conftest import SAMPLES, seed_as_markdown

SEED = SAMPLES / "text" / "kyiv-independent-dump.txt"
CHROME = [
    "Skip to content", "Edit post", "This audio is created with AI assistance",
    "Support independent journalism in Ukraine", "Become a member Support us just once", "Read also:",
    "Freedom can be costly", "visa masterCard americanExpress", "News Feed", "1:35 AM",
    "Russian drone attack on Kharkiv", "Ukraine Daily", "News from Ukraine in your inbox", "Subscribe",
    "* indicates required", "Please, enter correct email address", "MORE NEWS", "Editors' Picks",
    "Thank you for signing up", "Borodyanka", "ATACMS",
]


def test_seed_body_is_the_eleven_paragraphs() -> None:
    doc = newsclean.clean(SEED.read_bytes())
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 11
    assert paragraphs[0].startswith("U.S. Secretary of State Antony Blinken warned his Russian counterpart")
    assert paragraphs[-1].endswith("This would be the leaders’ second meeting after their summit in Geneva in June.")
    for chrome in CHROME:
        assert chrome not in doc.text, chrome


def test_seed_metadata_and_caption() -> None:
    doc = newsclean.clean(SEED.read_bytes())
    assert doc.title == "Top diplomats of US, Russia meet to discuss Ukraine amid looming invasion"
    assert doc.authors == ["Igor Kossov"]
    assert doc.date == "2021-12-02T20:45"
    assert newsclean.to_dict(doc)["reading_time"] == 2
    assert len(doc.captions) == 1 and "(L) and Russian Foreign Minister" in doc.captions[0]
    assert "(L)" not in doc.text


def test_every_line_is_accounted_for() -> None:
    raw = SEED.read_text(encoding="utf-8")
    doc = newsclean.clean(raw)
    assert [ln.text for ln in doc.lines] == [" ".join(x.split()) for x in raw.splitlines() if x.strip()]
    removed = [ln for ln in doc.lines if ln.role is Role.REMOVED]
    assert all(ln.reason for ln in removed)
    assert {r.reason for r in doc.removed} >= {"pointer:read-also", "lexicon:donation", "lexicon:newsletter"}


@pytest.mark.parametrize("width", [60, 72, 80])
def test_hard_wrapped_dump_gives_the_same_article(width: int) -> None:
    """A dump wrapped at a fixed width (lynx -dump, html2text) is unwrapped into its paragraphs."""
    raw = SEED.read_text(encoding="utf-8")
    wrapped = "\n".join("\n".join(textwrap.wrap(line, width)) for line in raw.split("\n"))
    plain, doc = newsclean.clean(raw), newsclean.clean(wrapped)
    assert doc.text == plain.text
    assert (doc.title, doc.authors, doc.date) == (plain.title, plain.authors, plain.date)


def test_markdown_dump_gives_the_same_article() -> None:
    """A markdown dump (links, headings, list bullets) is read as the text a reader sees."""
    plain, doc = newsclean.clean(SEED.read_text(encoding="utf-8")), newsclean.clean(seed_as_markdown())
    assert doc.text == plain.text
    assert (doc.title, doc.authors, doc.date) == (plain.title, plain.authors, plain.date)


def test_dump_on_one_line_keeps_the_article_sentences() -> None:
    """A page joined on one line (``get_text(" ")``) is cut into sentences: the article's sentences
    are found and the donation, newsletter and "Read also" ones are not. (Where the article's first
    sentence runs on from a menu without a full stop between them, it cannot be told apart: the
    first paragraph's opening sentence is lost, which the figures in the README account for.)"""
    raw = SEED.read_text(encoding="utf-8")
    plain = newsclean.clean(raw)
    doc = newsclean.clean(" ".join(raw.split()))
    for paragraph in plain.text.split("\n\n")[1:]:
        assert " ".join(paragraph.split()[:8]) in doc.text
    for chrome in ("Support independent journalism", "Read also:", "Enter your email", "Subscribe"):
        assert chrome not in doc.text, chrome


SCRIPT_BLOB = ('!function(t,e){"object"==typeof exports&&"undefined"!=typeof module?module.exports=e():'
               '"function"==typeof define&&define.amd?define(e):(t="undefined"!=typeof globalThis?globalThis:t'
               '||self).lazySizes=e()}(this,function(){"use strict";var t={};function e(n){return t[n]}') * 40


@pytest.mark.parametrize("where", ["top", "bottom"])
def test_script_text_in_a_dump_is_never_the_article(where: str) -> None:
    """A converter that lets a page's inline script through (html2text, lxml's text_content()) puts a
    line of minified code in the dump: it is removed as program code, and it does not make the page
    read as one run on without line breaks (its length would pass for a page of run-on sentences)."""
    raw = SEED.read_text(encoding="utf-8")
    page = f"{SCRIPT_BLOB}\n\n{raw}" if where == "top" else f"{raw}\n\n{SCRIPT_BLOB}"
    plain, doc = newsclean.clean(raw), newsclean.clean(page)
    assert doc.text == plain.text
    assert [ln.reason for ln in doc.lines if ln.text.startswith("!function")] == ["script-code"]
