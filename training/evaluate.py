"""Score the text stripper on the benchmark dumps, all pages or the held-out fifth only.

    python -m training.evaluate --bench-dir ../shared/bench [--holdout | --tuning] [--no-model] [--sets aeb,wcxb-dev]
                                [--site-lines]

Prints, per set and dump style, the set's metric (aeb: shingle F1; wcxb-dev: bag-of-words F1;
traf: snippet F1) with the exact formulas of bench/scoring.py, so decoding constants can be tuned
on the held-out pages that training never saw; with ``--tuning``, the other four fifths only (where
metadata rules are designed). For authors, "wrong" counts the pages given names the gold does not have.
With ``--site-lines``, each page is cleaned as in a batch run with ``--site-lines`` where each site's pages
come together (the site being the gold URL's host): the lines the set's other dumps of that host repeat
are removed (newsclean.sitelines).
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from bench import scoring
from training.align import dump_path
from training.train import in_split

import newsclean
from newsclean.errors import NewscleanError
from newsclean.sitelines import SiteLines
from newsclean.sitescan import site_of
from newsclean.strip import text as text_stripper
from newsclean.strip.model import read_model

STYLES = ("dump-browser", "dump-blocks")


def run(bench: Path, sets: list[str], split: str, use_model: bool, styles: tuple[str, ...] = STYLES,
        site_lines: bool = False) -> dict[tuple[str, str], dict]:
    """Score the pages of ``split`` (``training.train.SPLITS``)."""
    if not use_model:
        text_stripper.load_model = lambda: None  # type: ignore[assignment]
    results = {}
    for name in sets:
        lines = (bench / name / "gold.jsonl").read_text(encoding="utf-8").split("\n")
        gold = [json.loads(line) for line in lines if line]
        for style in styles:
            repeated = _site_lines(bench, name, style, gold) if site_lines and style != "html" else {}
            pages = []
            meta: dict[str, list[bool]] = {"title": [], "author": [], "date": []}
            wrong_authors = 0
            for g in gold:
                if not in_split(g["id"], split):
                    continue
                raw = gzip.decompress(_path(bench, name, style, g["id"]).read_bytes())
                try:
                    doc = newsclean.clean(raw, kind="html" if style == "html" else "text", url=g.get("url"),
                                          site_lines=repeated.get(site_of(g.get("url"), g["id"]), frozenset()))
                    got = doc.text
                    values = {"title": doc.title, "author": doc.authors, "date": doc.date}
                except NewscleanError:
                    got = ""
                    values = {"title": None, "author": [], "date": None}
                for key in meta:
                    if g.get(key):
                        meta[key].append(scoring.meta_match(key, g[key], values[key]))
                wrong_authors += bool(g.get("author") and values["author"] and not meta["author"][-1])
                pages.append(scoring.set_page(name, g, got))
            agg = scoring.set_aggregate(name, pages)
            results[(name, style)] = agg
            wrong = {"author": f", {wrong_authors} wrong"}
            fields = "  ".join(f"{k} {sum(v) / len(v):.3f} (n={len(v)}{wrong.get(k, '')})"
                               for k, v in meta.items() if v)
            print(f"{name:9} {style:13} P {agg['p']:.3f} R {agg['r']:.3f} F1 {agg['f1']:.3f} n={agg['n']}  {fields}",
                  flush=True)
    return results


def _path(bench: Path, name: str, style: str, page_id: str) -> Path:
    if style == "html":
        return bench / name / style / f"{page_id}.html.gz"
    return dump_path(bench, name, style.removeprefix("dump-"), page_id)


def _site_lines(bench: Path, name: str, style: str, gold: list[dict]) -> dict[str, frozenset[int]]:
    """What a batch run's first pass learns from every dump of the set (all pages, as a batch holds them)."""
    counts = SiteLines()
    for g in gold:
        text = gzip.decompress(_path(bench, name, style, g["id"]).read_bytes()).decode("utf-8", "replace")
        counts.add(site_of(g.get("url"), g["id"]), text)
    return counts.repeated()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench-dir", type=Path, default=Path("../shared/bench"))
    ap.add_argument("--sets", default="aeb,wcxb-dev,traf")
    split = ap.add_mutually_exclusive_group()
    split.add_argument("--holdout", action="store_const", const="holdout", dest="split", default="all",
                       help="the held-out fifth only")
    split.add_argument("--tuning", action="store_const", const="tuning", dest="split",
                       help="the other four fifths only")
    ap.add_argument("--html", action="store_true", help="score the HTML pages instead of the dumps")
    ap.add_argument("--styles", default=",".join(STYLES),
                    help="dump styles: the bench's (dump-browser, dump-blocks) or made by bench.styles (w3m, lynx)")
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--site-lines", action="store_true",
                    help="remove the lines other dumps of the page's host repeat, as a batch run with --site-lines")
    ap.add_argument("--model", type=Path, help="evaluate this model file instead of the shipped one")
    ap.add_argument("--const", action="append", default=[], metavar="NAME=VALUE",
                    help="override a decoding constant of newsclean.strip.text (for tuning)")
    args = ap.parse_args()
    for item in args.const:
        name, value = item.split("=", 1)
        setattr(text_stripper, name, float(value))
    if args.model:
        with open(args.model, "rb") as fh:
            model = read_model(fh)
        text_stripper.load_model = lambda: model  # type: ignore[assignment]
    run(args.bench_dir, args.sets.split(","), args.split, not args.no_model,
        ("html",) if args.html else tuple(args.styles.split(",")), args.site_lines)


if __name__ == "__main__":
    main()
