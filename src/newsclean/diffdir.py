"""diff for folders: pair each raw document with its cleaned output, one summary row per document.

Outputs are found by the rule ``clean`` writes them with (``read.output_relative``): raw
``ki/a.html.gz`` pairs with cleaned ``ki/a.txt``, ``.json``, ``.jsonl`` or ``.md`` (also gzipped,
or with the raw name kept, ``ki/a.html.txt``). Rows come empty outputs first, then the documents
that lost the largest share of their text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from .align import Cleaned, read_cleaned
from .diff import DocDiff, Mark, Stats, diff_against, diff_document, stats
from .errors import NewscleanError
from .models import Options
from .read import Input, decode, iter_inputs, output_relative, read_bytes
from .sitescan import folder_site

# The output extensions tried, in this order, for each raw document.
CLEANED_SUFFIXES = (".txt", ".json", ".jsonl", ".md")


class Status(str, Enum):
    EMPTY = "empty"  # the output exists but kept no text of the document
    MISSING = "missing"  # no output file for this document
    FAILED = "failed"  # the raw document (or its output) could not be read
    OK = "ok"


@dataclass(frozen=True)
class Pair:
    raw: Input
    cleaned: Path | None  # None: no output found, or no CLEAN_DIR (newsclean cleans in memory)


def pair_inputs(raw_dir: Path, clean_dir: Path | None) -> Iterator[Pair]:
    """The documents of ``raw_dir`` (recursively, sorted; other files skipped), each with its output."""
    for item in iter_inputs([str(raw_dir)]):
        if item.skipped:
            continue
        yield Pair(item, None if clean_dir is None else find_cleaned(clean_dir, item.relative))


def find_cleaned(clean_dir: Path, relative: Path) -> Path | None:
    candidates = [output_relative(relative, s) for s in CLEANED_SUFFIXES]
    candidates += [output_relative(relative, s + ".gz") for s in CLEANED_SUFFIXES]
    candidates += [relative.with_name(relative.name + s) for s in CLEANED_SUFFIXES]
    for candidate in candidates:
        path = clean_dir / candidate
        if path.is_file():
            return path
    return None


def unpaired_outputs(clean_dir: Path, paired: set[Path]) -> list[Path]:
    """Outputs in ``clean_dir`` that no raw document pairs with (a renamed or deleted raw file)."""
    found = (p for p in sorted(clean_dir.rglob("*")) if p.is_file() and not p.name.startswith("."))
    return [p for p in found if p.name.lower().removesuffix(".gz").endswith(CLEANED_SUFFIXES) and p not in paired]


def diff_pair(pair: Pair, options: Options, compare: bool,
              site_lines: Mapping[str, frozenset[int]] | None = None) -> tuple[DocDiff, Status]:
    """Diff one document: against its output when comparing, else as newsclean cleans it (with its
    folder's ``site_lines``, ``sitescan.scan_sites``, when given).

    Raises NewscleanError when the raw document or its output cannot be read.
    """
    raw = pair.raw
    data = read_bytes(raw.path, options.max_bytes)
    if not compare:
        repeated = (site_lines or {}).get(folder_site(raw.path), frozenset())
        diff = diff_document(data, raw.source, options, repeated)
        kept = any(dl.mark is Mark.KEPT for dl in diff.lines)
        return diff, Status.OK if kept else Status.EMPTY
    if pair.cleaned is None:
        return diff_against(data, raw.source, Cleaned(""), options), Status.MISSING
    text = decode(read_bytes(pair.cleaned, options.max_bytes), str(pair.cleaned))
    cleaned = read_cleaned(text, pair.cleaned.name, str(pair.cleaned))
    diff = diff_against(data, raw.source, cleaned, options)
    return diff, Status.OK if cleaned.paragraphs else Status.EMPTY


@dataclass(frozen=True)
class Row:
    """One document's line in the folder summary."""

    document: str  # path relative to RAW_DIR
    status: Status
    stats: Stats | None = None  # None when the document could not be read

    @property
    def lost(self) -> float:
        return 1.0 - self.stats.kept_ratio if self.stats else 0.0


_STATUS_ORDER = {Status.EMPTY: 0, Status.MISSING: 1, Status.FAILED: 2, Status.OK: 3}


def order_rows(rows: Iterable[Row]) -> list[Row]:
    """Empty and missing outputs first, then failures, then the largest share of text lost."""
    return sorted(rows, key=lambda r: (_STATUS_ORDER[r.status], -r.lost,
                                       -(r.stats.removed_chars if r.stats else 0), r.document))


def summarise(document: str, diff: DocDiff, status: Status) -> Row:
    return Row(document, status, stats(diff.lines))


@dataclass(frozen=True)
class Outcome:
    """One document of a folder diff: its row, and its diff or the error that stopped it."""

    pair: Pair
    row: Row
    diff: DocDiff | None = None
    error: NewscleanError | None = None

    @property
    def document(self) -> str:
        return self.row.document


def diff_folder(raw_dir: Path, clean_dir: Path | None, options: Options,
                site_lines: Mapping[str, frozenset[int]] | None = None) -> Iterator[Outcome]:
    """Diff every document of ``raw_dir``, one at a time: against its output in ``clean_dir``, or
    as newsclean cleans it when there is none (learning from the folder with ``site_lines``). Errors
    are yielded with the document, never raised."""
    for pair in pair_inputs(raw_dir, clean_dir):
        document = pair.raw.relative.as_posix()
        try:
            diff, status = diff_pair(pair, options, compare=clean_dir is not None, site_lines=site_lines)
        except NewscleanError as exc:
            yield Outcome(pair, Row(document, Status.FAILED), error=exc)
            continue
        except Exception as exc:  # a bug must not end the run: report it against the file
            error = NewscleanError(f"internal error: {exc.__class__.__name__}: {exc}", pair.raw.source)
            yield Outcome(pair, Row(document, Status.FAILED), error=error)
            continue
        yield Outcome(pair, summarise(document, diff, status), diff)


TSV_COLUMNS = ("document", "status", "raw_chars", "kept_chars", "removed_chars", "metadata_chars", "kept_ratio",
               "top_reason")


def format_tsv(rows: Iterable[Row]) -> Iterator[str]:
    """A header row, then one tab-separated row per document (numbers empty for failed ones)."""
    yield "\t".join(TSV_COLUMNS)
    for row in rows:
        s = row.stats
        if s is None:
            cells = [row.document, row.status.value, "", "", "", "", "", ""]
        else:
            cells = [row.document, row.status.value, str(s.raw_chars), str(s.kept_chars), str(s.removed_chars),
                     str(s.metadata_chars), f"{s.kept_ratio:.3f}", s.top_reason]
        yield "\t".join(_tsv_cell(c) for c in cells)


def _tsv_cell(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def total(rows: Iterable[Row]) -> Stats:
    """All documents' stats added up (reasons with the most characters first)."""
    sums: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for row in rows:
        if row.stats is None:
            continue
        s = row.stats
        for name in ("kept_lines", "kept_chars", "removed_lines", "removed_chars", "metadata_lines",
                     "metadata_chars", "added_lines", "added_chars"):
            sums[name] += getattr(s, name)
        for reason, (n, c) in s.by_reason.items():
            lines[reason] += n
            chars[reason] += c
    by_reason = {r: (lines[r], chars[r]) for r in sorted(lines, key=lambda r: (-chars[r], r))}
    return Stats(sums["kept_lines"], sums["kept_chars"], sums["removed_lines"], sums["removed_chars"], by_reason,
                 sums["metadata_lines"], sums["metadata_chars"], sums["added_lines"], sums["added_chars"])


def folder_summary(rows: Sequence[Row], unpaired: int = 0) -> str:
    """One line for stderr: how many documents, and how many were empty, missing or failed."""
    counts = Counter(row.status for row in rows)
    text = (f"{len(rows)} documents, {counts[Status.EMPTY]} empty, {counts[Status.MISSING]} without output, "
            f"{counts[Status.FAILED]} failed")
    if unpaired:
        text += f", {unpaired} output{'s' if unpaired != 1 else ''} without a raw document"
    return text
