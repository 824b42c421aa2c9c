"""The command line, in-process: the three uses, every format, every error path and exit code."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclean.cli import main

from .conftest import SAMPLES

SEED = SAMPLES / "text" / "kyiv-independent-dump.txt"
HTML = SAMPLES / "html" / "harbour-festival.html"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_pipe_prints_the_article(runner: CliRunner) -> None:
    result = runner.invoke(main, [], input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("U.S. Secretary of State Antony Blinken warned")
    assert "Subscribe" not in result.stdout
    assert result.stdout.endswith("summit in Geneva in June.\n")


def test_dash_and_clean_subcommand_are_stdin(runner: CliRunner) -> None:
    plain = runner.invoke(main, [], input=SEED.read_bytes()).stdout
    assert runner.invoke(main, ["-"], input=SEED.read_bytes()).stdout == plain
    assert runner.invoke(main, ["clean"], input=SEED.read_bytes()).stdout == plain
    assert runner.invoke(main, [str(SEED)]).stdout == plain


def test_html_on_stdin_is_detected(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--format", "json"], input=HTML.read_bytes())
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["kind"] == "html"
    assert record["title"] == "Harbour festival returns with record crowds"
    assert "Read also" not in record["text"] and "newsletter" not in record["text"]


def test_input_format_forces_the_kind(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--input-format", "text", "--format", "json", str(HTML)])
    assert json.loads(result.stdout)["kind"] == "text"


@pytest.mark.parametrize("fmt", ["text", "dated", "json", "jsonl", "markdown"])
def test_every_format(runner: CliRunner, fmt: str) -> None:
    result = runner.invoke(main, ["--format", fmt, str(SEED)])
    assert result.exit_code == 0
    out = result.stdout
    if fmt == "text":
        assert out.startswith("U.S. Secretary")
    elif fmt == "dated":
        title = "Top diplomats of US, Russia meet to discuss Ukraine amid looming invasion"
        assert out.startswith(f"date 2021-12-02 {title}\n\nU.S.")
    elif fmt in ("json", "jsonl"):
        record = json.loads(out)
        assert (fmt == "jsonl") == (out.count("\n") == 1)
        for key in ("text", "title", "authors", "date", "url", "site", "language", "source", "kind", "captions",
                    "removed"):
            assert key in record
        assert record["authors"] == ["Igor Kossov"] and record["source"] == str(SEED)
        assert {"text": "Edit post", "reason": "lexicon:navigation"} in record["removed"]
    else:
        assert out.startswith('---\ntitle: "Top diplomats')
        assert 'authors: ["Igor Kossov"]' in out and "\n---\n\nU.S. Secretary" in out


def test_jsonl_gives_one_record_per_document(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--format", "jsonl", str(SEED), str(HTML)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["kind"] for r in records] == ["text", "html"]


def _make_raw(tmp: Path) -> Path:
    raw = tmp / "raw"
    (raw / "ki").mkdir(parents=True)
    (raw / "ki" / "a.html.gz").write_bytes(gzip.compress(HTML.read_bytes()))
    shutil.copy(SEED, raw / "seed.txt")
    shutil.copy(SEED, raw / "noext")
    (raw / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (raw / "notes.csv").write_text("a,b\n")
    return raw


def test_batch_folder_mirrors_layout(runner: CliRunner, tmp_path: Path) -> None:
    raw = _make_raw(tmp_path)
    before = {p: p.read_bytes() for p in raw.rglob("*") if p.is_file()}
    out = tmp_path / "clean"
    result = runner.invoke(main, ["clean", str(raw), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "ki/a.json", "noext.json", "seed.json"]
    assert json.loads((out / "ki" / "a.json").read_text())["kind"] == "html"
    assert "3 cleaned" in result.stderr and "2 skipped" in result.stderr
    assert {p: p.read_bytes() for p in raw.rglob("*") if p.is_file()} == before  # inputs untouched


def test_output_inside_input_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    raw = _make_raw(tmp_path)
    result = runner.invoke(main, ["clean", str(raw), "-o", str(raw / "out")])
    assert result.exit_code == 2
    assert "inside the input folder" in result.stderr
    assert not (raw / "out").exists()


def test_bad_files_are_reported_and_the_batch_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / "good.txt")
    (raw / "binary.html").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    (raw / "broken.txt.gz").write_bytes(gzip.compress(b"hello world " * 100)[:30])
    (raw / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(main, ["clean", str(raw), "-o", str(out)])
    assert result.exit_code == 1
    err = result.stderr
    assert f"{raw / 'binary.html'}: not a text document: looks like a PDF document" in err
    assert f"{raw / 'broken.txt.gz'}: corrupt gzip" in err
    assert f"{raw / 'empty.txt'}: no article text found" in err
    assert "Traceback" not in result.output
    assert [p.name for p in out.iterdir()] == ["good.txt"]


def test_missing_file_exit_code_and_message(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, [str(tmp_path / "nope.txt"), str(SEED)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.txt'}: cannot read" in result.stderr
    assert result.stdout.startswith("U.S. Secretary")  # the good file was still cleaned


def test_no_article_on_stdin_fails_loudly(runner: CliRunner) -> None:
    result = runner.invoke(main, [], input=b"Home\nNews\nSport\n")
    assert result.exit_code == 1
    assert "-: no article text found" in result.stderr
    assert result.stdout == ""


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(main, ["--format", "pdf"]).exit_code == 2
    assert runner.invoke(main, ["diff"]).exit_code == 2


def test_single_file_output(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "article.txt"
    result = runner.invoke(main, [str(SEED), "-o", str(target), "--format", "dated"])
    assert result.exit_code == 0
    assert target.read_text().startswith("date 2021-12-02 Top diplomats")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left behind


def test_output_never_overwrites_an_input(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    shutil.copy(SEED, src)
    result = runner.invoke(main, [str(src), "-o", str(src)])
    assert result.exit_code == 1
    assert "refusing to overwrite an input file" in result.stderr
    assert src.read_bytes() == SEED.read_bytes()


def test_diff_marks_removed_lines_with_reasons(runner: CliRunner) -> None:
    result = runner.invoke(main, ["diff", str(SEED)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "- Skip to content    [lexicon:navigation]"
    assert "~ Top diplomats of US, Russia meet to discuss Ukraine amid looming invasion    [title]" in lines
    assert any(line.startswith("  U.S. Secretary of State Antony Blinken warned") for line in lines)
    assert "\x1b[" not in result.stdout  # no colour codes when piped


def test_diff_only_removed_and_stats(runner: CliRunner) -> None:
    result = runner.invoke(main, ["diff", str(SEED), "--only-removed", "--stats"])
    rows = result.stdout.splitlines()
    assert all(r.startswith(("- ", "# ")) for r in rows)
    assert any(r.startswith("# removed:lexicon:newsletter\t") for r in rows)


def test_diff_color_keeps_brackets(runner: CliRunner, tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    body = "The minister [pictured] said the plan would cost more than expected, and critics agreed at once. "
    doc.write_text("Menu\n\n" + body * 3 + "\n")
    result = runner.invoke(main, ["diff", str(doc), "--color"])
    assert "[pictured]" in result.stdout  # never eaten as rich markup
    assert "\x1b[" in result.stdout


@pytest.mark.parametrize("command", [[], ["clean"], ["diff"]])
def test_every_command_has_help_with_examples(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.stdout


def test_version(runner: CliRunner) -> None:
    assert runner.invoke(main, ["--version"]).stdout.startswith("newsclean, version ")


def test_line_and_depth_caps_are_options(runner: CliRunner) -> None:
    refused = runner.invoke(main, ["--max-lines", "5", str(SEED)])
    assert refused.exit_code == 1
    assert "more than the cap of 5" in refused.stderr
    deep = "<html><body>" + "<div>" * 120 + "<p>" + "The council met on Tuesday and agreed the plan. " * 4 + "</p>" \
        + "</div>" * 120 + "</body></html>"
    result = runner.invoke(main, ["--max-depth", "50"], input=deep)
    assert result.exit_code == 0 and result.stdout.startswith("The council met on Tuesday")
