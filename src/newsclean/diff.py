"""diff: line by line, what cleaning kept, moved to metadata, or removed, and why.

Two sources: a cleaned Document's own record (``from_document``), or a raw document compared with
a cleaned text made by any tool (``compare``). Output for scripts is ``format_plain``: one line per
raw line, ``- `` removed, ``  `` kept, ``~ `` moved to metadata, ``+ `` only in the other tool's
output, the reason in brackets at the end. ``--context`` views add ``@@ lines A-B @@`` headers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum

from .align import FULL_SHARE, KEEP_SHARE, Cleaned, align
from .detect import detect_kind
from .errors import NewscleanError, NoArticleError
from .models import Document, Kind, Options, Role
from .pipeline import clean
from .read import decode
from .strip.features import split_lines
from .strip.html import parse_html
from .strip.render import render_lines
from .write import to_dict

REASON_GAP = "    "
NOT_IN_CLEANED = "not-in-cleaned"
NOT_IN_RAW = "not-in-raw"
PARTLY_KEPT = "partly-kept"
NO_ARTICLE = "no-article"
# The metadata a report shows, in this order (fields of the JSON record).
METADATA_FIELDS = ("title", "authors", "date", "modified", "site", "url", "language", "description", "tags",
                   "captions")


class Mark(str, Enum):
    KEPT = " "
    REMOVED = "-"
    METADATA = "~"
    ADDED = "+"  # comparison only: text of the other tool's output that is not in the raw document


@dataclass(frozen=True)
class DiffLine:
    mark: Mark
    text: str
    label: str = ""  # the reason (removed), the metadata role (title, byline, caption), or a note


@dataclass(frozen=True)
class DocDiff:
    """One document's diff: its lines and what is known of its metadata (label, value)."""

    source: str
    lines: list[DiffLine]
    metadata: list[tuple[str, str]] = field(default_factory=list)
    kind: Kind = Kind.TEXT
    problem: str = ""  # why nothing was kept ("no article text found"), for the caller to report


def from_document(doc: Document) -> list[DiffLine]:
    out = []
    for line in doc.lines:
        if line.role.kept:
            out.append(DiffLine(Mark.KEPT, line.text, "heading" if line.role is Role.HEADING else ""))
        elif line.role is Role.REMOVED:
            out.append(DiffLine(Mark.REMOVED, line.text, line.reason or "removed"))
        else:
            out.append(DiffLine(Mark.METADATA, line.text, line.role.value))
    return out


def raw_lines(text: str, kind: Kind | None = None) -> list[str]:
    """The lines of a raw document as a reader sees them (rendered text for HTML)."""
    kind = kind or detect_kind(text)
    if kind is Kind.HTML:
        return render_lines(parse_html(text))
    return split_lines(text)[0]


def compare(raw: list[str], cleaned: str | Cleaned, label: str = NOT_IN_CLEANED) -> list[DiffLine]:
    """Which raw lines the cleaned text (from any tool) kept, aligned in order on the raw text.

    Raw lines most of whose words the cleaned text has, in the same order, are kept (``partly-kept``
    when some words are missing); the rest are removed with ``label``. Lines equal to the cleaned
    output's title or captions (JSON, Markdown or dated outputs) are metadata. Paragraphs of the
    cleaned text that are not in the raw document at all come as ``+`` lines where they fit.
    """
    other = cleaned if isinstance(cleaned, Cleaned) else Cleaned(cleaned)
    result = align(raw, other.paragraphs)
    roles = _metadata_roles(raw, result.kept_share, other)
    added: dict[int, list[str]] = {}
    for j, after in result.added:
        added.setdefault(after, []).append(other.paragraphs[j])
    out = [DiffLine(Mark.ADDED, p, NOT_IN_RAW) for p in added.get(-1, [])]
    for i, line in enumerate(raw):
        share = result.kept_share[i]
        if i in roles:
            out.append(DiffLine(Mark.METADATA, line, roles[i]))
        elif share >= KEEP_SHARE:
            out.append(DiffLine(Mark.KEPT, line, PARTLY_KEPT if share < FULL_SHARE else ""))
        else:
            out.append(DiffLine(Mark.REMOVED, line, label))
        out.extend(DiffLine(Mark.ADDED, p, NOT_IN_RAW) for p in added.get(i, []))
    return out


def _metadata_roles(raw: list[str], shares: list[float], other: Cleaned) -> dict[int, str]:
    """Raw lines the cleaned output carries as metadata (its title, its captions), not as text."""
    wanted = [(" ".join(t.split()).casefold(), role) for t, role in other.metadata_lines()]
    roles: dict[int, str] = {}
    for key, role in wanted:
        for i, line in enumerate(raw):
            if i not in roles and shares[i] < KEEP_SHARE and " ".join(line.split()).casefold() == key:
                roles[i] = role
                break
    return roles


# ---------------------------------------------------------------------------------------------
# One document, end to end (the CLI calls these)


def diff_document(data: bytes, source: str, options: Options, site_lines: frozenset[int] = frozenset()
                  ) -> DocDiff:
    """Clean ``data`` with newsclean (and its site's repeated ``site_lines``) and diff it. A document
    without article text is all removed."""
    try:
        doc = clean(data, source=source, options=options, site_lines=site_lines)
    except NoArticleError as exc:
        text = decode(data, source)
        kind = options.input_format or detect_kind(text)
        lines = [DiffLine(Mark.REMOVED, line, NO_ARTICLE) for line in _raw_lines_or_none(text, kind)]
        return DocDiff(source, lines, [], kind, exc.reason)
    return DocDiff(source, from_document(doc), metadata_items(to_dict(doc)), doc.kind)


