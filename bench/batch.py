"""Batch benchmark (a command, not a test): newsclean's batch mode against trafilatura's, side by side.

    python bench/batch.py [--bench-dir ../shared/bench] [--limit N] [--stream-mb 200] [--keep DIR]

On the pages of ../shared/bench (unpacked to plain files in a temporary folder), in one run:
- HTML: ``newsclean clean --jobs 2`` vs ``trafilatura --input-dir … --output-dir … --parallel 2``, and
  newsclean ``--jobs 2`` vs ``--jobs 1``;
- text dumps (dump-browser): documents per second with ``--jobs 2``;
- a generated JSON Lines stream of ~200 MB (HTML and text records): peak RSS of the largest process,
  from ``/usr/bin/time -v`` (Debian package ``time``).

Wall time depends on what else the machine is doing, so CPU seconds (user + system, all processes
of the run) and the load average are printed beside it, and "busy workers": the per-document seconds
of the run's --report added up and divided by the wall time, i.e. how many workers were cleaning at an
average moment (2.00 for --jobs 2 means no worker ever waited for work).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SETS = ("aeb", "traf", "wcxb-dev")
BIN = Path(sys.executable).parent
TIME = Path("/usr/bin/time")


@dataclass
class Run:
    label: str
    docs: int
    wall: float
    cpu: float
    outputs: int
    code: int
    peak_rss_mb: float | None = None
    busy: float | None = None  # average number of busy workers: sum of per-document seconds / wall


    @property
    def rate(self) -> float:
        return self.docs / self.wall if self.wall else 0.0


def unpack(bench: Path, work: Path, limit: int | None) -> tuple[Path, Path]:
    """Every page as a plain .html file and its browser dump as a plain .txt file."""
    html, text = work / "html", work / "text"
    html.mkdir(parents=True)
    text.mkdir(parents=True)
    for name in SETS:
        pages = sorted((bench / name / "html").glob("*.html.gz"))
        if limit:
            pages = pages[:: max(1, len(pages) * len(SETS) // limit)]
        for page in pages:
            stem = page.name.removesuffix(".html.gz")
            (html / f"{name}-{stem}.html").write_bytes(gzip.decompress(page.read_bytes()))
            dump = bench / name / "dump-browser" / f"{stem}.txt.gz"
            if dump.exists():
                (text / f"{name}-{stem}.txt").write_bytes(gzip.decompress(dump.read_bytes()))
    return html, text


def make_stream(html: Path, text: Path, target: Path, megabytes: int) -> int:
    """A JSON Lines file of about ``megabytes`` MB: HTML and text records in turn, cycling the pages."""
    pages, dumps = sorted(html.iterdir()), sorted(text.iterdir())
    size = records = 0
    with open(target, "w", encoding="utf-8") as out:
        while size < megabytes * 1_000_000:
            page, dump = pages[records // 2 % len(pages)], dumps[records // 2 % len(dumps)]
            if records % 2 == 0:
                record = {"id": f"r{records}", "url": f"https://example.org/{page.stem}",
                          "html": page.read_text("utf-8", "replace")}
            else:
                record = {"id": f"r{records}", "text": dump.read_text("utf-8", "replace"),
                          "metadata": {"url": f"https://example.org/{dump.stem}"}}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode())
            records += 1
    return records


def run(label: str, cmd: list[str], docs: int, out: Path, measure_rss: bool = False,
        report: Path | None = None) -> Run:
    if report is not None:
        cmd = [*cmd, "--report", str(report)]
    if measure_rss and TIME.exists():
        cmd = [str(TIME), "-v", *cmd]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    outputs = sum(1 for p in out.rglob("*") if p.is_file()) if out.exists() else 0
    peak = None
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if found:
        peak = int(found.group(1)) / 1024
    busy = None
    if report is not None and report.exists():
        busy = sum(json.loads(line)["seconds"] for line in report.open()) / wall
    print(f"  {label}: {wall:.1f} s, exit {proc.returncode}", file=sys.stderr, flush=True)
    return Run(label, docs, wall, cpu, outputs, proc.returncode, peak, busy)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "bench")
    parser.add_argument("--limit", type=int, help="use about this many pages (default: all)")
    parser.add_argument("--stream-mb", type=int, default=200, help="size of the generated JSON Lines stream")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsclean-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    try:
        html, text = unpack(args.bench_dir, work, args.limit)
        n_html, n_text = len(list(html.iterdir())), len(list(text.iterdir()))
        print(f"{n_html} HTML pages, {n_text} text dumps in {work}", file=sys.stderr)
        newsclean, trafilatura = str(BIN / "newsclean"), str(BIN / "trafilatura")
        out = work / "out"
        runs = [
            run("newsclean --jobs 2 (HTML)", [newsclean, "clean", str(html), "-o", str(out / "nc2"), "--jobs", "2",
                                              "-q"], n_html, out / "nc2", report=work / "nc2.jsonl"),
            run("trafilatura --parallel 2 (HTML)", [trafilatura, "--input-dir", str(html), "--output-dir",
                                                    str(out / "tr2"), "--parallel", "2"], n_html, out / "tr2"),
            run("newsclean --jobs 1 (HTML)", [newsclean, "clean", str(html), "-o", str(out / "nc1"), "--jobs", "1",
                                              "-q"], n_html, out / "nc1", report=work / "nc1.jsonl"),
            run("newsclean --jobs 2 (text dumps)", [newsclean, "clean", str(text), "-o", str(out / "text2"), "--jobs",
                                                    "2", "-q"], n_text, out / "text2", report=work / "text2.jsonl"),
        ]
        stream = work / "stream.jsonl"
        records = make_stream(html, text, stream, args.stream_mb)
        stream_mb = stream.stat().st_size / 1e6
        print(f"stream: {records} records, {stream_mb:.0f} MB", file=sys.stderr)
        runs.append(run(f"newsclean --jobs 2 ({stream_mb:.0f} MB JSONL)", [
            newsclean, "clean", str(stream), "-o", str(out / "stream"), "--jobs", "2", "-q"], records,
            out / "stream", measure_rss=True))
        load_after = os.getloadavg()[0]
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    print(f"\nnewsclean batch benchmark: {os.cpu_count()} cores, load average {load_before:.1f} before and "
          f"{load_after:.1f} after (other work on the machine slows the wall times)\n")
    print("| run | documents | wall s | docs/s | CPU s | CPU ms/doc | busy workers | outputs | exit | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        rss = f"{r.peak_rss_mb:.0f}" if r.peak_rss_mb is not None else ""
        busy = f"{r.busy:.2f}" if r.busy is not None else ""
        print(f"| {r.label} | {r.docs} | {r.wall:.1f} | {r.rate:.1f} | {r.cpu:.1f} | {1000 * r.cpu / r.docs:.0f} | "
              f"{busy} | {r.outputs} | {r.code} | {rss} |")
    nc2, tr2, nc1, text2, streamed = runs
    print(f"\nHTML, newsclean --jobs 2 / trafilatura --parallel 2 (speed ratio): {nc2.rate / tr2.rate:.2f}")
    print(f"HTML, newsclean --jobs 2 / --jobs 1 (speed-up): {nc2.rate / nc1.rate:.2f} "
          f"(workers busy on average: {nc2.busy or 0:.2f} of 2, and {nc1.busy or 0:.2f} of 1)")
    print(f"text dumps, --jobs 2: {text2.rate:.0f} docs/s")
    if streamed.peak_rss_mb is not None:
        print(f"JSONL stream: peak RSS of the largest process {streamed.peak_rss_mb:.0f} MB")
    else:
        print("JSONL stream: peak RSS not measured: /usr/bin/time is missing (apt-get install time)")


if __name__ == "__main__":
    main()
