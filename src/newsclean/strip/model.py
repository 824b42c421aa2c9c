"""The learned line model: a small neural network over per-line evidence and its context.

Input: for each line, the features of ``features.py`` (its own evidence), the same evidence for its
neighbours, the density of prose around it, and where the rule-based span (``text.find_span``) put
it. Output: the probability that the line is article body. The weights were trained by
``training/train.py`` on line labels aligned with the human gold of public benchmarks (see the
README) and ship in ``data/line_model.npz``: nothing is downloaded.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, wraps
from importlib import resources
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

import numpy as np
from threadpoolctl import ThreadpoolController

from ..bylines import BYLINE_LEAD, GLUED_LEAD
from ..metadata import BY_INSIDE
from ..textutil import count_bytes, has_any
from .features import LINE_CACHE_SIZE, MENU_SEPARATORS, LineFeatures
from .lexicon import LEXICON

CATEGORIES = tuple(LEXICON)
_BULLET = re.compile(r"^\s*(?:[-•*·▪►–—]|\d{1,2}[.)]\s)")
_DIGIT = re.compile(r"\d")
_QUOTE = re.compile("[\"“”„«»‘’「」]")
_SEPARATORS = re.compile(r"\s[|·•/]\s")
# Context: how many lines on each side carry their own evidence into a line's vector, and the width
# of the window over which prose density is averaged.
NEIGHBOURS = (-3, -2, -1, 1, 2, 3)
DENSITY_WINDOWS = (2, 5, 12)


_ASCII_DIGITS = b"0123456789"


def _digits(text: str) -> int:
    """How many digits (``\\d``) the text holds (an ASCII text counted on its bytes)."""
    if text.isascii():
        raw = text.encode("ascii")
        return count_bytes(raw, _ASCII_DIGITS)
    return len(_DIGIT.findall(text))


def _has_separator(text: str) -> bool:
    """`` | ``, `` · ``, `` • `` or `` / `` in the text (the pattern only tried when one of them is)."""
    return has_any(text, MENU_SEPARATORS) and _SEPARATORS.search(text) is not None


# The base rows: a line's own evidence (its words, length, ending, lexicon category, ...), then the
# page's columns (stopword share, repeats, blank line before) filled by ``_fill_page_columns``. They are
# made for a whole page at once: the numbers each line gives (its LineFeatures fields, and the
# ``_text_cues`` read from its text, cached per line) are gathered into one array, and each column is
# then one numpy operation over the page.
_C = len(CATEGORIES)
N_BASE = 10 + _C + 22
STOP_COLUMN = 2
CATEGORY_COLUMN = 10  # the lexicon category, one column each: 10 .. 10 + len(CATEGORIES) - 1
REPEATED_COLUMN, LOG_REPEATS_COLUMN = 10 + _C + 2, 10 + _C + 3
BLANK_COLUMN = 10 + _C + 10
COMMA_COLUMN = 10 + _C + 14
# LineFeatures' fields copied as they are (flags as 0/1) into these columns.
_COPIED = {10 + _C + 1: "pointer", 10 + _C + 4: "date_time", 10 + _C + 5: "counter", 10 + _C + 6: "url",
           10 + _C + 7: "menu_like", 10 + _C + 8: "upper_share", 10 + _C + 9: "unspaced",
           10 + _C + 17: "comment_counter", 10 + _C + 18: "speaker", 10 + _C + 19: "has_date",
           10 + _C + 20: "ends_with_count"}
# The columns of ``_text_cues`` but the last (the commas, divided by the words into COMMA_COLUMN).
_CUE_COLUMNS = [4, 10 + _C + 11, 10 + _C + 12, 10 + _C + 13, 10 + _C + 15, 10 + _C + 16]
_CATEGORY_INDEX = {c: k for k, c in enumerate(CATEGORIES)}
_NUMBERS = ("words", "length", "terminal", "lexicon_hits", *_COPIED.values())
_line_numbers = attrgetter(*_NUMBERS)


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _text_cues(text: str) -> tuple[float, ...]:
    """The numbers of a line's base row that only its text gives (beyond LineFeatures): it ends with
    a colon; its share of digits; the share of its words that are capitalised; it opens with a bullet;
    it holds a quote mark; a separator; and how many commas it holds. Cached per text."""
    toks = text.split()
    capitalised = sum(map(str.isupper, map(itemgetter(0), toks))) / len(toks) if toks else 0.0
    return (float(text.endswith((":", "："))), _digits(text) / max(len(text), 1), capitalised,
            float(bool(_BULLET.match(text))), float(bool(_QUOTE.search(text))), float(_has_separator(text)),
            float(text.count(",")))


def _own_rows(feats: list[LineFeatures]) -> np.ndarray:
    """The base rows of a page's lines, with the page's columns left at 0."""
    n = len(feats)
    base = np.zeros((n, N_BASE))
    if not n:
        return base
    numbers = np.array([_line_numbers(f) for f in feats], dtype=np.float64).reshape(n, len(_NUMBERS))
    cues = np.array([_text_cues(f.text) for f in feats], dtype=np.float64).reshape(n, len(_CUE_COLUMNS) + 1)
    words, terminal = numbers[:, 0], numbers[:, 2]
    # (the logarithms are math's, as at training: numpy's may differ in the last bit)
    base[:, 0] = np.fromiter(map(math.log1p, words.tolist()), dtype=np.float64, count=n)
    base[:, 1] = np.fromiter(map(math.log1p, numbers[:, 1].tolist()), dtype=np.float64, count=n) / 5
    base[:, 3] = terminal
    base[:, 5], base[:, 6], base[:, 7], base[:, 8] = words <= 2, words <= 5, words >= 15, words >= 40
    category = np.fromiter((_CATEGORY_INDEX.get(f.lexicon, -1) if f.lexicon else -2 for f in feats),
                           dtype=np.int64, count=n)
    base[:, 9] = category != -2
    found = np.flatnonzero(category >= 0)
    base[found, CATEGORY_COLUMN + category[found]] = 1.0
    base[:, CATEGORY_COLUMN + _C] = np.minimum(numbers[:, 3], 3) / 3
    base[:, list(_COPIED)] = numbers[:, 4:]
    base[:, _CUE_COLUMNS] = cues[:, :-1]
    base[:, COMMA_COLUMN] = cues[:, -1] / np.maximum(words, 1)
    base[:, N_BASE - 1] = (words >= 8) & (terminal > 0)  # prose-like
    return base


def _fill_page_columns(base: np.ndarray, feats: list[LineFeatures], has_stoplist: bool) -> None:
    if has_stoplist:
        base[:, STOP_COLUMN] = [f.stop_share for f in feats]
    repeats = np.array([max(f.repeats, 1) for f in feats], dtype=np.float64)
    base[:, REPEATED_COLUMN] = repeats > 1
    base[:, LOG_REPEATS_COLUMN] = np.log(repeats)
    base[:, BLANK_COLUMN] = [f.blank_before for f in feats]

# Which base features are carried to neighbours: words, stopwords, terminal, lexicon, prose-like.
CONTEXT_COLUMNS = (0, 2, 3, 9, N_BASE - 1)


def feature_matrix(feats: list[LineFeatures], has_stoplist: bool, span: tuple[int, int] | None,
                   barrier: list[bool], rule_scores: list[float]) -> np.ndarray:
    """One row of numbers per line: its own evidence, its neighbours', the density of prose around
    it, and its place relative to the rule-based span and section headings."""
    n = len(feats)
    base = _own_rows(feats)
    _fill_page_columns(base, feats, has_stoplist)
    ctx = base[:, CONTEXT_COLUMNS]
    pad = max(abs(k) for k in NEIGHBOURS)
    padded = np.vstack([np.zeros((pad, ctx.shape[1])), ctx, np.zeros((pad, ctx.shape[1]))])
    neighbours = [padded[pad + k : pad + k + n] for k in NEIGHBOURS]
    prose = base[:, N_BASE - 1]
    cumsum = np.concatenate([[0.0], np.cumsum(prose)])
    density = [(cumsum[hi] - cumsum[lo]) / size for lo, hi, size in _windows(n, DENSITY_WINDOWS)]
    idx = np.arange(n)
    start, end = span if span else (n, n)
    inside = ((idx >= start) & (idx < end)).astype(float)
    before = np.clip((start - idx) / 20.0, 0, 1) * (idx < start)
    after = np.clip((idx - end + 1) / 20.0, 0, 1) * (idx >= end)
    barrier_arr = np.array(barrier, dtype=float)
    barriers_before = np.concatenate([[0.0], np.cumsum(barrier_arr)])  # strictly before line i, and total
    span_barriers = barrier_arr[start:end].sum() if span else 0.0
    # section headings passed since the span ended (0 inside and before it)
    after_barrier = np.clip(barriers_before[:n] - barriers_before[min(end, n)], 0, 3) / 3 * (idx >= end)
    scores = np.tanh(np.array(rule_scores, dtype=float) / 20.0)
    position = idx / max(n - 1, 1)
    extra = np.column_stack([
        *density, inside, before, after, barrier_arr, after_barrier, scores, position,
        np.full(n, math.log1p(n) / 8), np.full(n, float(has_stoplist)), np.full(n, min(span_barriers, 3) / 3),
    ])
    return np.hstack([base, *neighbours, extra])


# Second stage: the first stage's probabilities around a line (a stacked sequence model, which
# learns what a CRF would: body comes in runs, chrome between runs, a title above them).
PROB_OFFSETS = (-6, -4, -3, -2, -1, 1, 2, 3, 4, 6)
PROB_WINDOWS = (3, 10, 25)
N_CONTEXT = len(PROB_OFFSETS) + len(PROB_WINDOWS) + 7  # columns of ``context_features``


# Pages come in a few hundred lengths: the windows' bounds are computed once per length, for pages of
# up to WINDOW_CACHE_MAX_LINES lines (each entry holds arrays of ~170 bytes a line: 128 entries of at
# most 1,000 lines stay under 22 MB; with 1,024 entries of any length, a 200 MB stream of HTML pages,
# read whole by the merge, took a worker's peak memory from 275 to 308 MB).
WINDOW_CACHE_SIZE = 128
WINDOW_CACHE_MAX_LINES = 1000


_Shape = TypeVar("_Shape")


def _per_page_length(compute: Callable[..., _Shape]) -> Callable[..., _Shape]:
    """``compute(n, ...)`` cached for pages of up to WINDOW_CACHE_MAX_LINES lines (its arrays are
    shared: read-only), computed afresh for longer ones."""
    cached = lru_cache(maxsize=WINDOW_CACHE_SIZE)(compute)

    @wraps(compute)
    def call(n: int, *args: Any) -> _Shape:
        return (cached if n <= WINDOW_CACHE_MAX_LINES else compute)(n, *args)
    return call


@_per_page_length
def _windows(n: int, widths: tuple[int, ...]) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], ...]:
    """For each width w, the bounds [lo, hi) of the window of lines i - w .. i + w around each of n
    lines, cut at the page's ends, and its size (read-only)."""
    idx = np.arange(n)
    out = []
    for w in widths:
        lo, hi = np.clip(idx - w, 0, n), np.clip(idx + w + 1, 0, n)
        size = hi - lo
        for a in (lo, hi, size):
            a.flags.writeable = False
        out.append((lo, hi, size))
    return tuple(out)


