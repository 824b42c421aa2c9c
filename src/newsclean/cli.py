"""The command line: the only module that imports click. Each command parses options, calls the
library, and turns library errors into one line on stderr and an exit code (0 ok, 1 some documents
failed, 2 usage error)."""

from __future__ import annotations

import functools
import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from . import __version__
from .align import read_cleaned
from .batch import DEFAULT_TIMEOUT, BatchOptions, Result, Scanning, Status, Summary, count_inputs, run
from .diff import DiffLine, diff_against, diff_document, format_plain, format_stats, stats
from .diffdir import diff_folder, folder_summary, format_tsv, order_rows, total, unpaired_outputs
from .errors import NewscleanError
from .models import Kind, Options
from .pool import available_cores
from .read import decode, read_bytes
from .report import document_page, index_href, index_page, page_path
from .sitescan import scan_sites
from .streams import Fields, StreamFormat, stream_format
from .write import Format, write_atomically

__all__ = ["main", "write_atomically"]

EXAMPLES_MAIN = """
\b
Examples:
  cat dump.txt | newsclean                     # the article of a text dump
  newsclean page.html --format json            # an HTML page, with metadata
  newsclean clean raw/ -o clean/ --format dated  # a whole folder, same layout
  newsclean diff dump.txt                      # what was removed, and why
"""


class DefaultGroup(click.Group):
    """``newsclean FILE...`` and bare ``newsclean`` mean ``newsclean clean ...``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["clean", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, epilog=EXAMPLES_MAIN, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsclean")
def main() -> None:
    """Clean scraped news: the article alone, with its metadata, from HTML pages or plain-text dumps."""


def _options(input_format: str, url: str | None, date_hint: str | None, max_bytes: int,
             no_repair: bool) -> Options:
    """The one place where command-line options become the library's Options record."""
    return Options(
        input_format=Kind(input_format) if input_format in (Kind.HTML, Kind.TEXT) else None,
        url=url,
        date_hint=date_hint,
        repair_mojibake=not no_repair,
        max_bytes=max_bytes,
        **click.get_current_context().meta.get(_CAPS, {}),
    )


_CAPS = "newsclean.caps"


def _store_cap(ctx: click.Context, param: click.Parameter, value: int) -> int:
    """--max-lines / --max-depth go straight into the Options (see _options)."""
    if param.name:
        ctx.meta.setdefault(_CAPS, {})[param.name] = value
    return value


def common_options(func: Any, streams: bool = False) -> Any:
    kinds = ["auto", "html", "text", *([f.value for f in StreamFormat] if streams else [])]
    func = click.option("--input-format", type=click.Choice(kinds), default="auto", show_default=True,
                        help="Kind of input; auto detects it from the content"
                        + (" (and streams from their extension)." if streams else "."))(func)
    func = click.option("--url", help="The document's URL (recorded in the metadata).")(func)
    func = click.option("--date-hint", metavar="YYYY-MM-DD", help="Anchor date for relative dates.")(func)
    func = click.option("--max-bytes", type=click.IntRange(min=0), default=Options.max_bytes, show_default=True,
                        help="Refuse inputs larger than this (0: no limit).")(func)
    func = click.option("--no-repair", is_flag=True, help="Do not repair mojibake.")(func)
    func = click.option("--max-lines", type=click.IntRange(min=1), default=Options.max_lines, show_default=True,
                        expose_value=False, callback=_store_cap,
                        help="Refuse documents with more lines than this.")(func)
    func = click.option("--max-depth", type=click.IntRange(min=1, max=250), default=Options.max_depth,
                        show_default=True, expose_value=False, callback=_store_cap,
                        help="Flatten HTML nested deeper than this (its text is kept).")(func)
    return func


EXAMPLES_CLEAN = """
\\b
Examples:
  cat dump.txt | newsclean clean
  newsclean clean a.html b.txt.gz --format jsonl
  newsclean clean raw/ -o clean/                  # raw/ki/a.html.gz -> clean/ki/a.txt, on all cores
  newsclean clean raw/ -o clean/ --report r.jsonl # again: only new and changed files are cleaned
  newsclean clean dumps/ -o clean/ --site-lines   # also drop lines other dumps of the site repeat
  newsclean clean export.jsonl.gz -o clean/       # one JSON line per record -> clean/export.jsonl
  newsclean clean CC-NEWS.warc.gz > news.jsonl    # the HTML pages of a WARC file
"""
# Formats whose documents are separated by a blank line on stdout.
_SEPARATED = (Format.TEXT, Format.DATED, Format.MARKDOWN)
_STREAM_FILE_SUFFIXES = (".jsonl", ".ndjson")