def diff_against(data: bytes, source: str, cleaned: Cleaned, options: Options) -> DocDiff:
    """Diff ``data`` against another tool's cleaned output, on the raw document's (rendered) lines."""
    text = decode(data, source)
    kind = options.input_format or detect_kind(text)
    lines = compare(_raw_lines_or_none(text, kind), cleaned)
    return DocDiff(source, lines, metadata_items(cleaned.record), kind)


def _raw_lines_or_none(text: str, kind: Kind) -> list[str]:
    try:
        return raw_lines(text, kind)
    except NewscleanError:
        return []  # HTML that does not parse: nothing to show


def metadata_items(record: dict[str, object]) -> list[tuple[str, str]]:
    """(label, value) pairs of a JSON record's metadata, for a report; lists are joined with `` · ``."""
    out = []
    for key in METADATA_FIELDS:
        value = record.get(key)
        if isinstance(value, list):
            value = " · ".join(str(v) for v in value if v)
        if value not in (None, ""):
            out.append((key, str(value)))
    return out


# ---------------------------------------------------------------------------------------------
# Views: what to show of a diff


@dataclass(frozen=True)
class Hunk:
    """The header of a run of shown lines in a ``--context`` view: raw line numbers, 1-based."""

    first: int
    last: int

    def __str__(self) -> str:
        return f"@@ lines {self.first}-{self.last} @@"


def view(lines: Sequence[DiffLine], only_removed: bool = False,
         context: int | None = None) -> Iterator[DiffLine | Hunk]:
    """The lines to show: all; removed ones only; or changes with ``context`` kept lines around them.

    A change is any line that is not kept (removed, metadata, or only in the cleaned text); like
    ``diff -U``, each run of shown lines starts with a Hunk header.
    """
    if only_removed:
        yield from (dl for dl in lines if dl.mark is Mark.REMOVED)
        return
    if context is None:
        yield from lines
        return
    shown = [False] * len(lines)
    for i, dl in enumerate(lines):
        if dl.mark is not Mark.KEPT:
            for k in range(max(0, i - context), min(len(lines), i + context + 1)):
                shown[k] = True
    numbers = _line_numbers(lines)
    i = 0
    while i < len(lines):
        if not shown[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and shown[j]:
            j += 1
        raw = [numbers[k] for k in range(i, j) if lines[k].mark is not Mark.ADDED] or [numbers[i]]
        yield Hunk(raw[0], raw[-1])
        yield from lines[i:j]
        i = j


def _line_numbers(lines: Sequence[DiffLine]) -> list[int]:
    """The raw line number of each diff line (``+`` lines take the number of the line before)."""
    out, n = [], 0
    for dl in lines:
        if dl.mark is not Mark.ADDED:
            n += 1
        out.append(n)
    return out


def format_line(dl: DiffLine) -> str:
    suffix = f"{REASON_GAP}[{dl.label}]" if dl.label else ""
    return f"{dl.mark.value} {dl.text}{suffix}"


def format_plain(lines: Iterable[DiffLine], only_removed: bool = False, context: int | None = None) -> Iterator[str]:
    """Stable, script-friendly text: ``- <line>    [reason]``, ``  <line>``, ``~ <line>    [title]``."""
    for item in view(list(lines), only_removed, context):
        yield str(item) if isinstance(item, Hunk) else format_line(item)


# ---------------------------------------------------------------------------------------------
# Totals


@dataclass(frozen=True)
class Stats:
    kept_lines: int
    kept_chars: int
    removed_lines: int
    removed_chars: int
    by_reason: dict[str, tuple[int, int]]  # reason -> (lines, characters), most characters first
    metadata_lines: int = 0
    metadata_chars: int = 0
    added_lines: int = 0  # comparison only: cleaned paragraphs not found in the raw document
    added_chars: int = 0

    @property
    def raw_chars(self) -> int:
        return self.kept_chars + self.removed_chars + self.metadata_chars

    @property
    def kept_ratio(self) -> float:
        """Share of the raw document's characters kept in the text (0 for an empty document)."""
        return self.kept_chars / self.raw_chars if self.raw_chars else 0.0

    @property
    def top_reason(self) -> str:
        return next(iter(self.by_reason), "")


def stats(lines: Iterable[DiffLine]) -> Stats:
    count: Counter[Mark] = Counter()
    chars: Counter[Mark] = Counter()
    per_lines: Counter[str] = Counter()
    per_chars: Counter[str] = Counter()
    for dl in lines:
        count[dl.mark] += 1
        chars[dl.mark] += len(dl.text)
        if dl.mark is Mark.REMOVED:
            per_lines[dl.label] += 1
            per_chars[dl.label] += len(dl.text)
    by_reason = {r: (per_lines[r], per_chars[r]) for r in sorted(per_lines, key=lambda r: (-per_chars[r], r))}
    return Stats(count[Mark.KEPT], chars[Mark.KEPT], count[Mark.REMOVED], chars[Mark.REMOVED], by_reason,
                 count[Mark.METADATA], chars[Mark.METADATA], count[Mark.ADDED], chars[Mark.ADDED])


def format_stats(s: Stats) -> Iterator[str]:
    """``# what<TAB>lines<TAB>characters`` rows, after the diff in piped output."""
    yield f"# kept\t{s.kept_lines}\t{s.kept_chars}"
    yield f"# removed\t{s.removed_lines}\t{s.removed_chars}"
    for reason, (n, chars) in s.by_reason.items():
        yield f"# removed:{reason}\t{n}\t{chars}"
    if s.metadata_lines:
        yield f"# metadata\t{s.metadata_lines}\t{s.metadata_chars}"
    if s.added_lines:
        yield f"# {NOT_IN_RAW}\t{s.added_lines}\t{s.added_chars}"
