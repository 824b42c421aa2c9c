"""Align a raw document's lines with the cleaned text another tool made of it.

Tools join, split and re-punctuate lines (trafilatura turns a page into paragraphs, others
normalise quotes or drop a link inside a sentence), so lines are compared as sequences of words:
the raw document's words and the cleaned text's words are matched in order (difflib, longest
blocks first), and each raw line gets the share of its words the cleaned text kept.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property

from .errors import DecodeError
from .textutil import UNSPACED

# A run of matched words shorter than this counts only when it is a whole raw line and a whole
# paragraph of the cleaned text: "Share" or "Home" occur inside any long text, and must not make a
# menu line look kept. Four words is the shortest run that was never a chance match on the samples.
MIN_BLOCK = 4
# A raw line is kept when at least half of its words are in the cleaned text, and wholly kept from
# 90 % (tools drop a trailing "Photo: ..." or a link inside a paragraph); a cleaned paragraph less
# than half of which is in the raw document is the tool's own text.
KEEP_SHARE = 0.5
FULL_SHARE = 0.9
# difflib's search is quadratic: between two anchors it runs only on gaps of at most this many
# word pairs (2,000 x 2,000 words, under a second); larger gaps (pages of repeated text with no
# distinctive passage) match whole lines only.
MAX_GAP_WORK = 4_000_000
# Word n-grams seen more often than this (boilerplate repeated down a page) never anchor the alignment.
MAX_REPEAT = 50

# Words; in scripts written without spaces (CJK, Thai) every character is a token.
TOKEN = re.compile(f"{UNSPACED.pattern}|(?:(?!{UNSPACED.pattern})[^\\W_])+")
_DATED_HEADER = re.compile(r"^date (\d{4}-\d{2}-\d{2}|unknown)(?: (.+))?$")


def tokens(text: str) -> list[str]:
    """The words of ``text`` for matching: case-folded, NFKC, punctuation ignored.

    A line of punctuation alone ("* * *") is one token, so that it can still match itself.

    >>> tokens("“Severe costs,” Blinken said")
    ['severe', 'costs', 'blinken', 'said']
    >>> tokens("* * *")
    ['* * *']
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    found = TOKEN.findall(folded)
    if found:
        return found
    rest = " ".join(folded.split())
    return [rest] if rest else []


@dataclass(frozen=True)
class Alignment:
    kept_share: list[float]  # for each raw line, the share of its words found in the cleaned text
    added: list[tuple[int, int]]  # (cleaned paragraph, raw line it follows or -1) for text not in the raw


@dataclass
class _Flat:
    """A list of lines as one token sequence, remembering which line each token came from."""

    tokens: list[str]
    owner: list[int]
    sizes: list[int]

    @classmethod
    def of(cls, lines: Sequence[str]) -> _Flat:
        flat = cls([], [], [])
        for i, line in enumerate(lines):
            words = tokens(line)
            flat.tokens.extend(words)
            flat.owner.extend([i] * len(words))
            flat.sizes.append(len(words))
        return flat

    def whole(self, start: int, size: int) -> bool:
        """Do tokens ``start .. start+size`` begin and end on line boundaries?"""
        end = start + size
        return ((start == 0 or self.owner[start - 1] != self.owner[start])
                and (end == len(self.owner) or self.owner[end] != self.owner[end - 1]))


