"""The HTML stripper: trafilatura finds the main content, our line rules remove the chrome it keeps
("Read also" lines, newsletter and donation prompts, share widgets, trailing related lists), and the
merge network (``merge.py``) weighs that choice against the text model's reading of the rendered page.

The page's rendered text (``render.render_page``) is aligned with what was kept, so every visible
line of the page gets a role and a reason, as for text dumps.
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from html import unescape
from typing import Any

import numpy as np
import trafilatura
from htmldate import find_date as htmldate_find_date
from lxml import etree
from trafilatura import metadata as traf_meta
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import line_processing

from ..errors import NoArticleError, TooLargeError
from ..models import Line, Role
from . import Stripped
from .features import compute_features
from .merge import MERGE_REASON, Votes, decide, merge_probabilities
from .parse import load_html
from .render import CONTEXT_BIT, RenderedPage, render_page
from .sanitize import flatten_deep, nesting_limit
from .text import (
    CROSS_BARRIER_SHARE,
    PROSE_SCORE,
    Evidence,
    Verdict,
    decode,
    gather_evidence,
    keep_weak_chrome,
    predict_lines,
    score_line,
)

# Lexicon categories whose short lines are removed from trafilatura's output. Navigation words
# ("Search", "Menu") and comment headings can be legitimate subheadings in an article; the rest
# (newsletter, donation, share, advertisement, cookie, legal, audio, related) never are.
REMOVED_CATEGORIES = frozenset({"newsletter", "donation", "share", "advertisement", "cookie", "legal", "audio",
                                "related"})
TRAFILATURA_REASON = "trafilatura:not-main-content"
# trafilatura's kept text is cut at a section heading ("Related", "More posts") only when fewer than
# TAIL_MAX_PROSE of the lines below it are prose (PROSE_SCORE): a related-posts box in the middle of a
# long guide has the rest of the guide below it (girleatworld.net, 87 lines, 40 of them paragraphs), a
# trailing list of teasers has link titles. On wcxb-dev's tuning pages: 3 better, none worse; traf's
# and aeb's unchanged (python -m training.evaluate --html).
TAIL_MAX_PROSE = 5


def parse_html(text: str, source: str = "-") -> etree._Element:
    tree = load_html(text)
    if tree is None:
        raise NoArticleError("not parseable as HTML", source)
    return tree


def strip_html(text: str, url: str | None = None, source: str = "-", max_lines: int = 0,
               max_depth: int = 0) -> Stripped:
    """Find the article in an HTML page; every rendered line of the page gets a role and a reason.

    A page of more than ``max_lines`` rendered lines (0: no cap) is refused with TooLargeError.
    Tags nested deeper than ``max_depth`` (0: the parser's limit) are dropped, their text kept.
    """
    found = find_candidates(text, url, source, max_lines, max_depth)
    pairs = found.pairs
    if found.text_model is not None:
        second = _second_opinion(pairs, *found.text_model)
        pairs = _merge(found.page, pairs, second, *found.text_model)
    title = " ".join((found.metadata.title or "").split()).casefold()
    lines = _mark_title([line for line, _ in pairs], title)
    hints: dict[str, Any] = {"html_metadata": found.metadata, "captions": found.captions, "html_tree": found.tree,
                             "html_lines": found.page.lines}
    return Stripped(tuple(lines), hints)


@dataclass
class Candidates:
    """A page's rendered lines with what trafilatura (and our rules on its output) and the text model
    said of them, before the two are merged."""

    tree: etree._Element
    page: RenderedPage
    captions: list[str]
    metadata: TrafilaturaMetadata
    pairs: list[tuple[Line, int | None]]  # trafilatura's choice, aligned with the rendered lines
    text_model: tuple[Evidence, np.ndarray] | None  # the text model's evidence and P(body) per line


def find_candidates(text: str, url: str | None = None, source: str = "-", max_lines: int = 0,
                    max_depth: int = 0) -> Candidates:
    tree = parse_html(text, source)
    # Scanning every page's tags for its depth costs ~2.5 ms; asking the parsed tree whether it has
    # an element below the limit costs microseconds. libxml2 itself stops at 256 levels, deeper
    # than any limit, so a page it cut short is caught too. Only then is the page flattened.
    limit = nesting_limit(max_depth)
    if tree.getroottree().xpath("boolean(" + "/*" * (limit + 1) + ")"):
        tree = parse_html(flatten_deep(text, limit), source)
    page = render_page(tree)
    rendered = page.lines
    if max_lines and len(rendered) > max_lines:
        raise TooLargeError(f"{len(rendered)} rendered lines, more than the cap of {max_lines} (max_lines)", source)
    captions = _captions(tree)
    kept = _main_content(tree, url, rendered)
    pairs = _align(rendered, kept, _judge(kept), set(captions))
    return Candidates(tree, page, captions, TrafilaturaMetadata(tree, url), pairs,
                      _text_model(rendered) if rendered else None)


# trafilatura's own options for the article body (its evaluation settings, comments left out).
_EXTRACT_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": True, "deduplicate": False}
# trafilatura's full extraction compares its result with readability's and jusText's (about a third of
# its time). That comparison only changes the result when its own candidate looks poor, as trafilatura
# itself judges it (external.compare_extraction): shorter than MIN_EXTRACTED_SIZE characters, without
# paragraph text, more tables than paragraphs. Beyond that the candidate is judged against the page's
# prose (the rendered lines of PROSE_LINE_WORDS words or more): much shorter (under 1/FAST_PROSE_SHARE
# of it: the alternatives may find more) or much longer (over PROSE_EXCESS times it: it took the page's
# chrome, which jusText drops). On the 1,882 benchmark pages the comparison changed 118 results; this
# gate runs it on 413 pages (22%) and lets 25 of those changes go, 4 of them a cut of more than 30%.
# When even the full extraction gives under MIN_EXTRACTED_SIZE characters, trafilatura's recall mode is
# asked too, and kept if it finds more: its precision settings drop every <aside> and <header>, and a
# popup or header left unclosed holds the whole page as the parser reads it (an ecocult.com guide of
# 1,900 words came out empty; on the 1,882 benchmark pages this changes 2 results, both from nothing
# to the article, python -m training.evaluate --html).
MIN_EXTRACTED_SIZE = 250  # trafilatura's settings.cfg MIN_EXTRACTED_SIZE
PROSE_LINE_WORDS = 15
FAST_PROSE_SHARE = 1.5
PROSE_EXCESS = 2.0


def _main_content(tree: etree._Element, url: str | None, rendered: list[str]) -> list[str]:
    """trafilatura's article paragraphs (whitespace collapsed): its fast extraction, or its full one
    (with the readability and jusText comparison) when the fast candidate looks poor."""
    result = trafilatura.bare_extraction(tree, url=url, fast=True, **_EXTRACT_OPTIONS)
    if _looks_poor(result, rendered):
        result = trafilatura.bare_extraction(tree, url=url, **_EXTRACT_OPTIONS)
        if len(_text_of(result)) < MIN_EXTRACTED_SIZE:
            recall = trafilatura.bare_extraction(tree, url=url, favor_recall=True, **_EXTRACT_OPTIONS)
            if len(_text_of(recall)) > len(_text_of(result)):
                result = recall
    return [" ".join(p.split()) for p in _text_of(result).split("\n") if p.strip()]


def _text_of(result: Any) -> str:
    """The text of a trafilatura extraction ("" for none)."""
    return getattr(result, "text", None) or ""


def _looks_poor(result: Any, rendered: list[str]) -> bool:
    body = getattr(result, "body", None)
    text = _text_of(result)
    if body is None or len(text) < MIN_EXTRACTED_SIZE or not body.xpath(".//p//text()"):
        return True
    if len(body.findall(".//table")) > len(body.findall(".//p")):
        return True
    prose = sum(len(line) for line in rendered if line.count(" ") + 1 >= PROSE_LINE_WORDS)
    return len(text) * FAST_PROSE_SHARE < prose or len(text) > PROSE_EXCESS * prose


class TrafilaturaMetadata:
    """trafilatura's metadata of a page (``trafilatura.metadata.extract_metadata``, the same steps in the
    same order), each field computed when first read: the costly ones (author search, htmldate's date,
    categories and tags) are only a fallback for what the page declares, so most pages never need them.

    Reads the tree without changing it.
    """

    # Document.clean_and_trim: what extract_metadata does to every text field last
    @staticmethod
    def _trim(value: str | None) -> str | None:
        if not isinstance(value, str):
            return value
        value = value[:9999] + "…" if len(value) > 10000 else value
        return line_processing(unescape(value))

    def __init__(self, tree: etree._Element, url: str | None):
        self._tree, self._default_url = tree, url

    @cached_property
    def _declared(self) -> Document:
        """What meta tags and JSON-LD say."""
        found = traf_meta.examine_meta(self._tree)
        if found.author and " " not in found.author:
            found.author = None
        # trafilatura's JSON-LD reader has its bugs; extract_metadata ignores them too
        with contextlib.suppress(Exception):
            found = traf_meta.extract_meta_json(self._tree, found)
        return found

    @cached_property
    def title(self) -> str | None:
        return self._trim(self._declared.title or traf_meta.extract_title(self._tree))

    @cached_property
    def author(self) -> str | None:
        return self._trim(self._declared.author or traf_meta.extract_author(self._tree))

    @cached_property
    def url(self) -> str | None:
        return self._trim(self._declared.url or traf_meta.extract_url(self._tree, self._default_url))

    @cached_property
    def date(self) -> str | None:
        params = set_date_params(True)  # EXTENSIVE_DATE_SEARCH = on in trafilatura's settings.cfg
        params["url"] = self.url
        return self._trim(htmldate_find_date(self._tree, **params))

    @cached_property
    def markup_date(self) -> str | None:
        """htmldate's date from what the page's markup declares (meta tags, JSON-LD, <time>, <abbr>, the
        URL) without its extensive search of the page's text and scripts; not a trafilatura field."""
        params = set_date_params(False)
        params["url"] = self.url
        return self._trim(htmldate_find_date(self._tree, **params))

    @cached_property
    def sitename(self) -> str | None:
        name = self._declared.sitename or traf_meta.extract_sitename(self._tree)
        if name:
            name = name.lstrip("@")
            if name and "." not in name and not name[0].isupper():
                name = name.title()
            return self._trim(name)
        match = traf_meta.META_URL.match(self.url) if self.url else None
        return self._trim(match[1]) if match else None

    @cached_property
    def categories(self) -> list[str]:
        if self._declared.categories:
            return self._declared.categories
        if self._links_to("/categor"):
            return traf_meta.extract_catstags("category", self._tree)
        # extract_catstags keeps only links to "/category/" (or "/categories/", "/categorys/") pages;
        # without any, what it finds is its fallback: the section meta tags
        return [r for r in dict.fromkeys(line_processing(e.attrib["content"]) for e in self._tree.xpath(
            './/head//meta[@property="article:section" or contains(@name, "subject")][@content]')
            if e.attrib["content"]) if r]

    @cached_property
    def tags(self) -> list[str]:
        if self._declared.tags:
            return self._declared.tags
        # only links to "/tag/" (or "/tags/", ...) pages count: without any there is nothing to search
        return traf_meta.extract_catstags("tag", self._tree) if self._links_to("/tag") else []

    def _links_to(self, path: str) -> bool:
        """Does a link's address hold ``path``? (one search in C, against extract_catstags' Python
        regular-expression tests on every <div>)"""
        return bool(self._tree.xpath("boolean(//a[contains(@href, $path)])", path=path))

    @property
    def description(self) -> str | None:
        return self._trim(self._declared.description)

    @property
    def image(self) -> str | None:
        return self._trim(self._declared.image)


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
            if tail < CROSS_BARRIER_SHARE * (total - tail) and \
                    sum(w.score >= PROSE_SCORE for w in verdicts[i + 1 :]) < TAIL_MAX_PROSE:
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
        holder = _covering(a[i1:i2], b[j1:j2])
        for i in range(i1, i2):
            held_by = holder[i - i1] if holder else None
            if held_by is not None:
                out.append((_kept_line(rendered[i], reasons[j1 + held_by]), i))
            elif rendered[i] in captions:
                out.append((Line(rendered[i], Role.CAPTION, "caption:figcaption"), i))
            else:
                out.append((Line(rendered[i], Role.REMOVED, TRAFILATURA_REASON), i))
        if not holder:
            # trafilatura text that is not one rendered line (split or joined differently): keep as is
            out.extend((_kept_line(kept[j], reasons[j]), None) for j in range(j1, j2))
    return _moved_back(out)


