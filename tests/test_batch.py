"""Batch runs: parallel workers, determinism across --jobs, resume, time limit, size cap, report,
Ctrl-C and kill -9, exit codes. Inputs are generated in tmp_path; the CLI runs in-process except where
a real signal must reach a real process group."""

from __future__ import annotations

import faulthandler
import gzip
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import newsclean.batch
import newsclean.tasks
from newsclean.cli import main

from .conftest import ROOT, SAMPLES

SEED = SAMPLES / "text" / "kyiv-independent-dump.txt"
HTML = SAMPLES / "html" / "harbour-festival.html"
SENTENCE = "The harbour reopened on Monday after a week of repairs, the city council said in a statement. "


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def article(n: int, marker: str = "") -> str:
    """A small text dump, different for each n."""
    return (f"Menu\nSign in\n\nHeadline number {n} about the harbour\n\n"
            + f"Paragraph {n} says this. " + SENTENCE * 3 + "\n\n" + SENTENCE * 2 + marker + "\n\nSubscribe\n")


def make_folder(root: Path) -> Path:
    """A folder with every kind of input: text, HTML, gzip, empty, binary, no article, not a document."""
    raw = root / "raw"
    (raw / "sub").mkdir(parents=True)
    shutil.copy(SEED, raw / "seed.txt")
    (raw / "sub" / "page.html.gz").write_bytes(gzip.compress(HTML.read_bytes()))
    for n in range(6):
        (raw / "sub" / f"a{n}.txt").write_text(article(n))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "menu.txt").write_text("Home\nNews\nSport\n")
    (raw / "binary.html").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    (raw / "notes.csv").write_text("a,b\n")
    return raw


def outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def report_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def without_seconds(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k != "seconds"} for row in rows]


def test_jobs_do_not_change_outputs_or_report(runner: CliRunner, tmp_path: Path) -> None:
    raw = make_folder(tmp_path)
    seen = []
    for jobs in ("1", "2", "3"):
        out, report = tmp_path / f"out{jobs}", tmp_path / f"report{jobs}.jsonl"
        result = runner.invoke(main, ["clean", str(raw), "-o", str(out), "--jobs", jobs, "--report", str(report),
                                      "--format", "json"])
        assert result.exit_code == 1, result.output  # empty.txt, menu.txt and binary.html
        rows = without_seconds(report_rows(report))
        for row in rows:
            row["output"] = row["output"] and Path(row["output"]).name
        seen.append((outputs(out), rows, result.stderr.splitlines()[:-1]))  # the summary line has the time
    assert seen[0] == seen[1] == seen[2]
    assert not multiprocessing.active_children()  # every worker has ended


def test_report_has_one_line_per_input(runner: CliRunner, tmp_path: Path) -> None:
    raw = make_folder(tmp_path)
    out, report = tmp_path / "out", tmp_path / "report.jsonl"
    result = runner.invoke(main, ["clean", str(raw), "-o", str(out), "--report", str(report)])
    rows = {Path(row["input"]).name: row for row in report_rows(report)}
    assert list(rows) == ["binary.html", "empty.txt", "menu.txt", "notes.csv", "seed.txt", "a0.txt", "a1.txt", "a2.txt",
                          "a3.txt", "a4.txt", "a5.txt", "page.html.gz"]
    seed = rows["seed.txt"]
    assert set(seed) == {"input", "output", "status", "reason", "kind", "chars_in", "chars_out", "seconds"}
    assert seed["status"] == "ok" and seed["kind"] == "text" and seed["reason"] == ""
    assert seed["output"] == str(out / "seed.txt")
    assert seed["chars_in"] == len(SEED.read_text()) and seed["chars_out"] == len((out / "seed.txt").read_text()) - 1
    assert rows["page.html.gz"]["kind"] == "html" and rows["page.html.gz"]["output"] == str(out / "sub" / "page.txt")
    assert (rows["empty.txt"]["status"], rows["empty.txt"]["reason"]) == ("empty", "no article text found")
    assert rows["menu.txt"]["status"] == "empty" and rows["menu.txt"]["output"] is None
    assert rows["binary.html"]["status"] == "failed"
    assert rows["binary.html"]["reason"] == "not a text document: looks like a PDF document"
    assert rows["notes.csv"]["status"] == "skipped" and rows["notes.csv"]["reason"].startswith("not a document type")
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith("newsclean: 8 cleaned, 2 without article, 1 failed, 1 skipped (1 not a document), ")