@main.command("clean", epilog=EXAMPLES_CLEAN)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, path_type=str))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output folder (or file, for one input). Default: stdout.")
@click.option("-f", "--format", "fmt", type=click.Choice([f.value for f in Format]), default="text",
              show_default=True, help="Output format (stream records are always JSON Lines).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes.  [default: all cores]")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds one document may take; its worker is then stopped and the document reported as "
                   "failed (0: no limit; a single document is cleaned without a worker, and without limit).")
@click.option("--force", is_flag=True, help="Clean again documents whose output is newer than their input.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write one JSON line per input: input, output, status, reason, kind, chars_in, chars_out, "
                   "seconds.")
@click.option("--site-lines", is_flag=True,
              help="Learn from the batch: read its text dumps first, then remove from each article the long "
                   "lines that other documents of its site (its URL's host, else its folder) repeat word for "
                   "word (reason repeated-in-site).")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors on stderr (no progress, no summary).")
@click.option("-v", "--verbose", is_flag=True, help="Also print one line per document on stderr.")
@click.option("--text-field", default="text", show_default=True, help="JSON Lines input: field with a text dump.")
@click.option("--html-field", default="html", show_default=True, help="JSON Lines input: field with an HTML page.")
@click.option("--url-field", default="url", show_default=True,
              help="JSON Lines input: field with the URL (also looked for under metadata).")
@click.option("--id-field", default="id", show_default=True,
              help="JSON Lines input: field with the record's id (also looked for under metadata).")
@functools.partial(common_options, streams=True)
def clean_command(paths: tuple[str, ...], output: Path | None, fmt: str, jobs: int | None, timeout: float,
                  force: bool, report_path: Path | None, site_lines: bool, quiet: bool, verbose: bool, text_field: str,
                  html_field: str, url_field: str, id_field: str, input_format: str, url: str | None,
                  date_hint: str | None, max_bytes: int, no_repair: bool) -> None:
    """Clean documents: files, folders (recursively, in parallel), JSON Lines and WARC streams, or stdin
    (no PATHS, or -). Re-running skips documents whose output is newer than the input."""
    form = Format(fmt)
    paths = paths or ("-",)
    forced_stream = StreamFormat(input_format) if input_format in (f.value for f in StreamFormat) else None
    streams = forced_stream is not None or any(p != "-" and stream_format(Path(p)) for p in paths)
    if streams and form is not Format.JSONL and click.get_current_context().get_parameter_source(
            "fmt") is click.core.ParameterSource.COMMANDLINE:
        raise click.UsageError("stream inputs (JSON Lines, WARC) give JSON Lines: use --format jsonl or no --format")
    folders = any(p != "-" and Path(p).is_dir() for p in paths)
    to_folder = output is not None and (
        output.is_dir() or len(paths) > 1 or folders
        or (streams and output.suffix.lower() not in _STREAM_FILE_SUFFIXES))
    if output is not None and to_folder:
        _refuse_output_inside_input(output, paths)
    if report_path is not None:
        _refuse_report_among_inputs(report_path, paths)
    single = len(paths) == 1 and not folders and not streams  # cleaned here, without a worker
    settings = BatchOptions(
        options=_options(input_format, url, date_hint, max_bytes, no_repair), fmt=form, output=output,
        to_folder=to_folder, jobs=0 if single else (jobs or available_cores()), timeout=timeout, force=force,
        stream_format=forced_stream, fields=Fields(text_field, html_field, url_field, id_field),
        site_lines=site_lines)
    batch_mode = to_folder or folders or streams
    report = _open_report(report_path)
    progress = (batch_mode and not quiet and sys.stderr.isatty()
                and (output is not None or not sys.stdout.isatty()))
    display = _Progress(count_inputs(paths, settings), verbose) if progress else _Lines(verbose)
    summary = Summary()
    interrupted = False
    events = run(paths, settings, stdin=_stdin())
    try:
        with display:
            first = True
            for result in events:
                if result is None:
                    display.tick(summary)
                    continue
                if isinstance(result, Scanning):  # the first pass of --site-lines
                    display.scanning(result.documents)
                    continue
                summary.add(result)
                if report is not None:
                    report.write(json.dumps(result.report_row(), ensure_ascii=False) + "\n")
                display.show(result, summary)
                if result.rendered is not None:
                    if not first and form in _SEPARATED and not result.stream:
                        click.echo("")
                    click.echo(result.rendered, nl=False)
                    first = False
    except KeyboardInterrupt:
        interrupted = True
    except BrokenPipeError:  # `newsclean clean big.jsonl | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    finally:
        with _no_interrupts():
            events.close()  # stops the workers; no partial output is left
            if report is not None:
                report.close()
    summary.finish(interrupted)
    if (batch_mode or interrupted) and not quiet:
        display.summary(summary)
    sys.exit(130 if interrupted else 1 if summary.errors else 0)


