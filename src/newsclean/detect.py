"""Stage 2, detect: is a decoded document an HTML page or a plain-text dump?

A page is HTML when its start looks like markup (a doctype, ``<html``, ``<head``, ``<body``) or
when tags make up a real share of it. A text dump that quotes a tag or two stays text.
"""

from __future__ import annotations

import re

from .models import Kind

# An XML declaration, comments, and a doctype of any name (an internal subset "[...]" included: XML-ish
# pages declare entities there), before the first element.
_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                    r"(?:<!doctype\s+html\b|(?:<!doctype\b[^\[>]*(?:\[.*?\])?\s*>\s*(?:<!--.*?-->\s*)*)?"
                    r"<(?:html|head|body|meta|title)\b)", re.I | re.S)
_TAG = re.compile(r"</?(?:p|div|span|a|br|li|ul|table|tr|td|h[1-6]|img|script|style|article|section|meta|link)\b[^>]*>",
                  re.I)
# How much of the text (in characters) tags must cover for a document without an HTML start to be
# HTML. Text dumps score ~0 here; fragments of markup score 0.2+; 0.1 separates them with margin.
MIN_TAG_SHARE = 0.1
SNIFF_CHARS = 20000


def detect_kind(text: str) -> Kind:
    """Guess whether ``text`` is HTML or a plain-text dump.

    >>> detect_kind("<!DOCTYPE html><html><body><p>Hi</p></body></html>").value
    'html'
    >>> detect_kind("Title\\n\\nA paragraph mentioning <b> tags.").value
    'text'
    >>> detect_kind('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><html><p>&a;</p></html>').value
    'html'
    """
    head = text[:SNIFF_CHARS]
    if _START.match(head):
        return Kind.HTML
    tags = _TAG.findall(head)
    if len(tags) >= 3 and sum(map(len, tags)) >= MIN_TAG_SHARE * len(head.strip() or "x"):
        return Kind.HTML
    return Kind.TEXT
