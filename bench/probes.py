"""Red-team probes: text dumps in scripts the bench barely has, with their gold bodies.

    python -m bench.probes [--dir bench/probes]          # the first set, tuned on
    python -m bench.probes --dir bench/probes/second     # the second, not tuned on (yet)

Each ``probe_NN.txt`` is a news page as a reader copies it (menus, "read also" lines, captions, most-read
lists, footers), written for this project in the fifteenth session by a helper that had not read the
code: Russian, Bulgarian, Greek, Chinese (simplified and traditional), Japanese, Korean, Arabic, Hindi and
Vietnamese, as `get_text("\\n")`, browser copies, glued menus and a lynx dump. ``probe_NN.gold.txt`` holds
the article's body paragraphs (no title, byline, date, captions or "read also" lines). Scored like
``bench.unseen`` (character trigrams, whitespace removed), beside keeping every line. The fixes of that
session were made after reading newsclean's output on them: they are checked fixes, not unseen pages.
``second/`` holds 12 more, written by another helper at that session's end (Ukrainian, Polish, Turkish,
Brazilian Portuguese, Indonesian, Persian, Hebrew, Thai, Bengali, Japanese, Greek, Serbian; a w3m-like
wrapped dump and one whose blocks are runs of spaces among them) and scored before any change was made
after reading them: until a session tunes on them, they measure generalisation (the sixteenth session
fixed what they showed: now seen). ``third/`` holds 14 more with a ``.meta.json`` each (headline,
authors, date), written by a third helper at the sixteenth session's start (German, French, Italian,
Dutch, Czech, Romanian, Hungarian, Swedish, Georgian, Armenian, Russian, traditional Chinese, Korean,
Greek; browser copies, ``get_text`` with and without a separator, lynx and w3m dumps, html2text
markdown, a short article under long chrome, a live blog); the metadata is scored where a probe has one.
``fourth/`` holds 14 more by a fourth helper in that session (Spanish, European Portuguese, Polish,
Ukrainian, Bulgarian, Finnish, Norwegian, Croatian, Lithuanian, Japanese, simplified Chinese, Vietnamese,
Arabic, British English; old table-layout pages, a page on one line, a reader-service header, a table in
the article among them). The third and fourth were scored unseen, then tuned on. ``fifth/`` holds 14 more
by a fifth helper at the session's end (American English, Russian, Greek, Japanese, Korean, Hong Kong
Chinese, simplified Chinese, Serbian in Latin script, Slovak, Slovenian, Latvian, Estonian, Danish,
Catalan; a mobile page of teasers, two articles on one page, a paywall among them), scored but not read:
the unseen set for the next session.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

import newsclean
from newsclean.errors import NewscleanError

from .unseen import score

HERE = Path(__file__).resolve().parent / "probes"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=HERE)
    args = ap.parse_args()
    rows = []
    meta_counts: dict[str, int] = {}
    for dump in sorted(args.dir.glob("probe_[0-9][0-9].txt")):
        raw = dump.read_text(encoding="utf-8")
        gold = dump.with_name(dump.stem + ".gold.txt").read_text(encoding="utf-8")
        expected = dump.with_name(dump.stem + ".meta.json")
        try:
            doc = newsclean.clean(raw, kind="text")
            got, meta = doc.text, f"title={doc.title!r} authors={list(doc.authors)!r} date={doc.date!r}"
            if expected.exists():
                right = meta_right(json.loads(expected.read_text(encoding="utf-8")), doc)
                meta = " ".join(f"{k}:{'ok' if ok else 'NO'}" for k, ok in right.items()) + "  " + meta
                for field, ok in right.items():
                    meta_counts[field] = meta_counts.get(field, 0) + ok
        except NewscleanError as error:
            got, meta = "", f"error: {error}"
        rows.append((dump.stem, score(gold, got), score(gold, raw)[2], meta))
    print(f"{'probe':<10}{'P':>7}{'R':>7}{'F1':>7}{'keep all':>10}  metadata")
    for name, (p, r, f1), keep_all, meta in rows:
        print(f"{name:<10}{p:7.3f}{r:7.3f}{f1:7.3f}{keep_all:10.3f}  {meta}")
    if rows:
        means = [statistics.mean(row[1][k] for row in rows) for k in range(3)]
        print(f"{'mean':<10}{means[0]:7.3f}{means[1]:7.3f}{means[2]:7.3f}{statistics.mean(r[2] for r in rows):10.3f}")
    if meta_counts:
        print("metadata right: " + ", ".join(f"{field} {n} of {len(rows)}" for field, n in meta_counts.items()))


def _folded(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def meta_right(expected: dict, doc: newsclean.Document) -> dict[str, bool]:
    """Which of title, authors and date (the day) match a probe's ``.meta.json``: the title and each
    author whitespace- and case-blind, the authors as a set."""
    return {"title": _folded(doc.title) == _folded(expected.get("title")),
            "authors": {_folded(a) for a in doc.authors} == {_folded(a) for a in expected.get("authors", [])},
            "date": (doc.date or "")[:10] == (expected.get("date") or "")}


if __name__ == "__main__":
    main()