def _stdin() -> Any:
    return click.open_file("-", "rb")


def _open_report(path: Path | None) -> IO[str] | None:
    if path is None:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "w", encoding="utf-8", buffering=1)  # noqa: SIM115 - closed after the run
    except OSError as exc:
        raise click.UsageError(f"cannot write the report {path}: {exc.strerror or exc}") from exc


@contextmanager
def _no_interrupts() -> Iterator[None]:
    """A second Ctrl-C while the workers are being stopped must not leave them behind."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _describe(result: Result) -> str:
    """``ok, html, 12034 -> 2311 characters, 0.08 s``: a document's line under --verbose."""
    parts = [result.status.value]
    if result.reason:
        parts.append(result.reason)
    if result.kind:
        parts.append(result.kind)
    if result.status is Status.OK:
        parts.append(f"{result.chars_in} -> {result.chars_out} characters")
    if result.seconds:
        parts.append(f"{result.seconds:.2f} s")
    return ", ".join(parts)


class _Lines:
    """Stderr when it is not a terminal: errors only (every document with --verbose), then a summary line."""

    def __init__(self, verbose: bool) -> None:
        self.verbose = verbose

    def __enter__(self) -> _Lines:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def tick(self, summary: Summary) -> None:
        return None

    def scanning(self, documents: int) -> None:
        return None

    def show(self, result: Result, summary: Summary) -> None:
        if result.is_error:
            click.echo(f"newsclean: {result.input}: {result.reason}", err=True)
        elif self.verbose:
            click.echo(f"newsclean: {result.input}: {_describe(result)}", err=True)

    def summary(self, summary: Summary) -> None:
        click.echo(summary.line(), err=True)


class _Progress(_Lines):
    """Stderr on a terminal: a progress bar, error lines above it, a summary table at the end."""

    def __init__(self, total: int | None, verbose: bool) -> None:
        from .console import BatchProgress

        super().__init__(verbose)
        self.bar = BatchProgress(sys.stderr, total)

    def __enter__(self) -> _Progress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def tick(self, summary: Summary) -> None:
        self.bar.update(summary)

    def scanning(self, documents: int) -> None:
        self.bar.scanning(documents)

    def show(self, result: Result, summary: Summary) -> None:
        if result.is_error:
            self.bar.message(f"newsclean: {result.input}: {result.reason}", error=True)
        elif self.verbose:
            self.bar.message(f"newsclean: {result.input}: {_describe(result)}")
        self.bar.update(summary)

    def summary(self, summary: Summary) -> None:
        from .console import console_for, print_batch_summary

        print_batch_summary(console_for(sys.stderr, True), summary)


def _refuse_report_among_inputs(report: Path, paths: tuple[str, ...]) -> None:
    """A report inside an input folder would be read back as a JSON Lines stream while it is written."""
    target = report.resolve()
    for p in paths:
        if p != "-" and (Path(p).resolve() == target or Path(p).resolve() in target.parents):
            raise click.UsageError(f"the report {report} is inside the input {p}: put it elsewhere")


