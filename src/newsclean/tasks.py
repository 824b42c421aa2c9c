"""What a worker does with one task: read, clean, render and (for a document going to a folder) write
it, and say what became of it in a Result. Never raises: every error becomes a Result with a reason.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from .errors import NewscleanError, NoArticleError, TooLargeError
from .models import Kind, Options
from .pipeline import clean
from .read import decode, read_bytes
from .sitescan import site_of
from .streams import Fields, failure_record, identify_line, output_record, parse_line
from .write import Format, render, write_atomically


class Status(str, Enum):
    """What became of one input."""

    OK = "ok"  # cleaned, output written
    EMPTY = "empty"  # read, but no article text in it
    FAILED = "failed"  # unreadable, undecodable, timed out, or the output could not be written
    SKIPPED = "skipped"  # not cleaned: see Skip


class Skip(str, Enum):
    """Why an input was skipped. Only TOO_LARGE counts as an error (exit code 1)."""

    UP_TO_DATE = "up to date"
    NOT_DOCUMENT = "not a document"
    TOO_LARGE = "over the size cap"


@dataclass(frozen=True)
class Result:
    """One input (a file, or one record of a stream) and what became of it: a line of the report."""

    input: str
    output: str | None  # the file written, ``-`` for stdout, None when nothing was written
    status: Status
    reason: str = ""
    kind: str | None = None  # "html" or "text", when known
    chars_in: int | None = None  # characters of the decoded input
    chars_out: int | None = None  # characters of the article text
    seconds: float = 0.0
    id: str | None = None  # a stream record's id
    skip: Skip | None = None
    rendered: str | None = field(default=None, repr=False, compare=False)  # output still to print
    stream: bool = False  # a stream record (its output is a JSON line)

    @property
    def is_error(self) -> bool:
        """Reported on stderr and makes the exit code 1."""
        return self.status in (Status.EMPTY, Status.FAILED) or self.skip is Skip.TOO_LARGE

    def report_row(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "input": self.input, "output": self.output, "status": self.status.value, "reason": self.reason,
            "kind": self.kind, "chars_in": self.chars_in, "chars_out": self.chars_out,
            "seconds": round(self.seconds, 4),
        }
        if self.id is not None:
            row["id"] = self.id
        return row



@dataclass(frozen=True)
class Task:
    """One document for a worker: a file to read, the document itself, or a JSON line to parse."""

    source: str
    path: str | None = None
    data: bytes | str | None = None
    line: bytes | None = None
    kind: Kind | None = None
    url: str | None = None
    id: str | None = None
    target: str | None = None  # the worker writes the output here; else it comes back rendered
    stream: bool = False  # the output is a stream record (a JSON line carrying id and url)
    site: str = ""  # its folder or stream, the site of a document without a URL (``sitescan.site_of``)

    @property
    def size(self) -> int:
        return len(self.data or self.line or b"")


@dataclass(frozen=True)
class Cleaner:
    """Read, clean, render and (for documents going to a folder) write one task; never raises."""

    options: Options
    fmt: Format
    fields: Fields
    protect: tuple[str, ...] = ()  # input paths an output must never overwrite
    site_lines: dict[str, frozenset[int]] = field(default_factory=dict)  # ``sitescan.scan_sites``

    def __call__(self, task: Task) -> Result:
        start = time.perf_counter()
        kind, url, rec_id, chars_in = task.kind, task.url, task.id, None
        try:
            if task.line is not None:
                record = parse_line(task.line, self.fields, task.source)
                data: bytes | str = record.data
                kind, url, rec_id = record.kind, record.url, record.id
            elif task.path is not None:
                data = read_bytes(Path(task.path), self.options.max_bytes)
            else:
                data = task.data or b""
            text = decode(data, task.source) if isinstance(data, bytes) else data
            chars_in = len(text)
            repeated = self.site_lines.get(site_of(url, task.site), frozenset()) if self.site_lines else frozenset()
            doc = clean(text, source=task.source, kind=kind, url=url, options=self.options, site_lines=repeated)
            rendered: str | None = output_record(doc, rec_id, url) if task.stream else render(doc, self.fmt)
            if task.target is not None:
                write_atomically(Path(task.target), rendered or "", self.protect)
                rendered = None
            return Result(task.source, task.target or "-", Status.OK, kind=doc.kind.value, chars_in=chars_in,
                          chars_out=len(doc.text), seconds=time.perf_counter() - start, id=rec_id, rendered=rendered,
                          stream=task.stream)
        except Exception as exc:  # NewscleanError, or a bug: reported against the document
            error = exc if isinstance(exc, NewscleanError) else NewscleanError(
                f"internal error: {exc.__class__.__name__}: {exc}", task.source)
            status, skip = classify(error)
            if task.line is not None and rec_id is None and url is None:
                rec_id, url = identify_line(task.line, self.fields)  # the record is there, its page is not
            return Result(task.source, None, status, error.reason, kind=kind.value if kind else None,
                          chars_in=chars_in, seconds=time.perf_counter() - start, id=rec_id, skip=skip,
                          rendered=failure_record(task.source, rec_id, url, error.reason) if task.stream else None,
                          stream=task.stream)


def classify(error: NewscleanError) -> tuple[Status, Skip | None]:
    if isinstance(error, NoArticleError):
        return Status.EMPTY, None
    if isinstance(error, TooLargeError):
        return Status.SKIPPED, Skip.TOO_LARGE
    return Status.FAILED, None
