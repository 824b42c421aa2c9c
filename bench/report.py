"""Scoring runs against the gold, the plain-text tables, and the detail files written to --out."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from . import scoring
from .data import META_FIELDS, METRIC, Page
from .runner import Result, docs_per_second, timed_in_parallel

BAD = 0.5  # a page whose own F1 is below this is "catastrophic"


def score_page(metric: str, page: Page, text: str) -> dict | None:
    """This page's scores in the set's metric(s); None when the gold has nothing to score."""
    gold = page.gold
    if metric == "snippet":
        if not (gold.get("with") or gold.get("without")):
            return None
        return scoring.snippet_page(gold.get("with"), gold.get("without"), text)
    if gold.get("body") is None:
        return None
    shingle = scoring.shingle_page(gold["body"], text)
    if metric == "shingle":
        return shingle
    return scoring.bow_page(gold["body"], text) | {f"sh_{k}": v for k, v in shingle.items()}


def score_text(metric: str, pages: Sequence[Page], results: dict[str, Result]) -> tuple[list[dict], dict]:
    """Per-page rows and the run's figures (metric, catastrophic pages, errors, docs/s)."""
    rows = []
    for page in pages:
        res = results[page.id]
        scores = score_page(metric, page, res["out"]["text"])
        if scores is not None:
            rows.append({"id": page.id, **scores, "error": res["error"], "seconds": res["seconds"]})
    if metric == "snippet":
        summary = scoring.aggregate_snippet(rows)
    elif metric == "shingle":
        summary = scoring.aggregate_shingle(rows)
    else:
        summary = scoring.aggregate_bow(rows)
        shingle = scoring.aggregate_shingle({"p": r["sh_p"], "r": r["sh_r"]} for r in rows)
        summary |= {f"sh_{k}": shingle[k] for k in ("p", "r", "f1")}
    bad = sorted((r for r in rows if r["f1"] is not None and r["f1"] < BAD), key=lambda r: r["f1"])
    summary |= {
        "bad": len(bad),
        "bad_ids": [[r["id"], round(r["f1"], 4)] for r in bad],
        "errors": sum(1 for r in results.values() if r["error"]),
        "docs_s": docs_per_second(results),
        "timed_in_parallel": timed_in_parallel(results),
    }
    return rows, summary


def score_meta(pages: Sequence[Page], results: dict[str, Result], fields: Sequence[str]) -> tuple[list, dict]:
    """Mismatch rows and accuracy per field, over pages whose gold field is given (not null, not empty:
    the formula that gives ../shared/bench/README.md's figures for trafilatura's metadata, e.g. traf
    date 0.865 = 630/728; counting traf's 123 empty dates as "no date" gave it 0.743)."""
    mismatches, summary = [], {}
    for field in fields:
        scored = [p for p in pages if p.gold.get(field)]
        right = 0
        for page in scored:
            got = results[page.id]["out"].get(field)
            if scoring.meta_match(field, page.gold[field], got):
                right += 1
            else:
                mismatches.append({"id": page.id, "field": field, "gold": page.gold[field], "got": got})
        summary[field] = right / len(scored) if scored else None
        summary[f"{field}_n"] = len(scored)
    summary["docs_s"] = docs_per_second(results)
    summary["timed_in_parallel"] = timed_in_parallel(results)
    return mismatches, summary


def meta_sets(pages: dict[str, list[Page]]) -> list[str]:
    """Sets with metadata gold."""

    def has_meta(ps: list[Page]) -> bool:
        return any(p.gold.get(f) is not None for p in ps for f in META_FIELDS)

    return [name for name, ps in pages.items() if has_meta(ps)]


# --- tables -------------------------------------------------------------------------------------------


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}" if value >= 10 else f"{value:.3f}"
    return str(value)


def format_table(title: str, headers: Sequence[str], rows: Sequence[Sequence], note: str = "") -> str:
    """Left-aligned text columns, right-aligned numbers; an optional note line under the table."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    numeric = [all(not isinstance(row[i], str) for row in rows) for i in range(len(headers))]

    def line(values):
        aligned = zip(values, widths, numeric, strict=True)
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in aligned)

    rule = "-" * len(line(headers))
    return "\n".join([title, rule, line(headers), rule, *(line(r) for r in cells), *([note] if note else []), ""])


def text_columns(metric: str) -> tuple[list[str], list[str]]:
    """(headers, summary keys) of a set's text metric."""
    if metric == "shingle":
        return ["P", "R", "F1"], ["p", "r", "f1"]
    if metric == "bow":
        keys = ["p", "r", "f1", "sh_p", "sh_r", "sh_f1"]
        return ["bow P", "bow R", "bow F1", "sh P", "sh R", "sh F1"], keys
    return ["P", "R", "F1", "leaked"], ["p", "r", "f1", "leaked"]


METRIC_NAME = {"shingle": "shingle F1", "bow": "bag-of-words F1 (and shingle)", "snippet": "snippet F1"}


def text_table(kind: str, set_name: str, entries: Sequence[tuple[str, str, dict]], ref_docs_s: float) -> str:
    """entries: (style, system, summary); speed is also given relative to trafilatura on the HTML."""
    metric = METRIC[set_name]
    headers, keys = text_columns(metric)
    label = "pages F1<0.5" if metric != "snippet" else "pages snipF1<0.5"
    rows = [
        [style, system, *(s[k] for k in keys), s["bad"], s["errors"], s["docs_s"], s["docs_s"] / ref_docs_s]
        for style, system, s in entries
    ]
    title = f"{kind} — {set_name}: {METRIC_NAME[metric]}, n={entries[0][2]['n']}" if entries else kind
    headers = ["input", "system", *headers, label, "errors", "docs/s", "×traf speed"]
    return format_table(title, headers, rows, _timing_note(entries))


def meta_table(set_name: str, entries: Sequence[tuple], fields_of: dict[str, Sequence[str]]) -> str:
    """entries: (style, system, summary); a system gives the fields in fields_of (default: all)."""
    counts = {f: next((s[f"{f}_n"] for _, _, s in entries if f"{f}_n" in s), 0) for f in META_FIELDS}
    headers = ["input", "system", *(f"{f} (n={counts[f]})" for f in META_FIELDS), "docs/s"]
    rows = [
        [style, system, *(s[f] if f in fields_of.get(system, META_FIELDS) else None for f in META_FIELDS),
         s["docs_s"]]
        for style, system, s in entries
    ]  # fmt: skip
    title = f"META — {set_name}: accuracy where the gold field is given (not null or empty)"
    return format_table(title, headers, rows, _timing_note(entries))


def _timing_note(entries: Sequence[tuple]) -> str:
    parallel = [f"{system}/{style}" for style, system, s in entries if s["timed_in_parallel"]]
    if not parallel:
        return ""
    return f"* docs/s of {', '.join(parallel)} timed in parallel workers (slower): --retime re-measures"


# --- detail files -----------------------------------------------------------------------------------


def write_jsonl(path: Path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