def _refuse_output_inside_input(output: Path, paths: tuple[str, ...]) -> None:
    out = output.resolve()
    for p in paths:
        if p == "-" or not Path(p).is_dir():
            continue
        root = Path(p).resolve()
        if out == root or root in out.parents:
            raise click.UsageError(f"the output folder {output} is inside the input folder {p}")


EXAMPLES_DIFF = """
\b
Examples:
  newsclean diff dump.txt                    # every line, removed ones marked with the reason
  newsclean diff dump.txt --only-removed     # just what was removed
  newsclean diff dump.txt --context 2        # changes with 2 kept lines around them
  newsclean diff page.html --side-by-side    # raw | cleaned columns (on a terminal)
  newsclean diff page.html trafilatura.txt   # what another tool kept and dropped
  newsclean diff dump.txt --stats            # lines and characters per reason
  newsclean diff page.html --html report.html  # a self-contained HTML page
  newsclean diff raw/ clean/                 # one row per document (TSV when piped)
  newsclean diff raw/ --html report/         # index.html plus one page per document
"""


@main.command("diff", epilog=EXAMPLES_DIFF)
@click.argument("raw", type=click.Path(allow_dash=True, path_type=str))
@click.argument("cleaned", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--only-removed", is_flag=True, help="Show removed lines only.")
@click.option("-U", "--context", type=click.IntRange(min=0), metavar="N",
              help="Show only changed lines, with N kept lines around them (like diff -U).")
@click.option("--side-by-side", is_flag=True, help="Raw and cleaned text in two columns (on a terminal; "
              "piped output stays the plain format).")
@click.option("--stats", "show_stats", is_flag=True, help="Also show lines and characters per reason.")
@click.option("--html", "html_out", type=click.Path(path_type=Path), metavar="PATH",
              help="Write a self-contained HTML report instead: a file for one document, a folder "
              "(index.html and one page per document) when RAW is a folder.")
@click.option("--color/--no-color", default=None, help="Colour (default: when stdout is a terminal).")
@click.option("--site-lines", is_flag=True, help="RAW_DIR without CLEAN_DIR: clean as `clean --site-lines` does, "
              "learning from the folder's text dumps the lines each site repeats.")
@common_options
def diff_command(raw: str, cleaned: Path | None, only_removed: bool, context: int | None, side_by_side: bool,
                 show_stats: bool, html_out: Path | None, color: bool | None, site_lines: bool, input_format: str,
                 url: str | None, date_hint: str | None, max_bytes: int, no_repair: bool) -> None:
    """Show RAW line by line: kept, moved to metadata (~), or removed (-) with the reason.

    With CLEANED (the output of newsclean or any other tool: text, JSON with a "text" field, Markdown),
    show which lines of RAW it kept, aligned on RAW's text (an HTML page's rendered text).

    With folders, RAW_DIR [CLEAN_DIR]: one row per document (characters kept and removed), empty outputs
    first, then the documents that lost the most; outputs are paired by path as `clean -o` writes them
    (raw/ki/a.html.gz and clean/ki/a.txt or .json). Without CLEAN_DIR, newsclean cleans each document.
    """
    options = _options(input_format, url, date_hint, max_bytes, no_repair)
    use_color = color if color is not None else sys.stdout.isatty()
    if raw != "-" and Path(raw).is_dir():
        if cleaned is not None and not cleaned.is_dir():
            raise click.UsageError("RAW is a folder, so CLEANED must be a folder too")
        if only_removed or context is not None or side_by_side:
            raise click.UsageError("--only-removed, --context and --side-by-side show one document, not a folder")
        if site_lines and cleaned is not None:
            raise click.UsageError("--site-lines is how newsclean cleans RAW_DIR itself: not with CLEAN_DIR")
        repeated = scan_sites([raw], Fields(), options.max_bytes, kind=options.input_format) if site_lines else None
        sys.exit(_diff_folder(Path(raw), cleaned, options, show_stats, html_out, use_color, repeated))
    if site_lines:
        raise click.UsageError("--site-lines learns from a folder: RAW must be a folder")
    if cleaned is not None and cleaned.is_dir():
        raise click.UsageError("CLEANED is a folder, so RAW must be a folder too")
    if only_removed and context is not None:
        raise click.UsageError("--only-removed and --context exclude each other")
    path = None if raw == "-" else Path(raw)
    try:
        data = read_bytes(path, options.max_bytes, stdin=click.open_file("-", "rb") if path is None else None)
        if cleaned is None:
            result = diff_document(data, raw, options)
        else:
            text = decode(read_bytes(cleaned, options.max_bytes), str(cleaned))
            result = diff_against(data, raw, read_cleaned(text, cleaned.name, str(cleaned)), options)
        if html_out is not None:
            write_atomically(html_out, document_page(result), {raw})
            click.echo(f"newsclean: wrote {html_out}", err=True)
    except NewscleanError as exc:
        click.echo(f"newsclean: {exc.source}: {exc.reason}", err=True)
        sys.exit(1)
    if html_out is None:
        _show_diff(result.lines, only_removed, context, side_by_side, show_stats, use_color)
    if result.problem:
        click.echo(f"newsclean: {result.source}: {result.problem}", err=True)
        sys.exit(1)


def _show_diff(lines: list[DiffLine], only_removed: bool, context: int | None, side_by_side: bool,
               show_stats: bool, use_color: bool) -> None:
    totals = stats(lines)
    if use_color:
        from .console import console_for, print_diff, print_stats, reason_styles

        console = console_for(sys.stdout, True)
        reasons = reason_styles(totals.by_reason)
        print_diff(console, lines, only_removed, context, side_by_side, reasons)
        if show_stats:
            print_stats(console, totals, reasons=reasons)
        return
    for row in format_plain(lines, only_removed, context):
        click.echo(row)
    if show_stats:
        for row in format_stats(totals):
            click.echo(row)


def _diff_folder(raw_dir: Path, clean_dir: Path | None, options: Options, show_stats: bool,
                 html_dir: Path | None, use_color: bool, site_lines: dict[str, frozenset[int]] | None = None) -> int:
    """The folder diff: a summary row per document, and with --html one page each plus an index."""
    if html_dir is not None and (html_dir.resolve() == raw_dir.resolve() or raw_dir.resolve() in
                                 html_dir.resolve().parents):
        raise click.UsageError(f"the report folder {html_dir} is inside the input folder {raw_dir}")
    rows, pages, paired, failed = [], {}, set(), 0
    for outcome in diff_folder(raw_dir, clean_dir, options, site_lines):
        rows.append(outcome.row)
        if outcome.pair.cleaned is not None:
            paired.add(outcome.pair.cleaned)
        try:
            if outcome.error is not None:
                raise outcome.error
            if html_dir is not None and outcome.diff is not None:
                page = page_path(outcome.pair.raw.relative)
                write_atomically(html_dir / page, document_page(outcome.diff, index_href=index_href(page),
                                                                title=outcome.document), {str(raw_dir)})
                pages[outcome.document] = page.as_posix()
        except NewscleanError as exc:
            failed += 1
            click.echo(f"newsclean: {exc.source}: {exc.reason}", err=True)
    rows = order_rows(rows)
    totals = total(rows)
    title = str(raw_dir) + (f" vs {clean_dir}" if clean_dir is not None else "")
    if html_dir is not None:
        try:
            write_atomically(html_dir / "index.html", index_page(rows, pages, totals, title), set())
        except NewscleanError as exc:
            click.echo(f"newsclean: {exc.source}: {exc.reason}", err=True)
            return 1
        click.echo(f"newsclean: wrote {html_dir / 'index.html'} and {len(pages)} document pages", err=True)
    elif use_color:
        from .console import console_for, print_stats, print_summary

        console = console_for(sys.stdout, True)
        print_summary(console, rows, totals)
        if show_stats:
            print_stats(console, totals, title="all documents")
    else:
        for line in format_tsv(rows):
            click.echo(line)
        if show_stats:
            for line in format_stats(totals):
                click.echo(line)
    unpaired = len(unpaired_outputs(clean_dir, paired)) if clean_dir is not None else 0
    click.echo(f"newsclean: {folder_summary(rows, unpaired)}", err=True)
    return 1 if failed else 0


if __name__ == "__main__":
    main()
