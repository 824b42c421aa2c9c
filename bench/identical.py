"""Whether two versions of newsclean give the same outputs: one digest per bench document.

    python -m bench.identical --out base.jsonl [--sets aeb,wcxb-dev,traf] [--styles dump-browser,...]
                              [--limit N] [--jobs N]
    python -m bench.identical --compare base.jsonl new.jsonl

The first form runs ``newsclean.clean`` (whichever is first on the path: run it with
``PYTHONPATH=<checkout>/src`` to digest another version) on every page of the chosen sets and styles
(all dumps and the HTML by default), with the page's URL as the bench gives it, and writes one line
per document: the digest of each part of the output (every line's text, role and reason; the body;
the metadata; the captions; the changes and extras), or of the error it raised. The second form
lists the documents whose digests differ and exits non-zero when any does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict
from multiprocessing import Pool
from pathlib import Path

from .data import SETS, STYLES, input_path, load_gold, read_input

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("lines", "body", "metadata", "captions", "changes", "extra", "error")


def _digest(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def digest_document(task: tuple[str, str, str, str, str | None]) -> dict[str, str]:
    """The digests of one document's output (``PARTS``), keyed with its set, style and id."""
    from newsclean import clean  # imported here: whichever version is on the worker's path

    bench_dir, name, style, page_id, url = task
    data = read_input(input_path(Path(bench_dir), name, style, page_id))
    kind = "html" if style == "html" else "text"
    parts: dict[str, object] = dict.fromkeys(PARTS)
    try:
        doc = clean(data, kind=kind, url=url)
    except Exception as exc:  # an error is an output too
        parts["error"] = f"{type(exc).__name__}: {exc}"
    else:
        parts.update(lines=[(ln.text, ln.role.value, ln.reason) for ln in doc.lines], body=doc.text,
                     metadata=asdict(doc.metadata), captions=list(doc.captions),
                     changes=[(c.reason, c.count) for c in doc.changes], extra=doc.extra)
    return {"key": f"{name}/{style}/{page_id}", **{part: _digest(value) for part, value in parts.items()}}


def _tasks(bench_dir: Path, sets: list[str], styles: list[str], limit: int | None) -> list[tuple]:
    return [(str(bench_dir), name, style, page.id, page.url)
            for name in sets for page in load_gold(bench_dir, name, limit) for style in styles]


def compare(old_path: Path, new_path: Path) -> int:
    """Print the documents whose outputs differ (and which parts); 1 if any does, else 0."""
    old, new = (_read(p) for p in (old_path, new_path))
    differ = [key for key in old if key in new and old[key] != new[key]]
    for key in differ:
        parts = [p for p in PARTS if old[key][p] != new[key][p]]
        print(f"differs: {key} ({', '.join(parts)})")
    missing = sorted(set(old) ^ set(new))
    if missing:
        print(f"{len(missing)} documents in only one of the files, e.g. {missing[:3]}")
    same = sum(1 for key in old if key in new) - len(differ)
    print(f"{same} identical, {len(differ)} different, of {len(set(old) & set(new))} documents compared")
    return 1 if differ or missing else 0


def _read(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return {row["key"]: row for row in rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.identical", description=__doc__.splitlines()[0])
    ap.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--styles", default=",".join(STYLES))
    ap.add_argument("--limit", type=int, help="first N pages of each set")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out", type=Path, help="where to write the digests")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = ap.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if not args.out:
        ap.error("--out or --compare is needed")
    tasks = _tasks(args.bench_dir, args.sets.split(","), args.styles.split(","), args.limit)
    with Pool(args.jobs) as pool, open(args.out, "w", encoding="utf-8") as out:
        for row in pool.imap(digest_document, tasks, chunksize=8):
            out.write(json.dumps(row) + "\n")
    print(f"{len(tasks)} documents digested into {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