def align(raw: Sequence[str], paragraphs: Sequence[str]) -> Alignment:
    """Match ``raw`` lines and cleaned ``paragraphs`` word by word, in order."""
    a, b = _Flat.of(raw), _Flat.of(paragraphs)
    b_to_a = [-1] * len(b.tokens)
    a_lo = b_lo = 0
    for i, j, size in [*_anchor_blocks(a.tokens, b.tokens), (len(a.tokens), len(b.tokens), 0)]:
        _match_gap(a, b, b_to_a, a_lo, i, b_lo, j)
        b_to_a[j:j + size] = range(i, i + size)
        a_lo, b_lo = i + size, j + size
    _match_moved_paragraphs(a, b, b_to_a)

    credited = [0] * len(raw)
    for i in b_to_a:
        if i >= 0:
            credited[a.owner[i]] += 1
    shares = [credited[i] / n if n else 0.0 for i, n in enumerate(a.sizes)]

    found = [0] * len(paragraphs)
    for j, i in enumerate(b_to_a):
        if i >= 0:
            found[b.owner[j]] += 1
    added: list[tuple[int, int]] = []
    last_line = -1  # the raw line of the last matched word before the current paragraph
    start = 0
    for p, n in enumerate(b.sizes):
        if n and found[p] < KEEP_SHARE * n:
            added.append((p, last_line))
        for j in range(start, start + n):
            if b_to_a[j] >= 0:
                last_line = a.owner[b_to_a[j]]
        start += n
    return Alignment(shares, added)


def _anchor_blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """Runs of words that are surely the same text on both sides, in order. First word n-grams that
    occur as often in one as in the other (once, as in patience diff, or the same few times: the k-th
    with the k-th); then, in the gaps those leave, n-grams found once in the cleaned text and a few
    times in the raw (an article shown twice, a caption that repeats the first sentence). Each set is
    kept in order by a longest increasing subsequence and grown into maximal runs. They cut the
    alignment into small gaps, so long documents align in near linear time."""
    at_a, at_b = _grams(a), _grams(b)
    sure: list[tuple[int, int]] = []
    likely: list[tuple[int, int]] = []
    for gram, js in at_b.items():
        at = at_a.get(gram)
        if at and len(at) == len(js):
            sure.extend(zip(js, at, strict=True))
        elif at and len(js) == 1:
            likely.extend((js[0], i) for i in at)
    blocks = _grow(longest_increasing(sorted(sure)), a, b, 0, len(a), 0, len(b))
    out: list[tuple[int, int, int]] = []
    gaps = _between(blocks, 0, len(a), 0, len(b))
    gap_starts = [gap[2] for gap in gaps]
    by_gap: dict[int, list[tuple[int, int]]] = {}
    for j, i in likely:
        g = bisect_right(gap_starts, j) - 1
        a_lo, a_hi, b_lo, b_hi = gaps[g]
        if b_lo <= j and j + MIN_BLOCK <= b_hi and a_lo <= i and i + MIN_BLOCK <= a_hi:
            by_gap.setdefault(g, []).append((j, i))
    for g, (a_lo, a_hi, b_lo, b_hi) in enumerate(gaps):
        if g in by_gap:
            pairs = sorted(by_gap[g], key=lambda p: (p[0], -p[1]))  # one pair per cleaned position
            out.extend(_grow(longest_increasing(pairs), a, b, a_lo, a_hi, b_lo, b_hi))
        if g < len(blocks):
            out.append(blocks[g])
    return out


def _grow(chain: list[tuple[int, int]], a: list[str], b: list[str], a_lo: int, a_hi: int, b_lo: int,
          b_hi: int) -> list[tuple[int, int, int]]:
    """Ordered anchors (j, i) grown into maximal runs of equal words, within the given bounds."""
    blocks: list[tuple[int, int, int]] = []
    a_end, b_end = a_lo, b_lo
    for j, i in chain:
        if i < a_end or j < b_end:
            continue  # inside (or crossing) the block grown from the previous anchor
        while i > a_end and j > b_end and a[i - 1] == b[j - 1]:
            i, j = i - 1, j - 1
        size = MIN_BLOCK
        while i + size < a_hi and j + size < b_hi and a[i + size] == b[j + size]:
            size += 1
        blocks.append((i, j, size))
        a_end, b_end = i + size, j + size
    return blocks


def _grams(tokens: list[str]) -> dict[tuple[str, ...], list[int]]:
    """Where each word n-gram (n = MIN_BLOCK) occurs; those seen more than MAX_REPEAT times are left out."""
    at: dict[tuple[str, ...], list[int]] = {}
    for k in range(len(tokens) - MIN_BLOCK + 1):
        at.setdefault(tuple(tokens[k:k + MIN_BLOCK]), []).append(k)
    return {gram: ks for gram, ks in at.items() if len(ks) <= MAX_REPEAT}


def longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of (j, i) pairs, sorted by j, whose i strictly increase (patience sorting)."""
    tails: list[int] = []  # i of the last pair of the best run of each length
    tail_at: list[int] = []  # index in pairs of that pair
    before = [-1] * len(pairs)
    for k, (_, i) in enumerate(pairs):
        n = bisect_left(tails, i)
        if n == len(tails):
            tails.append(i)
            tail_at.append(k)
        else:
            tails[n], tail_at[n] = i, k
        before[k] = tail_at[n - 1] if n else -1
    out = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(pairs[k])
        k = before[k]
    return out[::-1]


def _match_gap(a: _Flat, b: _Flat, b_to_a: list[int], a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> None:
    """Between two anchor blocks: difflib's matching blocks (longest first) that are no chance match,
    then whole short lines. A gap too large for difflib's quadratic search (repeated text, with no
    distinctive passage) is first cut by the lines that are exactly one of the paragraphs."""
    todo = [(a_lo, a_hi, b_lo, b_hi, True)]
    while todo:
        a_lo, a_hi, b_lo, b_hi, cut = todo.pop()
        if a_hi <= a_lo or b_hi <= b_lo:
            continue
        if (a_hi - a_lo) * (b_hi - b_lo) > MAX_GAP_WORK:
            blocks = _match_whole_lines(a, b, b_to_a, a_lo, a_hi, b_lo, b_hi)
            if cut:
                for i_lo, i_hi, j_lo, j_hi in _between(blocks, a_lo, a_hi, b_lo, b_hi):
                    todo.append((i_lo, i_hi, j_lo, j_hi, False))
            continue
        matcher = SequenceMatcher(None, a.tokens[a_lo:a_hi], b.tokens[b_lo:b_hi], autojunk=True)
        blocks = []
        for block in matcher.get_matching_blocks():
            i, j = a_lo + block.a, b_lo + block.b
            if block.size >= MIN_BLOCK or (block.size and a.whole(i, block.size) and b.whole(j, block.size)):
                b_to_a[j:j + block.size] = range(i, i + block.size)
                blocks.append((i, j, block.size))
            # else: a chance match of a word or two
        for gap in _between(blocks, a_lo, a_hi, b_lo, b_hi):
            _match_whole_lines(a, b, b_to_a, *gap)


def _between(blocks: list[tuple[int, int, int]], a_lo: int, a_hi: int, b_lo: int,
             b_hi: int) -> list[tuple[int, int, int, int]]:
    """The gaps before, between and after ordered matched blocks (i, j, size)."""
    gaps = []
    for i, j, size in [*blocks, (a_hi, b_hi, 0)]:
        gaps.append((a_lo, i, b_lo, j))
        a_lo, b_lo = i + size, j + size
    return gaps


def _match_whole_lines(a: _Flat, b: _Flat, b_to_a: list[int], a_lo: int, a_hi: int, b_lo: int,
                       b_hi: int) -> list[tuple[int, int, int]]:
    """Match paragraphs ("Subscribe", a subheading) to the next raw line with the same words, in order:
    difflib may have spent its choice on a chance match of one of their words. Returns the matches."""
    starts: dict[tuple[str, ...], list[int]] = {}
    for i, n in _line_starts(a, a_lo, a_hi):
        starts.setdefault(tuple(a.tokens[i:i + n]), []).append(i)
    at = a_lo
    matched = []
    for j, n in _line_starts(b, b_lo, b_hi):
        free = starts.get(tuple(b.tokens[j:j + n]), [])
        k = bisect_left(free, at)
        if k < len(free):
            i = free[k]
            b_to_a[j:j + n] = range(i, i + n)
            matched.append((i, j, n))
            at = i + n
    return matched


def _line_starts(flat: _Flat, lo: int, hi: int) -> list[tuple[int, int]]:
    """(first token, size) of the lines lying wholly within tokens ``lo .. hi``."""
    out = []
    i = lo
    while i < hi:
        n = flat.sizes[flat.owner[i]]
        if flat.whole(i, n) and i + n <= hi:
            out.append((i, n))
            i += n
        else:
            i += 1
    return out


def _match_moved_paragraphs(a: _Flat, b: _Flat, b_to_a: list[int]) -> None:
    """A paragraph the tool moved (a caption or headline put first) is the same words out of order:
    match still-unmatched paragraphs to identical unmatched raw lines anywhere."""
    matched_a = {i for i in b_to_a if i >= 0}
    lines: dict[tuple[str, ...], list[int]] = {}  # token tuple -> start of unmatched raw lines
    start = 0
    for n in a.sizes:
        if n >= MIN_BLOCK and not any(k in matched_a for k in range(start, start + n)):
            lines.setdefault(tuple(a.tokens[start:start + n]), []).append(start)
        start += n
    start = 0
    for n in b.sizes:
        if n >= MIN_BLOCK and all(b_to_a[j] < 0 for j in range(start, start + n)):
            free = lines.get(tuple(b.tokens[start:start + n]))
            if free:
                at = free.pop(0)
                for k in range(n):
                    b_to_a[start + k] = at + k
        start += n


# ---------------------------------------------------------------------------------------------
# The other tool's output


@dataclass(frozen=True)
class Cleaned:
    """Another tool's output: its text, and its metadata record when it has one (JSON, front matter)."""

    text: str
    record: dict[str, object] = field(default_factory=dict)

    @cached_property
    def paragraphs(self) -> list[str]:
        return [p for p in (" ".join(line.split()) for line in self.text.splitlines()) if p]

    def metadata_lines(self) -> list[tuple[str, str]]:
        """(text, role) of what the output holds apart from its text: its title and captions."""
        out = []
        if isinstance(self.record.get("title"), str):
            out.append((str(self.record["title"]), "title"))
        captions = self.record.get("captions")
        if isinstance(captions, list):
            out.extend((str(c), "caption") for c in captions if c)
        return out


