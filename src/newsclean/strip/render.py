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
        tag = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
        hidden = not tag or tag in HIDDEN  # comments and processing instructions have no tag name
        if event in ("comment", "pi"):
            if element.tail:
                current.append(element.tail)
            continue
        if event == "start":
            if hidden:
                walker.skip_subtree()  # its "end" event still comes, and carries the tail
                continue
            if tag in BLOCKS:
                flush()
            if element.text:
                current.append(element.text)
        else:
            if tag in BLOCKS:
                flush()
            if element.tail:
                current.append(element.tail)
    flush()
    return lines
