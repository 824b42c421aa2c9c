"""Train the HTML merge network that ships in ``src/newsclean/data/html_merge.npz``.

Recipe:
1. Every page of the benchmark goes through the runtime HTML path (``strip.html.find_candidates``,
   the text model's second opinion, ``html_votes``), so that training and use see the same numbers;
   each rendered line gets the merge features (``strip.merge.line_features``) and a label from the
   page's gold (``training.align.label_page``: the body aligned with the rendered lines, or the
   snippets). A line repeating an earlier body line is labelled not body (the gold has it once).
2. A one-hidden-layer network (``training.train.train``) learns P(article) on the pages outside the
   held-out fifth; lines are weighted by their share of the page's words, so that each page counts
   the same (as the benchmarks' per-page scores do) rather than the longest pages most.
3. The held-out pages are scored with each set's own metric, trafilatura's choice against the
   merged one, for the decision thresholds of ``strip.merge``.

    python -m training.merge --bench-dir ../shared/bench [--jobs 2] [--recollect] [--text-folds DIR]

With ``--text-folds DIR`` (``DIR/fold_K.npz``, K from 0 to FOLDS - 1, made by ``python -m training.train
--exclude-fold K --out DIR/fold_K.npz``), each training page is read by a text model that did not see it
(its fold's), so the network learns how far to trust the text model on pages it never saw, which is what
it meets at run time; the held-out pages are read by the shipped model, as at run time.

The collected pages are cached in ``training/data/merge_pages.pkl`` (git-ignored).
"""

from __future__ import annotations

import argparse
import gzip
import pickle
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from bench import scoring
from bench.data import load_gold
from training.align import label_page
from training.train import FOLDS, fold_of_id, is_holdout, predict, rows, train

from newsclean.errors import NewscleanError
from newsclean.read import decode
from newsclean.strip import html as html_stripper
from newsclean.strip import merge
from newsclean.strip import text as text_stripper
from newsclean.strip.model import LineModel, Network, load_model, read_model
from newsclean.strip.sanitize import drop_internal_subset

OUT = Path(__file__).resolve().parent.parent / "src" / "newsclean" / "data" / "html_merge.npz"
CACHE = Path(__file__).resolve().parent / "data" / "merge_pages.pkl"
SETS = ("aeb", "wcxb-dev", "traf")
HIDDEN = 16
EPOCHS = 60
BATCH = 512
SEEDS = 5  # networks trained from different seeds, their probabilities averaged (held-out figures vary by
# ~0.005 from one seed to another on these few pages: the average is steadier)
BODY_MIN_WORDS_FOR_REPEAT = 3  # shorter repeated lines ("Share") may be body twice


@dataclass
class Page:
    set: str
    id: str
    holdout: bool
    x: np.ndarray  # merge features, one row per rendered line
    y: np.ndarray  # 1 body, 0 not, -1 unknown
    words: np.ndarray
    kept: np.ndarray  # trafilatura's choice after the second opinion
    # the output as a sequence: (rendered line index or None, text, kept by trafilatura's choice)
    sequence: list[tuple[int | None, str, bool]]

    @property
    def w(self) -> np.ndarray:
        """Each line's share of the page's words, so that every page counts the same."""
        return (self.words + 1) / (self.words + 1).sum()


@lru_cache(maxsize=FOLDS)
def _fold_model(path: Path) -> LineModel | None:
    with open(path, "rb") as fh:
        return read_model(fh)


def _use_text_model(gold: dict, folds: Path | None) -> None:
    """Make the runtime read this page with its fold's text model (``folds`` given, a training page),
    else with the shipped one."""
    if folds is None or is_holdout(gold["id"]):
        model = load_model()
    else:
        model = _fold_model(folds / f"fold_{fold_of_id(gold['id'])}.npz")
    text_stripper.load_model = lambda: model  # type: ignore[assignment]


def collect_page(task: tuple[str, Path, dict, Path | None]) -> Page | None:
    name, path, gold, folds = task
    _use_text_model(gold, folds)
    try:
        text = drop_internal_subset(decode(gzip.decompress(path.read_bytes()), str(path)))
        found = html_stripper.find_candidates(text, url=gold.get("url"))
    except NewscleanError:
        return None
    if found.text_model is None:
        return None
    second = html_stripper._second_opinion(found.pairs, *found.text_model)
    votes = html_stripper.html_votes(found.page, found.pairs, second, *found.text_model)
    lines = found.page.lines
    y = np.array(label_page(lines, gold).labels, dtype=float)
    seen: set[str] = set()
    for i, line in enumerate(lines):  # the gold holds a repeated paragraph once
        if y[i] == 1 and votes.words[i] >= BODY_MIN_WORDS_FOR_REPEAT:
            if line in seen:
                y[i] = 0
            seen.add(line)
    sequence = [(i, line.text, line.role.kept) for line, i in second]
    return Page(name, gold["id"], is_holdout(gold["id"]), merge.line_features(found.page, votes), y, votes.words,
                votes.second_opinion, sequence)


