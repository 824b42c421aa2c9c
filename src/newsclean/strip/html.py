"""The HTML stripper: trafilatura finds the main content, then our line rules remove the chrome it
keeps ("Read also" lines, newsletter and donation prompts, share widgets, trailing related lists).

The page's rendered text (``render.render_lines``) is aligned with what was kept, so every visible
line of the page gets a role and a reason, as for text dumps.
"""

from __future__ import annotations

import difflib
from typing import Any

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from ..errors import NoArticleError
from ..models import Line, Role
from . import Stripped
from .features import compute_features
from .render import render_lines
from .text import CROSS_BARRIER_SHARE, score_line

# Lexicon categories whose short lines are removed from trafilatura's output. Navigation words
# ("Search", "Menu") and comment headings can be legitimate subheadings in an article; the rest
# (newsletter, donation, share, advertisement, cookie, legal, audio, related) never are.
REMOVED_CATEGORIES = frozenset({"newsletter", "donation", "share", "advertisement", "cookie", "legal", "audio",
                                "related"})
TRAFILATURA_REASON = "trafilatura:not-main-content"


def parse_html(text: str, source: str = "-") -> etree._Element:
    tree = load_html(text)
    if tree is None:
        raise NoArticleError("not parseable as HTML", source)
    return tree


def strip_html(text: str, url: str | None = None, source: str = "-") -> Stripped:
    """Find the article in an HTML page; every rendered line of the page gets a role and a reason."""
    tree = parse_html(text, source)
    rendered = render_lines(tree)
    captions = _captions(tree)
    result = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        deduplicate=False,
    )
    kept = (getattr(result, "text", None) or "").split("\n") if result is not None else []
    kept = [" ".join(p.split()) for p in kept if p.strip()]
    verdicts = _judge(kept)
    title = " ".join((getattr(result, "title", None) or "").split()).casefold()
    lines = _mark_title(_align(rendered, kept, verdicts, set(captions)), title)
    hints: dict[str, Any] = {"html_metadata": result, "captions": captions, "html_tree": tree, "html_lines": rendered}
    return Stripped(tuple(lines), hints)


def _judge(paragraphs: list[str]) -> list[str]:
    """A removal reason for each of trafilatura's paragraphs ("" = keep)."""
    if not paragraphs:
        return []
    feats, _ = compute_features(paragraphs, [True] * len(paragraphs))
    verdicts = [score_line(f) for f in feats]
    reasons = []
    for f, v in zip(feats, verdicts, strict=True):
        category = v.reason.split(":", 1)[1] if v.reason.startswith("lexicon:") else ""
        short_date = v.reason == "date-or-time" and f.words <= 6
        if v.reason.startswith(("pointer:", "counter", "url")) or category in REMOVED_CATEGORIES or short_date:
            reasons.append(v.reason)
        else:
            reasons.append("")
    # a trailing section ("Related", "More news") whose lines are worth little: cut it off
    total = sum(max(v.score, 0) for v in verdicts)
    for i, v in enumerate(verdicts):
        if v.barrier and i > 0:
            tail = sum(max(w.score, 0) for w in verdicts[i + 1 :])
            if tail < CROSS_BARRIER_SHARE * (total - tail):
                for j in range(i, len(reasons)):
                    reasons[j] = reasons[j] or "after-article:section"
                break
    return reasons


def _align(rendered: list[str], kept: list[str], reasons: list[str], captions: set[str]) -> list[Line]:
    """Merge the page's rendered lines and trafilatura's paragraphs into one annotated sequence."""
    a = [s.casefold() for s in rendered]
    b = [s.casefold() for s in kept]
    out: list[Line] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(_kept_line(kept[j], reasons[j]) for j in range(j1, j2))
            continue
        for i in range(i1, i2):
            role = Role.CAPTION if rendered[i] in captions else Role.REMOVED
            out.append(Line(rendered[i], role, "caption:figcaption" if role is Role.CAPTION else TRAFILATURA_REASON))
        # trafilatura text that is not one rendered line (split or joined differently): keep as is
        out.extend(_kept_line(kept[j], reasons[j]) for j in range(j1, j2))
    return out


def _mark_title(lines: list[Line], title: str) -> list[Line]:
    """The headline repeated as the first kept paragraph is metadata, not body."""
    for i, line in enumerate(lines):
        if line.role.kept:
            if title and line.text.casefold() == title:
                lines[i] = Line(line.text, Role.TITLE, "title")
            break
    return lines


def _kept_line(text: str, reason: str) -> Line:
    return Line(text, Role.REMOVED, reason) if reason else Line(text, Role.BODY, "")


def _captions(tree: etree._Element) -> list[str]:
    out = []
    for element in tree.iter("figcaption"):
        text = " ".join(" ".join(element.itertext()).split())
        if text and text not in out:
            out.append(text)
    return out