def _moved_back(out: list[tuple[Line, int | None]]) -> list[tuple[Line, int | None]]:
    """trafilatura sometimes gives a paragraph out of the page's order (a reader's comment first, above
    the headline): the alignment then sees it as text of its own and the rendered line as left out.
    Such a paragraph, given above everything it kept in order and the same text as the one rendered
    line it did not keep (a text found once on the page), is that line, kept in its place."""
    first = next((k for k, (line, i) in enumerate(out) if i is not None and line.role.kept), len(out))
    loose = {line.text.casefold(): k for k, (line, i) in enumerate(out[:first]) if i is None and line.role.kept}
    if not loose:
        return out
    seen = Counter(line.text.casefold() for line, i in out if i is not None)
    moved = {}
    for line, i in out:
        key = line.text.casefold()
        k = loose.get(key)
        if i is not None and k is not None and line.reason == TRAFILATURA_REASON and seen[key] == 1:
            moved[k] = i
    if not moved:
        return out
    placed = {i: out[k][0] for k, i in moved.items()}
    return [(placed.get(i, line) if i is not None else line, i) for k, (line, i) in enumerate(out) if k not in moved]


# trafilatura's paragraphs that are not rendered lines (it joined lines of a <p> split by <br>, split a
# line at its links, or dropped characters it does not show) are taken as the rendered lines they
# hold, word for word and in order, when those make up this share of their words: every line of the
# page then keeps its own record, and the merge network can weigh it (without this, a line it adds
# could repeat text that trafilatura gave in other pieces).
COVERED_SHARE = 0.8
# Shorter rendered lines only match a whole paragraph: "News" or "Share" is inside many sentences.
SHORT_LINE_WORDS = 4
_WORD = re.compile(r"\w+")