def _run_span(scores: np.ndarray) -> tuple[int, int]:
    """Maximum-sum contiguous run [start, end) of ``scores`` (Kadane)."""
    best, best_span, total, start = 0.0, (0, 0), 0.0, 0
    for i, value in enumerate(scores.tolist()):
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def context_features(probs: np.ndarray, words: np.ndarray) -> np.ndarray:
    """One row per line describing the first stage's probabilities around it."""
    n = len(probs)
    pad = max(abs(k) for k in PROB_OFFSETS)
    padded = np.concatenate([np.zeros(pad), probs, np.zeros(pad)])
    cols = [padded[pad + k : pad + k + n] for k in PROB_OFFSETS]
    cumsum = np.concatenate([[0.0], np.cumsum(probs)])
    idx = np.arange(n)
    cols += [(cumsum[hi] - cumsum[lo]) / size for lo, hi, size in _windows(n, PROB_WINDOWS)]
    mass = probs * np.log1p(words)
    total = mass.sum() or 1.0
    cum_mass = np.cumsum(mass) / total
    start, end = _run_span((probs - 0.5) * (words + 1))
    cols += [
        cum_mass, 1 - cum_mass + mass / total,
        ((idx >= start) & (idx < end)).astype(float),
        np.clip((start - idx) / 20.0, 0, 1) * (idx < start),
        np.clip((idx - end + 1) / 20.0, 0, 1) * (idx >= end),
        probs, np.full(n, probs.mean() if n else 0.0),
    ]
    return np.column_stack(cols)


