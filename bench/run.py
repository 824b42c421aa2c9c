"""Benchmark newsclean against its peers on /work/shared/bench; prints the TEXT, HTML and META tables.

    python -m bench.run [--bench-dir ../shared/bench] [--sets aeb,wcxb-dev,traf] [--only text,html,meta]
                        [--limit N] [--out bench/results] [--jobs N] [--retime]

docs/s counts CPU time of the extraction call alone (inputs are read and un-gzipped beforehand).
Peers' outputs and timings are cached under <out>/cache, so a re-run only recomputes newsclean.
--jobs N computes missing peer results in N processes; their timings are then slowed by the
contention (flagged under the tables). --retime recomputes the selected peers in one process, so
that their speed and newsclean's are measured at the same time (the machine's load varies).
Details go to <out>: per_page.jsonl, catastrophic.jsonl, meta_mismatches.jsonl, newsclean_outputs.jsonl,
summary.json, tables.txt.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import report
from .data import DUMPS, HTML, META_FIELDS, METRIC, SETS, load_gold
from .peers import HTML_PEERS, META_PEERS, TEXT_PEERS
from .runner import PeerCache, run_inprocess, run_peers
from .target import load_target

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("text", "html", "meta")
REFERENCE = "trafilatura"  # trafilatura on the HTML: reference row and speed unit
META_ONLY = {"htmldate": ("date",)}  # fields a metadata peer gives


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    ap.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated, of: " + ", ".join(SETS))
    ap.add_argument("--only", default=",".join(PARTS), help="tables to make, of: " + ", ".join(PARTS))
    ap.add_argument("--limit", type=int, help="first N pages of each set")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    ap.add_argument("--jobs", type=int, default=1, help="processes for computing missing peer results")
    ap.add_argument("--retime", action="store_true", help="recompute the selected peers in one process")
    ap.add_argument("--target", default="newsclean", help="module with newsclean's clean() contract")
    ap.add_argument("--no-target", action="store_true", help="peers only (e.g. to warm the cache)")
    args = ap.parse_args(argv)
    args.sets = _choices(args.sets, SETS, "--sets")
    args.only = _choices(args.only, PARTS, "--only")
    return args


def _choices(value: str, allowed, flag: str) -> list[str]:
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    if bad := [v for v in chosen if v not in allowed]:
        sys.exit(f"{flag}: unknown {', '.join(bad)} (choose from {', '.join(allowed)})")
    return chosen


def plan(args, pages) -> tuple[set, dict[str, set[str]]]:
    """(peer runs as (system, set, style), set -> styles the target runs on)."""
    peer_keys, target_styles = set(), {name: set() for name in args.sets}
    with_meta = report.meta_sets(pages)
    for name in args.sets:
        peer_keys.add((REFERENCE, name, HTML))
        if "text" in args.only:
            target_styles[name].update(DUMPS)
            peer_keys.update((peer, name, style) for peer in TEXT_PEERS for style in DUMPS)
        if "html" in args.only:
            target_styles[name].add(HTML)
            peer_keys.update((peer, name, HTML) for peer in HTML_PEERS)
        if "meta" in args.only and name in with_meta:
            target_styles[name].update((HTML, *DUMPS))
            peer_keys.update((peer, name, HTML) for peer in META_PEERS)
    return peer_keys, target_styles


def run_target(args, pages, target_styles) -> tuple[str | None, dict]:
    if args.no_target:
        return None, {}
    try:
        make = load_target(args.target)
    except Exception as exc:
        print(f"warning: {args.target} not usable ({type(exc).__name__}: {exc}); peers only", file=sys.stderr)
        return None, {}
    results = {}
    for name, styles in target_styles.items():
        for style in sorted(styles):
            print(f"running {args.target} on {name}/{style}", file=sys.stderr)
            kind = "html" if style == HTML else "text"
            results[(args.target, name, style)] = run_inprocess(
                f"{args.target}:{kind}", make(kind), name, style, pages[name], args.bench_dir
            )
    return args.target, results


@dataclass
class Details:
    """What a run prints and writes to --out."""

    tables: list[str] = field(default_factory=list)
    summary: dict[str, list] = field(default_factory=dict)
    per_page: list[dict] = field(default_factory=list)
    catastrophic: list[dict] = field(default_factory=list)
    mismatches: list[dict] = field(default_factory=list)
    scored: dict[tuple, dict] = field(default_factory=dict)

    def text_entry(self, pages, results, system: str, name: str, style: str) -> tuple[str, str, dict]:
        """Score one text run once, keeping its per-page rows and catastrophic pages."""
        key = (system, name, style)
        if key not in self.scored:
            rows, s = report.score_text(METRIC[name], pages[name], results[key])
            tag = {"set": name, "input": style, "system": system}
            self.per_page.extend(tag | row for row in rows)
            self.catastrophic.append(tag | {"count": s["bad"], "pages": s.pop("bad_ids")})
            self.scored[key] = tag | s
        return style, system, self.scored[key]

    def write(self, out: Path, target_results: dict) -> None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "tables.txt").write_text("\n".join(self.tables), encoding="utf-8")
        (out / "summary.json").write_text(json.dumps(self.summary, indent=1, ensure_ascii=False), encoding="utf-8")
        report.write_jsonl(out / "per_page.jsonl", self.per_page)
        report.write_jsonl(out / "catastrophic.jsonl", self.catastrophic)
        report.write_jsonl(out / "meta_mismatches.jsonl", self.mismatches)
        outputs = ({"set": name, "input": style, "id": i, **r["out"], "error": r["error"]}
                   for (_, name, style), run in target_results.items() for i, r in run.items())  # fmt: skip
        report.write_jsonl(out / "newsclean_outputs.jsonl", outputs)


def text_tables(details: Details, args, pages, results, first: list[str]) -> None:
    for name in args.sets:
        ref = details.text_entry(pages, results, REFERENCE, name, HTML)[2]["docs_s"]
        for part, styles, peers in (("text", DUMPS, TEXT_PEERS), ("html", (HTML,), HTML_PEERS)):
            if part not in args.only:
                continue
            runs = [(system, style) for style in styles for system in first + list(peers)]
            if part == "text":
                runs.append((REFERENCE, HTML))
            entries = [details.text_entry(pages, results, system, name, style) for system, style in runs]
            details.tables.append(report.text_table(part.upper(), name, entries, ref))
            details.summary.setdefault(part, []).extend(e[2] for e in entries)


def meta_tables(details: Details, args, pages, results, first: list[str]) -> None:
    for name in [n for n in args.sets if n in report.meta_sets(pages)]:
        runs = [(system, style) for style in (HTML, *DUMPS) for system in first]
        runs += [(system, HTML) for system in META_PEERS]
        entries = []
        for system, style in runs:
            fields = META_ONLY.get(system, META_FIELDS)
            rows, s = report.score_meta(pages[name], results[(system, name, style)], fields)
            tag = {"set": name, "input": style, "system": system}
            details.mismatches.extend(tag | row for row in rows)
            details.summary.setdefault("meta", []).append(tag | s)
            entries.append((style, system, s))
        details.tables.append(report.meta_table(name, entries, META_ONLY))


def main(argv=None) -> None:
    args = parse_args(argv)
    started = time.perf_counter()
    pages = {name: load_gold(args.bench_dir, name, args.limit) for name in args.sets}
    peer_keys, target_styles = plan(args, pages)
    cache = PeerCache(args.out / "cache")
    results = run_peers(sorted(peer_keys), pages, args.bench_dir, cache, args.jobs, args.retime)
    target, target_results = run_target(args, pages, target_styles)
    results |= target_results
    first = [target] if target else []

    details = Details()
    if {"text", "html"} & set(args.only):
        text_tables(details, args, pages, results, first)
    if "meta" in args.only:
        meta_tables(details, args, pages, results, first)
    print("\n".join(details.tables))
    details.write(args.out, target_results)
    print(f"done in {time.perf_counter() - started:.1f}s; details in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
