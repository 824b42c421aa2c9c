"""Reading the benchmark sets (layout in /work/shared/bench/README.md); nothing is copied out."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

SETS = ("aeb", "wcxb-dev", "traf")
# "dump-oneline" is not in the bench folder: it is the browser dump with all its lines joined by
# spaces, as BeautifulSoup's get_text(" ") or a scraper's " ".join(strings) gives a page (a dump style
# the bench does not hold, made here so that newsclean and the peers are scored on it too).
ONELINE = "dump-oneline"
DUMPS = ("dump-browser", "dump-blocks", ONELINE)
HTML = "html"
STYLES = (HTML, *DUMPS)

# the set's main text metric: "shingle", "bow" (also reports shingle) or "snippet"
METRIC = {"aeb": "shingle", "wcxb-dev": "bow", "traf": "snippet"}
META_FIELDS = ("title", "author", "date")


@dataclass(frozen=True)
class Page:
    id: str
    url: str | None
    gold: dict


def load_gold(bench_dir: Path, name: str, limit: int | None = None) -> list[Page]:
    with open(bench_dir / name / "gold.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [Page(r["id"], r.get("url"), r) for r in rows[:limit]]


def input_path(bench_dir: Path, name: str, style: str, page_id: str) -> Path:
    suffix = ".html.gz" if style == HTML else ".txt.gz"
    return bench_dir / name / style / f"{page_id}{suffix}"


def read_input(path: Path) -> bytes | str:
    """The page as given to an extractor: HTML as the served bytes, a dump as UTF-8 text."""
    if path.parent.name == ONELINE:
        browser = read_input(path.parent.parent / "dump-browser" / path.name)
        return " ".join(str(browser).split())
    with gzip.open(path, "rb") as f:
        raw = f.read()
    if path.name.endswith(".html.gz"):
        return raw
    return raw.decode("utf-8", errors="replace")
