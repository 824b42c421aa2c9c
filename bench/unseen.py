"""Pages that neither the benchmark folder nor any tuning saw: newspaper4k's own test pages.

    python -m bench.unseen [--cache bench/results/unseen] [--out bench/results/unseen.jsonl]

newspaper4k (MIT licence) ships, in its source distribution, news pages saved from their sites (CNN,
WIRED, TIME, Nikkei, AFPBB, China Daily, Xinhua, Prachatai, BBC Burmese, CNN Arabic, Yonhap, a
Latvian and a Spanish paper...) with the article text its tests expect. The sdist is fetched from
PyPI with pip (a package registry, the one network access the machine has) and read in place; no
page is copied into this repository.

Those texts are newspaper4k's expected outputs, not human gold: they are close to the article but
not exact (a caption kept here, a subheading missed there), so the figures are a check that holds
on unseen sites and scripts, not a leaderboard. Scored by character trigrams with all whitespace
removed (the same for every script, Chinese, Thai and Burmese included): precision, recall and F1
per page, averaged over pages. For the HTML pages: newsclean and the HTML peers; for their text
dumps (w3m -dump and lynx -dump, as bench/styles.py makes them): newsclean, keep-all and jusText
fed one <p> per line.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
from collections import Counter
from pathlib import Path

import newsclean
from newsclean.errors import NewscleanError

from . import peers
from .styles import MAKERS, available

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "newspaper4k==0.9.6"
DATA = "tests/data"
# Reference texts shorter than this are no article (a video page's one line).
MIN_REFERENCE_CHARS = 200
GRAM = 3
LOW_F1 = 0.5
MAX_LISTED = 4  # pages named in a table cell; all of them are in --out

HTML_SYSTEMS = {
    "newsclean": lambda raw, url: _newsclean(raw, "html", url),
    "trafilatura": lambda raw, url: peers.trafilatura_default(raw)["text"],
    "trafilatura precision": lambda raw, url: peers.trafilatura_precision(raw)["text"],
    "readability-lxml": lambda raw, url: peers.readability_lxml(raw)["text"],
    "jusText": lambda raw, url: peers.justext_html(raw)["text"],
}
TEXT_SYSTEMS = {
    "newsclean": lambda text, url: _newsclean(text, "text", url),
    "keep all": lambda text, url: text,
    "jusText on lines": lambda text, url: peers.justext_lines(text)["text"],
}
# markdown (html2text) only where html2text is installed (GPL: the bench alone may use it).
DUMP_STYLES = ("w3m", "lynx", "gettext", "gettext-nl", "markdown")


def _newsclean(data: bytes | str, kind: str, url: str | None) -> str:
    try:
        return newsclean.clean(data, kind=kind, url=url).text
    except NewscleanError:
        return ""


def fetch(cache: Path) -> Path:
    """newspaper4k's test data folder, from its sdist (downloaded once into ``cache``)."""
    name, version = PACKAGE.split("==")
    root = cache / f"{name}-{version}"
    if not (root / DATA).is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        done = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary",
                               ":all:", PACKAGE, "-d", str(cache)])
        if done.returncode:
            raise SystemExit(f"bench.unseen: could not fetch {PACKAGE}'s sdist from the package index "
                             f"(pip exit {done.returncode}); its test pages are read from it")
        with tarfile.open(cache / f"{name}-{version}.tar.gz") as tar:
            members = [m for m in tar.getmembers() if f"/{DATA}/" in m.name and m.isfile()]
            tar.extractall(cache, members=members, filter="data")
    return root / DATA


def pages(data: Path) -> list[tuple[str, bytes, str, str | None]]:
    """(name, HTML bytes, reference text, URL) of every page with a reference text."""
    out = []
    for html in sorted((data / "html").glob("*.html")):
        txt = data / "txt" / f"{html.stem}.txt"
        if not txt.exists():
            continue
        reference = txt.read_text(encoding="utf-8")
        if len(reference) < MIN_REFERENCE_CHARS:
            continue
        meta = data / "metadata" / f"{html.stem}.json"
        url = json.loads(meta.read_text(encoding="utf-8")).get("url") if meta.exists() else None
        out.append((html.stem, html.read_bytes(), reference, url or None))
    return out


def grams(text: str) -> Counter:
    flat = re.sub(r"\s+", "", text)
    return Counter(flat[i : i + GRAM] for i in range(len(flat) - GRAM + 1))


def score(reference: str, got: str) -> tuple[float, float, float]:
    gold, mine = grams(reference), grams(got)
    if not gold or not mine:
        return 0.0, 0.0, 0.0
    overlap = sum((gold & mine).values())
    p, r = overlap / sum(mine.values()), overlap / sum(gold.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(cache: Path, out: Path) -> dict[tuple[str, str], list[tuple[str, tuple[float, float, float]]]]:
    """(input, system) -> [(page, (P, R, F1))]; every page's scores also go to ``out``."""
    results: dict[tuple[str, str], list[tuple[str, tuple[float, float, float]]]] = {}
    rows = []
    styles = [s for s in DUMP_STYLES if available(s)]
    for name, raw, reference, url in pages(fetch(cache)):
        html = raw.decode("utf-8", "replace")
        inputs: list[tuple[str, bytes | str, dict]] = [("html", raw, HTML_SYSTEMS)]
        inputs += [(style, MAKERS[style][1](html), TEXT_SYSTEMS) for style in styles]
        for kind, data, systems in inputs:
            for system, extract in systems.items():
                got = score(reference, extract(data, url) or "")
                results.setdefault((kind, system), []).append((name, got))
                rows.append({"page": name, "input": kind, "system": system, "p": got[0], "r": got[1], "f1": got[2]})
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return results


def table(results: dict[tuple[str, str], list[tuple[str, tuple[float, float, float]]]]) -> str:
    lines = ["| input | system | P | R | F1 | pages under F1 0.5 |", "|---|---|---|---|---|---|"]
    for (kind, system), scored in results.items():
        n = len(scored)
        p, r, f1 = (sum(s[k] for _, s in scored) / n for k in range(3))
        low = [page for page, s in scored if s[2] < LOW_F1]
        listed = ", ".join(low[:MAX_LISTED]) + (", …" if len(low) > MAX_LISTED else "")
        lines.append(f"| {kind} | {system} | {p:.3f} | {r:.3f} | {f1:.3f} | {len(low)} of {n}"
                     + (f" ({listed})" if low else "") + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=ROOT / "bench" / "results" / "unseen")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "unseen.jsonl")
    args = ap.parse_args()
    print(table(run(args.cache, args.out)))


if __name__ == "__main__":
    main()