def test_resume_skips_up_to_date_outputs_and_force_redoes_them(runner: CliRunner, tmp_path: Path) -> None:
    raw = make_folder(tmp_path)
    out, report = tmp_path / "out", tmp_path / "report.jsonl"
    runner.invoke(main, ["clean", str(raw), "-o", str(out)])
    first = outputs(out)
    changed = raw / "sub" / "a3.txt"
    changed.write_text(article(33))
    later = time.time() + 5
    os.utime(changed, (later, later))
    result = runner.invoke(main, ["clean", str(raw), "-o", str(out), "--report", str(report)])
    status = {Path(row["input"]).name: row["status"] for row in report_rows(report)}
    assert status["a3.txt"] == "ok" and status["seed.txt"] == status["page.html.gz"] == "skipped"
    assert [s for s in status.values() if s == "ok"] == ["ok"]
    assert "8 skipped (7 up to date, 1 not a document)" in result.stderr
    assert b"Headline number 33" not in first["sub/a3.txt"] and "Paragraph 33" in (out / "sub" / "a3.txt").read_text()
    result = runner.invoke(main, ["clean", str(raw), "-o", str(out), "--force", "--report", str(report)])
    assert [row["status"] for row in report_rows(report)].count("ok") == 8


def test_timeout_kills_the_worker_and_the_batch_goes_on(runner: CliRunner, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    real = newsclean.tasks.clean

    def slow_clean(data: Any, **kwargs: Any) -> Any:  # forked workers inherit the patch
        if "STUCK" in data:
            time.sleep(60)
        return real(data, **kwargs)

    monkeypatch.setattr(newsclean.tasks, "clean", slow_clean)
    raw = tmp_path / "raw"
    raw.mkdir()
    for n in range(6):
        (raw / f"a{n}.txt").write_text(article(n, " STUCK" if n == 1 else ""))
    out, report = tmp_path / "out", tmp_path / "report.jsonl"
    started = time.monotonic()
    result = runner.invoke(main, ["clean", str(raw), "-o", str(out), "--jobs", "2", "--timeout", "0.5",
                                  "--report", str(report)])
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    assert f"newsclean: {raw / 'a1.txt'}: timed out after 0.5 s" in result.stderr
    row = report_rows(report)[1]
    assert (row["status"], row["reason"], row["output"]) == ("failed", "timed out after 0.5 s", None)
    assert row["seconds"] >= 0.5
    assert sorted(os.listdir(out)) == ["a0.txt", "a2.txt", "a3.txt", "a4.txt", "a5.txt"]  # nothing partial


def test_a_crashing_worker_is_replaced(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = newsclean.tasks.clean

    def crashing_clean(data: Any, **kwargs: Any) -> Any:
        if "CRASH" in data:
            faulthandler.disable()  # pytest's, inherited by the worker: it would print the deliberate crash
            os.kill(os.getpid(), signal.SIGSEGV)
        return real(data, **kwargs)

    monkeypatch.setattr(newsclean.tasks, "clean", crashing_clean)
    raw = tmp_path / "raw"
    raw.mkdir()
    for n in range(5):
        (raw / f"a{n}.txt").write_text(article(n, " CRASH" if n in (0, 3) else ""))
    result = runner.invoke(main, ["clean", str(raw), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 1
    assert f"{raw / 'a0.txt'}: worker died (SIGSEGV)" in result.stderr
    assert "3 cleaned, 0 without article, 2 failed" in result.stderr


def test_size_cap_skips_and_reports(runner: CliRunner, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "big.txt").write_text(article(1) * 40)
    (raw / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 100_000))
    (raw / "small.txt").write_text(article(2))
    report = tmp_path / "report.jsonl"
    result = runner.invoke(main, ["clean", str(raw), "-o", str(tmp_path / "out"), "--max-bytes", "5000",
                                  "--report", str(report)])
    assert result.exit_code == 1
    assert f"{raw / 'big.txt'}: larger than the size cap of 5000 bytes (--max-bytes)" in result.stderr
    assert f"{raw / 'bomb.txt.gz'}: decompresses to more than the size cap of 5000 bytes" in result.stderr
    assert [row["status"] for row in report_rows(report)] == ["skipped", "skipped", "ok"]
    assert "1 cleaned, 0 without article, 0 failed, 2 skipped (2 over the size cap)" in result.stderr


def test_two_inputs_with_one_output_name_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.html").write_bytes(HTML.read_bytes())
    (raw / "a.txt").write_text(article(1))
    result = runner.invoke(main, ["clean", str(raw), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"{raw / 'a.txt'}: its output {tmp_path / 'out' / 'a.txt'} is already the output of {raw / 'a.html'}" \
        in result.stderr
    assert "harbour festival" in (tmp_path / "out" / "a.txt").read_text()


def test_interrupt_stops_workers_and_summarises(runner: CliRunner, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    raw = make_folder(tmp_path)
    calls = []
    real_add = newsclean.batch.Summary.add

    def add_then_interrupt(self: Any, result: Any) -> None:
        real_add(self, result)
        calls.append(result)
        if len(calls) == 5:
            raise KeyboardInterrupt

    monkeypatch.setattr(newsclean.batch.Summary, "add", add_then_interrupt)
    out = tmp_path / "out"
    result = runner.invoke(main, ["clean", str(raw), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1].startswith("newsclean: interrupted: 1 cleaned, 2 without article, 1 failed,")
    assert not multiprocessing.active_children()
    assert not [p for p in out.rglob(".*")]  # no temporary file left


def _slow_run_script() -> str:
    """The CLI in a child process, each document taking at least 40 ms, so that it can be stopped mid-run.

    The child answers Ctrl-C as a foreground command does, however the tests were started: a shell
    runs background jobs (``make test &``, nohup) with SIGINT ignored, a child inherits that, and
    Python then installs no KeyboardInterrupt handler (the Ctrl-C test then saw the run finish, exit 0).
    """
    return ("import signal, sys, time\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
            "import newsclean.tasks as b\nreal = b.clean\n"
            "def slow(data, **kw):\n    time.sleep(0.04)\n    return real(data, **kw)\n"
            "b.clean = slow\nfrom newsclean.cli import main\nsys.argv[0] = 'newsclean'\nmain()\n")


def _start(tmp_path: Path, raw: Path, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-c", _slow_run_script(), "clean", str(raw), "-o", str(out),
                             "--jobs", "2"], cwd=tmp_path, env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_outputs(out: Path, n: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and sum(1 for p in out.iterdir() if not p.name.startswith(".")) >= n:
            return
        time.sleep(0.02)
    pytest.fail("the run did not get going")


def _many(tmp_path: Path, n: int) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(n):
        (raw / f"d{i:03}.txt").write_text(article(i))
    return raw


def test_kill_9_leaves_no_partial_output_and_a_rerun_finishes(runner: CliRunner, tmp_path: Path) -> None:
    raw = _many(tmp_path, 150)
    reference = tmp_path / "reference"
    assert runner.invoke(main, ["clean", str(raw), "-o", str(reference)]).exit_code == 0
    out = tmp_path / "out"
    proc = _start(tmp_path, raw, out)
    _wait_for_outputs(out, 10, proc)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, at once: a power cut
    proc.wait()
    done = {name: data for name, data in outputs(out).items() if not name.startswith(".")}
    assert 10 <= len(done) < 150
    expected = outputs(reference)
    assert all(expected[name] == data for name, data in done.items())  # every output there is whole
    report = tmp_path / "report.jsonl"
    result = runner.invoke(main, ["clean", str(raw), "-o", str(out), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert outputs(out) == expected  # all there, and no temporary file left
    statuses = [row["status"] for row in report_rows(report)]
    assert statuses.count("skipped") == len(done) and statuses.count("ok") == 150 - len(done)


def test_ctrl_c_exits_130_with_a_summary_and_no_partial_output(tmp_path: Path) -> None:
    raw = _many(tmp_path, 150)
    out = tmp_path / "out"
    proc = _start(tmp_path, raw, out)
    _wait_for_outputs(out, 10, proc)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends to the foreground process group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "Traceback" not in err.decode()
    assert err.decode().splitlines()[-1].startswith("newsclean: interrupted: ")
    names = os.listdir(out)
    assert 10 <= len(names) < 150 and not [n for n in names if n.startswith(".")]


def test_progress_bar_and_summary_table_render(tmp_path: Path) -> None:
    import io

    from newsclean.batch import Result, Skip, Status, Summary
    from newsclean.console import BatchProgress, console_for, print_batch_summary

    summary = Summary()
    stream = io.StringIO()
    bar = BatchProgress(stream, total=3)
    bar.start()
    for result in (Result("a.txt", "out/a.txt", Status.OK, kind="text", chars_in=100, chars_out=40),
                   Result("b [x].txt", None, Status.FAILED, "timed out after 30 s")):
        summary.add(result)
        bar.message(f"newsclean: {result.input}: {result.reason}", error=result.is_error)
        bar.update(summary)
    bar.stop()
    summary.add(Result("c.txt", "out/c.txt", Status.SKIPPED, "up to date", skip=Skip.UP_TO_DATE))
    summary.finish()
    print_batch_summary(console_for(stream, True), summary)
    shown = stream.getvalue()
    assert "newsclean: b [x].txt: timed out after 30 s" in shown  # brackets are not markup
    for row in ("documents", "cleaned", "empty (no article)", "failed", "skipped", "up to date",
                "characters removed", "time"):
        assert row in shown
    assert summary.line().startswith("newsclean: 1 cleaned, 0 without article, 1 failed, 1 skipped (1 up to date), "
                                     "60 characters removed, ")


def test_usage_errors_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    raw = make_folder(tmp_path)
    assert runner.invoke(main, ["clean", str(raw), "--jobs", "0"]).exit_code == 2
    assert runner.invoke(main, ["clean", str(raw), "--timeout", "-1"]).exit_code == 2
    result = runner.invoke(main, ["clean", str(raw), "-o", str(tmp_path / "out"), "--report", str(raw / "r.jsonl")])
    assert result.exit_code == 2 and "is inside the input" in result.stderr  # it would be read back as a stream
    assert not (raw / "r.jsonl").exists() and not (tmp_path / "out").exists()


def test_quiet_and_verbose(runner: CliRunner, tmp_path: Path) -> None:
    raw = make_folder(tmp_path)
    quiet = runner.invoke(main, ["clean", str(raw), "-o", str(tmp_path / "q"), "--quiet"])
    assert quiet.exit_code == 1
    assert len(quiet.stderr.splitlines()) == 3 and "cleaned" not in quiet.stderr  # the three errors only
    verbose = runner.invoke(main, ["clean", str(raw), "-o", str(tmp_path / "v"), "--verbose"])
    lines = verbose.stderr.splitlines()
    assert len(lines) == 12 + 1
    assert f"newsclean: {raw / 'seed.txt'}: ok, text, " in verbose.stderr
    assert f"newsclean: {raw / 'notes.csv'}: skipped, not a document type (.csv)" in verbose.stderr