@dataclass(frozen=True)
class Network:
    """A one-hidden-layer network: standardise, ReLU layer, sigmoid output."""

    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: float

    def logits(self, x: np.ndarray) -> np.ndarray:
        h = np.maximum((x - self.mean) / self.scale @ self.w1 + self.b1, 0.0)
        return h @ self.w2 + self.b2

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(x)))


# Metadata lines found by their own heads over the same evidence plus where the body starts and
# the cues of ``role_cues`` (bylines, dates and breadcrumbs around the line).
ROLES = ("title", "author", "date")
# Lines further than this from the first body line (in lines) are equally "far" for the role heads.
ROLE_DISTANCE_SCALE = 30.0
# The base columns the cues read: "only a date/time" and "a short line holding a date".
DATE_TIME_COLUMN, HAS_DATE_COLUMN = 10 + len(CATEGORIES) + 4, N_BASE - 3
# A byline (names and date) is a short line; longer lines that name someone are prose.
BYLINE_MAX_WORDS = 25
# Cues are looked for this many lines on each side (a byline sits next to its date, a headline at
# most a few lines above its byline).
CUE_REACH = 3
# A breadcrumb or glued menu ends with the headline: the headline has at least this many words.
CRUMB_MIN_WORDS = 3
# Byline leads at the start of a line: "By", "Written by", "Von:", "Author:", "Text & Fotos:".
BYLINE_START = re.compile(
    r"^(?:by|written by|posted by|words by|story by|text by|von|par|por|di|door|av|af|autor|autorka|"
    r"автор|авторка|від|από|του|της|przez|yazan|text:|texte\s*:|fotos?)\s*:?\s+\S", re.I)
