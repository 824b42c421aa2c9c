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
# What each tag does (inline, block or hidden) and its lower-cased local name, by the tag as lxml
# gives it: a page uses a few dozen.
_KIND_OF: dict[str, tuple[int, str]] = {}


def _tag_info(tag: object) -> tuple[int, str]:
    """(kind, lower-cased local name) of a tag."""
    if not isinstance(tag, str):  # comments and processing instructions have no tag name
        return HIDDEN_KIND, ""
    info = _KIND_OF.get(tag)
    if info is None:
        name = tag.rsplit("}", 1)[-1].lower()
        info = (HIDDEN_KIND if not name or name in HIDDEN else BLOCK if name in BLOCKS else INLINE), name
        if len(_KIND_OF) < MAX_KNOWN_TAGS:
            _KIND_OF[tag] = info
    return info


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


def render_lines(tree: etree._Element) -> list[str]:
    """The visible text of ``tree`` as non-empty lines (whitespace collapsed)."""
    return render_page(tree, context=False).lines


def render_page(tree: etree._Element, context: bool = True) -> RenderedPage:
    """The visible text of ``tree`` as non-empty lines (whitespace collapsed), with each line's block
    tag, link characters and context (without ``context``: the lines alone, the rest left empty)."""
    page = RenderedPage([], [], [], [])
    current: list[str] = []  # the text pieces of the line being built
    # One entry per open element: the context bits of it and its open ancestors together, shifted
    # past its kind (read back at its end). The top is the context of the text being added.
    stack = [0]
    block, link_chars = "", 0  # the tag of the block element that started the line; its link characters

    def flush() -> None:
        nonlocal block, link_chars
        text = " ".join("".join(current).split())
        if text:
            page.lines.append(text)
            if context:
                page.tags.append(block)
                page.link_chars.append(link_chars)
                page.context.append(stack[-1] >> _KIND_SHIFT & _CONTEXT_MASK)
        current.clear()
        block, link_chars = "", 0

    # iterwalk, not recursion: pages nested 100,000 levels deep must not overflow the stack
    walker = etree.iterwalk(tree, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event == "start":
            tag = element.tag
            kind, name = _tag_info(tag)
            if kind == HIDDEN_KIND:
                walker.skip_subtree()  # its "end" event still comes, and carries the tail
                stack.append(stack[-1] & ~_KIND_MASK | HIDDEN_KIND)
                continue
            if kind == BLOCK:
                if current:
                    flush()
                block = name
            bits = stack[-1] >> _KIND_SHIFT
            if context:
                names = element.get("class"), element.get("id")
                bits |= _TAG_BITS.get(tag, 0) | (_name_bits(f"{names[0] or ''} {names[1] or ''}") if any(names) else 0)
            stack.append(bits << _KIND_SHIFT | kind)
            text = element.text
        elif event == "end":
            if current and stack[-1] & _KIND_MASK == BLOCK:
                flush()
            stack.pop()
            text = element.tail
        else:  # a comment or processing instruction: only its tail shows
            text = element.tail
        if text:
            current.append(text)
            if stack[-1] & _IN_LINK:
                link_chars += len(text.strip())
    flush()
    return page


# How a render_page stack entry holds an element's kind below its context bits.
_KIND_SHIFT = 2
_KIND_MASK = (1 << _KIND_SHIFT) - 1
_IN_LINK = _LINK_BIT << _KIND_SHIFT
_CONTEXT_MASK = _LINK_BIT - 1  # the bits a line's context gives: the cues, HEADING_BIT and LIST_BIT


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
