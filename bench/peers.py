"""Peer extractors, each wrapped as ``fn(data, url) -> {"text", "title", "author", "date"}``.

``data`` is the page as served (bytes) for HTML systems and the dump (str) for text systems. Bump a
peer's ``rev`` when its wrapper changes so its cached outputs are recomputed.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version

Output = dict
Extractor = Callable[[bytes | str, str | None], Output]

_WORD = re.compile(r"\w+")
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul",
}  # fmt: skip


def output(text: str | None = "", title=None, author=None, date=None) -> Output:
    return {"text": text or "", "title": title, "author": author, "date": date}


# --- helpers ---------------------------------------------------------------------------------------


def lines_to_html(text: str, wrap_article: bool = False) -> str:
    """One ``<p>`` per non-blank line of a dump."""
    paras = "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    if wrap_article:
        paras = f"<article>{paras}</article>"
    return f"<html><body>{paras}</body></html>"


def block_text(markup: str) -> str:
    """Text of an HTML fragment with a line break at each block boundary (so words don't stick).

    Read-only walk: writing spacing into the tree fails on control characters lxml parsed but refuses.
    """
    import lxml.html

    if not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    parts, stack = [], [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else None  # comments, processing instructions: tail only
        if tag in _BLOCKS:
            parts.append("\n")
        if closing:
            if el.tail and el is not root:
                parts.append(el.tail)
            continue
        if tag and el.text:
            parts.append(el.text)
        stack.append((el, True))
        if tag:
            stack.extend((child, False) for child in reversed(el))
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


@cache
def _stoplist_index() -> dict[str, tuple[str, ...]]:
    """word -> languages whose jusText stoplist holds it."""
    import justext

    index: dict[str, list[str]] = {}
    for lang in justext.get_stoplists():
        for word in justext.get_stoplist(lang):
            index.setdefault(word.lower(), []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


@cache
def _stoplist(lang: str) -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist(lang))


def pick_stoplist(text: str) -> frozenset[str]:
    """The jusText stoplist covering most tokens of ``text``; English when none covers any."""
    index = _stoplist_index()
    hits: Counter = Counter()
    for word, count in Counter(_WORD.findall(text.lower())).items():
        for lang in index.get(word, ()):
            hits[lang] += count
    return _stoplist(hits.most_common(1)[0][0] if hits else "English")


def _justext(markup: str, stoplist: frozenset[str]) -> str:
    import justext

    paragraphs = justext.justext(markup, stoplist)
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _decode(data: bytes | str) -> str:
    from trafilatura.utils import decode_file

    return decode_file(data) if isinstance(data, bytes) else data


# --- text (dump) systems ----------------------------------------------------------------------------
# trafilatura's own evaluation settings (tests/eval_common.py EXTRACT_OPTS); the README's peer figures
# were measured with them (the library default include_comments=True scores lower on article bodies)
TRAFILATURA_OPTS = {"include_comments": False, "include_tables": True, "include_formatting": False}


def keep_all(data, url=None):
    return output(_decode(data))


def justext_lines(data, url=None):
    return output(_justext(lines_to_html(data), pick_stoplist(data)))


def justext_lines_en(data, url=None):
    return output(_justext(lines_to_html(data), _stoplist("English")))


def trafilatura_lines(data, url=None):
    import trafilatura

    return output(trafilatura.extract(lines_to_html(data), **TRAFILATURA_OPTS))


def trafilatura_lines_article(data, url=None):
    import trafilatura

    return output(trafilatura.extract(lines_to_html(data, wrap_article=True), **TRAFILATURA_OPTS))


# --- HTML systems -----------------------------------------------------------------------------------


def trafilatura_default(data, url=None):
    import trafilatura

    return output(trafilatura.extract(data, **TRAFILATURA_OPTS))


def trafilatura_precision(data, url=None):
    import trafilatura

    return output(trafilatura.extract(data, favor_precision=True, **TRAFILATURA_OPTS))


def readability_lxml(data, url=None):
    from readability import Document

    return output(block_text(Document(_decode(data)).summary()))


def justext_html(data, url=None):
    import trafilatura

    markup = _decode(data)
    return output(_justext(markup, pick_stoplist(trafilatura.html2txt(markup))))


def justext_html_en(data, url=None):
    return output(_justext(_decode(data), _stoplist("English")))


# --- metadata systems (HTML) --------------------------------------------------------------------------


def trafilatura_meta(data, url=None):
    import trafilatura

    doc = trafilatura.extract_metadata(_decode(data), default_url=url)
    return output(title=doc.title, author=doc.author, date=doc.date)


def htmldate_date(data, url=None):
    from htmldate import find_date

    # original_date: the gold is the publication date, not the last update
    return output(date=find_date(data, url=url, original_date=True))


# --- registry -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Peer:
    name: str
    fn: Extractor
    lib: str  # distribution whose version keys the cache, with rev
    rev: int = 1

    @property
    def version(self) -> str:
        try:
            return f"{self.lib}=={version(self.lib)}/r{self.rev}"
        except PackageNotFoundError:
            return f"{self.lib}==?/r{self.rev}"


# "-en": jusText with the English stoplist, as in the README's peer table; without: the stoplist that
# covers most of the page's words. "-article": the lines wrapped in <article> too (trafilatura then
# keeps nearly everything); the README's "trafilatura on lines" is html/body only.
def _by_name(*peers: Peer) -> dict[str, Peer]:
    return {p.name: p for p in peers}


TEXT_PEERS = _by_name(
    Peer("keep-all", keep_all, "trafilatura"),
    Peer("justext-lines", justext_lines, "jusText"),
    Peer("justext-lines-en", justext_lines_en, "jusText"),
    Peer("trafilatura-lines", trafilatura_lines, "trafilatura"),
    Peer("trafilatura-lines-article", trafilatura_lines_article, "trafilatura"),
)
HTML_PEERS = _by_name(
    Peer("trafilatura", trafilatura_default, "trafilatura"),
    Peer("trafilatura-precision", trafilatura_precision, "trafilatura"),
    Peer("readability", readability_lxml, "readability-lxml", rev=2),
    Peer("justext", justext_html, "jusText"),
    Peer("justext-en", justext_html_en, "jusText"),
)
META_PEERS = _by_name(
    Peer("trafilatura-meta", trafilatura_meta, "trafilatura"),
    Peer("htmldate", htmldate_date, "htmldate"),
)
ALL_PEERS = {**TEXT_PEERS, **HTML_PEERS, **META_PEERS}
