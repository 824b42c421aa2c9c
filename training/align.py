"""Line-level training labels for the line classifier, derived from the benchmark gold.

For every (set, style, page) the dump is split into its non-empty stripped lines and each line gets a label:
1 = body, 0 = not body, -1 = unknown, plus a role ("title" or null) in a parallel list.

* Sets with a gold body (aeb, wcxb-dev): the dump's tokens are aligned, monotonically, with the gold body's
  tokens (patience-style anchoring on 4-token shingles unique in both texts, greedy extension of the anchors,
  then recursion into the gaps with a small-gap fallback to difflib); a second pass over the leftovers takes
  long runs only (>= 8 tokens), for sections the page shows in another order than the gold.  A line is body
  when at least half of its tokens are aligned, unknown when 10-50 %, otherwise not body.  Because the
  alignment is monotone, a short line ("Share", "Advertisement") only counts as body where it sits in the
  right place in the gold, not wherever the gold happens to contain the same words.
* Snippet-only sets (traf): a line holding a ``with`` snippet is body, a ``without`` snippet not body,
  anything else unknown.

Run from the repository root::

    python -m training.align --bench-dir ../shared/bench --out training/data/lines.jsonl

The benchmark data stays in the bench folder; the output goes to ``training/data/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import os
import random
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from newsclean.align import longest_increasing
from newsclean.strip.features import split_lines

SETS = ("aeb", "wcxb-dev", "traf")
STYLES = ("browser", "blocks")
# Dump styles the bench folder holds (dump-browser, dump-blocks); any other (w3m, lynx, gettext, ...) is
# read from where ``python -m bench.styles`` made it from the bench's HTML (bench/results/styles/).
MADE_STYLES = Path(__file__).resolve().parent.parent / "bench" / "results" / "styles"


def dump_path(bench: Path, set_name: str, style: str, page_id: str) -> Path:
    """Where the dump of one page in one style is."""
    if style in STYLES:
        return bench / set_name / f"dump-{style}" / f"{page_id}.txt.gz"
    return MADE_STYLES / style / set_name / f"{page_id}.txt.gz"

BODY, OTHER, UNKNOWN = 1, 0, -1
BODY_MIN_COVER = 0.5  # share of a line's tokens aligned to the gold for "body"
UNKNOWN_MIN_COVER = 0.1  # below this the line is "not body"

SHINGLE = 4  # anchor length (tokens)
MIN_GAP_BLOCK = 3  # shorter matches found inside gaps are kept only if they fill the gap
MAX_REPEAT = 4  # shingles repeated more often in the dump are not used as anchors
MAX_GAP_PRODUCT = 4_000_000  # difflib fallback only for gaps smaller than this (len(gold) * len(dump))
MOVE_PASSES = 2  # extra passes for gold sections the dump has in another order
MIN_MOVED_BLOCK = 8  # tokens; out-of-order matches shorter than this are taken for chance

# Characters that differ between gold and dump without changing the text.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Alignment tokens: scripts written without spaces give one token per character, so that alignment does not
# depend on where punctuation happens to split long runs; digits are split from letters, since dumps glue
# table cells and inline elements together ("New York71.4").
_NO_SPACE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ALIGN_TOKEN_RE = re.compile(rf"[{_NO_SPACE}]|\d+|[^\W\d{_NO_SPACE}]+")
_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")
_LANG_RE = re.compile(
    rb"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3})\b"
    rb"|<meta\b[^>]*?http-equiv\s*=\s*[\"']?content-language[\"']?[^>]*?content\s*=\s*[\"']?\s*([A-Za-z]{2,3})\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------------- text utils


def normalize(text: str) -> str:
    """NFKC, invisible characters removed, case-folded."""
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).casefold()


def align_tokens(text: str) -> list[str]:
    return _ALIGN_TOKEN_RE.findall(normalize(text))


def title_key(text: str) -> str:
    """The metadata comparison key: NFKC, case-folded, only ``\\w+`` tokens."""
    return " ".join(_WORD_RE.findall(normalize(text)))


def collapse(text: str) -> str:
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFKC", text.translate(_INVISIBLE))).strip()


def read_lines(path: Path) -> list[str]:
    """The dump's lines as the stripper reads them (``newsclean.strip.features.split_lines``: glued
    lines cut, wrapped ones joined, run-on pages cut into sentences, ...), so that every label is
    the label of a line the model sees. (Labelling the file's raw lines left the training without
    the 31% of pages where the two differ: most pages with glued menus or wrapped lines.)"""
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        return split_lines(fh.read())[0]


def lang_hint(html_path: Path) -> str | None:
    """Primary language subtag from ``<html lang>`` (or a content-language meta), if the page declares one."""
    try:
        with gzip.open(html_path, "rb") as fh:
            head = fh.read(300_000)
    except OSError:
        return None
    m = _LANG_RE.search(head)
    if not m:
        return None
    return (m.group(1) or m.group(2)).decode("ascii").lower()


# --------------------------------------------------------------------------------------------- alignment


def _shingle_positions(tokens: Sequence[str], lo: int, hi: int, k: int) -> dict[tuple[str, ...], list[int]]:
    """Start positions of every k-token shingle of tokens[lo:hi]."""
    pos: dict[tuple[str, ...], list[int]] = {}
    for i in range(lo, hi - k + 1):
        pos.setdefault(tuple(tokens[i : i + k]), []).append(i)
    return pos


def _anchor_blocks(
    a: Sequence[str], b: Sequence[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int
) -> list[tuple[int, int, int]]:
    """Matching blocks (i, j, size) seeded by shingles unique in both ranges, extended while tokens agree.

    Where no shingle is unique in both (the dump repeats the text), the gold's unique shingles are paired
    with each of their few occurrences in the dump and the longest monotone chain of pairs is kept.
    """
    k = min(SHINGLE, a_hi - a_lo, b_hi - b_lo)
    if k <= 0:
        return []
    ua = {sh: p[0] for sh, p in _shingle_positions(a, a_lo, a_hi, k).items() if len(p) == 1}
    pb = _shingle_positions(b, b_lo, b_hi, k)
    pairs = sorted((i, pb[sh][0]) for sh, i in ua.items() if len(pb.get(sh, ())) == 1)
    if not pairs:
        # j descending within a gold position, so that the chain takes at most one of its occurrences.
        pairs = sorted(
            ((i, j) for sh, i in ua.items() if len(pb.get(sh, ())) <= MAX_REPEAT for j in pb.get(sh, ())),
            key=lambda ij: (ij[0], -ij[1]),
        )
    blocks: list[list[int]] = []
    for i, j in longest_increasing(pairs):
        if blocks:
            bi, bj, size = blocks[-1]
            if i - bi == j - bj and i <= bi + size:  # overlaps or touches the previous block on the diagonal
                blocks[-1][2] = max(size, i + k - bi)
                continue
            if i < bi + size or j < bj + size:  # would overlap off-diagonal: skip
                continue
        blocks.append([i, j, k])
    # Extend each block along its diagonal, never into a neighbour.
    out: list[tuple[int, int, int]] = []
    for n, (i, j, size) in enumerate(blocks):
        lo_a, lo_b = (out[-1][0] + out[-1][2], out[-1][1] + out[-1][2]) if out else (a_lo, b_lo)
        while i > lo_a and j > lo_b and a[i - 1] == b[j - 1]:
            i, j, size = i - 1, j - 1, size + 1
        hi_a, hi_b = (blocks[n + 1][0], blocks[n + 1][1]) if n + 1 < len(blocks) else (a_hi, b_hi)
        while i + size < hi_a and j + size < hi_b and a[i + size] == b[j + size]:
            size += 1
        out.append((i, j, size))
    return out


def _gap_blocks(
    a: Sequence[str], b: Sequence[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int
) -> list[tuple[int, int, int]]:
    """Fallback for a gap without unique anchors: difflib, small matches kept only if they fill the gap."""
    la, lb = a_hi - a_lo, b_hi - b_lo
    if la == 0 or lb == 0 or la * lb > MAX_GAP_PRODUCT:
        return []
    sm = SequenceMatcher(None, a[a_lo:a_hi], b[b_lo:b_hi], autojunk=False)
    return [
        (a_lo + i, b_lo + j, size)
        for i, j, size in sm.get_matching_blocks()
        if size >= MIN_GAP_BLOCK or (size and size in (la, lb))
    ]


def _monotone(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int]]:
    """Monotone matching blocks (i, j, size) between token lists a and b."""
    result: list[tuple[int, int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        a_lo, a_hi, b_lo, b_hi = stack.pop()
        if a_lo >= a_hi or b_lo >= b_hi:
            continue
        blocks = _anchor_blocks(a, b, a_lo, a_hi, b_lo, b_hi)
        if not blocks:
            result.extend(_gap_blocks(a, b, a_lo, a_hi, b_lo, b_hi))
            continue
        result.extend(blocks)
        edges = [(a_lo, b_lo)] + [(i + s, j + s) for i, j, s in blocks]
        ends = [(i, j) for i, j, _ in blocks] + [(a_hi, b_hi)]
        for (ga, gb), (ea, eb) in zip(edges, ends, strict=True):
            stack.append((ga, ea, gb, eb))
    return sorted(result)


def align(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int]]:
    """Matching blocks (i, j, size) between gold tokens a and dump tokens b.

    One monotone alignment, then up to MOVE_PASSES more over what is left unmatched on both sides (tokens
    already used are masked), keeping only long blocks: sections the page shows in another order than the
    gold (tabs, sidebars placed first in the markup) are found, short chance matches are not.
    """
    blocks = _monotone(a, b)
    for _ in range(MOVE_PASSES):
        # Only worth another pass if the gold still has a run of unmatched tokens long enough to count.
        edges = [0] + [i + size for i, _, size in blocks]
        starts = [i for i, _, _ in blocks] + [len(a)]
        if all(end - start < MIN_MOVED_BLOCK for start, end in zip(edges, starts, strict=True)):
            break
        used_a: set[int] = set()
        used_b: set[int] = set()
        for i, j, size in blocks:
            used_a.update(range(i, i + size))
            used_b.update(range(j, j + size))
        rest_a = [f"\0a{n}" if n in used_a else t for n, t in enumerate(a)]
        rest_b = [f"\0b{n}" if n in used_b else t for n, t in enumerate(b)]
        moved = [blk for blk in _monotone(rest_a, rest_b) if blk[2] >= MIN_MOVED_BLOCK]
        if not moved:
            break
        blocks = sorted(blocks + moved)
    return blocks


# --------------------------------------------------------------------------------------------- labelling


@dataclass
class Labelled:
    lines: list[str]
    labels: list[int]
    roles: list[str | None]
    gold_cover: float | None = None  # share of gold tokens aligned to the dump (body sets)
    notes: Counter[str] = field(default_factory=Counter)


def label_by_body(lines: list[str], body: str) -> tuple[list[int], float]:
    """Labels from a token alignment of the whole dump against the whole gold body; and gold coverage."""
    gold = align_tokens(body)
    dump: list[str] = []
    line_of: list[int] = []
    for n, line in enumerate(lines):
        toks = align_tokens(line)
        dump.extend(toks)
        line_of.extend([n] * len(toks))
    total = [0] * len(lines)
    hit = [0] * len(lines)
    for n in line_of:
        total[n] += 1
    matched = 0
    for _, j, size in align(gold, dump):
        matched += size
        for t in range(j, j + size):
            hit[line_of[t]] += 1
    labels = []
    for h, t in zip(hit, total, strict=True):
        cover = h / t if t else 0.0
        labels.append(BODY if cover >= BODY_MIN_COVER else UNKNOWN if cover >= UNKNOWN_MIN_COVER else OTHER)
    # Lines without any token ("* * *", "|", "•") take no side inside the body, and are not body outside it.
    for n, t in enumerate(total):
        if not t:
            before = next((labels[m] for m in range(n - 1, -1, -1) if total[m]), OTHER)
            after = next((labels[m] for m in range(n + 1, len(lines)) if total[m]), OTHER)
            labels[n] = UNKNOWN if before == BODY and after == BODY else OTHER
    return labels, matched / len(gold) if gold else 1.0


def _occurrences(norm_lines: list[str], snippet: str) -> list[list[int]]:
    """Each occurrence of snippet as the list of lines it spans (within one line first, else across lines)."""
    hits = [[n] for n, line in enumerate(norm_lines) if snippet in line]
    if hits:
        return hits
    joined = " ".join(norm_lines)
    starts = []
    pos = 0
    for line in norm_lines:
        starts.append(pos)
        pos += len(line) + 1
    out = []
    at = joined.find(snippet)
    while at >= 0:
        first = bisect.bisect_right(starts, at) - 1
        last = bisect.bisect_right(starts, at + len(snippet) - 1) - 1
        out.append(list(range(first, last + 1)))
        at = joined.find(snippet, at + 1)
    return out


def snippet_hits(lines: list[str], snippets: list[str]) -> tuple[list[list[list[int]]], int]:
    """Occurrences (line lists) of each snippet, case-sensitive, falling back to case-folded; and misses."""
    exact = [collapse(line) for line in lines]
    folded = [s.casefold() for s in exact]
    found, missing = [], 0
    for snippet in snippets:
        snip = collapse(snippet)
        if not snip:
            continue
        occ = _occurrences(exact, snip) or _occurrences(folded, snip.casefold())
        missing += not occ
        found.append(occ)
    return found, missing


def label_by_snippets(lines: list[str], with_: list[str], without: list[str]) -> tuple[list[int], Counter[str]]:
    """``with`` snippet lines are body, ``without`` lines not, the rest unknown.

    A ``with`` snippet found several times marks only the occurrence nearest to the unambiguous ones
    (a lead repeated in a teaser must not make the teaser body); with no such reference, or more than
    MAX_REPEAT occurrences, it marks none.
    """
    notes: Counter[str] = Counter()
    pos_hits, notes["with_missing"] = snippet_hits(lines, with_)
    neg_hits, notes["without_missing"] = snippet_hits(lines, without)
    positive: set[int] = set()
    unique = [occ[0] for occ in pos_hits if len(occ) == 1]
    for span in unique:
        positive.update(span)
    if unique:
        centre = statistics.median(n for span in unique for n in span)
        for occ in pos_hits:
            if len(occ) > 1:
                notes["with_ambiguous"] += 1
                if len(occ) <= MAX_REPEAT:
                    positive.update(min(occ, key=lambda span: abs(statistics.median(span) - centre)))
    else:
        notes["with_ambiguous"] += sum(len(occ) > 1 for occ in pos_hits)
    negative = {n for occ in neg_hits for span in occ for n in span}
    notes["conflicts"] = len(positive & negative)
    labels = [UNKNOWN] * len(lines)
    for n in positive ^ negative:
        labels[n] = BODY if n in positive else OTHER
    return labels, notes


def label_page(lines: list[str], gold: dict) -> Labelled:
    roles: list[str | None] = [None] * len(lines)
    if gold.get("title"):
        key = title_key(gold["title"])
        if key:
            for n, line in enumerate(lines):
                if title_key(line) == key:
                    roles[n] = "title"
    if gold.get("body"):
        labels, cover = label_by_body(lines, gold["body"])
        return Labelled(lines, labels, roles, gold_cover=cover)
    labels, notes = label_by_snippets(lines, gold.get("with") or [], gold.get("without") or [])
    return Labelled(lines, labels, roles, notes=notes)


# --------------------------------------------------------------------------------------------- scoring


def _shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = _WORD_RE.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_prf(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """ScrapingHub shingle metric: per-page tp/fp/fn, P and R averaged over pages, F1 of the two means.

    As in the bench README, a page with no output scores precision 0 unless its gold is empty.
    """
    precisions, recalls = [], []
    for pred, true in pairs:
        ps, ts = _shingles(pred), _shingles(true)
        tp = sum((ps & ts).values())
        fp = sum((ps - ts).values())
        fn = sum((ts - ps).values())
        precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp) if tp + fp else 0.0)
        if tp + fn:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    p, r = statistics.mean(precisions), statistics.mean(recalls)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def bow_f1(pairs: list[tuple[str, str]]) -> float:
    """WCXB bag-of-words F1: lower-cased tokens as a multiset, F1 per page, averaged."""
    scores = []
    for pred, true in pairs:
        pw, tw = Counter(_WORD_RE.findall(pred.lower())), Counter(_WORD_RE.findall(true.lower()))
        tp = sum((pw & tw).values())
        p = tp / sum(pw.values()) if pw else 0.0
        r = tp / sum(tw.values()) if tw else 0.0
        scores.append(2 * p * r / (p + r) if p + r else float(not pw and not tw))
    return statistics.mean(scores)


def snippet_prf(pages: list[tuple[str, list[str], list[str]]]) -> tuple[float, float, float]:
    """trafilatura snippet metric, counts summed over pages."""
    tp = fn = fp = 0
    for pred, with_, without in pages:
        text = collapse(pred)
        for s in with_:
            if collapse(s) in text:
                tp += 1
            else:
                fn += 1
        fp += sum(collapse(s) in text for s in without)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------------------------------- driver


def _work(args: tuple[str, str, Path, Path | None, dict]) -> tuple[dict, Labelled]:
    set_name, style, dump_path, html_path, gold = args
    lines = read_lines(dump_path)
    page = label_page(lines, gold)
    record: dict = {"set": set_name, "style": style, "id": gold["id"]}
    lang = lang_hint(html_path) if html_path else None
    if lang:
        record["lang_hint"] = lang
    record.update(lines=page.lines, labels=page.labels, roles=page.roles)
    return record, page


def _tasks(bench: Path, sets: Sequence[str], styles: Sequence[str]) -> Iterator[tuple]:
    for set_name in sets:
        with (bench / set_name / "gold.jsonl").open(encoding="utf-8") as fh:
            golds = [json.loads(line) for line in fh if line.strip()]
        for style in styles:
            for gold in golds:
                dump = dump_path(bench, set_name, style, gold["id"])
                if not dump.exists():
                    continue
                html = bench / set_name / "html" / f"{gold['id']}.html.gz"
                yield set_name, style, dump, html if html.exists() else None, gold


def kept_text(record: dict) -> str:
    return "\n".join(line for line, lab in zip(record["lines"], record["labels"], strict=True) if lab == BODY)


def render(record: dict, head: int = 40, tail: int = 15, width: int = 110) -> str:
    """The first lines of a labelled page, then the lines around the end of its body."""
    marks = {BODY: "  1", OTHER: "  0", UNKNOWN: " -1"}
    rows = list(zip(record["lines"], record["labels"], record["roles"], strict=True))

    def fmt(n: int) -> str:
        line, lab, role = rows[n]
        return f"{n:>4}{marks[lab]}{'T' if role == 'title' else ' '}| {line[:width]}"

    name = f"{record['set']}/{record['style']}/{record['id']}"
    out = [f"--- {name} lang={record.get('lang_hint')} ({len(rows)} lines)"]
    out += [fmt(n) for n in range(min(head, len(rows)))]
    last = max((n for n, (_, lab, _) in enumerate(rows) if lab == BODY), default=-1)
    start = max(head, last - 3)
    if last >= 0 and start < len(rows):
        out.append("   ... end of body:")
        out += [fmt(n) for n in range(start, min(len(rows), last + tail))]
    return "\n".join(out)


def build_stats(records: list[dict], pages: list[Labelled], golds: dict[str, dict], elapsed: float) -> str:
    out = [f"# {len(records)} (set, style, page) records, built in {elapsed:.1f}s", ""]
    header = ("set", "style", "pages", "lines", "body=1", "not=0", "unk=-1")
    out.append("{:<10} {:<8} {:>6} {:>8} {:>7} {:>7} {:>7}  notes".format(*header))
    groups: dict[tuple[str, str], list[int]] = {}
    for n, rec in enumerate(records):
        groups.setdefault((rec["set"], rec["style"]), []).append(n)
    checks = []
    for (set_name, style), idx in groups.items():
        labels = Counter(lab for n in idx for lab in records[n]["labels"])
        total = sum(labels.values()) or 1
        notes: Counter[str] = Counter()
        for n in idx:
            notes.update(pages[n].notes)
        titles = sum(any(r == "title" for r in records[n]["roles"]) for n in idx)
        with_title = sum(bool(golds[set_name][records[n]["id"]].get("title")) for n in idx)
        note = f"title found {titles}/{with_title}"
        covers = [c for c in (pages[n].gold_cover for n in idx) if c is not None]
        if covers:
            note += (
                f"; gold tokens aligned mean {statistics.mean(covers):.3f}, pages <0.8: {sum(c < 0.8 for c in covers)}"
            )
        if notes:
            note += "; " + ", ".join(f"{k} {v}" for k, v in sorted(notes.items()))
        out.append(
            f"{set_name:<10} {style:<8} {len(idx):>6} {total:>8} {labels[BODY] / total:>7.3f} "
            f"{labels[OTHER] / total:>7.3f} {labels[UNKNOWN] / total:>7.3f}  {note}"
        )
        # Oracle: keep exactly the lines labelled 1.
        kept = [(kept_text(records[n]), golds[set_name][records[n]["id"]]) for n in idx]
        scores = []
        pairs = [(text, g["body"]) for text, g in kept if g.get("body")]
        if pairs:
            p, r, f = shingle_prf(pairs)
            scores.append(f"shingle P {p:.4f} R {r:.4f} F1 {f:.4f} ({len(pairs)} pages)")
            scores.append(f"bag-of-words F1 {bow_f1(pairs):.4f}")
        snips = [(text, g.get("with") or [], g.get("without") or []) for text, g in kept]
        if any(w or wo for _, w, wo in snips):
            p, r, f = snippet_prf(snips)
            scores.append(f"snippet P {p:.4f} R {r:.4f} F1 {f:.4f}")
        checks.append(f"{set_name:<10} {style:<8} " + "; ".join(scores))
    out += ["", "# oracle: keep exactly the lines labelled 1, scored against the gold", *checks]
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench-dir", type=Path, default=Path("../shared/bench"))
    ap.add_argument("--out", type=Path, default=Path("training/data/lines.jsonl"))
    ap.add_argument("--sets", nargs="+", default=list(SETS))
    ap.add_argument("--styles", nargs="+", default=list(STYLES))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--show", type=int, default=0, help="print this many random labelled pages, sets in turn")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    start = time.perf_counter()
    tasks = list(_tasks(args.bench_dir, args.sets, args.styles))
    golds: dict[str, dict[str, dict]] = {t[0]: {} for t in tasks}
    for t in tasks:
        golds[t[0]][t[4]["id"]] = t[4]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(_work, tasks, chunksize=8))
    else:
        results = [_work(t) for t in tasks]
    records = [rec for rec, _ in results]
    pages = [page for _, page in results]

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - start
    stats = build_stats(records, pages, golds, elapsed)
    (args.out.parent / "stats.txt").write_text(stats, encoding="utf-8")
    print(stats, end="")
    if args.show:
        rng = random.Random(args.seed)
        by_set: dict[str, list[dict]] = {}
        for rec in records:
            by_set.setdefault(rec["set"], []).append(rec)
        names = sorted(by_set)
        for n in range(args.show):
            print("\n" + render(rng.choice(by_set[names[n % len(names)]])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
