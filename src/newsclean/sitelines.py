"""Learning from the batch: a line that other documents of the same site repeat word for word is the
site's own furniture (an author's bio box, a newsletter blurb, a disclaimer, a sidebar teaser), not
the article, however much it reads like prose.

A batch is read twice: first every text dump's lines are counted per site (``SiteLines.add``), then
each document is cleaned with its site's repeated lines (``SiteLines.repeated``) and the kept lines
among them are removed (``drop_site_lines``, reason ``repeated-in-site``). Only long lines count:
a short line is judged on its own page (the lexicon, in-page repetition), and sentences of a few
words recur in one writer's articles by chance ("Here's the thing:").
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .models import Line, Role
from .strip import Stripped
from .textutil import count_words, words

# A line of this many words or more (unspaced scripts: two characters a word) is counted.
MIN_SITE_LINE_WORDS = 6
# A line in this many documents of a site is the site's (the document itself and one other).
MIN_SITE_DOCUMENTS = 2
# If the repeated lines would take more than this share of a document's kept words, the document
# is a copy of another (the same article twice, an AMP and a canonical page, a syndicated wire
# story): its article is what the two share, so nothing is removed.
MAX_REPEATED_SHARE = 0.5
# Memory bound for the first pass: past this many distinct lines held, those seen in one document
# only are forgotten (lossy counting: a site's furniture recurs, so it is seen again and kept).
MAX_TRACKED_LINES = 2_000_000
REASON = "repeated-in-site"
# The first kept line below a page's headline is its own standfirst or lead, which other pages of the
# site show in their teasers ("Most read": a headline and its first lines): within this many lines of
# the headline, that line stays.
LEDE_LINES = 3


def line_key(text: str) -> int | None:
    """A stable key of a line's words (case, spacing and punctuation aside), or None for a short line.
    Stable across processes (Python's own str hash is not), so workers agree with the first pass."""
    if count_words(text) < MIN_SITE_LINE_WORDS:
        return None
    digest = hashlib.blake2b(" ".join(words(text)).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def keys_of(lines: Iterable[str]) -> set[int]:
    return {key for line in lines if (key := line_key(line)) is not None}


class SiteLines:
    """Counts, per site, the documents each long line occurs in.

    Memory is bounded by ``max_tracked`` distinct lines: past it, the lines seen in fewer documents
    than a floor are forgotten (the floor starts at MIN_SITE_DOCUMENTS and rises by one whenever
    forgetting leaves more than half the bound, so the table is not rebuilt on every document), but
    never those of the document just counted. A site's furniture recurs, so it is met again and kept;
    a line forgotten early may be counted short, and then stays in the article.
    """

    def __init__(self, max_tracked: int = MAX_TRACKED_LINES) -> None:
        self._counts: dict[str, Counter[int]] = {}
        self._tracked = 0
        self._max_tracked = max_tracked
        self._floor = MIN_SITE_DOCUMENTS

    def add(self, site: str, text: str) -> None:
        """Count the long lines of one document of ``site`` (each line once per document)."""
        counts = self._counts.setdefault(site, Counter())
        keys = keys_of(text.splitlines())
        for key in keys:
            if key not in counts:
                self._tracked += 1
            counts[key] += 1
        if self._tracked > self._max_tracked:
            self._forget(site, keys)

    def _forget(self, site: str, keep: set[int]) -> None:
        for name, counts in self._counts.items():
            spare = keep if name == site else set()
            self._counts[name] = Counter({k: n for k, n in counts.items() if n >= self._floor or k in spare})
        self._tracked = sum(len(c) for c in self._counts.values())
        if self._tracked > self._max_tracked // 2:
            self._floor += 1

    def repeated(self) -> dict[str, frozenset[int]]:
        """Per site, the keys of the lines met in MIN_SITE_DOCUMENTS documents or more."""
        out = {site: frozenset(k for k, n in counts.items() if n >= MIN_SITE_DOCUMENTS)
               for site, counts in self._counts.items()}
        return {site: keys for site, keys in out.items() if keys}


def lede(headline: int | None, kept: list[int]) -> int | None:
    """The page's own lead: the first of the ``kept`` lines after the ``headline``'s, within LEDE_LINES."""
    if headline is None:
        return None
    return next((i for i in kept if headline < i <= headline + LEDE_LINES), None)


def site_hits(keys: Sequence[int | None], words: Sequence[int], kept: Sequence[bool], headline: int | None,
              repeated: frozenset[int]) -> list[int]:
    """The lines to take for the site's furniture: those whose ``keys`` are among its ``repeated``
    lines, but the page's own lead (``lede``); none when the shared lines are over MAX_REPEATED_SHARE
    of the ``kept`` lines' ``words`` (a copy of another document)."""
    shared = [i for i, key in enumerate(keys) if key in repeated]
    own = lede(headline, [i for i, k in enumerate(kept) if k])
    hits = [i for i in shared if i != own]
    kept_words = sum(w for w, k in zip(words, kept, strict=True) if k)
    if not hits or sum(words[i] for i in shared if kept[i]) > MAX_REPEATED_SHARE * kept_words:
        return []
    return hits


def drop_site_lines(stripped: Stripped, repeated: frozenset[int]) -> Stripped:
    """``stripped`` with its kept lines that are among the site's ``repeated`` lines removed
    (``REASON``), unless they are most of what was kept (``site_hits``)."""
    if not repeated:
        return stripped
    kept = [line.role.kept for line in stripped.lines]
    keys = [line_key(line.text) if k else None for line, k in zip(stripped.lines, kept, strict=True)]
    words = [count_words(line.text) if k else 0 for line, k in zip(stripped.lines, kept, strict=True)]
    headline = next((i for i, line in enumerate(stripped.lines) if line.role is Role.TITLE), None)
    hits = site_hits(keys, words, kept, headline, repeated)
    if not hits:
        return stripped
    lines = list(stripped.lines)
    for i in hits:
        lines[i] = Line(lines[i].text, Role.REMOVED, REASON)
    return replace(stripped, lines=tuple(lines))
