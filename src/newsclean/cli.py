"""The command line: the only module that imports click. Each command parses options, calls the
library, and turns library errors into one line on stderr and an exit code (0 ok, 1 some documents
failed, 2 usage error)."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from . import __version__
from .diff import compare, format_plain, from_document, raw_lines, stats
from .errors import NewscleanError, WriteError
from .models import Document, Kind, Options
from .pipeline import clean
from .read import Input, decode, iter_inputs, output_relative, read_bytes
from .write import Format, render

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
        input_format=None if input_format == "auto" else Kind(input_format),
        url=url,
        date_hint=date_hint,
        repair_mojibake=not no_repair,
        max_bytes=max_bytes,
    )


def common_options(func: Any) -> Any:
    func = click.option("--input-format", type=click.Choice(["auto", "html", "text"]), default="auto",
                        show_default=True, help="Kind of input; auto detects it from the content.")(func)
    func = click.option("--url", help="The document's URL (recorded in the metadata).")(func)
    func = click.option("--date-hint", metavar="YYYY-MM-DD", help="Anchor date for relative dates.")(func)
    func = click.option("--max-bytes", type=click.IntRange(min=0), default=Options.max_bytes, show_default=True,
                        help="Refuse inputs larger than this (0: no limit).")(func)
    func = click.option("--no-repair", is_flag=True, help="Do not repair mojibake.")(func)
    return func


EXAMPLES_CLEAN = """
\b
Examples:
  cat dump.txt | newsclean clean
  newsclean clean a.html b.txt.gz --format jsonl
  newsclean clean raw/ -o clean/                # raw/ki/a.html.gz -> clean/ki/a.txt
  newsclean clean raw/ -o clean/ --format json  # raw/ki/a.html.gz -> clean/ki/a.json
"""


@main.command("clean", epilog=EXAMPLES_CLEAN)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, path_type=str))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output folder (or file, for one input). Default: stdout.")
@click.option("-f", "--format", "fmt", type=click.Choice([f.value for f in Format]), default="text",
              show_default=True, help="Output format.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors on stderr.")
@common_options
def clean_command(paths: tuple[str, ...], output: Path | None, fmt: str, quiet: bool, input_format: str,
                  url: str | None, date_hint: str | None, max_bytes: int, no_repair: bool) -> None:
    """Clean documents: files, folders (recursively), gzip files, or stdin (no PATHS, or -)."""
    options = _options(input_format, url, date_hint, max_bytes, no_repair)
    form = Format(fmt)
    paths = paths or ("-",)
    to_folder = output is not None and (output.is_dir() or len(paths) > 1 or any(Path(p).is_dir() for p in paths))
    if output is not None and to_folder:
        _refuse_output_inside_input(output, paths)
    batch = Batch()
    first = True
    for item in iter_inputs(paths):
        if item.skipped:
            batch.skipped += 1
            continue
        doc = batch.run(item, options)
        if doc is None:
            continue
        rendered = render(doc, form)
        try:
            if output is None:
                if not first and form in (Format.TEXT, Format.DATED, Format.MARKDOWN):
                    click.echo("")
                click.echo(rendered, nl=False)
            else:
                target = output / output_relative(item.relative, form.suffix) if to_folder else output
                write_atomically(target, rendered, {p for p in paths if p != "-"})
        except NewscleanError as exc:
            batch.fail(exc)
        first = False
    if output is not None and to_folder and not quiet:
        click.echo(batch.summary(), err=True)
    sys.exit(1 if batch.failed else 0)


def _stdin() -> Any:
    return click.open_file("-", "rb")


@dataclass
class Batch:
    """Counts for one run; errors are reported on stderr as they happen."""

    cleaned: int = 0
    failed: int = 0
    empty: int = 0
    skipped: int = 0

    def run(self, item: Input, options: Options) -> Document | None:
        try:
            data = read_bytes(item.path, options.max_bytes,
                              stdin=_stdin() if item.path is None else None)
            doc = clean(data, source=item.source, options=options)
        except NewscleanError as exc:
            if exc.__class__.__name__ == "NoArticleError":
                self.empty += 1
            self.fail(exc)
            return None
        except Exception as exc:  # a bug must not end the batch: report it against the file
            self.fail(NewscleanError(f"internal error: {exc.__class__.__name__}: {exc}", item.source))
            return None
        self.cleaned += 1
        return doc

    def fail(self, exc: NewscleanError) -> None:
        self.failed += 1
        click.echo(f"newsclean: {exc.source}: {exc.reason}", err=True)

    def summary(self) -> str:
        return (f"newsclean: {self.cleaned} cleaned, {self.empty} without article, "
                f"{self.failed - self.empty} failed, {self.skipped} skipped (not documents)")


def _refuse_output_inside_input(output: Path, paths: tuple[str, ...]) -> None:
    out = output.resolve()
    for p in paths:
        if p == "-" or not Path(p).is_dir():
            continue
        root = Path(p).resolve()
        if out == root or root in out.parents:
            raise click.UsageError(f"the output folder {output} is inside the input folder {p}")


def write_atomically(target: Path, content: str, inputs: set[str]) -> None:
    """Write via a temporary file and a rename: no half-written output, never over an input."""
    if any(Path(p).exists() and target.exists() and os.path.samefile(p, target) for p in inputs):
        raise WriteError("refusing to overwrite an input file", str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(content)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror or exc}", str(target)) from exc


EXAMPLES_DIFF = """
\b
Examples:
  newsclean diff dump.txt                    # every line, removed ones marked with the reason
  newsclean diff dump.txt --only-removed     # just what was removed
  newsclean diff page.html trafilatura.txt   # what another tool kept and dropped
  newsclean diff dump.txt --stats            # lines and characters per reason