# The same leads tried at the starts of a page's lines joined by newlines (``[^\S\n]`` keeps a match
# on its line, see ``_Lines``).
_LEAD_ANY_LINE = re.compile("|".join(f"(?:{p.pattern})" for p in (BYLINE_START, BYLINE_LEAD)).replace(
    r"\s", r"[^\S\n]"), re.I | re.M)
_GLUED_ANY_LINE = re.compile(GLUED_LEAD.pattern, re.M)
_BY_INSIDE_ANY_LINE = re.compile(BY_INSIDE.pattern.replace(r"\s", r"[^\S\n]"), re.I)
# Two to four capitalised words and nothing else: a name standing alone ("Jane Doe").
_NAME_LINE = re.compile(r"^[^\S\n]*(?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐΑ-Ω][\w'’.-]*[^\S\n]+){1,3}[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐΑ-Ω][\w'’.-]*"
                        r"[^\S\n]*$", re.M)
# A line of names alone has at most this many words.
NAME_MAX_WORDS = 5
_WORD = re.compile(r"\w+")
N_CUES = 17


class _Lines:
    """Some lines of a page joined by newlines, to search a pattern once over all of them (one call
    into the regex engine a page, not one a line)."""

    def __init__(self, texts: list[str], among: np.ndarray, n: int):
        self.among, self.n = among, n
        chosen = [texts[i] for i in among.tolist()]
        self.starts = np.zeros(len(chosen), dtype=np.int64)
        np.cumsum(np.fromiter(map(len, chosen), dtype=np.int64, count=len(chosen))[:-1] + 1, out=self.starts[1:])
        self.joined = "\n".join(chosen)

    def hit(self, pattern: re.Pattern[str]) -> np.ndarray:
        """Which of the n lines hold a match of ``pattern`` (among the joined ones; a match that
        runs on into the next line counts for the line it starts in)."""
        hit = np.zeros(self.n, dtype=bool)
        if not len(self.among):
            return hit
        positions = [m.start() for m in pattern.finditer(self.joined)]
        if positions:
            hit[self.among[np.searchsorted(self.starts, positions, side="right") - 1]] = True
        return hit

    def opens(self, pattern: re.Pattern[str]) -> np.ndarray:
        """``hit`` for a pattern whose every match starts at a line's start (``^`` under ``re.M``) and
        ends on that line: tried at the lines' starts only (``finditer`` would try every position)."""
        hit = np.zeros(self.n, dtype=bool)
        match, joined = pattern.match, self.joined
        found = [k for k, start in enumerate(self.starts.tolist()) if match(joined, start)]
        hit[self.among[found]] = True
        return hit


