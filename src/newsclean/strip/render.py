"""Render an HTML tree to the lines a reader sees: block elements break lines, inline text joins.

This is the "rendered text" that ``diff`` shows for HTML input, so that raw and cleaned text can be
compared line by line. It only reads the tree.
"""

from __future__ import annotations

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


def render_lines(tree: etree._Element) -> list[str]:
    """The visible text of ``tree`` as non-empty lines (whitespace collapsed)."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    # iterwalk, not recursion: pages nested 100,000 levels deep must not overflow the stack
    walker = etree.iterwalk(tree, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event == "start":
            kind = _kind(element.tag)
            if kind == HIDDEN_KIND:
                walker.skip_subtree()  # its "end" event still comes, and carries the tail
                continue
            if kind == BLOCK and current:
                flush()
            if text := element.text:
                current.append(text)
        elif event == "end":
            if current and _kind(element.tag) == BLOCK:
                flush()
            if tail := element.tail:
                current.append(tail)
        elif tail := element.tail:  # a comment or processing instruction: only its tail shows
            current.append(tail)
    flush()
    return lines