"""


@main.command("diff", epilog=EXAMPLES_DIFF)
@click.argument("raw", type=click.Path(allow_dash=True, path_type=str))
@click.argument("cleaned", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--only-removed", is_flag=True, help="Show removed lines only.")
@click.option("--stats", "show_stats", is_flag=True, help="Also show lines and characters per reason.")
@click.option("--color/--no-color", default=None, help="Colour (default: when stdout is a terminal).")
@common_options
def diff_command(raw: str, cleaned: Path | None, only_removed: bool, show_stats: bool, color: bool | None,
                 input_format: str, url: str | None, date_hint: str | None, max_bytes: int,
                 no_repair: bool) -> None:
    """Show RAW line by line: kept, moved to metadata (~), or removed (-) with the reason.

    With CLEANED (the output of newsclean or any other tool), show which lines of RAW it kept.
    """
    options = _options(input_format, url, date_hint, max_bytes, no_repair)
    path = None if raw == "-" else Path(raw)
    try:
        data = read_bytes(path, options.max_bytes, stdin=_stdin() if path is None else None)
        if cleaned is None:
            lines = from_document(clean(data, source=raw, options=options))
        else:
            text = decode(data, raw)
            other = decode(read_bytes(cleaned, options.max_bytes), str(cleaned))
            lines = compare(raw_lines(text, options.input_format), other)
    except NewscleanError as exc:
        click.echo(f"newsclean: {exc.source}: {exc.reason}", err=True)
        sys.exit(1)
    use_color = color if color is not None else sys.stdout.isatty()
    if use_color:
        from .console import console_for, print_diff, print_stats

        console = console_for(sys.stdout, True)
        print_diff(console, lines, only_removed)
        if show_stats:
            print_stats(console, stats(lines))
        return
    for row in format_plain(lines, only_removed):
        click.echo(row)
    if show_stats:
        s = stats(lines)
        click.echo(f"# kept\t{s.kept_lines}\t{s.kept_chars}")
        click.echo(f"# removed\t{s.removed_lines}\t{s.removed_chars}")
        for reason, (n, chars) in s.by_reason.items():
            click.echo(f"# removed:{reason}\t{n}\t{chars}")


if __name__ == "__main__":
    main()
