"""Render an HTML tree to the lines a reader sees: block elements break lines, inline text joins.

This is the "rendered text" that ``diff`` shows for HTML input, so that raw and cleaned text can be
compared line by line. It only reads the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

# Elements whose content is never shown.
HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select",
                    "button", "input", "textarea"})
# Elements that start and end a line.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "center", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "caption", "option",
})


INLINE, BLOCK, HIDDEN_KIND = 0, 1, 2
# What each tag does (inline, block or hidden), by the tag as lxml gives it: a page uses a few dozen.
_KIND_OF: dict[str, int] = {}


def _kind(tag: object) -> int:
    if not isinstance(tag, str):  # comments and processing instructions have no tag name
        return HIDDEN_KIND
    kind = _KIND_OF.get(tag)
    if kind is None:
        name = tag.rsplit("}", 1)[-1].lower()
        kind = HIDDEN_KIND if not name or name in HIDDEN else BLOCK if name in BLOCKS else INLINE
        if len(_KIND_OF) < MAX_KNOWN_TAGS:
            _KIND_OF[tag] = kind
    return kind


# Bound of the tag table: made-up tag names are unbounded on hostile pages.
MAX_KNOWN_TAGS = 4096


# What the elements around a line say of it, from their tag and their class and id names: a bit each
# in RenderedPage.context. The HTML merge model (strip/merge.py) reads them as line features. The
# name patterns are the usual words of page templates (WordPress, Drupal, news CMSs), not of any site.
# (regular expressions, matched against lower-cased names)
CONTEXT_CUES: dict[str, str] = {
    "nav": r"nav|menu|breadcrumb|footer|header|sidebar|masthead|topbar|toolbar|skip",
    "related": r"related|recommend|popular|trending|more-|read-?more|also|teaser|promo|widget|rail|outbrain|taboola",
    "promo": r"share|social|follow|newsletter|subscri|signup|sign-up|donat|paywall|cookie|consent|advert|"
             r"\bads?\b|sponsor",
    "comment": r"comment|disqus|respond|reply",
    "article": r"article|post|entry|content|story|body|text",
    "meta": r"author|byline|date|time|caption|credit|tags?\b|categor",
}
CONTEXT_BIT = {name: 1 << k for k, name in enumerate(CONTEXT_CUES)}
# Tags that say the same as a class name would.
_TAG_CONTEXT = {"nav": "nav", "header": "nav", "footer": "nav", "aside": "related", "form": "promo",
                "article": "article", "main": "article"}
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass
class RenderedPage:
    """The visible lines of a page and, for each, what the HTML around it says."""

    lines: list[str]
    tags: list[str]  # the block element that starts the line ("p", "li", "h2", ...)
    link_chars: list[int]  # characters of the line inside <a> elements
    context: list[int]  # CONTEXT_BIT flags of the line's enclosing elements (and HEADING_BIT, LIST_BIT)


HEADING_BIT = 1 << len(CONTEXT_CUES)
LIST_BIT = HEADING_BIT << 1
_LINK_BIT = LIST_BIT << 1  # not a context: marks <a> elements while walking
# All cues in one pattern, one named group each: one scan of an element's names finds them all. It
# scans lower-cased names: re.IGNORECASE made the scan 3.4 times slower (12,117 names of aeb pages).
_ANY_CUE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in CONTEXT_CUES.items()))
_NAMED = etree.XPath("//*[@class or @id]")  # found by libxml2: only these need their names read


def render_lines(tree: etree._Element) -> list[str]:
    """The visible text of ``tree`` as non-empty lines (whitespace collapsed)."""
    return render_page(tree, context=False).lines


def render_page(tree: etree._Element, context: bool = True) -> RenderedPage:
    """The visible text of ``tree`` as non-empty lines (whitespace collapsed), with each line's block
    tag, link characters and context (without ``context``: the lines alone, the rest left empty)."""
    page = RenderedPage([], [], [], [])
    current: list[str] = []
    flagged = _flag_elements(tree) if context else {}
    counts = [0] * (len(CONTEXT_CUES) + 2)  # open elements per context bit
    opened: list[int] = []  # the bits of each open element
    state = {"links": 0, "link_chars": 0}
    block = [""]  # the tag of the block element that started the current line

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            page.lines.append(text)
            if context:
                page.tags.append(block[0])
                page.link_chars.append(state["link_chars"])
                page.context.append(sum(1 << k for k, n in enumerate(counts) if n))
        current.clear()
        state["link_chars"], block[0] = 0, ""

    def add(text: str) -> None:
        current.append(text)
        if state["links"]:
            state["link_chars"] += len(text.strip())

    def enter(bits: int, sign: int) -> None:
        if bits & _LINK_BIT:
            state["links"] += sign
        for k in range(len(counts)):
            if bits >> k & 1:
                counts[k] += sign

    # iterwalk, not recursion: pages nested 100,000 levels deep must not overflow the stack
    walker = etree.iterwalk(tree, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event == "start":
            kind = _kind(element.tag)
            if kind == HIDDEN_KIND:
                walker.skip_subtree()  # its "end" event still comes, and carries the tail
                if context:
                    opened.append(0)
                continue
            if kind == BLOCK and current:
                flush()
            if context:
                bits = flagged.get(element, 0)
                opened.append(bits)
                if bits:
                    enter(bits, 1)
                if kind == BLOCK:
                    block[0] = element.tag.rsplit("}", 1)[-1].lower()
            if text := element.text:
                add(text)
        elif event == "end":
            if current and _kind(element.tag) == BLOCK:
                flush()
            if context and (bits := opened.pop()):
                enter(bits, -1)
            if tail := element.tail:
                add(tail)
        elif tail := element.tail:  # a comment or processing instruction: only its tail shows
            add(tail)
    flush()
    return page


def _flag_elements(tree: etree._Element) -> dict[etree._Element, int]:
    """The context bits of each element that has some (the rest have none)."""
    flagged: dict[etree._Element, int] = {}
    for element in _NAMED(tree):
        if bits := _name_bits(f"{element.get('class') or ''} {element.get('id') or ''}"):
            flagged[element] = bits
    for tag, bit in _TAG_BITS.items():
        for element in tree.iter(tag):
            flagged[element] = flagged.get(element, 0) | bit
    return flagged


# Pages of one site, and sites of one CMS, repeat their class names: "entry-content", "site-header".
NAME_CACHE_SIZE = 8192


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _name_bits(names: str) -> int:
    """The context bits that an element's class and id names give."""
    bits = 0
    for match in _ANY_CUE.finditer(names.lower()):
        bits |= CONTEXT_BIT[match.lastgroup or ""]
    return bits


_TAG_BITS = {**{tag: CONTEXT_BIT[cue] for tag, cue in _TAG_CONTEXT.items()}, **dict.fromkeys(_HEADINGS, HEADING_BIT),
             "li": LIST_BIT, "a": _LINK_BIT}
