"""Train the line model that ships in ``src/newsclean/data/line_model.npz``.

Recipe:
1. ``python -m training.align`` labels every line of the benchmark dumps (1 body, 0 not, -1 unknown)
   by aligning them with the human gold (``training/data/lines.jsonl``, git-ignored).
2. This script recomputes each line's features with the runtime code (``newsclean.strip``), so that
   training and use see exactly the same numbers, holds out a fifth of the pages (by a hash of the
   page id, the same pages for both dump styles), trains a one-hidden-layer network with numpy, and
   reports held-out line accuracy and, with ``--eval``, the held-out benchmark scores per set/style
   for the decoding constants in ``newsclean.strip.text``.

    python -m training.train --bench-dir ../shared/bench [--eval]

Lines are weighted by log(2 + words) so that long lines, which carry most of the benchmark tokens,
count more than menu items; pages are weighted equally within a set, and sets equally.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from training.align import STYLES, dump_path

from newsclean.dates import find_date
from newsclean.strip.features import split_lines
from newsclean.strip.model import ROLES, context_features, feature_matrix, role_features
from newsclean.strip.text import gather_evidence

OUT = Path(__file__).resolve().parent.parent / "src" / "newsclean" / "data" / "line_model.npz"
HOLDOUT_SHARE = 0.2
# network size and training schedule; the defaults of the command line set them (chosen on held-out pages)
HIDDEN = 48
EPOCHS = 16
BATCH = 4096
LEARNING_RATE = 2e-3
L2 = 1e-4
FOLDS = 4
# A language with at least this many training pages (both dump styles counted) is one the model knows.
FAMILIAR_PAGES = 100


def is_holdout(page_id: str) -> bool:
    digest = hashlib.sha256(page_id.encode()).digest()
    return digest[0] < 256 * HOLDOUT_SHARE


SPLITS = ("all", "tuning", "holdout")  # every page; the four fifths trained and tuned on; the held-out fifth


def in_split(page_id: str, split: str) -> bool:
    """Is the page in ``split`` (one of SPLITS)?"""
    return split == "all" or is_holdout(page_id) == (split == "holdout")


def page_matrix(text: str) -> tuple[np.ndarray, list[str]]:
    x, lines, _ = page_evidence(text)
    return x, lines


def page_evidence(text: str) -> tuple[np.ndarray, list[str], str | None]:
    """Feature rows, lines and the stoplist (language) picked for one page."""
    lines, blank = split_lines(text)
    ev = gather_evidence(lines, blank)
    x = feature_matrix(ev.feats, ev.has_stoplist, ev.rule_span, [v.barrier for v in ev.verdicts],
                       [v.score for v in ev.verdicts])
    return x, lines, ev.stoplist


@dataclass
class Page:
    set: str
    id: str
    x: np.ndarray  # features of every line
    y: np.ndarray  # labels (-1 unknown)
    w: np.ndarray  # training weight of every line
    words: np.ndarray
    holdout: bool
    lines: list[str] = field(default_factory=list)
    gold: dict = field(default_factory=dict)
    stoplist: str | None = None
    style: str = ""  # the dump style (training.align's), "" for the clean pages


def load(bench: Path, labels: Path, limit: int = 0) -> list[Page]:
    """Every labelled page with its feature rows, recomputed by the runtime code."""
    with open(labels, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    per_set_pages: dict[str, int] = defaultdict(int)
    gold: dict[tuple[str, str], dict] = {}
    for rec in records:
        per_set_pages[rec["set"]] += 1
    for name in per_set_pages:
        for line in (bench / name / "gold.jsonl").read_text(encoding="utf-8").split("\n"):
            if line:
                g = json.loads(line)
                gold[(name, g["id"])] = g
    pages = []
    for n, rec in enumerate(records):
        if limit and n >= limit:
            break
        path = dump_path(bench, rec["set"], rec["style"], rec["id"])
        text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        x, lines, stoplist = page_evidence(text)
        y = np.array(rec["labels"], dtype=float)
        if lines != rec["lines"] or not (y >= 0).any():
            continue  # read differently from the labels (skip rather than misalign), or nothing known
        words = np.array([len(line.split()) for line in lines], dtype=float)
        w = np.log(2 + words) * (y >= 0)
        w = w / w.sum() / per_set_pages[rec["set"]]  # each page, then each set, weighs the same
        pages.append(Page(rec["set"], rec["id"], x, y, w, words, is_holdout(rec["id"]), lines,
                          gold.get((rec["set"], rec["id"]), {}), stoplist, rec["style"]))
    return pages + clean_pages(bench, limit)


def clean_pages(bench: Path, limit: int = 0) -> list[Page]:
    """Already-clean articles (the gold bodies), every line body: cleaning clean text must keep it
    all, which is what makes cleaning idempotent and safe on inputs that need no cleaning."""
    bodies = []
    for name in ("aeb", "wcxb-dev"):
        with open(bench / name / "gold.jsonl", encoding="utf-8") as fh:
            bodies += [(name + g["id"], g["body"]) for g in map(json.loads, fh) if g.get("body")]
    if limit:
        bodies = bodies[: limit // 4]
    pages = []
    for page_id, body in bodies:
        x, lines = page_matrix(body)
        if not lines:
            continue
        y = np.ones(len(lines))
        words = np.array([len(line.split()) for line in lines], dtype=float)
        w = np.log(2 + words)
        w = w / w.sum() / len(bodies)
        pages.append(Page("clean", page_id, x, y, w, words, is_holdout(_clean_source_id(page_id))))
    return pages


def stack(pages: list[Page], probs: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Second-stage rows (features + first-stage context) of the known lines of ``pages``."""
    xs = [np.hstack([p.x, context_features(pr, p.words)])[p.y >= 0] for p, pr in zip(pages, probs, strict=True)]
    return np.vstack(xs), np.concatenate([p.y[p.y >= 0] for p in pages]), np.concatenate([p.w[p.y >= 0]
                                                                                            for p in pages])