def _word_key(text: str) -> str:
    """The lower-cased words of ``text`` joined by single spaces: text compared word for word."""
    return " ".join(_WORD.findall(text.casefold()))


def _covering(rendered: list[str], kept: list[str]) -> list[int | None]:
    """For each rendered line, the index of the trafilatura paragraph where its words begin (they may
    run on into the next ones), when such lines make up COVERED_SHARE of the paragraphs' words; else []."""
    if not rendered or not kept:
        return []
    keys = [_word_key(k) for k in kept]
    where = [j for j, key in enumerate(keys) if key]
    starts, parts, at = [], [], 0
    for j in where:  # the paragraphs' words in a row: " w1 w2 w3 ", starts[n] at the space before where[n]
        starts.append(at)
        parts.append(f" {keys[j]}")
        at += len(keys[j]) + 1
    text = "".join(parts) + " "
    holder: list[int | None] = []
    cursor = covered = 0
    for line in rendered:
        key = _word_key(line)
        words = key.split()
        if len(words) >= SHORT_LINE_WORDS:
            found = text.find(f" {key} ", cursor)
            n = bisect.bisect_right(starts, found) - 1
        else:  # only when the next paragraph is just these words
            n = bisect.bisect_left(starts, cursor)
            found = starts[n] if words and n < len(where) and keys[where[n]] == key else -1
        if found < 0:
            holder.append(None)
            continue
        holder.append(where[n])
        cursor, covered = found + len(key) + 1, covered + len(words)
    return holder if covered >= COVERED_SHARE * sum(key.count(" ") + 1 for key in keys if key) else []


