"""Batch runs: folders, file lists and streams cleaned in parallel worker processes, resumably, with
one Result per input in input order (so outputs and the report are the same whatever ``jobs`` is).

No terminal here: ``run`` yields Results (and heartbeats) that cli.py renders as a progress bar,
error lines, a report and a summary.

- plan: inputs -> tasks. A document whose output exists and is newer than the input is skipped
  (resume); two inputs that would write the same output are refused rather than racing.
- work (tasks.py): a worker reads, cleans and renders one task; a document's output file is written by
  the worker itself (atomically), a stream record's output line goes back to the parent, which appends
  it to the stream's output file in order and renames that file into place when the stream ends.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import time
from collections import Counter
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from .errors import NewscleanError, WriteError
from .models import Options
from .pipeline import clean
from .pool import Failure, Pool, start_method
from .read import Input, iter_inputs, output_relative, read_bytes, walk_folders
from .sitelines import SiteLines
from .sitescan import count_sites, folder_site
from .streams import (
    Fields,
    NotDocument,
    Oversize,
    StreamFormat,
    failure_record,
    identify_line,
    iter_lines,
    iter_warc,
    open_binary,
    output_name,
    stream_format,
)
from .tasks import Cleaner, Result, Skip, Status, Task, classify
from .write import AtomicFile, Format, remove_temporaries, sweep_temporaries

# A news page cleans in about 50 ms, the slowest of the 1,882 benchmark pages in under 2 s; 30 s is
# far beyond any real page and still short enough that a pathological one does not stall a batch.
DEFAULT_TIMEOUT = 30.0
# Tasks read ahead of the oldest unfinished one: enough to keep every worker busy while one document
# is slow, few enough that the records waiting for their turn hold little memory.
WINDOW_PER_JOB = 16
MIN_WINDOW = 64
# ...and at most this many bytes of records read ahead (stream records travel through the parent):
# bounds the parent's memory on streams of large pages whatever the window.
PENDING_BYTES = 32 * 1024 * 1024
# Cleaned once in the parent before workers are forked: the first document loads trafilatura's
# lazy modules, date tables and the line model (~1 s); forked workers then start warm, and so does a
# worker that replaces one killed for its time limit.
_WARM_UP_SENTENCE = "The harbour reopened on Monday after a week of repairs, the city council said in a statement. "
_WARM_UP = (
    "<html><head><title>Harbour reopens</title><meta name='author' content='A. Writer'></head><body><nav>Home</nav>"
    f"<article><h1>Harbour reopens</h1><p>2 December 2021</p><p>{_WARM_UP_SENTENCE * 4}</p>"
    f"<p>{_WARM_UP_SENTENCE * 3}</p></article><footer>Subscribe</footer></body></html>",
    f"Menu\nHarbour reopens\nby A. Writer December 2, 2021\n\n{_WARM_UP_SENTENCE * 4}\n\n{_WARM_UP_SENTENCE * 3}\n"
    "Subscribe to our newsletter\n",
)


@dataclass(frozen=True)
class BatchOptions:
    """Everything about a batch run; how each document is cleaned is ``options``.

    Attributes:
        options: the cleaning options.
        fmt: output format of documents (stream records are always JSON Lines).
        output: a folder (``to_folder``) or a file; None writes to stdout.
        to_folder: outputs mirror the inputs' layout under ``output``.
        jobs: worker processes; 0 cleans in this process (no time limit: for a single document).
        timeout: seconds a document may take before its worker is killed (0: no limit).
        force: redo documents whose output is newer than their input.
        stream_format: read every input as this kind of stream (else streams go by extension).
        fields: where JSON Lines records keep their page, url and id.
        site_lines: read the batch's text dumps first, and remove from each article the long lines
            other documents of its site repeat (``sitelines``).
    """

    options: Options = field(default_factory=Options)
    fmt: Format = Format.TEXT
    output: Path | None = None
    to_folder: bool = False
    jobs: int = 0
    timeout: float = DEFAULT_TIMEOUT
    force: bool = False
    stream_format: StreamFormat | None = None
    fields: Fields = field(default_factory=Fields)
    site_lines: bool = False


@dataclass
class Summary:
    """Counts for a run, from its Results."""

    cleaned: int = 0
    empty: int = 0
    failed: int = 0
    skipped: Counter[Skip] = field(default_factory=Counter)
    chars_removed: int = 0
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0
    interrupted: bool = False

    def add(self, result: Result) -> None:
        if result.status is Status.OK:
            self.cleaned += 1
            self.chars_removed += (result.chars_in or 0) - (result.chars_out or 0)
        elif result.status is Status.EMPTY:
            self.empty += 1
        elif result.status is Status.FAILED:
            self.failed += 1
        else:
            self.skipped[result.skip or Skip.NOT_DOCUMENT] += 1

    def finish(self, interrupted: bool = False) -> None:
        self.seconds = time.monotonic() - self.started
        self.interrupted = interrupted

    @property
    def documents(self) -> int:
        return self.cleaned + self.empty + self.failed + sum(self.skipped.values())

    @property
    def errors(self) -> int:
        return self.empty + self.failed + self.skipped[Skip.TOO_LARGE]

    def line(self) -> str:
        """The one-line summary printed when stderr is not a terminal."""
        parts = [f"{self.skipped[skip]} {skip.value}" for skip in Skip if self.skipped[skip]]
        detail = f" ({', '.join(parts)})" if parts else ""
        state = "interrupted: " if self.interrupted else ""
        return (f"newsclean: {state}{self.cleaned} cleaned, {self.empty} without article, {self.failed} failed, "
                f"{sum(self.skipped.values())} skipped{detail}, {self.chars_removed} characters removed, "
                f"{self.seconds:.1f} s")


# ---------------------------------------------------------------------------------------------
# Plan: inputs -> items (a task for a worker, or a result known without one)


class _StreamOut:
    """A stream's output file: records appended in order, renamed into place when the stream ends."""

    def __init__(self, target: Path, protect: Sequence[str]) -> None:
        self.target = target
        self.file = AtomicFile(target, protect)
        self.error: str | None = None
        self.closed = False

    def write(self, text: str) -> None:
        if self.error is None:
            try:
                self.file.write(text)
            except WriteError as exc:
                self.error = exc.reason

    def commit(self) -> None:
        if not self.closed and self.error is None:
            self.closed = True
            try:
                self.file.commit()
            except WriteError as exc:
                self.error = exc.reason

    def abort(self) -> None:
        if not self.closed:
            self.closed = True
            self.file.abort()


