"""Running systems over pages: per-document timing of the extraction only, and the peers' disk cache.

Time is the process's CPU time (``time.process_time``) of the extraction call: unlike wall time it
stays put when other work shares the machine; ``wall`` is kept alongside.

A peer's result for one page is cached under ``<out>/cache/<system>/<set>/<style>.jsonl`` as
``{"id", "version", "clock", "seconds", "wall", "jobs", "out", "error"}``; a record whose version or
clock differs is recomputed. ``jobs`` is how many worker processes ran at once when it was timed:
parallel workers still slow each other (shared cores and caches). ``retime`` recomputes the selected
peer runs in one process, e.g. to compare speeds measured at the same time and load.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterable
from multiprocessing import Pool
from pathlib import Path

from . import data
from .peers import ALL_PEERS, output

Result = dict  # {"out": Output, "seconds": float (CPU), "wall": float, "error": str | None, "jobs": int}
CLOCK = "cpu"

_WARM_INPUT = {True: b"<html><body><p>Warm up.</p></body></html>", False: "Warm up.\n\nSecond line."}
_warmed: set[str] = set()


def time_one(name: str, fn: Callable, payload: bytes | str, url: str | None) -> Result:
    """Call ``fn`` once, timing only the call; a system's first call in a process is an untimed warm-up."""
    if name not in _warmed:
        _warmed.add(name)
        with contextlib.suppress(Exception):  # a failing warm-up shows up on the real pages
            fn(_WARM_INPUT[isinstance(payload, bytes)], None)
    error = None
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        out = fn(payload, url)
    except Exception as exc:  # a crash is an empty output, recorded
        out, error = output(), f"{type(exc).__name__}: {exc}"[:300]
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"out": out, "seconds": cpu, "wall": wall, "error": error}


def _peer_task(task: tuple) -> tuple:
    key, page_id, path, url = task
    system = key[0]
    payload = data.read_input(Path(path))
    return key, page_id, time_one(system, ALL_PEERS[system].fn, payload, url)


class PeerCache:
    def __init__(self, root: Path):
        self.root = root

    def path(self, system: str, name: str, style: str) -> Path:
        return self.root / system / name / f"{style}.jsonl"

    def load(self, system: str, name: str, style: str) -> dict[str, Result]:
        """The valid records, the last one of an id winning."""
        path, wanted = self.path(system, name, style), ALL_PEERS[system].version
        found: dict[str, Result] = {}
        if path.exists():
            with open(path, encoding="utf-8") as f:
                for line in f:
                    rec = json.loads(line)
                    if rec.get("version") == wanted and rec.get("clock") == CLOCK:
                        found[rec.pop("id")] = rec
        return found

    def compact(self, system: str, name: str, style: str) -> None:
        """Rewrite the file with only its valid records, the last of each id."""
        path, keep = self.path(system, name, style), self.load(system, name, style)
        lines = [json.dumps(self._record(system, i, r), ensure_ascii=False) + "\n" for i, r in keep.items()]
        tmp = path.with_suffix(".tmp")
        tmp.write_text("".join(lines), encoding="utf-8")
        tmp.replace(path)

    @staticmethod
    def _record(system: str, page_id: str, result: Result) -> dict:
        return {"id": page_id, "version": ALL_PEERS[system].version, "clock": CLOCK, **result}

    def append(self, system: str, name: str, style: str, page_id: str, result: Result) -> None:
        path = self.path(system, name, style)
        path.parent.mkdir(parents=True, exist_ok=True)
        rec = self._record(system, page_id, result)
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


RunKey = tuple[str, str, str]  # (system, set, style)


def run_peers(
    keys: Iterable[RunKey],
    pages: dict[str, list[data.Page]],
    bench_dir: Path,
    cache: PeerCache,
    jobs: int = 1,
    retime: bool = False,
) -> dict[RunKey, dict[str, Result]]:
    """Results of each peer run, from the cache where present; missing pages computed (in parallel).

    ``retime``: ignore the cache and recompute in one process (fresh timings).
    """
    if retime:
        jobs = 1
    results: dict[RunKey, dict[str, Result]] = {}
    tasks = []
    for key in keys:
        system, name, style = key
        cached = {} if retime else cache.load(system, name, style)
        results[key] = {p.id: cached[p.id] for p in pages[name] if p.id in cached}
        for page in pages[name]:
            if page.id not in cached:
                tasks.append((key, page.id, str(data.input_path(bench_dir, name, style, page.id)), page.url))
    if not tasks:
        return results
    print(f"computing {len(tasks)} peer results with {jobs} job(s)", file=sys.stderr)
    if jobs > 1:
        with Pool(jobs) as pool:
            _collect(pool.imap_unordered(_peer_task, tasks, chunksize=4), results, cache, len(tasks), jobs)
    else:
        _collect(map(_peer_task, tasks), results, cache, len(tasks), 1)
    for key in {task[0] for task in tasks}:
        cache.compact(*key)
    return results


def _collect(done: Iterable[tuple], results: dict, cache: PeerCache, total: int, jobs: int) -> None:
    for i, (key, page_id, result) in enumerate(done, 1):
        result["jobs"] = jobs
        results[key][page_id] = result
        cache.append(*key, page_id, result)
        if i % 500 == 0 or i == total:
            print(f"  {i}/{total}", file=sys.stderr)


def run_inprocess(
    name: str, fn: Callable, set_name: str, style: str, pages: list[data.Page], bench_dir: Path
) -> dict[str, Result]:
    """Run a system in this process over pages decoded in memory beforehand (not cached)."""
    payloads = [data.read_input(data.input_path(bench_dir, set_name, style, p.id)) for p in pages]
    return {p.id: time_one(name, fn, payload, p.url) | {"jobs": 1} for p, payload in zip(pages, payloads, strict=True)}


def timed_in_parallel(results: dict[str, Result]) -> bool:
    return any(r.get("jobs") != 1 for r in results.values())


def docs_per_second(results: dict[str, Result]) -> float:
    seconds = sum(r["seconds"] for r in results.values())
    return len(results) / seconds if seconds else float("inf")
