"""The scoring formulas of /work/shared/bench/README.md, kept identical to the published benchmarks.

Per-page functions return small dicts (stored in the per-page JSONL); ``aggregate_*`` turn a list of
them into the set's figures.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_AUTHOR_SEP = re.compile(r";|,|&|\band\b", re.IGNORECASE)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


# --- shingle F1 (ScrapingHub article-extraction-benchmark) -------------------------------------


def shingles(text: str, n: int = 4) -> Counter:
    """4-token shingles of case-sensitive ``\\w+`` tokens; a text shorter than n gives one shingle."""
    tokens = _WORD.findall(text or "")
    if len(tokens) <= n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))  # shorter tails end the zip


_gold_shingles = lru_cache(maxsize=4096)(shingles)  # each gold text is scored against many systems


def _overlap(gold: Counter, got: Counter) -> tuple[int, int, int]:
    """Multiset tp, fp, fn."""
    common = gold.keys() & got.keys()
    tp = sum(map(min, map(gold.__getitem__, common), map(got.__getitem__, common)))
    return tp, sum(got.values()) - tp, sum(gold.values()) - tp


def shingle_page(gold: str, got: str) -> dict:
    """Per-page tp/fp/fn (normalised by their sum), precision, recall and F1.

    No output gives precision 0 unless the gold is empty too (then P = R = 1).
    """
    tp, fp, fn = _overlap(_gold_shingles(gold or ""), shingles(got))
    total = tp + fp + fn
    if fp == fn == 0:  # identical, including both empty
        p = r = 1.0
    else:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": _f1(p, r)}


def aggregate_shingle(pages: Iterable[dict]) -> dict:
    """Precision and recall averaged over pages, F1 from the two averages."""
    pages = list(pages)
    p, r = _mean([x["p"] for x in pages]), _mean([x["r"] for x in pages])
    return {"p": p, "r": r, "f1": _f1(p, r), "n": len(pages)}


# --- bag-of-words F1 (WCXB) ----------------------------------------------------------------------


def bow_page(gold: str, got: str) -> dict:
    """Lower-cased ``\\w+`` tokens as a multiset; precision, recall, F1 of this page."""
    g, o = _gold_words(gold or ""), _words(got)
    if not g and not o:
        return {"p": 1.0, "r": 1.0, "f1": 1.0}
    common, fp, fn = _overlap(g, o)
    p = common / (common + fp) if o else 0.0
    r = common / (common + fn) if g else 0.0
    return {"p": p, "r": r, "f1": _f1(p, r)}


def _words(text: str) -> Counter:
    return Counter(_WORD.findall((text or "").lower()))


_gold_words = lru_cache(maxsize=4096)(_words)


def aggregate_bow(pages: Iterable[dict]) -> dict:
    """Per-page precision, recall and F1 each averaged over pages."""
    pages = list(pages)
    return {k: _mean([x[k] for x in pages]) for k in ("p", "r", "f1")} | {"n": len(pages)}


# --- snippet F1 (trafilatura's evaluation) -------------------------------------------------------


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text or "").strip()


def snippet_page(with_: Sequence[str] | None, without: Sequence[str] | None, got: str) -> dict:
    """Counts of one page: found ``with`` = tp, missing ``with`` = fn, found ``without`` = fp.

    ``f1`` is this page's own snippet F1 (None when the page has no snippet to score).
    """
    out = collapse(got)
    found = [bool(s := collapse(x)) and s in out for x in with_ or []]
    leaked = [bool(s := collapse(x)) and s in out for x in without or []]
    tp, fn, fp = sum(found), len(found) - sum(found), sum(leaked)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return {"tp": tp, "fp": fp, "fn": fn, "f1": f1}


def aggregate_snippet(pages: Iterable[dict]) -> dict:
    """Counts summed over all pages, then P, R, F1; ``leaked`` = total ``without`` snippets found."""
    pages = list(pages)
    tp, fp, fn = (sum(x[k] for x in pages) for k in ("tp", "fp", "fn"))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f1": _f1(p, r), "leaked": fp, "n": len(pages)}


# --- metadata --------------------------------------------------------------------------------------


def norm_text(value: str | None) -> str:
    """NFKC, case-folded, only ``\\w+`` tokens joined by one space."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", value or "").casefold()))


def norm_authors(value: str | Sequence[str] | None) -> frozenset[str]:
    """A set of normalised names; a string or each list item is split on ``;`` ``,`` ``and`` ``&``."""
    items = [value] if isinstance(value, str) else list(value or [])
    names = (norm_text(part) for item in items for part in _AUTHOR_SEP.split(item or ""))
    return frozenset(name for name in names if name)


def norm_date(value: str | None) -> str:
    return (value or "").strip()[:10]


NORMALISERS = {"title": norm_text, "author": norm_authors, "date": norm_date}


def meta_match(field: str, gold, got) -> bool:
    norm = NORMALISERS[field]
    return norm(gold) == norm(got)


# --- a benchmark set's own metric -----------------------------------------------------------------


def set_page(set_name: str, gold: dict, got: str) -> dict:
    """One page scored with its set's metric: aeb shingles, traf snippets, the others bag-of-words."""
    if set_name == "traf":
        return snippet_page(gold.get("with"), gold.get("without"), got)
    if set_name == "aeb":
        return shingle_page(gold.get("body") or "", got)
    return bow_page(gold.get("body") or "", got)


def set_aggregate(set_name: str, pages: Iterable[dict]) -> dict:
    """The set's figures from the pages of ``set_page``."""
    aggregate = {"traf": aggregate_snippet, "aeb": aggregate_shingle}.get(set_name, aggregate_bow)
    return aggregate(pages)
