"""diff: line by line, what cleaning kept, moved to metadata, or removed, and why.

Two sources: a cleaned Document's own record (``from_document``), or a raw document compared with
a cleaned text made by any tool (``compare``). Output for scripts is ``format_plain``: one line per
raw line, ``- `` removed, ``  `` kept, ``~ `` moved to metadata, the reason in brackets at the end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from .detect import detect_kind
from .models import Document, Kind, Role
from .strip.features import split_lines
from .strip.html import parse_html
from .strip.render import render_lines

# Raw lines with fewer words than this count as kept by another tool only when one of its
# paragraphs is exactly that line: short strings ("Share", "Home") occur inside any long text.
MIN_WORDS_FOR_SUBSTRING = 4
REASON_GAP = "    "


class Mark(str, Enum):
    KEPT = " "
    REMOVED = "-"
    METADATA = "~"


@dataclass(frozen=True)
class DiffLine:
    mark: Mark
    text: str
    label: str = ""  # the reason (removed) or the metadata role (title, byline, caption)


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


def compare(raw: list[str], cleaned: str, label: str = "not-in-cleaned") -> list[DiffLine]:
    """Mark each raw line kept if the cleaned text (from any tool) contains it, else removed."""
    paragraphs = {" ".join(p.split()).casefold() for p in cleaned.splitlines() if p.strip()}
    flat = " ".join(cleaned.split()).casefold()
    out = []
    for line in raw:
        key = line.casefold()
        kept = key in paragraphs or (len(key.split()) >= MIN_WORDS_FOR_SUBSTRING and key in flat)
        out.append(DiffLine(Mark.KEPT, line) if kept else DiffLine(Mark.REMOVED, line, label))
    return out


def format_plain(lines: Iterable[DiffLine], only_removed: bool = False) -> Iterator[str]:
    """Stable, script-friendly text: ``- <line>    [reason]``, ``  <line>``, ``~ <line>    [title]``."""
    for dl in lines:
        if only_removed and dl.mark is not Mark.REMOVED:
            continue
        suffix = f"{REASON_GAP}[{dl.label}]" if dl.label else ""
        yield f"{dl.mark.value} {dl.text}{suffix}"


@dataclass(frozen=True)
class Stats:
    kept_lines: int
    kept_chars: int
    removed_lines: int
    removed_chars: int
    by_reason: dict[str, tuple[int, int]]  # reason -> (lines, characters)


def stats(lines: Iterable[DiffLine]) -> Stats:
    kept_lines = kept_chars = removed_lines = removed_chars = 0
    per_lines: Counter[str] = Counter()
    per_chars: Counter[str] = Counter()
    for dl in lines:
        if dl.mark is Mark.REMOVED:
            removed_lines += 1
            removed_chars += len(dl.text)
            per_lines[dl.label] += 1
            per_chars[dl.label] += len(dl.text)
        elif dl.mark is Mark.KEPT:
            kept_lines += 1
            kept_chars += len(dl.text)
    by_reason = {r: (per_lines[r], per_chars[r]) for r in sorted(per_lines, key=lambda r: -per_chars[r])}
    return Stats(kept_lines, kept_chars, removed_lines, removed_chars, by_reason)