# The text model's second opinion on trafilatura's choice: a kept line the model is this sure is
# chrome is removed. Chosen on the held-out fifth of the benchmark pages (the model never saw them),
# with the guard below: aeb 0.968 / wcxb-dev 0.933 / traf 0.939 against 0.970 / 0.933 / 0.935
# without a second opinion. Adding back lines the model was sure of (p > 0.95) cost wcxb-dev 0.03:
# adding lines is left to the merge network (``merge.py``), which also reads what the HTML says.
DROP_BELOW = 0.15
# Without a rule's reason (lexicon, pointer, ...) a line goes only when the model is surer still,
# and never when the rules call it prose: a paragraph after an insert looks like the insert.
DROP_ALWAYS_BELOW = 0.03


def _text_model(rendered: list[str]) -> tuple[Evidence, np.ndarray] | None:
    """The text model's evidence and P(body) over the page's rendered lines (None without a model)."""
    ev = gather_evidence(rendered, [True] * len(rendered))
    predicted = predict_lines(ev, roles=False)  # only P(body) is asked for here
    return None if predicted is None else (ev, predicted[0])


def _second_opinion(pairs: list[tuple[Line, int | None]], ev: Evidence, probs: np.ndarray
                    ) -> list[tuple[Line, int | None]]:
    """Remove the lines trafilatura kept that the text model, reading the whole rendered page, is sure
    are chrome."""
    out = []
    for line, i in pairs:
        if i is not None and line.role is Role.BODY and probs[i] < DROP_BELOW:
            verdict = ev.verdicts[i]
            if verdict.reason or (probs[i] < DROP_ALWAYS_BELOW and verdict.score < PROSE_SCORE):
                line = Line(line.text, Role.REMOVED, verdict.reason or "model:boilerplate")
        out.append((line, i))
    return out