@dataclass
class _Item:
    task: Task | None = None
    result: Result | None = None  # known without a worker (skipped, unreadable)
    sink: _StreamOut | None = None  # the stream output this record goes to
    close: _StreamOut | None = None  # the end of a stream: commit its output


class _Planner:
    def __init__(self, paths: Sequence[str], settings: BatchOptions, stdin: IO[bytes] | None) -> None:
        self.paths = paths
        self.settings = settings
        self.stdin = stdin
        self.protect = tuple(p for p in paths if p != "-")
        self.sinks: list[_StreamOut] = []
        self._claims: dict[Path, str] = {}  # outputs of the current output folder -> their input
        self._claims_dir: Path | None = None

    def items(self) -> Iterator[_Item]:
        for inp in iter_inputs(self.paths):
            hidden = inp.path is not None and inp.path.name.startswith(".")
            fmt = self.settings.stream_format or (None if inp.path is None or hidden else stream_format(inp.path))
            if fmt is not None:
                yield from self._stream(inp, fmt)
            elif inp.skipped:
                yield _Item(result=Result(inp.source, None, Status.SKIPPED, inp.skipped, skip=Skip.NOT_DOCUMENT))
            else:
                yield self._document(inp)

    def _target(self, relative: Path) -> Path | None:
        s = self.settings
        if s.output is None:
            return None
        return s.output / relative if s.to_folder else s.output

    def _refusal(self, inp: Input, target: Path | None) -> Result | None:
        """A result when the document must not be cleaned now: up to date, or its output is taken."""
        if target is None:
            return None
        if target.parent != self._claims_dir:  # folders are walked one at a time: claims per folder
            self._claims, self._claims_dir = {}, target.parent
        if target in self._claims:
            return Result(inp.source, None, Status.FAILED,
                          f"its output {target} is already the output of {self._claims[target]}")
        self._claims[target] = inp.source
        if inp.path is not None and _same_file(inp.path, target):
            return Result(inp.source, None, Status.FAILED, "refusing to overwrite an input file")
        if inp.path is not None and not self.settings.force and _up_to_date(inp.path, target):
            return Result(inp.source, str(target), Status.SKIPPED, "output is newer than the input (--force redoes)",
                          skip=Skip.UP_TO_DATE)
        return None

    def _document(self, inp: Input) -> _Item:
        target = self._target(output_relative(inp.relative, self.settings.fmt.suffix))
        refused = self._refusal(inp, target)
        if refused is not None:
            return _Item(result=refused)
        if inp.path is None:
            try:
                data = read_bytes(None, self.settings.options.max_bytes, stdin=self.stdin)
            except NewscleanError as exc:
                status, skip = classify(exc)
                return _Item(result=Result(inp.source, None, status, exc.reason, skip=skip))
            return _Item(task=Task(inp.source, data=data, target=_str(target)))
        return _Item(task=Task(inp.source, path=str(inp.path), target=_str(target), site=folder_site(inp.path)))

    def _stream(self, inp: Input, fmt: StreamFormat) -> Iterator[_Item]:
        target = self._target(output_name(inp.relative))
        refused = self._refusal(inp, target)
        if refused is not None:
            yield _Item(result=refused)
            return
        try:
            stream = open_binary(inp.path, self.stdin)
        except OSError as exc:
            yield _Item(result=Result(inp.source, None, Status.FAILED, f"cannot read: {exc.strerror or exc}"))
            return
        sink = None
        if target is not None:
            try:
                sink = _StreamOut(target, self.protect)
            except NewscleanError as exc:
                if inp.path is not None:
                    stream.close()
                yield _Item(result=Result(inp.source, None, Status.FAILED, exc.reason))
                return
            self.sinks.append(sink)
        max_bytes = self.settings.options.max_bytes
        try:
            if fmt is StreamFormat.JSONL:
                for source, line in iter_lines(stream, inp.source, max_bytes):
                    if line is None:
                        reason = f"larger than the size cap of {max_bytes} bytes (--max-bytes)"
                        yield _Item(result=_oversize(source, reason), sink=sink)
                    else:
                        yield _Item(task=Task(source, line=line, stream=True, site=inp.source), sink=sink)
            else:
                for record in iter_warc(stream, inp.source, max_bytes):
                    if isinstance(record, NotDocument):
                        yield _Item(result=Result(record.source, None, Status.SKIPPED, record.reason,
                                                  skip=Skip.NOT_DOCUMENT))
                    elif isinstance(record, Oversize):
                        yield _Item(result=_oversize(record.source, record.reason), sink=sink)
                    else:
                        yield _Item(task=Task(record.source, data=record.data, kind=record.kind, url=record.url,
                                              id=record.id, stream=True), sink=sink)
        except NewscleanError as exc:  # the stream broke off: what was read is kept, the break reported
            yield _Item(result=Result(inp.source, None, Status.FAILED, exc.reason))
        finally:
            if inp.path is not None:
                stream.close()
        yield _Item(close=sink)


