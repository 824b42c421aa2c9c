"""Score newsclean's metadata from HTML pages (title, author, date) on all pages, on the tuning pages and on
the held-out fifth (``training.train.is_holdout``), with the formulas of bench/scoring.py.

    python -m bench.meta [--bench-dir ../shared/bench] [--sets wcxb-dev,traf] [--split all|tuning|holdout]
                         [--out bench/results/meta_html.jsonl] [--fast]

A page counts for a field when its gold field is given, not null or empty (as in ``python -m bench.run
--only meta``, and as ../shared/bench/README.md scores the peers: traf's empty dates and authors are pages
nobody annotated, not pages that ask for none). Every page's values go to --out, with ``holdout`` and ``match`` per
field, so that rules are designed on the tuning pages' mismatches only.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from training.train import SPLITS, in_split, is_holdout

import newsclean
from newsclean import htmlmeta
from newsclean.errors import NewscleanError
from newsclean.normalize import normalize_text
from newsclean.read import decode
from newsclean.strip.html import TrafilaturaMetadata, parse_html
from newsclean.strip.render import render_lines
from newsclean.strip.sanitize import drop_internal_subset

from . import scoring
from .data import HTML, META_FIELDS, input_path, load_gold, read_input

ROOT = Path(__file__).resolve().parent.parent


def page_values(raw: bytes | str, url: str | None, fast: bool = False) -> dict:
    """The page's title, authors and date as ``newsclean.clean`` gives them; with ``fast``, from the
    metadata stage alone (no article extraction: the same values but on pages without article text)."""
    try:
        if fast:
            return _metadata_only(raw, url)
        doc = newsclean.clean(raw, kind="html", url=url)
    except NewscleanError:
        return {"title": None, "author": [], "date": None}
    return {"title": doc.title, "author": list(doc.authors), "date": doc.date}


def _metadata_only(raw: bytes | str, url: str | None) -> dict:
    text = decode(raw) if isinstance(raw, bytes) else raw
    tree = parse_html(drop_internal_subset(text))
    meta = htmlmeta.extract(tree, url, fallback=TrafilaturaMetadata(tree, url), lines=render_lines(tree))
    title = normalize_text(meta.title, True)[0] or None if meta.title else None
    return {"title": title, "author": list(meta.authors), "date": meta.date}


Counts = dict[tuple[str, str], dict[str, tuple[int, int]]]  # (set, split) -> field -> (right, scored)


def run(bench: Path, sets: list[str], split: str, out: Path, fast: bool = False) -> Counts:
    """(set, split) -> field -> (right, scored); writes one row per page to ``out``."""
    counts: Counts = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as rows:
        for name in sets:
            for page in load_gold(bench, name):
                if not in_split(page.id, split):
                    continue
                held = is_holdout(page.id)
                got = page_values(read_input(input_path(bench, name, HTML, page.id)), page.url, fast)
                row: dict = {"set": name, "id": page.id, "holdout": held, "url": page.url}
                for field in META_FIELDS:
                    gold = page.gold.get(field)
                    if not gold:  # not given (as report.score_meta)
                        continue
                    match = scoring.meta_match(field, gold, got[field])
                    row[field] = {"gold": gold, "got": got[field], "match": match}
                    for part in ("all", "holdout" if held else "tuning"):
                        right, scored = counts.setdefault((name, part), {}).get(field, (0, 0))
                        counts[(name, part)][field] = (right + match, scored + 1)
                rows.write(json.dumps(row, ensure_ascii=False) + "\n")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.meta", description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--sets", default="wcxb-dev,traf")
    ap.add_argument("--split", choices=SPLITS, default="all")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "meta_html.jsonl")
    ap.add_argument("--fast", action="store_true", help="the metadata stage alone, without article extraction")
    args = ap.parse_args()
    counts = run(args.bench_dir, args.sets.split(","), args.split, args.out, args.fast)
    for (name, part), fields in counts.items():
        cells = "  ".join(f"{field} {right / scored:.3f} ({right}/{scored})"
                          for field, (right, scored) in fields.items())
        print(f"{name:9} {part:8} {cells}", flush=True)


if __name__ == "__main__":
    main()