def _merge(page: RenderedPage, first: list[tuple[Line, int | None]], second: list[tuple[Line, int | None]],
           ev: Evidence, probs: np.ndarray) -> list[tuple[Line, int | None]]:
    """The merge network's verdict on every rendered line that is body or was removed (``merge.py``):
    lines trafilatura missed are added, chrome it kept is removed. Captions, and text trafilatura
    joined or split differently from the rendered lines, stay as they are."""
    votes = html_votes(page, first, second, ev, probs)
    merged = merge_probabilities(page, votes)
    if merged is None:
        return second
    keep = decide(votes.second_opinion, merged).tolist()  # read line by line below: Python bools
    keep_weak_chrome(ev.feats, ev.verdicts, keep)  # "... declined to comment." between kept lines
    comments = _in_comments(page, keep, ev.verdicts)
    # text trafilatura gave in pieces that are not rendered lines is kept as it gave it: a rendered
    # line holding the same words is not added a second time
    given = " " + " ".join(_word_key(line.text) for line, i in second if i is None and line.role.kept) + " "
    kept_runs: set[tuple[str, ...]] | None = None  # the kept lines' word runs, made when a line is to be added
    out = []
    for line, i in second:
        if i is not None and keep[i] and not line.role.kept:
            if kept_runs is None:
                kept_runs = {run for kept, _ in second if kept.role.kept for run in _runs(_word_key(kept.text).split())}
            if (len(given) > 2 and f" {_word_key(line.text)} " in given) or _repeats_kept(line.text, kept_runs):
                keep[i] = False
        if i is not None and line.role in (Role.BODY, Role.REMOVED) and keep[i] != line.role.kept:
            line = (Line(line.text, Role.BODY, "") if keep[i]
                    else Line(line.text, Role.REMOVED, COMMENTS_REASON if i in comments
                              else ev.verdicts[i].reason or MERGE_REASON))
        out.append((line, i))
    return out


