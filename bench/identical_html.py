"""Digest newsclean's HTML outputs page by page, so that two versions can be shown to give the same.

    python -m bench.identical_html OUT.jsonl [--sets aeb,wcxb-dev,traf] [--every N] [--jobs N]
    python -m bench.identical_html --compare OLD.jsonl NEW.jsonl

The first form runs ``clean(data, kind="html", url=page.url)`` on every HTML page of the sets (or every
Nth page: a sample while iterating) and writes one JSON line per page: its set, id and the sha256 of
everything the page's Document holds (body, every line's text, role and reason, the metadata, captions,
normalize changes, extras), or of the error raised. The second form compares two such files and lists
the pages whose digests differ (exit status 1 if any do, or if a page of OLD is missing from NEW).

To compare with another checkout, run the first form there with its own PYTHONPATH.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .data import HTML, SETS, input_path, load_gold, read_input

ROOT = Path(__file__).resolve().parent.parent


def record(document: object) -> dict[str, object]:
    """Everything a cleaned Document says, as plain JSON values (enums by their values)."""
    return json.loads(json.dumps(dataclasses.asdict(document), default=str))  # type: ignore[call-overload]


def digest(bench_dir: Path, name: str, page_id: str, url: str | None) -> dict[str, str]:
    """The set, id and output digest of one page (an error's class and message stand for its output)."""
    from newsclean.pipeline import clean

    data = read_input(input_path(bench_dir, name, HTML, page_id))
    try:
        out: object = record(clean(data, kind="html", url=url))
    except Exception as error:  # noqa: BLE001 - a raised error is an output too
        out = {"error": type(error).__name__, "message": str(error)}
    text = json.dumps(out, sort_keys=True, ensure_ascii=False)
    return {"set": name, "id": page_id, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def _digest_row(args: tuple[Path, str, str, str | None]) -> dict[str, str]:
    return digest(*args)


def run(out: Path, bench_dir: Path, sets: list[str], every: int, jobs: int) -> int:
    work = [(bench_dir, name, page.id, page.url) for name in sets
            for k, page in enumerate(load_gold(bench_dir, name)) if k % every == 0]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            rows = list(pool.map(_digest_row, work, chunksize=8))
    else:
        rows = [_digest_row(item) for item in work]
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(row) + "\n" for row in rows)
    print(f"{len(rows)} pages digested into {out}")
    return 0


def load(path: Path) -> dict[tuple[str, str], str]:
    with open(path, encoding="utf-8") as f:
        return {(row["set"], row["id"]): row["sha256"] for row in map(json.loads, f)}


def compare(old_path: Path, new_path: Path) -> int:
    """Report the pages of ``old_path`` whose digest in ``new_path`` differs or is missing."""
    old, new = load(old_path), load(new_path)
    common = [key for key in old if key in new]
    differ = [key for key in common if old[key] != new[key]]
    missing = [key for key in old if key not in new]
    for name, page_id in differ:
        print(f"differs: {name} {page_id}")
    print(f"{len(common)} pages compared, {len(differ)} differ, {len(missing)} of {old_path} missing in {new_path}")
    return 1 if differ or missing else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.identical_html", description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, nargs="?", help="the digest file to write")
    ap.add_argument("--compare", type=Path, nargs=2, metavar=("OLD", "NEW"))
    ap.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--every", type=int, default=1, help="only every Nth page of each set")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        ap.error("give the digest file to write, or --compare OLD NEW")
    return run(args.out, args.bench_dir, [s.strip() for s in args.sets.split(",") if s.strip()], args.every,
               args.jobs)


if __name__ == "__main__":
    sys.exit(main())