def _oversize(source: str, reason: str) -> Result:
    """A stream record over the size cap: skipped, and an output record saying so."""
    return Result(source, None, Status.SKIPPED, reason, skip=Skip.TOO_LARGE, stream=True,
                  rendered=failure_record(source, None, None, reason))


def _str(path: Path | None) -> str | None:
    return None if path is None else str(path)


def _same_file(source: Path, target: Path) -> bool:
    try:
        return os.path.samefile(source, target)
    except OSError:
        return False


def _up_to_date(source: Path, target: Path) -> bool:
    try:
        return os.stat(target).st_mtime_ns >= os.stat(source).st_mtime_ns
    except OSError:
        return False


# ---------------------------------------------------------------------------------------------
# Run


@dataclass(frozen=True)
class Scanning:
    """The first pass of ``--site-lines`` is under way: ``documents`` read so far."""

    documents: int


def run(paths: Sequence[str], settings: BatchOptions,
        stdin: IO[bytes] | None = None) -> Generator[Result | Scanning | None, None, None]:
    """Clean every input of ``paths``; yield one Result per input (or stream record), in input order.

    ``None`` is yielded now and then while workers are busy (a heartbeat for a progress display), and
    with ``site_lines`` a Scanning before the cleaning starts, for each document the first pass reads.
    Closing the generator early (Ctrl-C) stops the workers and leaves no partial output file.
    """
    if settings.output is not None and settings.to_folder and settings.output.is_dir():
        sweep_temporaries(settings.output)  # left by a run that was killed
    planner = _Planner(paths, settings, stdin)
    counts = SiteLines()
    if settings.site_lines:
        for documents in count_sites(counts, paths, settings.fields, settings.options.max_bytes,
                                     settings.stream_format, settings.options.input_format):
            yield Scanning(documents)
    repeated = counts.repeated()
    cleaner = Cleaner(settings.options, settings.fmt, settings.fields, planner.protect, repeated)
    outcomes = _outcomes(planner.items(), cleaner, settings)
    finished = False
    try:
        for outcome in outcomes:
            if outcome is None:
                yield None
                continue
            result = _settle(*outcome, settings.fields)
            if result is not None:
                yield result
        finished = True
    finally:
        outcomes.close()  # stops the workers now, not when the generator is collected
        for sink in planner.sinks:
            sink.abort()  # a no-op for the committed ones
        if not finished and settings.output is not None and settings.to_folder and settings.output.is_dir():
            sweep_temporaries(settings.output)  # a worker stopped while writing leaves its temporary file


