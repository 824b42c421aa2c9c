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

from ..errors import NoArticleError, TooLargeError
from ..models import Line, Role
from . import Stripped
from .features import compute_features
from .render import render_lines
from .text import CROSS_BARRIER_SHARE, PROSE_SCORE, gather_evidence, predict_lines, score_line

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


def strip_html(text: str, url: str | None = None, source: str = "-", max_lines: int = 0) -> Stripped:
    """Find the article in an HTML page; every rendered line of the page gets a role and a reason.

    A page of more than ``max_lines`` rendered lines (0: no cap) is refused with TooLargeError.
    """
    tree = parse_html(text, source)
    rendered = render_lines(tree)
    if max_lines and len(rendered) > max_lines:
        raise TooLargeError(f"{len(rendered)} rendered lines, more than the cap of {max_lines} (max_lines)", source)
    captions = _captions(tree)
    result = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        deduplicate=False,
    )
    kept = (getattr(result, "text", None) or "").split("\n") if result is not None else []
    kept = [" ".join(p.split()) for p in kept if p.strip()]
    verdicts = _judge(kept)
    title = " ".join((getattr(result, "title", None) or "").split()).casefold()
    pairs = _align(rendered, kept, verdicts, set(captions))
    pairs = _second_opinion(rendered, pairs)
    lines = _mark_title([line for line, _ in pairs], title)
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


def _align(rendered: list[str], kept: list[str], reasons: list[str], captions: set[str]
           ) -> list[tuple[Line, int | None]]:
    """Merge the page's rendered lines and trafilatura's paragraphs into one annotated sequence;
    each line comes with its index among the rendered lines (None for text trafilatura joined or
    split differently)."""
    a = [s.casefold() for s in rendered]
    b = [s.casefold() for s in kept]
    out: list[tuple[Line, int | None]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend((_kept_line(kept[j], reasons[j]), i1 + j - j1) for j in range(j1, j2))
            continue
        for i in range(i1, i2):
            caption = rendered[i] in captions
            out.append((Line(rendered[i], Role.CAPTION, "caption:figcaption") if caption
                        else Line(rendered[i], Role.REMOVED, TRAFILATURA_REASON), i))
        # trafilatura text that is not one rendered line (split or joined differently): keep as is
        out.extend((_kept_line(kept[j], reasons[j]), None) for j in range(j1, j2))
    return out


# The text model's second opinion on trafilatura's choice: a kept line the model is this sure is
# chrome is removed. Chosen on the held-out fifth of the benchmark pages (the model never saw them),
# with the guard below: aeb 0.968 / wcxb-dev 0.933 / traf 0.939 against 0.970 / 0.933 / 0.935
# without a second opinion. Adding back lines the model was sure of (p > 0.95) cost wcxb-dev 0.03.
DROP_BELOW = 0.15
# Without a rule's reason (lexicon, pointer, ...) a line goes only when the model is surer still,
# and never when the rules call it prose: a paragraph after an insert looks like the insert.
DROP_ALWAYS_BELOW = 0.03
# The model reads this many rendered lines above and below the kept ones: enough context for its
# features (its widest window is 25 lines), far less than a whole page of menus and footers.
SECOND_OPINION_MARGIN = 40


def _second_opinion(rendered: list[str], pairs: list[tuple[Line, int | None]]) -> list[tuple[Line, int | None]]:
    """Ask the text model about the lines trafilatura kept, reading the rendered page around them
    (from SECOND_OPINION_MARGIN lines above the first kept line to as far below the last)."""
    kept_at = [i for line, i in pairs if i is not None and line.role is Role.BODY]
    if not kept_at:
        return pairs
    lo = max(0, min(kept_at) - SECOND_OPINION_MARGIN)
    hi = min(len(rendered), max(kept_at) + SECOND_OPINION_MARGIN + 1)
    ev = gather_evidence(rendered[lo:hi], [True] * (hi - lo))
    predicted = predict_lines(ev)
    if predicted is None:
        return pairs
    probs = predicted[0]
    out = []
    for line, i in pairs:
        if i is not None and line.role is Role.BODY and probs[i - lo] < DROP_BELOW:
            verdict = ev.verdicts[i - lo]
            if verdict.reason or (probs[i - lo] < DROP_ALWAYS_BELOW and verdict.score < PROSE_SCORE):
                line = Line(line.text, Role.REMOVED, verdict.reason or "model:boilerplate")
        out.append((line, i))
    return out


def _mark_title(lines: list[Line], title: str) -> list[Line]:
    """The headline is metadata, not body: the first kept paragraph when it repeats the title, else
    the first line of the page that does (shown as ``~ [title]`` in diffs)."""
    if not title:
        return lines
    first_kept = next((i for i, line in enumerate(lines) if line.role.kept), None)
    if first_kept is not None and lines[first_kept].text.casefold() == title:
        lines[first_kept] = Line(lines[first_kept].text, Role.TITLE, "title")
        return lines
    for i, line in enumerate(lines):
        if line.role is Role.REMOVED and line.text.casefold() == title:
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