def rows(pages: list[Page]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    known = [p.y >= 0 for p in pages]
    return (np.vstack([p.x[k] for p, k in zip(pages, known, strict=True)]),
            np.concatenate([p.y[k] for p, k in zip(pages, known, strict=True)]),
            np.concatenate([p.w[k] for p, k in zip(pages, known, strict=True)]))


def fold_of(page: Page) -> int:
    return fold_of_id(page.id)


def gold_id(page: Page) -> str:
    """The benchmark page id behind ``page``."""
    return _clean_source_id(page.id) if page.set == "clean" else page.id


def _clean_source_id(clean_id: str) -> str:
    """The page id of a clean page's gold body (its id is the set's name + the page id)."""
    return clean_id[3:] if clean_id.startswith("aeb") else clean_id[len("wcxb-dev"):]


def fold_of_id(page_id: str) -> int:
    """The page's fold (of FOLDS) among the training pages, by a hash of its id."""
    return hashlib.sha256(("fold" + page_id).encode()).digest()[0] % FOLDS


def train(x: np.ndarray, y: np.ndarray, w: np.ndarray, seed: int = 0, quiet: bool = False,
          hidden: int | None = None, groups: np.ndarray | None = None, epochs: int | None = None,
          batch: int | None = None) -> dict[str, np.ndarray]:
    """Weighted logistic loss; with ``groups`` (a page number per row, rows of a page together),
    plus LISTWISE_WEIGHT times a softmax loss over each page's rows (the right line should score
    highest in its page: what picking one line per page needs), in batches of whole pages."""
    hidden, epochs, batch = hidden or HIDDEN, epochs or EPOCHS, batch or BATCH
    rng = np.random.default_rng(seed)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    z = (x - mean) / scale
    d = z.shape[1]
    params = {
        "w1": rng.normal(0, np.sqrt(2 / d), (d, hidden)), "b1": np.zeros(hidden),
        "w2": rng.normal(0, np.sqrt(1 / hidden), hidden), "b2": np.zeros(1),
    }
    m = {k: np.zeros_like(v) for k, v in params.items()}
    v2 = {k: np.zeros_like(v) for k, v in params.items()}
    w = w / w.mean()
    step = 0
    batches = _page_batches(groups) if groups is not None else None
    for epoch in range(epochs):
        order = rng.permutation(len(y))
        total = 0.0
        chunks = ([batches[k] for k in rng.permutation(len(batches))] if batches is not None
                  else [order[i : i + batch] for i in range(0, len(order), batch)])
        for idx in chunks:
            zb, yb, wb = z[idx], y[idx], w[idx]
            h_pre = zb @ params["w1"] + params["b1"]
            h = np.maximum(h_pre, 0)
            logit = h @ params["w2"] + params["b2"][0]
            p = 1 / (1 + np.exp(-logit))
            total += float(-(wb * (yb * np.log(p + 1e-9) + (1 - yb) * np.log(1 - p + 1e-9))).sum())
            g = wb * (p - yb) / len(idx)
            if groups is not None:
                g = g + LISTWISE_WEIGHT * _listwise_grad(logit, yb, groups[idx]) / len(idx)
            grads = {"w2": h.T @ g + L2 * params["w2"], "b2": np.array([g.sum()])}
            gh = np.outer(g, params["w2"]) * (h_pre > 0)
            grads["w1"] = zb.T @ gh + L2 * params["w1"]
            grads["b1"] = gh.sum(axis=0)
            step += 1
            for k in params:  # Adam
                m[k] = 0.9 * m[k] + 0.1 * grads[k]
                v2[k] = 0.999 * v2[k] + 0.001 * grads[k] ** 2
                mh = m[k] / (1 - 0.9**step)
                vh = v2[k] / (1 - 0.999**step)
                params[k] -= LEARNING_RATE * mh / (np.sqrt(vh) + 1e-8)
        if not quiet:
            print(f"epoch {epoch + 1}: weighted loss {total / len(y):.4f}", flush=True)
    return {"mean": mean, "scale": scale, **params}


# Weight of the per-page softmax loss of the role heads against their logistic loss (which keeps
# their outputs probabilities, so that thresholds mean something).
LISTWISE_WEIGHT = 1.0


def train_ensemble(x: np.ndarray, y: np.ndarray, w: np.ndarray, **kwargs: object) -> dict[str, np.ndarray]:
    """ENSEMBLE networks from seeds SEED, SEED + 1, ... whose logits are averaged, written as one
    network ENSEMBLE times as wide (their hidden layers side by side, each output weight divided by
    ENSEMBLE): all are standardised alike, so the runtime's ``Network`` reads it unchanged."""
    nets = [train(x, y, w, seed=SEED + k, **kwargs) for k in range(ENSEMBLE)]  # type: ignore[arg-type]
    if len(nets) == 1:
        return nets[0]
    return {"mean": nets[0]["mean"], "scale": nets[0]["scale"],
            "w1": np.hstack([n["w1"] for n in nets]), "b1": np.concatenate([n["b1"] for n in nets]),
            "w2": np.concatenate([n["w2"] for n in nets]) / len(nets),
            "b2": np.array([np.mean([n["b2"][0] for n in nets])])}


# Seeds of the body networks (``--seed``, ``--ensemble``).
SEED = 0
ENSEMBLE = 1


def _page_batches(groups: np.ndarray) -> list[np.ndarray]:
    """Row indices in batches of about BATCH rows, whole pages only."""
    cuts = np.flatnonzero(np.diff(groups)) + 1
    pages = np.split(np.arange(len(groups)), cuts)
    out, current, size = [], [], 0
    for rows_ in pages:
        current.append(rows_)
        size += len(rows_)
        if size >= BATCH:
            out.append(np.concatenate(current))
            current, size = [], 0
    if current:
        out.append(np.concatenate(current))
    return out


def _listwise_grad(logit: np.ndarray, y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Gradient of -log(sum over a page's right lines of softmax(logits over the page)), per row,
    scaled by the page's row count (so that it weighs like the logistic loss of those rows)."""
    _, g = np.unique(groups, return_inverse=True)
    peak = np.full(g.max() + 1, -np.inf)
    np.maximum.at(peak, g, logit)
    e = np.exp(logit - peak[g])
    soft = e / np.bincount(g, weights=e)[g]
    pos = e * (y == 1)
    pos_sum = np.bincount(g, weights=pos)[g]
    post = np.where(pos_sum > 0, pos / np.maximum(pos_sum, 1e-300), 0.0)
    has_pos = pos_sum > 0
    return (soft - post) * has_pos * np.bincount(g)[g]


def predict(params: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    z = (x - params["mean"]) / params["scale"]
    h = np.maximum(z @ params["w1"] + params["b1"], 0)
    return 1 / (1 + np.exp(-(h @ params["w2"] + params["b2"][0])))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench-dir", type=Path, default=Path("../shared/bench"))
    ap.add_argument("--labels", type=Path, default=Path("training/data/lines.jsonl"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--all", action="store_true", help="train on every page (no hold-out) for the shipped model")
    ap.add_argument("--one-stage", action="store_true", help="train the first stage only")
    ap.add_argument("--heads-only", type=Path, metavar="MODEL",
                    help="keep the body networks (and all else) of MODEL unchanged, retrain the role heads only")
    ap.add_argument("--hidden", type=int, default=48)
    ap.add_argument("--epochs", type=int, default=16)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--listwise", type=float, default=1.0, help="weight of the role heads' per-page softmax loss")
    ap.add_argument("--seed", type=int, default=0, help="seed of the (first) body network")
    ap.add_argument("--ensemble", type=int, default=1, metavar="K",
                    help="average the logits of K body networks from successive seeds (both stages)")
    ap.add_argument("--exclude-fold", type=int, metavar="K", default=None,
                    help=f"also leave out the training pages of fold K (0 to {FOLDS - 1}): the models that give the "
                         "HTML merge network out-of-fold inputs (training/merge.py --text-folds)")
    args = ap.parse_args()
    global HIDDEN, EPOCHS, L2, LISTWISE_WEIGHT, SEED, ENSEMBLE
    HIDDEN, EPOCHS, L2, LISTWISE_WEIGHT = args.hidden, args.epochs, args.l2, args.listwise
    SEED, ENSEMBLE = args.seed, args.ensemble
    t0 = time.time()
    pages = load(args.bench_dir, args.labels, args.limit)
    train_pages = pages if args.all else [p for p in pages if not p.holdout]
    if args.exclude_fold is not None:
        train_pages = [p for p in train_pages if fold_of_id(gold_id(p)) != args.exclude_fold]
    held = [p for p in pages if p.holdout]
    print(f"{len(pages)} pages ({len(held)} held out), {pages[0].x.shape[1]} features, {time.time() - t0:.0f}s",
          flush=True)
    if args.heads_only:
        retrain_heads(args.heads_only, args.out, train_pages, held)
        return
    first = train_ensemble(*rows(train_pages))
    params = {f"s1_{k}": v for k, v in first.items()}
    second = None
    if not args.one_stage:
        # out-of-fold first-stage probabilities, so the second stage learns from honest inputs
        oof: dict[str, np.ndarray] = {}
        for fold in range(FOLDS):
            inner = [p for p in train_pages if fold_of(p) != fold]
            model = train(*rows(inner), seed=SEED, quiet=True)
            for p in train_pages:
                if fold_of(p) == fold:
                    oof[p.set + p.id + str(id(p))] = predict(model, p.x)
            print(f"fold {fold + 1}/{FOLDS} done", flush=True)
        second = train_ensemble(*stack(train_pages, [oof[p.set + p.id + str(id(p))] for p in train_pages]))
        params.update({f"s2_{k}": v for k, v in second.items()})
    heads = {} if args.one_stage else train_roles(train_pages, first, second)
    for role, head in heads.items():
        params.update({f"{role}_{k}": v for k, v in head.items()})
    for name, group in (("train", train_pages), ("held-out", held)):
        if not group:
            continue
        x, y, w = rows(group)
        p1 = predict(first, x)
        report = f"{name}: weighted line accuracy, stage 1 {_accuracy(p1, y, w):.4f}"
        if not args.one_stage:
            probs = [predict(first, p.x) for p in group]
            x2, y2, w2 = stack(group, probs)
            report += f", stage 2 {_accuracy(predict(second, x2), y2, w2):.4f}"
        print(report)
        if heads:
            print(f"{name}: role line found (share of pages) {role_accuracy(group, first, second, heads)}")
    # languages the model saw enough of to be trusted over the rules (see text.RULE_SPAN_PROSE_KEEP)
    # (counted on the bench's own two dump styles, whatever other styles the training read)
    seen = Counter(p.stoplist for p in train_pages if p.style in STYLES and p.stoplist)
    params["familiar"] = np.array(sorted(name for name, n in seen.items() if n >= FAMILIAR_PAGES))
    print(f"languages: {dict(seen.most_common())}; familiar: {params['familiar'].tolist()}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **params)
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes) in {time.time() - t0:.0f}s")


def retrain_heads(model: Path, out: Path, train_pages: list[Page], held: list[Page]) -> None:
    """Retrain the role heads over the body networks of ``model``; every other array is copied as is
    (so P(body), hence the body text, cannot change)."""
    with np.load(model) as data:
        params = {k: data[k] for k in data.files}
    first = {k[3:]: v for k, v in params.items() if k.startswith("s1_")}
    second = {k[3:]: v for k, v in params.items() if k.startswith("s2_")} or None
    heads = train_roles(train_pages, first, second)
    for role, head in heads.items():
        params = {k: v for k, v in params.items() if not k.startswith(f"{role}_")}
        params.update({f"{role}_{k}": v for k, v in head.items()})
    for name, group in (("train", train_pages), ("held-out", held)):
        if group:
            print(f"{name}: role line found (share of pages) {role_accuracy(group, first, second, heads)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **params)
    print(f"wrote {out} ({out.stat().st_size} bytes)")


def _norm_tokens(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").casefold())


def role_labels(page: Page) -> dict[str, np.ndarray]:
    """Which lines hold the gold title, an author's name, the publication date (1), or not (0)."""
    g = page.gold
    n = len(page.lines)
    out = {}
    title = _norm_tokens(g.get("title") or "")
    if title:
        out["title"] = np.array([float(_is_title_line(_norm_tokens(line), title)) for line in page.lines])
    names = [_norm_tokens(a) for a in re.split(r";|,|&|\band\b", g.get("author") or "") if a.strip()]
    names = [nm for nm in names if nm]
    if names:
        out["author"] = np.array([float(len(line.split()) <= ROLE_MAX_WORDS and any(_contains(_norm_tokens(line), nm)
                                                                                     for nm in names))
                                  for line in page.lines])
    day = (g.get("date") or "")[:10]
    if day:
        out["date"] = np.array([float(len(line.split()) <= ROLE_MAX_WORDS and (found := find_date(line)) is not None
                                      and found[0][:10] == day) for line in page.lines])
    return {k: v for k, v in out.items() if len(v) == n and v.any()}


ROLE_MAX_WORDS = 20  # metadata lines are short; a paragraph mentioning the author is not a byline


def _is_title_line(tokens: list[str], title: list[str]) -> bool:
    return tokens == title or (_contains(tokens, title) and len(tokens) - len(title) <= 4)


def _contains(tokens: list[str], needle: list[str]) -> bool:
    k = len(needle)
    return any(tokens[i : i + k] == needle for i in range(len(tokens) - k + 1))


def train_roles(pages: list[Page], first: dict, second: dict | None) -> dict[str, dict[str, np.ndarray]]:
    """One small network per metadata role, on the pages whose gold has that field in the dump."""
    xs: dict[str, list[np.ndarray]] = defaultdict(list)
    ys: dict[str, list[np.ndarray]] = defaultdict(list)
    gs: dict[str, list[np.ndarray]] = defaultdict(list)
    for number, page in enumerate(pages):
        labels = role_labels(page)
        if not labels:
            continue
        probs = final_probs(page, first, second)
        rows = role_features(page.x, probs, page.words, page.lines)
        for role, y in labels.items():
            xs[role].append(rows)
            ys[role].append(y)
            gs[role].append(np.full(len(y), number))
    heads = {}
    for role in ROLES:
        if not xs[role]:
            continue
        x, y = np.vstack(xs[role]), np.concatenate(ys[role])
        w = np.where(y == 1, min(ROLE_POSITIVE_WEIGHT, (y == 0).sum() / max((y == 1).sum(), 1)), 1.0)
        print(f"{role}: {len(xs[role])} pages, {int(y.sum())} positive lines", flush=True)
        heads[role] = train(x, y, w, quiet=True, hidden=ROLE_HIDDEN, groups=np.concatenate(gs[role]))
    return heads


ROLE_POSITIVE_WEIGHT = 20.0  # positives are rare (one line a page); weigh them up, but not to the full ratio
ROLE_HIDDEN = 16


def final_probs(page: Page, first: dict, second: dict | None) -> np.ndarray:
    p = predict(first, page.x)
    if second is not None:
        p = predict(second, np.hstack([page.x, context_features(p, page.words)]))
    return p


def role_accuracy(pages: list[Page], first: dict, second: dict | None, heads: dict) -> dict[str, float]:
    """Share of pages (with the field in the dump) whose most likely line for the role is a right one."""
    hits: dict[str, list[bool]] = defaultdict(list)
    for page in pages:
        labels = role_labels(page)
        if not labels:
            continue
        rows = role_features(page.x, final_probs(page, first, second), page.words, page.lines)
        for role, y in labels.items():
            if role in heads:
                hits[role].append(bool(y[int(np.argmax(predict(heads[role], rows)))]))
    return {role: sum(v) / len(v) for role, v in hits.items()}


def _accuracy(p: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    return float((((p >= 0.5) == (y == 1)) * w).sum() / w.sum())


if __name__ == "__main__":
    main()