def _outcomes(items: Iterator[_Item], cleaner: Cleaner,
              settings: BatchOptions) -> Generator[tuple[_Item, Result | Failure | None] | None, None, None]:
    if settings.jobs == 0:
        for item in items:
            yield item, (cleaner(item.task) if item.task is not None else None)
        return
    for item in items:  # no workers (nor warm-up) until a document needs cleaning: a resumed run is quick
        if item.task is None:
            yield item, None
            continue
        window = max(MIN_WINDOW, WINDOW_PER_JOB * settings.jobs)
        if start_method() == "fork":
            warm_up(settings.options)
        with Pool[_Item](cleaner, settings.jobs, settings.timeout, window, PENDING_BYTES) as pool:
            yield from pool.ordered(itertools.chain([item], items), lambda item: item.task,
                                    lambda item: item.task.size if item.task else 0)
        return


def warm_up(options: Options) -> None:
    """Clean a small HTML page and a small text dump, so that what loads lazily is loaded."""
    for page in _WARM_UP:
        with contextlib.suppress(NewscleanError):
            clean(page, options=options)


def _settle(item: _Item, outcome: Result | Failure | None, fields: Fields) -> Result | None:
    """The final Result of an item: failures of the worker turned into Results, stream records
    appended to their stream's output, a stream's output committed at its end."""
    if item.close is not None:
        item.close.commit()
        if item.close.error:
            return Result(str(item.close.target), None, Status.FAILED, item.close.error)
        return None
    result = item.result if outcome is None else outcome
    task = item.task
    if isinstance(result, Failure):
        assert task is not None
        if task.target is not None:
            remove_temporaries(Path(task.target))  # the worker was killed, maybe while writing
        rec_id, url = (identify_line(task.line, fields) if task.line is not None else (task.id, task.url))
        result = Result(task.source, None, Status.FAILED, result.reason, kind=task.kind.value if task.kind else None,
                        seconds=result.seconds, id=rec_id, stream=task.stream,
                        rendered=failure_record(task.source, rec_id, url, result.reason) if task.stream else None)
    if result is None:
        return None
    if item.sink is not None and result.rendered is not None:
        item.sink.write(result.rendered)
        if item.sink.error:
            return replace(result, output=None, status=Status.FAILED, reason=item.sink.error, rendered=None)
        return replace(result, output=str(item.sink.target), rendered=None)
    if result.rendered is not None and result.output is None:
        result = replace(result, output="-")
    return result


def count_inputs(paths: Sequence[str], settings: BatchOptions) -> int | None:
    """How many Results a run will give, when that is known without reading: the total of a progress
    bar. None when there are streams (their records are counted only as they are read)."""
    if settings.stream_format is not None:
        return None
    total = 0
    for arg in paths:
        path = Path(arg)
        if arg != "-" and path.is_dir():
            for _, filenames in walk_folders(path):
                for name in filenames:
                    if not name.startswith(".") and stream_format(Path(name)) is not None:
                        return None
                total += len(filenames)
        elif arg != "-" and stream_format(path) is not None:
            return None
        else:
            total += 1
    return total
