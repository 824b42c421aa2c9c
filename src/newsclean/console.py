"""The only module that imports rich: coloured diff and summaries for a terminal.

Article text is always passed as ``rich.text.Text`` objects, never through markup, so that
``[text in brackets]`` is shown as written.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .batch import Summary as BatchSummary
from .diff import DiffLine, Mark, Stats

STYLES = {Mark.KEPT: "", Mark.REMOVED: "red strike", Mark.METADATA: "cyan"}
LABEL_STYLES = {Mark.KEPT: "dim", Mark.REMOVED: "yellow", Mark.METADATA: "cyan bold"}


def console_for(stream: TextIO, color: bool | None) -> Console:
    return Console(file=stream, force_terminal=color, no_color=color is False, highlight=False,
                   soft_wrap=True, emoji=False, markup=False)


def print_diff(console: Console, lines: Iterable[DiffLine], only_removed: bool = False) -> None:
    console.print(Text.assemble(("legend: ", "dim"), ("- removed [reason]", "red"), "   ",
                                ("~ metadata [role]", "cyan"), "   ", ("  kept", "")))
    for dl in lines:
        if only_removed and dl.mark is not Mark.REMOVED:
            continue
        text = Text(f"{dl.mark.value} ", style=LABEL_STYLES[dl.mark])
        text.append(dl.text, style=STYLES[dl.mark])
        if dl.label:
            text.append(f"    [{dl.label}]", style=LABEL_STYLES[dl.mark])
        console.print(text)


def print_stats(console: Console, stats: Stats) -> None:
    table = Table(title="kept and removed", show_lines=False)
    table.add_column("what")
    table.add_column("lines", justify="right")
    table.add_column("characters", justify="right")
    table.add_row("kept", str(stats.kept_lines), str(stats.kept_chars))
    table.add_row("removed", str(stats.removed_lines), str(stats.removed_chars))
    for reason, (n, chars) in stats.by_reason.items():
        table.add_row(Text(f"  {reason}"), str(n), str(chars))
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
            TextColumn("cleaning"), BarColumn(), TextColumn("{task.completed}" + ("/{task.total}" if total else "")),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
            TextColumn("{task.fields[failures]}", style="red"),
            console=self.console, auto_refresh=False, transient=True, redirect_stdout=False, redirect_stderr=False)
        self.task = self.progress.add_task("cleaning", total=total, rate="", failures="")
        self._shown = 0.0

    def start(self) -> None:
        self.progress.start()

    def stop(self) -> None:
        self.progress.stop()

    def update(self, summary: BatchSummary) -> None:
        now = time.monotonic()
        if now - self._shown < self.REFRESH_SECONDS:
            return
        self._shown = now
        elapsed = max(now - summary.started, 1e-9)
        failures = summary.errors
        self.progress.update(self.task, completed=summary.documents, rate=f"{summary.documents / elapsed:.1f} docs/s",
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
