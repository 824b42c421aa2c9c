"""Make hostile HTML safe to parse: flatten nesting deeper than a cap, drop a doctype's internal subset.

libxml2 (lxml's parser, without XML_PARSE_HUGE) stops building the tree at 256 levels of nesting
and silently drops the rest of the page, so a page of 100,000 nested ``<div>`` gives no text at
all. Tags that open deeper than the cap are dropped (their closing tags too); their text stays,
joined to the element at the cap. Only the markup structure changes, never the text.

An XML-ish page may declare entities in its doctype (``<!DOCTYPE x [<!ENTITY a "...">]>``, the
"billion laughs" attack). The HTML parser never expands them, but it ends the doctype at the first
``>`` and shows the rest of the declarations as text: the internal subset is removed first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# libxml2 gives up at 256 levels (html and body included); caps above this act as this.
PARSER_MAX_DEPTH = 250
# Elements that never hold content, so they do not nest (the HTML "void" elements).
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr", "keygen", "command", "basefont", "frame", "isindex"})
# Elements whose content is raw text: a "<" inside them is not a tag.
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "plaintext", "noscript"})
# Comments, doctype/CDATA/processing instructions, and tags (name, then attributes, quoted values
# included). A tag that fails to match never looks past the next "<", and a comment or declaration
# is consumed to its end: a scan stays linear on any input (no backtracking blow-up).
_TOKEN = re.compile(r"""<!--.*?(?:-->|\Z)|<[!?][^>]*>?"""
                    r"""|<(/?)([A-Za-z][^\s/<>]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>""", re.S)
# A closing tag is matched against this many open elements at most (HTML implies the others closed).
CLOSE_SEARCH = 64
# A doctype's internal subset: the declarations of an XML-ish page.
_INTERNAL_SUBSET = re.compile(r"(<!doctype\b[^\[>]*)\[.*?\]\s*>", re.I | re.S)
_DOCTYPE = re.compile(r"<!doctype\b", re.I)
# The doctype is looked for only at the start of the page.
DOCTYPE_WINDOW = 4096


def prepare_html(html: str, max_depth: int) -> str:
    """The page, ready for the parser: internal doctype subset dropped, nesting capped at ``max_depth``.

    >>> prepare_html('<!DOCTYPE x [<!ENTITY a "aaa">]><html><p>&a;</p></html>', 200)
    '<!DOCTYPE x><html><p>&a;</p></html>'
    """
    return flatten_deep(drop_internal_subset(html), max_depth)


def drop_internal_subset(html: str) -> str:
    """The page without its doctype's internal subset (entity declarations), if it has one."""
    doctype = _DOCTYPE.search(html, 0, DOCTYPE_WINDOW)
    match = _INTERNAL_SUBSET.match(html, doctype.start()) if doctype else None
    if match:
        html = html[: match.start()] + match.group(1).rstrip() + ">" + html[match.end() :]
    return html


def nesting_limit(max_depth: int) -> int:
    """The depth tags are flattened at for a ``max_depth`` setting (0 or less: the parser's own limit)."""
    return min(max_depth, PARSER_MAX_DEPTH) if max_depth > 0 else PARSER_MAX_DEPTH


def _tags(html: str) -> Iterator[tuple[int, int, bool, str]]:
    """(start, end, closing?, name) of each tag that opens or closes an element with content."""
    pos = 0
    while True:
        match = _TOKEN.search(html, pos)
        if match is None:
            return
        pos = match.end()
        slash, name = match.group(1), match.group(2)
        if name is None:
            continue  # comments, doctype: left as they are
        tag = name.lower()
        if tag in VOID or match.group(3).endswith("/"):
            continue
        yield match.start(), match.end(), bool(slash), tag
        if tag in RAW_TEXT and not slash:
            end = re.compile(rf"</{tag}\b", re.I).search(html, pos)
            pos = end.start() if end else len(html)


def max_nesting(html: str) -> int:
    """An upper bound of how deep ``html`` nests (counting every opened, not explicitly closed, element).

    >>> max_nesting("<html><body><div><p>a</p><p>b</div></body></html>")
    4
    """
    depth = deepest = 0
    for _, _, closing, _ in _tags(html):
        depth = depth - 1 if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def flatten_deep(html: str, max_depth: int) -> str:
    """Drop the tags of elements opened deeper than ``max_depth`` (capped at PARSER_MAX_DEPTH).

    The text is left untouched; pages that nest less deeply are returned as they are (the same object).

    >>> flatten_deep("<div><div><div><p>deep</p></div></div></div><p>after</p>", 2)
    '<div><div>deep</div></div><p>after</p>'
    """
    limit = nesting_limit(max_depth)
    if html.count("<") <= limit or max_nesting(html) <= limit:
        return html
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag name, kept) of each open element
    depth = 0  # kept elements open
    pos = 0
    for start, end, closing, tag in _tags(html):
        if not closing:
            keep = depth < limit
            stack.append((tag, keep))
            depth += keep
            if not keep:
                out.append(html[pos:start])
                pos = end
            continue
        for i in range(len(stack) - 1, max(-1, len(stack) - 1 - CLOSE_SEARCH), -1):
            if stack[i][0] == tag:
                depth -= sum(kept for _, kept in stack[i:])
                if not stack[i][1]:
                    out.append(html[pos:start])
                    pos = end
                del stack[i:]
                break
    out.append(html[pos:])
    return "".join(out)