def read_cleaned(text: str, name: str = "", source: str = "-") -> Cleaned:
    """Parse a cleaned output by its file name: ``.json``/``.jsonl`` records (their ``text`` field),
    Markdown with front matter, newsclean's dated text (``date YYYY-MM-DD Title``), or plain text."""
    lowered = name.lower().removesuffix(".gz")
    if lowered.endswith((".json", ".jsonl")):
        record = _json_record(text, source)
        return Cleaned(str(record["text"] or ""), record)
    if lowered.endswith((".md", ".markdown")) and text.startswith("---\n"):
        head, sep, body = text[4:].partition("\n---\n")
        if sep:
            return Cleaned(body, _front_matter(head))
    first, _, rest = text.partition("\n")
    header = _DATED_HEADER.match(first.strip())
    if header and rest.startswith("\n"):
        date = None if header.group(1) == "unknown" else header.group(1)
        return Cleaned(rest, {"title": header.group(2), "date": date})
    return Cleaned(text)


def _json_record(text: str, source: str) -> dict[str, object]:
    try:
        value = _loads(text, source)
    except json.JSONDecodeError:
        first = next((line for line in text.splitlines() if line.strip()), "")
        try:
            value = _loads(first, source)  # JSON Lines: the first record
        except json.JSONDecodeError as exc:
            raise DecodeError(f"not JSON: {exc.msg} (line {exc.lineno})", source) from exc
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), None)
    if not isinstance(value, dict) or not isinstance(value.get("text", 0), str | None):
        raise DecodeError('a JSON output needs a "text" field', source)
    return value


def _loads(text: str, source: str) -> object:
    """``json.loads``; a value nested too deeply for the parser is refused as no JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        raise DecodeError("not JSON: nested too deeply", source) from None


def _front_matter(head: str) -> dict[str, object]:
    record: dict[str, object] = {}
    for line in head.splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            continue
        try:
            record[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            record[key.strip()] = value.strip()
    return record
