"""HTML reports of a diff: one self-contained page per document, and an index page for a folder.

Pure functions returning strings. Pages carry their CSS and script inline and a Content-Security-
Policy that forbids every network load, so they work offline and a hostile page's text cannot
load anything: every piece of text goes through ``html.escape``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from .diff import DiffLine, DocDiff, Mark, Stats, stats
from .diffdir import Row, Status

# Distinct colours that read on white and on a dark background, for up to 12 reasons in a page;
# reasons with the most removed characters get the first ones.
PALETTE = ("#d62728", "#7b3fbf", "#c85f00", "#1f64b4", "#c2187a", "#8c564b", "#6f7300", "#4b5563", "#1e3a8a",
           "#a21caf", "#a87900", "#9f1239")
# No network, no plugins, no frames, no forms: only the page's own inline style and script.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")

CSS = """
:root { --bg:#fff; --fg:#1f2328; --muted:#656d76; --line:#d0d7de; --kept:#fff; --panel:#f6f8fa; }
@media (prefers-color-scheme: dark) {
  :root { --bg:#0d1117; --fg:#e6edf3; --muted:#8d96a0; --line:#30363d; --kept:#0d1117; --panel:#161b22; }
}
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--fg);
  font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header, section, main { max-width:1100px; margin:0 auto; padding:0 20px; }
header { padding-top:18px; }
h1 { font-size:20px; margin:0 0 4px; word-break:break-all; }
h2 { font-size:15px; margin:18px 0 6px; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; }
a { color:#0969da; }
.summary { color:var(--muted); margin:0; }
.grid { display:flex; flex-wrap:wrap; gap:0 40px; }
.grid > div { flex:1 1 320px; min-width:0; }
dl.meta { display:grid; grid-template-columns:max-content 1fr; gap:2px 14px; margin:0; }
dl.meta dt { color:var(--muted); } dl.meta dd { margin:0; overflow-wrap:anywhere; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:3px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { color:var(--muted); font-weight:600; }
td.n, th.n { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
.sw { display:inline-block; width:.8em; height:.8em; border-radius:2px; background:var(--c); margin-right:6px;
  vertical-align:-.05em; }
.legend { list-style:none; padding:0; margin:0; display:flex; flex-wrap:wrap; gap:4px 8px; }
.legend li { border:1px solid var(--line); border-radius:12px; padding:1px 10px; cursor:pointer;
  user-select:none; font-size:13px; }
.legend li.on { outline:2px solid var(--c, var(--fg)); }
.legend .eg { font-family:ui-monospace, SFMono-Regular, Menlo, monospace; }
.controls { margin:8px 0; font-size:13px; color:var(--muted); }
.controls label { margin-right:14px; }
main { padding-bottom:40px; }
.doc { border:1px solid var(--line); border-radius:6px; overflow:hidden; }
.ln { display:flex; gap:8px; padding:2px 10px 2px 0; border-bottom:1px solid var(--line); background:var(--kept); }
.ln:last-child { border-bottom:0; }
.ln .no { flex:0 0 3.2em; text-align:right; color:var(--muted); font-size:12px; padding-top:2px;
  font-variant-numeric:tabular-nums; user-select:none; }
.ln .mk { flex:0 0 1em; font-family:ui-monospace, SFMono-Regular, Menlo, monospace; color:var(--muted); }
.ln .tx, .ln del, .ln ins { flex:1 1 auto; min-width:0; overflow-wrap:anywhere; white-space:pre-wrap; }
.ln .why { flex:0 0 auto; font-size:12px; padding:1px 7px; border-radius:10px; align-self:flex-start;
  white-space:nowrap; color:#fff; background:var(--c, var(--muted)); }
.ln.rm { background:color-mix(in srgb, var(--c) 9%, var(--bg)); box-shadow:inset 3px 0 var(--c); }
.ln.rm del { color:var(--c); text-decoration:line-through; text-decoration-color:var(--c); }
.ln.md { background:color-mix(in srgb, #0891b2 10%, var(--bg)); box-shadow:inset 3px 0 #0891b2; }
.ln.md .why { background:#0891b2; }
.ln.ad { background:color-mix(in srgb, #15803d 10%, var(--bg)); box-shadow:inset 3px 0 #15803d; }
.ln.ad ins { text-decoration:none; color:#15803d; } .ln.ad .why { background:#15803d; }
.ln.kp .why { background:transparent; color:var(--muted); border:1px solid var(--line); }
body.hide-kp .ln.kp, body.hide-rm .ln.rm, body.hide-md .ln.md, body.hide-ad .ln.ad { display:none; }
body.focus .ln.rm:not(.hit) { opacity:.35; }
.bar { display:inline-block; height:.7em; background:#15803d; border-radius:2px; vertical-align:middle; }
.bar.lost { background:#be123c; }
.st-empty, .st-missing, .st-failed { color:#be123c; font-weight:600; }
footer { max-width:1100px; margin:0 auto; padding:0 20px 30px; color:var(--muted); font-size:12px; }
"""

SCRIPT = """
document.querySelectorAll('input[data-hide]').forEach(function (box) {
  box.addEventListener('change', function () {
    document.body.classList.toggle('hide-' + box.dataset.hide, !box.checked);
  });
});
document.querySelectorAll('.legend li[data-reason]').forEach(function (item) {
  item.addEventListener('click', function () {
    var on = !item.classList.contains('on');
    document.querySelectorAll('.legend li.on').forEach(function (o) { o.classList.remove('on'); });
    item.classList.toggle('on', on);
    document.body.classList.toggle('focus', on);
    document.querySelectorAll('.ln.rm').forEach(function (ln) {
      ln.classList.toggle('hit', on && ln.dataset.reason === item.dataset.reason);
    });
  });
});
"""


def page_path(relative: Path) -> Path:
    """Where a folder report puts a document's page: ``pages/`` + its raw path + ``.html``
    (``pages/ki/a.html.gz.html``), so that no two documents and no page and the index collide."""
    return Path("pages") / relative.with_name(relative.name + ".html")


def index_href(page: Path) -> str:
    """The link from a page at ``page`` (relative to the report folder) back to ``index.html``."""
    return "../" * (len(page.parts) - 1) + "index.html"


def reason_colours(reasons: Iterable[str]) -> dict[str, str]:
    """A colour for each reason, in the given order (most removed characters first)."""
    return {reason: PALETTE[i % len(PALETTE)] for i, reason in enumerate(reasons)}


def document_page(diff: DocDiff, *, index_href: str | None = None, title: str | None = None) -> str:
    """A self-contained HTML page: the raw document with removed lines struck through and coloured by
    reason (the reason on hover), a legend, the metadata and the stats."""
    s = stats(diff.lines)
    colours = reason_colours(s.by_reason)
    name = title or diff.source
    back = f'<p><a href="{escape(index_href)}">← all documents</a></p>' if index_href else ""
    meta = "".join(f"<dt>{escape(k)}</dt><dd>{_meta_value(k, v)}</dd>" for k, v in diff.metadata)
    body = [
        f"<header>{back}<h1>{escape(name)}</h1><p class=\"summary\">{escape(_summary(s))}"
        f" · {escape(diff.kind.value)} input{_rendered_note(diff)}</p></header>",
        '<section class="grid"><div><h2>Metadata</h2>',
        f'<dl class="meta">{meta}</dl>' if meta else '<p class="summary">none extracted</p>',
        f"</div><div><h2>Stats</h2>{_stats_table(s, colours)}</div></section>",
        f"<section><h2>Legend</h2>{_legend(diff.lines, s, colours)}{_controls(s)}</section>",
        f'<main><h2>Document</h2><div class="doc">{_lines(diff.lines, colours)}</div></main>',
    ]
    return _page(f"newsclean diff: {name}", "".join(body))


def index_page(rows: Sequence[Row], pages: dict[str, str], totals: Stats, title: str) -> str:
    """The folder report: one row per document (linking to its page), in the given order, and totals."""
    cells = []
    for row in rows:
        link = pages.get(row.document)
        name = f'<a href="{escape(link)}">{escape(row.document)}</a>' if link else escape(row.document)
        s = row.stats
        if s is None:
            numbers = '<td class="n"></td>' * 4 + "<td></td><td></td>"
        else:
            kept = round(100 * s.kept_ratio)
            numbers = (f'<td class="n">{s.raw_chars:,}</td><td class="n">{s.kept_chars:,}</td>'
                       f'<td class="n">{s.removed_chars:,}</td><td class="n">{100 * s.kept_ratio:.1f} %</td>'
                       f'<td><span class="bar" style="width:{kept}px"></span>'
                       f'<span class="bar lost" style="width:{100 - kept}px"></span></td>'
                       f"<td>{escape(s.top_reason)}</td>")
        cells.append(f'<tr><td>{name}</td><td class="st-{row.status.value}">{escape(row.status.value)}</td>'
                     f"{numbers}</tr>")
    counts = {st: sum(1 for r in rows if r.status is st) for st in Status}
    summary = f"{len(rows)} documents · " + ", ".join(f"{n} {st.value}" for st, n in counts.items() if n)
    head = ('<tr><th>document</th><th>status</th><th class="n">raw chars</th><th class="n">kept</th>'
            '<th class="n">removed</th><th class="n">kept %</th><th>kept / lost</th><th>top reason</th></tr>')
    colours = reason_colours(totals.by_reason)
    body = (f'<header><h1>{escape(title)}</h1><p class="summary">{escape(summary)} · '
            f"{escape(_summary(totals))}</p></header>"
            f"<section><h2>Documents (empty outputs first, then the most lost)</h2>"
            f"<table>{head}{''.join(cells)}</table></section>"
            f"<section><h2>All documents</h2>{_stats_table(totals, colours)}</section>")
    return _page(f"newsclean diff: {title}", body)


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="newsclean"><title>{escape(title)}</title>'
        f"<style>{CSS}</style></head>\n<body>{body}"
        "<footer>made by newsclean diff · self-contained page: nothing is loaded from the network</footer>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def _summary(s: Stats) -> str:
    lines = s.kept_lines + s.removed_lines + s.metadata_lines
    text = (f"kept {s.kept_chars:,} of {s.raw_chars:,} characters ({100 * s.kept_ratio:.1f} %); "
            f"{s.removed_lines:,} of {lines:,} lines removed")
    if s.metadata_lines:
        text += f", {s.metadata_lines:,} moved to metadata"
    if s.added_lines:
        text += f"; {s.added_lines:,} paragraphs only in the cleaned output"
    return text


def _rendered_note(diff: DocDiff) -> str:
    return " (lines are the page's rendered text)" if diff.kind.value == "html" else ""


def _meta_value(key: str, value: str) -> str:
    if key == "url" and value.startswith(("https://", "http://")):
        return f'<a href="{escape(value)}" rel="noreferrer noopener">{escape(value)}</a>'
    return escape(value)


def _stats_table(s: Stats, colours: dict[str, str]) -> str:
    rows = [("kept", s.kept_lines, s.kept_chars, "")]
    if s.metadata_lines:
        rows.append(("moved to metadata", s.metadata_lines, s.metadata_chars, ""))
    rows.append(("removed", s.removed_lines, s.removed_chars, ""))
    rows += [(reason, n, c, colours.get(reason, "")) for reason, (n, c) in s.by_reason.items()]
    if s.added_lines:
        rows.append(("only in the cleaned output", s.added_lines, s.added_chars, ""))
    out = ['<table><tr><th></th><th class="n">lines</th><th class="n">characters</th></tr>']
    for label, n, c, colour in rows:
        name = (f'&nbsp;&nbsp;<span class="sw" style="--c:{colour}"></span>{escape(label)}' if colour
                else escape(label))
        out.append(f'<tr><td>{name}</td><td class="n">{n:,}</td><td class="n">{c:,}</td></tr>')
    return "".join(out) + "</table>"


def _legend(lines: Sequence[DiffLine], s: Stats, colours: dict[str, str]) -> str:
    items = ['<li><span class="eg">&nbsp;</span> kept</li>']
    if s.metadata_lines:
        items.append('<li><span class="eg">~</span> moved to metadata (title, byline, caption)</li>')
    if s.added_lines:
        items.append('<li><span class="eg">+</span> only in the cleaned output</li>')
    for reason, (n, _) in s.by_reason.items():
        colour = colours[reason]
        items.append(f'<li data-reason="{escape(reason)}" style="--c:{colour}" title="click: highlight these">'
                     f'<span class="sw"></span><span class="eg">-</span> <del>{escape(reason)}</del> ({n})</li>')
    return f'<ul class="legend">{"".join(items)}</ul>'


def _controls(s: Stats) -> str:
    boxes = [("kp", "kept lines"), ("rm", "removed lines")]
    if s.metadata_lines:
        boxes.append(("md", "metadata lines"))
    if s.added_lines:
        boxes.append(("ad", "cleaned-only paragraphs"))
    return '<div class="controls">show: ' + "".join(
        f'<label><input type="checkbox" data-hide="{key}" checked> {label}</label>' for key, label in boxes) + "</div>"


def _lines(lines: Sequence[DiffLine], colours: dict[str, str]) -> str:
    out = []
    number = 0
    for dl in lines:
        text = escape(dl.text)
        label = escape(dl.label)
        if dl.mark is not Mark.ADDED:
            number += 1
        no = f'<span class="no">{number if dl.mark is not Mark.ADDED else ""}</span>'
        if dl.mark is Mark.REMOVED:
            out.append(f'<div class="ln rm" style="--c:{colours.get(dl.label, PALETTE[0])}" data-reason="{label}" '
                       f'title="removed: {label}">{no}<span class="mk">-</span><del>{text}</del>'
                       f'<span class="why">{label}</span></div>')
        elif dl.mark is Mark.METADATA:
            out.append(f'<div class="ln md" title="moved to metadata: {label}">{no}<span class="mk">~</span>'
                       f'<span class="tx">{text}</span><span class="why">{label}</span></div>')
        elif dl.mark is Mark.ADDED:
            out.append(f'<div class="ln ad" title="only in the cleaned output">{no}<span class="mk">+</span>'
                       f'<ins>{text}</ins><span class="why">{label}</span></div>')
        else:
            why = f'<span class="why">{label}</span>' if label else ""
            hover = f' title="kept: {label}"' if label else ""
            out.append(f'<div class="ln kp"{hover}>{no}<span class="mk">&nbsp;</span>'
                       f'<span class="tx">{text}</span>{why}</div>')
    return "".join(out)
