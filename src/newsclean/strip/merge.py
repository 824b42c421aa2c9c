"""The HTML merge: trafilatura's choice of lines and the text model's, weighed line by line.

trafilatura reads the page's tree; the text model (``model.py``) reads the rendered lines as it reads a
text dump. Each is right where the other fails: trafilatura keeps a "Read also" box or a newsletter
blurb that reads like chrome, and it misses paragraphs outside the element it picked, which the text
model finds from how they read. A small network (weights in ``data/html_merge.npz``, trained by
``training/merge.py`` on the benchmark pages' line labels) reads, for every rendered line, what both
said of it and of its neighbours, with what the HTML says around it (block tag, link text, class and
id names such as "related" or "newsletter"), and gives P(article). A line changes side only when the
network is sure: see ADD_ABOVE and DROP_BELOW.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from .model import Network, _network, _windows, single_threaded_blas
from .render import CONTEXT_BIT, HEADING_BIT, LIST_BIT, RenderedPage

# A line trafilatura left out is added above this P(article), and one it kept (after the text model's
# second opinion) is removed below DROP_BELOW. The network is trained on text-model probabilities
# from models that did not see the page (out of fold, training/merge.py --text-folds), as it meets
# them at run time. Scored on the merge's own output (python -m training.merge), held-out pages, aeb /
# traf / wcxb-dev: 0.7/0.3 gives 0.973 / 0.945 / 0.937, 0.8/0.2 0.970 / 0.946 / 0.938, 0.6/0.4
# 0.967 / 0.941 / 0.937, 0.5/0.5 0.968 / 0.940 / 0.937; asking the network to be sure before it
# overrules trafilatura is the better side.
ADD_ABOVE = 0.7
DROP_BELOW = 0.3
MERGE_REASON = "merge:boilerplate"

BLOCK_TAGS = ("p", "li", "td", "div", "blockquote", "h", "other")
_GROUP_INDEX = {group: k for k, group in enumerate(BLOCK_TAGS)}
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Context window (lines on each side) for the neighbours' votes and for the local densities.
NEIGHBOURS = (-2, -1, 1, 2)
DENSITY_RADIUS = 5
# Scales that bring the raw numbers near [0, 1] before the network's own standardisation.
WORDS_SCALE = 4.0
SCORE_SCALE = 20.0


@dataclass(frozen=True)
class Votes:
    """What the two extractors said of each rendered line (1 = article, 0 = not)."""

    trafilatura: np.ndarray  # kept by trafilatura and our line rules on its output
    second_opinion: np.ndarray  # the same after the text model's second opinion
    probability: np.ndarray  # the text model's P(body) over the whole rendered page
    text_keep: np.ndarray  # the text path's own decision (its span and thresholds)
    words: np.ndarray
    rule_score: np.ndarray  # the line rules' score (words of evidence, < 0 for chrome)
    rule_reason: list[str]  # the line rules' reason ("" for prose)


def line_features(page: RenderedPage, votes: Votes) -> np.ndarray:
    """One row of numbers per rendered line (the network's input)."""
    n = len(page.lines)
    kept, first, prob, text = votes.second_opinion, votes.trafilatura, votes.probability, votes.text_keep
    cols = [kept, first, prob, text, np.log1p(votes.words) / WORDS_SCALE,
            np.clip(votes.rule_score / SCORE_SCALE, -2, 2), np.fromiter(map(bool, votes.rule_reason), float, n)]
    for k in NEIGHBOURS:
        cols += [_shift(kept, k), _shift(prob, k)]
    cols += [_window_mean(kept, DENSITY_RADIUS), _window_mean(prob, DENSITY_RADIUS), _window_mean(text, DENSITY_RADIUS)]
    cols += [*_span_position(kept), *_span_position(text)]
    cols.append(np.arange(n) / max(n, 1))
    cols += _repeats(page.lines, kept)
    pairs = zip(page.tags, page.context, strict=True)
    groups = np.fromiter((_GROUP_INDEX[_tag_group(tag, bits)] for tag, bits in pairs), np.int64, n)
    cols += [(groups == k).astype(float) for k in range(len(BLOCK_TAGS))]
    lengths = np.fromiter(map(len, page.lines), np.int64, n)
    links = np.minimum(1.0, np.array(page.link_chars, dtype=np.int64) / np.maximum(1, lengths))
    cols += [links, _shift(links, -1), _shift(links, 1)]
    context = np.array(page.context, dtype=np.int64)
    cols += [((context & bit) > 0).astype(float) for bit in CONTEXT_BIT.values()]
    cols.append(((context & LIST_BIT) > 0).astype(float))
    cols += [kept * prob, kept * links, (1 - kept) * prob]
    return np.stack([np.asarray(c, dtype=float) for c in cols], axis=1) if n else np.zeros((0, N_FEATURES))


def _tag_group(tag: str, bits: int) -> str:
    if tag in _HEADING_TAGS or (bits & HEADING_BIT and tag not in BLOCK_TAGS):
        return "h"
    return tag if tag in BLOCK_TAGS else "other"


def _shift(a: np.ndarray, k: int) -> np.ndarray:
    """``a`` moved by ``k`` lines (the value of line i - k at i), zeros where nothing moves in."""
    out = np.zeros_like(a, dtype=float)
    if k > 0:
        out[k:] = a[:-k]
    elif k < 0:
        out[:k] = a[-k:]
    return out


def _window_mean(a: np.ndarray, radius: int) -> np.ndarray:
    """The mean of ``a`` over the lines within ``radius`` of each line (the text model's window bounds)."""
    lo, hi, size = _windows(len(a), (radius,))[0]
    total = np.concatenate([[0.0], np.cumsum(a, dtype=float)])
    return (total[hi] - total[lo]) / size


def _span_position(keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(inside the run from the first to the last kept line, log of the distance to it)."""
    n = len(keep)
    at = np.nonzero(keep)[0]
    if not len(at):
        return np.zeros(n), np.full(n, 3.0)
    i = np.arange(n)
    inside = ((i >= at[0]) & (i <= at[-1])).astype(float)
    distance = np.where(i < at[0], at[0] - i, np.where(i > at[-1], i - at[-1], 0))
    return inside, np.log1p(distance)


def _repeats(lines: list[str], kept: np.ndarray) -> list[np.ndarray]:
    """(the same text came earlier in the page, and an earlier copy was kept): a page that shows its
    article twice (a print or app copy) must not give it twice."""
    seen: dict[str, bool] = {}
    repeat, repeat_kept = np.zeros(len(lines)), np.zeros(len(lines))
    for i, text in enumerate(lines):
        if text in seen:
            repeat[i], repeat_kept[i] = 1.0, float(seen[text])
        seen[text] = seen.get(text, False) or bool(kept[i])
    return [repeat, repeat_kept]


N_FEATURES = 7 + 2 * len(NEIGHBOURS) + 3 + 4 + 1 + 2 + len(BLOCK_TAGS) + 3 + len(CONTEXT_BIT) + 1 + 3


@dataclass(frozen=True)
class Ensemble:
    """Networks trained from different seeds; their probabilities are averaged."""

    networks: tuple[Network, ...]

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return np.mean([net.probabilities(x) for net in self.networks], axis=0)


_PARTS = ("mean", "scale", "w1", "b1", "w2", "b2")


def ensemble_arrays(ensemble: Ensemble) -> dict[str, np.ndarray]:
    """The arrays of an npz file holding ``ensemble`` (read back by ``read_merge_model``)."""
    return {f"merge{k}_{part}": np.atleast_1d(getattr(net, part)) for k, net in enumerate(ensemble.networks)
            for part in _PARTS}


def read_merge_model(path: Any) -> Ensemble | None:
    with np.load(path) as data:
        networks: list[Network] = []
        while (net := _network(data, f"merge{len(networks)}_")) is not None:
            networks.append(net)
    return Ensemble(tuple(networks)) if networks else None


@lru_cache(maxsize=1)
def load_merge_model() -> Ensemble | None:
    """The shipped merge networks, or None when the package was installed without them."""
    try:
        with (resources.files("newsclean") / "data" / "html_merge.npz").open("rb") as fh:
            return read_merge_model(fh)
    except (FileNotFoundError, OSError, KeyError, ValueError):
        return None


def merge_probabilities(page: RenderedPage, votes: Votes, model: Ensemble | None = None) -> np.ndarray | None:
    """P(article) for each rendered line, or None without the merge networks."""
    model = model or load_merge_model()
    if model is None or not page.lines or any(net.mean.shape != (N_FEATURES,) for net in model.networks):
        return None  # no networks, or networks trained on other features: trafilatura's choice stands
    with single_threaded_blas():
        return model.probabilities(line_features(page, votes))


def decide(kept: np.ndarray, probability: np.ndarray, add_above: float = ADD_ABOVE, drop_below: float = DROP_BELOW
           ) -> np.ndarray:
    """The merged choice: a line changes side only when the network is sure."""
    return np.where(kept > 0, probability >= drop_below, probability > add_above)
