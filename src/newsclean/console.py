"""The only module that imports rich: coloured diff and summaries for a terminal.

Article text is always passed as ``rich.text.Text`` objects, never through markup (the consoles
are made with ``markup=False`` too), so that ``[text in brackets]`` is shown as written.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .batch import Summary as BatchSummary
from .diff import DiffLine, Hunk, Mark, Stats, view
from .diffdir import Row, Status

STYLES = {Mark.KEPT: "", Mark.REMOVED: "red strike", Mark.METADATA: "cyan", Mark.ADDED: "green"}
LABEL_STYLES = {Mark.KEPT: "dim", Mark.REMOVED: "yellow", Mark.METADATA: "cyan bold", Mark.ADDED: "green bold"}
# Reason labels get one of these colours each (most removed characters first), as in the HTML report.
REASON_STYLES = ("yellow", "magenta", "bright_blue", "bright_red", "green", "bright_magenta", "bright_cyan",
                 "bright_yellow", "blue", "bright_green")
STATUS_STYLES = {Status.EMPTY: "bold red", Status.MISSING: "bold magenta", Status.FAILED: "bold red",
                 Status.OK: ""}
HUNK_STYLE = "cyan dim"


def console_for(stream: TextIO, color: bool | None) -> Console:
    return Console(file=stream, force_terminal=color, no_color=color is False, highlight=False,
                   soft_wrap=True, emoji=False, markup=False)


def reason_styles(reasons: Iterable[str]) -> dict[str, str]:
    return {r: REASON_STYLES[i % len(REASON_STYLES)] for i, r in enumerate(reasons)}


def legend(lines: Sequence[DiffLine]) -> Text:
    marks = {dl.mark for dl in lines}
    parts: list[str | tuple[str, str]] = [("legend: ", "dim"), ("- removed", "red"), (" [reason]", "yellow"), "   ",
                                          ("~ moved to metadata [title|byline|caption]", "cyan"), "   ", "  kept"]
    if Mark.ADDED in marks:
        parts += ["   ", ("+ only in the cleaned output", "green")]
    return Text.assemble(*parts)


def print_diff(console: Console, lines: Sequence[DiffLine], only_removed: bool = False,
               context: int | None = None, side_by_side: bool = False,
               reasons: dict[str, str] | None = None) -> None:
    """The diff for a terminal: a legend, then one line per raw line, or raw | cleaned columns."""
    reasons = reasons or {}
    console.print(legend(lines))
    shown = view(lines, only_removed, context)
    if side_by_side:
        console.print(_side_by_side(shown, reasons))
        return
    for item in shown:
        if isinstance(item, Hunk):
            console.print(Text(str(item), style=HUNK_STYLE))
            continue
        text = Text(f"{item.mark.value} ", style=LABEL_STYLES[item.mark])
        text.append(item.text, style=STYLES[item.mark])
        if item.label:
            style = reasons.get(item.label, "") if item.mark is Mark.REMOVED else ""
            text.append(f"    [{item.label}]", style=style or LABEL_STYLES[item.mark])
        console.print(text)


def _side_by_side(shown: Iterable[DiffLine | Hunk], reasons: dict[str, str]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
    table.add_column("raw", ratio=1, overflow="fold")
    table.add_column("cleaned", ratio=1, overflow="fold")
    for item in shown:
        if isinstance(item, Hunk):
            table.add_row(Text(str(item), style=HUNK_STYLE), Text(""))
            continue
        left = Text(item.text, style=STYLES[item.mark]) if item.mark is not Mark.ADDED else Text("")
        if item.mark is Mark.KEPT:
            right = Text(item.text)
            if item.label:
                right.append(f"  [{item.label}]", style="dim")
        elif item.mark is Mark.REMOVED:
            right = Text(f"[{item.label}]", style=reasons.get(item.label) or LABEL_STYLES[Mark.REMOVED])
        elif item.mark is Mark.METADATA:
            right = Text(f"→ {item.label}", style=LABEL_STYLES[Mark.METADATA])
        else:
            right = Text(item.text, style=STYLES[Mark.ADDED])
        table.add_row(left, right)
    return table


def print_stats(console: Console, stats: Stats, title: str = "kept and removed",
                reasons: dict[str, str] | None = None) -> None:
    reasons = reasons or {}
    table = Table(title=title, show_lines=False)
    table.add_column("what")
    table.add_column("lines", justify="right")
    table.add_column("characters", justify="right")
    table.add_row("kept", f"{stats.kept_lines:,}", f"{stats.kept_chars:,}")
    if stats.metadata_lines:
        table.add_row("moved to metadata", f"{stats.metadata_lines:,}", f"{stats.metadata_chars:,}")
    table.add_row("removed", f"{stats.removed_lines:,}", f"{stats.removed_chars:,}")
    for reason, (n, chars) in stats.by_reason.items():
        table.add_row(Text(f"  {reason}", style=reasons.get(reason, "")), f"{n:,}", f"{chars:,}")
    if stats.added_lines:
        table.add_row(Text("only in the cleaned output", style="green"), f"{stats.added_lines:,}",
                      f"{stats.added_chars:,}")
    console.print(table)


def print_summary(console: Console, rows: Sequence[Row], totals: Stats) -> None:
    """The folder summary: one row per document, empty outputs first, then the most lost."""
    table = Table(title="documents: empty outputs first, then the most text lost", show_footer=True)
    n = len(rows)
    table.add_column("document", footer=f"{n} document{'s' if n != 1 else ''}", overflow="fold")
    table.add_column("status")
    table.add_column("raw chars", justify="right", footer=f"{totals.raw_chars:,}")
    table.add_column("kept", justify="right", footer=f"{totals.kept_chars:,}")
    table.add_column("removed", justify="right", footer=f"{totals.removed_chars:,}")
    table.add_column("kept %", justify="right", footer=f"{100 * totals.kept_ratio:.1f}")
    table.add_column("top reason", footer=totals.top_reason)
    for row in rows:
        status = Text(row.status.value, style=STATUS_STYLES[row.status])
        s = row.stats
        if s is None:
            table.add_row(Text(row.document), status, "", "", "", "", "")
            continue
        table.add_row(Text(row.document), status, f"{s.raw_chars:,}", f"{s.kept_chars:,}", f"{s.removed_chars:,}",
                      f"{100 * s.kept_ratio:.1f}", Text(s.top_reason))
    console.print(table)


# ---------------------------------------------------------------------------------------------
# Batch runs: a progress bar and a summary table on stderr


class BatchProgress:
    """Documents done (of the total, when known), rate, time left and failures, on a terminal.

    Refreshed from the caller's thread, never by a background one: worker processes are forked while
    the bar is shown, and a fork must not catch another thread holding the console's lock.
    """

    REFRESH_SECONDS = 0.1

    def __init__(self, stream: TextIO, total: int | None) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.console = console_for(stream, True)
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(),
            TextColumn("{task.completed}" + ("/{task.total}" if total else "")),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
            TextColumn("{task.fields[failures]}", style="red"),
            console=self.console, auto_refresh=False, transient=True, redirect_stdout=False, redirect_stderr=False)
        self.task = self.progress.add_task("cleaning", total=total, rate="", failures="")
        self._shown = 0.0

    def start(self) -> None:
        self.progress.start()

    def stop(self) -> None:
        self.progress.stop()

    def _due(self) -> bool:
        """Is it time to redraw (REFRESH_SECONDS since the last time)?"""
        now = time.monotonic()
        if now - self._shown < self.REFRESH_SECONDS:
            return False
        self._shown = now
        return True

    def scanning(self, documents: int) -> None:
        """The first pass of --site-lines: documents read for the lines their sites repeat."""
        if self._due():
            self.progress.update(self.task, description=f"reading the batch for repeated lines: {documents}")
            self.progress.refresh()

    def update(self, summary: BatchSummary) -> None:
        if not self._due():
            return
        elapsed = max(self._shown - summary.started, 1e-9)
        failures = summary.errors
        self.progress.update(self.task, description="cleaning", completed=summary.documents,
                             rate=f"{summary.documents / elapsed:.1f} docs/s",
                             failures=f"{failures} failed" if failures else "")
        self.progress.refresh()

    def message(self, line: str, error: bool = False) -> None:
        """A line above the bar (never read as markup)."""
        self.progress.console.print(Text(line, style="red" if error else "dim"))


def print_batch_summary(console: Console, summary: BatchSummary) -> None:
    table = Table(title="newsclean: interrupted" if summary.interrupted else "newsclean", box=box.SIMPLE,
                  show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents", str(summary.documents))
    table.add_row("cleaned", str(summary.cleaned))
    table.add_row(Text("empty (no article)", style="red" if summary.empty else ""), str(summary.empty))
    table.add_row(Text("failed", style="red" if summary.failed else ""), str(summary.failed))
    table.add_row("skipped", str(sum(summary.skipped.values())))
    for skip, n in summary.skipped.items():
        table.add_row(Text(f"  {skip.value}", style="dim"), str(n))
    table.add_row("characters removed", f"{summary.chars_removed:,}")
    rate = summary.documents / summary.seconds if summary.seconds else 0.0
    table.add_row("time", f"{summary.seconds:.1f} s ({rate:.1f} docs/s)")
    console.print(table)