def load_golds(bench: Path, sets: tuple[str, ...]) -> dict[tuple[str, str], dict]:
    """The gold record of every page, by (set, page id)."""
    return {(name, page.id): page.gold for name in sets for page in load_gold(bench, name)}


def collect(bench: Path, golds: dict[tuple[str, str], dict], jobs: int, folds: Path | None = None) -> list[Page]:
    tasks = [(name, bench / name / "html" / f"{page_id}.html.gz", gold, folds)
             for (name, page_id), gold in golds.items()]
    with ProcessPoolExecutor(jobs) as pool:
        return [p for p in pool.map(collect_page, tasks, chunksize=8) if p is not None]


def output(page: Page, keep: np.ndarray) -> str:
    return "\n\n".join(text for i, text, kept in page.sequence if (keep[i] if i is not None else kept))


def score(pages: list[Page], golds: dict[tuple[str, str], dict], keeps: list[np.ndarray]) -> float:
    """The set's metric over ``pages`` (all of one set) with these choices of lines."""
    return scoring.set_aggregate(pages[0].set, [scoring.set_page(p.set, golds[(p.set, p.id)], output(p, keep))
                                                for p, keep in zip(pages, keeps, strict=True)])["f1"]


def report(pages: list[Page], golds: dict, ensemble: merge.Ensemble, thresholds: list[tuple[float, float]]
           ) -> None:
    probs = [ensemble.probabilities(p.x) for p in pages]
    for add, drop in thresholds:
        cells = []
        for name in sorted({p.set for p in pages}):
            for held in (False, True):
                chosen = [k for k, p in enumerate(pages) if p.set == name and p.holdout == held]
                if not chosen:
                    continue
                part = [pages[k] for k in chosen]
                base = score(part, golds, [p.kept for p in part])
                keeps = [merge.decide(p.kept, probs[k], add, drop) for p, k in zip(part, chosen, strict=True)]
                cells.append(f"{name} {'held-out' if held else 'train'} {base:.4f} -> {score(part, golds, keeps):.4f}")
        print(f"add > {add}, drop < {drop}: " + " | ".join(cells), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench-dir", type=Path, default=Path("../shared/bench"))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--recollect", action="store_true", help="recompute the pages' features (else cached)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--text-folds", type=Path, metavar="DIR", default=None,
                    help="out-of-fold text models DIR/fold_K.npz for the training pages (see above)")
    ap.add_argument("--cache", type=Path, default=CACHE, help="where the collected pages are kept")
    ap.add_argument("--thresholds", default="", help="extra add/drop pairs to score, e.g. 0.5/0.5,0.9/0.1")
    args = ap.parse_args()
    sets = tuple(args.sets.split(","))
    started = time.time()
    golds = load_golds(args.bench_dir, sets)
    if args.recollect or not args.cache.exists():
        pages = collect(args.bench_dir, golds, args.jobs, args.text_folds)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(pages))
    else:
        pages = [p for p in pickle.loads(args.cache.read_bytes()) if p.set in sets]
    print(f"{len(pages)} pages, {sum(len(p.y) for p in pages)} lines ({time.time() - started:.0f} s)", flush=True)
    x, y, w = rows([p for p in pages if not p.holdout])
    networks = []
    for seed in range(SEEDS):
        params = train(x, y, w, seed=seed, quiet=True, hidden=HIDDEN, epochs=EPOCHS, batch=BATCH)
        fitted = float(((predict(params, x) > 0.5) == y).astype(float) @ w / w.sum())
        print(f"seed {seed}: weighted accuracy on training lines {fitted:.4f}", flush=True)
        networks.append(Network(params["mean"], params["scale"], params["w1"], params["b1"], params["w2"],
                                float(params["b2"][0])))
    ensemble = merge.Ensemble(tuple(networks))
    extra = [tuple(map(float, pair.split("/"))) for pair in args.thresholds.split(",") if pair]
    report(pages, golds, ensemble, [(merge.ADD_ABOVE, merge.DROP_BELOW), *extra])  # type: ignore[list-item]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **merge.ensemble_arrays(ensemble))
    assert merge.read_merge_model(args.out).probabilities(x[:100]).tolist() == ensemble.probabilities(x[:100]).tolist()
    print(f"wrote {args.out} ({time.time() - started:.0f} s)")


if __name__ == "__main__":
    main()
