"""The only module that imports rich: coloured diff and summaries for a terminal.

Article text is always passed as ``rich.text.Text`` objects, never through markup, so that
``[text in brackets]`` is shown as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

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