# A rendered line that holds paragraphs of the article a second time (an element with the whole text
# again, hidden or folded) is not added: at least this share of its runs of SHINGLE_WORDS words are in
# the lines kept already. Only lines of REPEATED_MIN_WORDS words or more: a short line met twice is a
# list of contents and its subheadings, which the article has twice.
REPEATED_SHARE = 0.9
SHINGLE_WORDS = 5
REPEATED_MIN_WORDS = 25


def _runs(words: list[str]) -> list[tuple[str, ...]]:
    """The runs of SHINGLE_WORDS words, in order (fewer words: all of them, as one run)."""
    return [tuple(words[k:k + SHINGLE_WORDS]) for k in range(max(1, len(words) - SHINGLE_WORDS + 1))]


def _repeats_kept(text: str, kept: set[tuple[str, ...]]) -> bool:
    """Are most of ``text``'s word runs (``_runs``) among ``kept``, the kept lines' runs, its first
    and last among them? (A line that begins or ends with words kept nowhere is the whole of what
    trafilatura gave in pieces, cut mid-sentence at its links: "Mitte Januar 2022 hat" / "Strava" /
    "ein Update ...".)"""
    words = _word_key(text).split()
    runs = _runs(words)
    return len(words) >= REPEATED_MIN_WORDS and runs[0] in kept and runs[-1] in kept \
        and sum(run in kept for run in runs) >= REPEATED_SHARE * len(runs)


# Readers' comments that trafilatura took for the article (it is asked to leave comments out): the kept
# lines below the article inside an element named for comments ("comment", "disqus", "respond",
# "reply": render.CONTEXT_CUES) are not kept, whatever the merge network says of them. The network,
# trained on the benchmark's pages, trusts trafilatura's <p> there: on newspaper4k's test pages
# (bench/unseen.py) it kept a Spanish paper's twenty comments. On the 1,882 bench pages this changes
# two, one for the better and one level (python -m bench.identical --styles html).
COMMENTS_REASON = "comments:html"


def _in_comments(page: RenderedPage, keep: list[bool], verdicts: list[Verdict]) -> set[int]:
    """The kept lines of a comment section below the article; they are no longer kept. Only a section
    below the last kept line outside it, and holding fewer words than the kept lines outside it: on a
    forum's page, or one whose whole article sits in an element named "commentary", the posts are
    the content. The section's heading just above it goes with it."""
    bit = CONTEXT_BIT["comment"]
    outside = [i for i, (k, bits) in enumerate(zip(keep, page.context, strict=True)) if k and not bits & bit]
    if not outside:
        return set()
    found = {i for i in range(outside[-1] + 1, len(keep)) if keep[i] and page.context[i] & bit}
    if sum(len(page.lines[i].split()) for i in found) >= sum(len(page.lines[i].split()) for i in outside):
        return set()
    head = outside[-1]  # the section's heading above it ("Comments", "3 comments", "Comentar")
    if found and verdicts[head].reason.startswith(("lexicon:comments", "comments:")):
        found.add(head)
    for i in found:
        keep[i] = False
    return found


def html_votes(page: RenderedPage, first: list[tuple[Line, int | None]], second: list[tuple[Line, int | None]],
               ev: Evidence, probs: np.ndarray) -> Votes:
    """What trafilatura (``first``: with our rules; ``second``: after the second opinion) and the text
    model said of each rendered line: the merge network's input (also read by training/merge.py)."""
    n = len(page.lines)
    return Votes(_kept_at(first, n), _kept_at(second, n), probs, np.array(decode(probs, ev)[1], dtype=float),
                 np.array([f.words for f in ev.feats], dtype=float), np.array([v.score for v in ev.verdicts]),
                 [v.reason for v in ev.verdicts])


def _kept_at(pairs: list[tuple[Line, int | None]], n: int) -> np.ndarray:
    kept = np.zeros(n)
    for line, i in pairs:
        if i is not None and line.role.kept:
            kept[i] = 1.0
    return kept


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