def _near(flags: np.ndarray, offsets: range) -> np.ndarray:
    """Whether a line at one of ``offsets`` from each line has the flag."""
    n = len(flags)
    pad = CUE_REACH
    padded = np.concatenate([np.zeros(pad, dtype=bool), flags, np.zeros(pad, dtype=bool)])
    out = np.zeros(n, dtype=bool)
    for k in offsets:
        out |= padded[pad + k : pad + k + n]
    return out


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _token_text(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _crumbs(texts: list[str], words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(a) lines that end with a shorter nearby line ("Home > Blog > The Headline" above or below
    "The Headline": a breadcrumb or a glued menu); (b) the nearby lines they end with."""
    n = len(texts)
    ends, echoed = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    tokens = [_token_text(t) for t in texts]
    # a line can only end with another when their last words are the same (equal hashes)
    last = np.fromiter((hash(t[t.rfind(" ") + 1:]) for t in tokens), dtype=np.int64, count=n)
    i, j = _neighbour_pairs(n)
    pairs = (words[j] >= CRUMB_MIN_WORDS) & (words[i] > words[j]) & (words[i] <= BYLINE_MAX_WORDS * 2) \
        & (last[i] == last[j])
    for a, b in zip(i[pairs].tolist(), j[pairs].tolist(), strict=True):
        if tokens[a].endswith(" " + tokens[b]):
            ends[a] = echoed[b] = True
    return ends, echoed


@_per_page_length
def _neighbour_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Every (line, line up to CUE_REACH lines above or below it) of a page of n lines (read-only)."""
    offsets = [k for k in range(-CUE_REACH, CUE_REACH + 1) if k]
    i = np.concatenate([np.arange(max(0, -k), min(n, n - k)) for k in offsets]).astype(np.int64)
    j = i + np.repeat(offsets, [max(0, min(n, n - k) - max(0, -k)) for k in offsets])
    i.flags.writeable = j.flags.writeable = False
    return i, j


def role_cues(x: np.ndarray, words: np.ndarray, texts: list[str]) -> np.ndarray:
    """What the metadata heads need beyond a line's own evidence, N_CUES columns: a byline lead on the
    line or next to it, a date on or next to it, a byline or date just below (headlines) or above,
    a line of names alone, whether it is the page's first date, breadcrumbs that end with the line.
    Regular expressions run once over the page, the rest is numpy."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, N_CUES))
    short = words <= BYLINE_MAX_WORDS
    dated = short & ((x[:, DATE_TIME_COLUMN] > 0) | (x[:, HAS_DATE_COLUMN] > 0))
    short_lines = _Lines(texts, np.flatnonzero(short), n)
    lead = (short_lines.opens(_LEAD_ANY_LINE) | short_lines.hit(_GLUED_ANY_LINE)
            | _Lines(texts, np.flatnonzero(dated), n).hit(_BY_INSIDE_ANY_LINE))
    name = _Lines(texts, np.flatnonzero(words <= NAME_MAX_WORDS), n).opens(_NAME_LINE)
    cue = dated | lead
    before: np.ndarray = np.cumsum(dated) - dated
    ends, echoed = _crumbs(texts, words)
    cols = [
        lead, dated, name, lead & dated,
        _near(dated, range(-2, 3)) & ~dated, _near(lead, range(-2, 3)) & ~lead, _near(name, range(-2, 3)) & ~name,
        _near(cue, range(1, CUE_REACH + 1)), _near(cue, range(-CUE_REACH, 0)),
        _near(lead, range(1, CUE_REACH + 1)), _near(dated, range(1, CUE_REACH + 1)),
        dated & (before == 0), np.minimum(before, 3) / 3,
        np.full(n, lead.any()), np.full(n, dated.any()),
        ends, echoed,
    ]
    return np.column_stack(cols).astype(np.float64)


def role_features(x: np.ndarray, probs: np.ndarray, words: np.ndarray, texts: list[str] | None = None
                  ) -> np.ndarray:
    """Rows for the title / author / date heads: the line's evidence, the body probabilities around
    it, its signed distance to the first and last likely body lines, and (with ``texts``) the
    metadata cues of ``role_cues``."""
    n = len(probs)
    idx = np.arange(n)
    body = np.flatnonzero(probs >= 0.5)
    first = body[0] if len(body) else n
    last = body[-1] if len(body) else n
    to_first = np.clip((idx - first) / ROLE_DISTANCE_SCALE, -1, 1)
    to_last = np.clip((idx - last) / ROLE_DISTANCE_SCALE, -1, 1)
    just_before = ((idx < first) & (idx >= first - 8)).astype(float)
    parts = [x, context_features(probs, words), np.column_stack([to_first, to_last, just_before])]
    if texts is not None:
        parts.append(role_cues(x, words, texts))
    return np.hstack(parts)


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Run the networks' small matrix products on one thread.

    A page gives a few hundred rows of ~100 numbers: OpenBLAS splits products from ~100 rows up
    between its threads, and on this 2-core machine that made each product ~2 ms instead of ~0.03 ms
    (measured: 1.4 ms against 0.06 ms a page for the first network). Batches run one process per
    core anyway, so a thread pool inside each only gets in their way.

    Nested uses limit the threads once (setting and restoring the limit costs ~20 us).
    """
    if getattr(_LIMITED, "depth", 0):
        yield
        return
    with _blas().limit(limits=1, user_api="blas"):
        _LIMITED.depth = 1
        try:
            yield
        finally:
            _LIMITED.depth = 0


# Whether this thread is inside ``single_threaded_blas``.
_LIMITED = threading.local()


@dataclass(frozen=True)
class LineModel:
    """Two stacked networks: line evidence -> P(body); then that P in context -> final P(body).
    Optional heads give, per line, P(title), P(author line), P(date line)."""

    first: Network
    second: Network | None
    roles: dict[str, Network]
    familiar: frozenset[str] = frozenset()  # stoplists (languages) the model saw enough of

    def probabilities(self, x: np.ndarray, words: np.ndarray) -> np.ndarray:
        with single_threaded_blas():
            probs = self.first.probabilities(x)
            if self.second is not None:
                probs = self.second.probabilities(np.hstack([x, context_features(probs, words)]))
        return probs

    def role_probabilities(self, x: np.ndarray, probs: np.ndarray, words: np.ndarray, texts: list[str]
                           ) -> dict[str, np.ndarray]:
        if not self.roles:
            return {}
        # heads trained before the cues existed read rows without them
        width = next(iter(self.roles.values())).mean.shape[0]
        rows = role_features(x, probs, words, texts if width > x.shape[1] + N_CONTEXT + 3 else None)
        with single_threaded_blas():
            return {role: net.probabilities(rows) for role, net in self.roles.items()}


def _network(data: np.lib.npyio.NpzFile, prefix: str) -> Network | None:
    if f"{prefix}w1" not in data:
        return None
    return Network(data[f"{prefix}mean"], data[f"{prefix}scale"], data[f"{prefix}w1"], data[f"{prefix}b1"],
                   data[f"{prefix}w2"].reshape(-1), float(data[f"{prefix}b2"].reshape(-1)[0]))


@lru_cache(maxsize=1)
def load_model() -> LineModel | None:
    """The shipped model, or None when the package was installed without it."""
    try:
        ref = resources.files("newsclean") / "data" / "line_model.npz"
        with ref.open("rb") as fh:
            return read_model(fh)
    except (FileNotFoundError, OSError, KeyError, ValueError):
        return None


def read_model(fh: Any) -> LineModel | None:
    with np.load(fh) as data:
        first = _network(data, "s1_")
        if first is None:
            return None
        roles = {role: net for role in ROLES if (net := _network(data, f"{role}_")) is not None}
        familiar = frozenset(str(name) for name in data["familiar"]) if "familiar" in data else frozenset()
        return LineModel(first, _network(data, "s2_"), roles, familiar)
