"""newsclean diff: one document (plain, context, side by side), a raw file against another tool's
output, folders (TSV), and the alignment underneath. The HTML report is in test_report.py."""

from __future__ import annotations

import gzip
import json
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.align import Cleaned, read_cleaned
from newsclean.cli import main
from newsclean.diff import DiffLine, Hunk, Mark, compare, format_plain, stats, view
from newsclean.errors import DecodeError

from .conftest import GOLDEN, SAMPLES

SEED = SAMPLES / "text" / "kyiv-independent-dump.txt"
HTML = SAMPLES / "html" / "harbour-festival.html"

# The harbour festival page as its reader sees it (render_lines), for the two-file tests.
RENDERED_KEPT = [
    "More than 60,000 people visited the harbour festival over the weekend, the largest attendance since the "
    "event began in 1998, according to the organisers.",
    "Traffic and parking",
    "Police said the weekend passed without serious incident, although queues on the coast road stretched for "
    "several miles on Saturday morning and the park-and-ride service ran out of buses before noon.",
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# ---------------------------------------------------------------------------------------------
# One document


def test_context_shows_changes_with_n_kept_lines_around(runner: CliRunner) -> None:
    result = runner.invoke(main, ["diff", str(SEED), "--context", "1"])
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert rows[0] == "@@ lines 1-9 @@"
    assert rows[1] == "- Skip to content    [lexicon:navigation]"
    # line 9 is the first kept paragraph (one line of context), then lines 10-18 are hidden
    assert rows[9].startswith("  U.S. Secretary of State Antony Blinken warned")
    assert rows[10] == "@@ lines 19-59 @@"
    assert rows[11].startswith("  U.S. President Joe Biden")
    assert not any(r.startswith("  Blinken met with Russian Foreign Minister") for r in rows)
    full = runner.invoke(main, ["diff", str(SEED)]).stdout.splitlines()
    assert [r for r in rows if not r.startswith("@@")] == full[:9] + full[18:]


def test_context_zero_and_hunk_numbers() -> None:
    lines = [DiffLine(Mark.KEPT, "a"), DiffLine(Mark.REMOVED, "b", "menu"), DiffLine(Mark.KEPT, "c"),
             DiffLine(Mark.KEPT, "d"), DiffLine(Mark.KEPT, "e"), DiffLine(Mark.METADATA, "f", "title")]
    assert list(format_plain(lines, context=0)) == [
        "@@ lines 2-2 @@", "- b    [menu]", "@@ lines 6-6 @@", "~ f    [title]"]
    assert list(format_plain(lines, context=2)) == [
        "@@ lines 1-6 @@", "  a", "- b    [menu]", "  c", "  d", "  e", "~ f    [title]"]
    assert [str(h) for h in view(lines, context=1) if isinstance(h, Hunk)] == ["@@ lines 1-3 @@", "@@ lines 5-6 @@"]
    assert list(format_plain([DiffLine(Mark.KEPT, "x")], context=3)) == []  # nothing changed, nothing shown


def test_only_removed_and_context_exclude_each_other(runner: CliRunner) -> None:
    result = runner.invoke(main, ["diff", str(SEED), "--only-removed", "--context", "2"])
    assert result.exit_code == 2
    assert "exclude each other" in result.stderr


def test_side_by_side_on_a_terminal(runner: CliRunner, tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    body = "The minister [pictured] said the plan would cost more than expected, and critics agreed at once. "
    doc.write_text("Menu\n\n" + body * 3 + "\n")
    result = runner.invoke(main, ["diff", str(doc), "--side-by-side", "--color"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b[" in out and "legend:" in out
    header = next(line for line in out.splitlines() if "raw" in line and "cleaned" in line)
    assert header.index("raw") < header.index("cleaned")
    assert "[pictured]" in out  # never eaten as rich markup
    assert "[lexicon:navigation]" in out  # the reason, in the cleaned column of the removed line


def test_side_by_side_piped_stays_plain(runner: CliRunner) -> None:
    plain = runner.invoke(main, ["diff", str(SEED)]).stdout
    assert runner.invoke(main, ["diff", str(SEED), "--side-by-side"]).stdout == plain


def test_terminal_context_and_stats(runner: CliRunner) -> None:
    result = runner.invoke(main, ["diff", str(SEED), "--context", "0", "--stats", "--color"], env={"COLUMNS": "200"})
    out = result.stdout
    assert "@@ lines 1-8 @@" in out
    assert "U.S. Secretary of State Antony Blinken warned" not in out  # a kept line, outside any context
    assert "lexicon:newsletter" in out and "moved to metadata" in out


def test_no_article_shows_everything_removed_and_fails(runner: CliRunner) -> None:
    result = runner.invoke(main, ["diff", "-"], input=b"Home\nNews\nSport\n")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["- Home    [no-article]", "- News    [no-article]", "- Sport    [no-article]"]
    assert "newsclean: -: no article text found" in result.stderr


# ---------------------------------------------------------------------------------------------
# RAW against another tool's output


def test_two_files_against_a_hand_made_cleaned_file(runner: CliRunner, tmp_path: Path) -> None:
    """A cleaned file like trafilatura's: paragraphs re-joined, quotes changed, one line dropped in part,
    one paragraph the tool wrote itself."""
    cleaned = tmp_path / "cleaned.txt"
    first, heading, police = RENDERED_KEPT
    cleaned.write_text(
        f"{first}\n"
        f"{heading}\n"
        # the police paragraph, its last clause dropped by the tool
        "Police said the weekend passed without serious incident, although queues on the coast road "
        "stretched for several miles on Saturday morning.\n"
        "Share on Facebook\n"  # part of a raw line ("Share on Facebook Tweet Email"): not that line
        "Generated by ToolX 1.0\n")
    result = runner.invoke(main, ["diff", str(HTML), str(cleaned)])
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert f"  {first}" in rows and f"  {heading}" in rows
    assert f"  {police}    [partly-kept]" in rows
    assert "- Home    [not-in-cleaned]" in rows
    assert "- Share on Facebook Tweet Email    [not-in-cleaned]" in rows
    assert "- Traders on the quay reported their best takings of the year. Several said the festival had made up " \
           "for a poor spring, when bad weather kept visitors away from the town.    [not-in-cleaned]" in rows
    at = rows.index(f"  {police}    [partly-kept]")
    assert rows[at + 1:at + 3] == ["+ Share on Facebook    [not-in-raw]", "+ Generated by ToolX 1.0    [not-in-raw]"]
    assert not any("Sport" in r and not r.startswith("-") for r in rows)


def test_two_files_repeated_lines_are_matched_in_order(runner: CliRunner, tmp_path: Path) -> None:
    cleaned = tmp_path / "other.txt"
    cleaned.write_text("Blinken did not specify what those consequences might be. Earlier in the day, Ukraine’s "
                       "Foreign Minister Dmytro Kuleba stated that he met with Blinken to develop a “comprehensive "
                       "containment package, including harsh economic sanctions to demotivate Russia from further "
                       "aggressive actions.”\n\nSubscribe\n")
    rows = runner.invoke(main, ["diff", str(SEED), str(cleaned)]).stdout.splitlines()
    kept = [i for i, r in enumerate(rows) if r.startswith("  ")]
    assert len(kept) == 2  # the paragraph, and one "Subscribe" of the seven: the one that follows it
    assert rows[kept[0]].startswith("  Blinken did not specify") and rows[kept[1]] == "  Subscribe"
    assert "- Skip to content    [not-in-cleaned]" in rows
    assert rows[kept[1]] == "  Subscribe"
    first_subscribe = next(i for i, r in enumerate(rows) if r.startswith("- Subscribe"))
    assert kept[1] < first_subscribe  # the first "Subscribe" after the paragraph, not a later one


def test_two_files_json_output_uses_its_text_and_metadata(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    out.write_text(runner.invoke(main, ["--format", "json", str(SEED)]).stdout)
    ours = runner.invoke(main, ["diff", str(SEED)]).stdout.splitlines()
    theirs = runner.invoke(main, ["diff", str(SEED), str(out)]).stdout.splitlines()
    kept = [r for r in ours if r.startswith("  ")]
    assert [r for r in theirs if r.startswith("  ")] == kept  # same body, same lines kept
    assert "~ Top diplomats of US, Russia meet to discuss Ukraine amid looming invasion    [title]" in theirs
    assert not any(r.startswith("+") for r in theirs)


def test_two_files_bad_json_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "out.json"
    bad.write_text('{"title": "no text field"}')
    result = runner.invoke(main, ["diff", str(SEED), str(bad)])
    assert result.exit_code == 1
    assert f"newsclean: {bad}: a JSON output needs a \"text\" field" in result.stderr


def test_read_cleaned_formats() -> None:
    dated = read_cleaned("date 2021-12-02 The title\n\nBody one.\n\nBody two.\n", "a.txt")
    assert dated.paragraphs == ["Body one.", "Body two."] and dated.record["title"] == "The title"
    md = read_cleaned('---\ntitle: "T"\ncaptions: ["A caption"]\n---\n\nBody.\n', "a.md")
    assert md.paragraphs == ["Body."] and md.metadata_lines() == [("T", "title"), ("A caption", "caption")]
    jsonl = read_cleaned('{"text": "One\\n\\nTwo"}\n{"text": "other"}\n', "a.jsonl.gz")
    assert jsonl.paragraphs == ["One", "Two"]
    assert read_cleaned("just text\n", "a.txt") == Cleaned("just text\n")
    with pytest.raises(DecodeError):
        read_cleaned("[1, 2]", "a.json")


def test_compare_of_a_text_with_itself_keeps_everything_and_with_nothing_removes_everything() -> None:
    raw = SEED.read_text().splitlines()
    raw = [line for line in raw if line.strip()]
    assert all(dl.mark is Mark.KEPT and not dl.label for dl in compare(raw, "\n".join(raw)))
    assert all(dl.mark is Mark.REMOVED for dl in compare(raw, ""))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=60).map(lambda s: " ".join(s.split())).filter(bool), max_size=30))
def test_compare_with_itself_is_empty(lines: list[str]) -> None:
    diff = compare(lines, "\n".join(lines))
    assert [dl.mark for dl in diff] == [Mark.KEPT] * len(lines)
    assert stats(diff).removed_lines == 0


def test_compare_unspaced_scripts_by_character() -> None:
    raw = ["東京都は水曜日、新しい地下鉄の駅を開業したと発表した。", "ホーム", "利用者は多いと見込まれている。"]
    diff = compare(raw, "東京都は水曜日、新しい地下鉄の駅を開業したと発表した。\n利用者は多いと見込まれている。")
    assert [dl.mark for dl in diff] == [Mark.KEPT, Mark.REMOVED, Mark.KEPT]


# ---------------------------------------------------------------------------------------------
# Folders


def _folders(tmp: Path, runner: CliRunner) -> tuple[Path, Path]:
    raw, clean = tmp / "raw", tmp / "clean"
    (raw / "ki").mkdir(parents=True)
    (raw / "ki" / "a.html.gz").write_bytes(gzip.compress(HTML.read_bytes()))
    shutil.copy(SEED, raw / "seed.txt")
    shutil.copy(SAMPLES / "text" / "harbour-council-dump.txt", raw / "council.txt")
    (raw / "ki" / "empty.txt").write_text("Home\nNews\nSport\n")
    (raw / "notes.csv").write_text("a,b\n")  # not a document: skipped
    (clean / "ki").mkdir(parents=True)
    first, heading, police = RENDERED_KEPT
    (clean / "ki" / "a.txt").write_text(f"{first}\n\n{heading}\n\n{police}\n")
    (clean / "seed.json").write_text(runner.invoke(main, ["--format", "json", str(SEED)]).stdout)
    (clean / "ki" / "empty.txt").write_text("")
    (clean / "orphan.txt").write_text("a cleaned file whose raw document is gone\n")
    return raw, clean


def test_folders_tsv(runner: CliRunner, tmp_path: Path) -> None:
    raw, clean = _folders(tmp_path, runner)
    result = runner.invoke(main, ["diff", str(raw), str(clean)])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0] == ["document", "status", "raw_chars", "kept_chars", "removed_chars", "metadata_chars",
                       "kept_ratio", "top_reason"]
    assert [(r[0], r[1]) for r in rows[1:]] == [
        ("ki/empty.txt", "empty"), ("council.txt", "missing"), ("ki/a.html.gz", "ok"), ("seed.txt", "ok")]
    by_name = {r[0]: r for r in rows[1:]}
    a = by_name["ki/a.html.gz"]
    assert int(a[3]) == sum(len(p) for p in RENDERED_KEPT)
    assert int(a[2]) == int(a[3]) + int(a[4]) + int(a[5])
    assert float(a[6]) == pytest.approx(int(a[3]) / int(a[2]), abs=0.001)
    seed = by_name["seed.txt"]
    assert int(seed[5]) > 0  # the JSON output's title and caption are metadata
    assert float(a[6]) < float(seed[6])  # ordered by the share lost
    assert all(r[1] != "ok" or float(r[6]) > 0 for r in rows[1:])
    assert "4 documents, 1 empty, 1 without output, 0 failed, 1 output without a raw document" in result.stderr


def test_folders_tsv_stats_and_terminal_table(runner: CliRunner, tmp_path: Path) -> None:
    raw, clean = _folders(tmp_path, runner)
    piped = runner.invoke(main, ["diff", str(raw), str(clean), "--stats"]).stdout.splitlines()
    assert "# removed:not-in-cleaned" in "\n".join(piped)
    table = runner.invoke(main, ["diff", str(raw), str(clean), "--color"], env={"COLUMNS": "150"}).stdout
    assert "ki/empty.txt" in table and "missing" in table and "4 documents" in table
    assert table.index("ki/empty.txt") < table.index("council.txt") < table.index("ki/a.html.gz")


def test_raw_folder_alone_is_cleaned_in_memory(runner: CliRunner, tmp_path: Path) -> None:
    raw, _ = _folders(tmp_path, runner)
    result = runner.invoke(main, ["diff", str(raw)])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()[1:]]
    assert rows[0][:2] == ["ki/empty.txt", "empty"] and rows[0][7] == "no-article"
    seed = next(r for r in rows if r[0] == "seed.txt")
    ours = runner.invoke(main, ["diff", str(SEED), "--stats"]).stdout
    assert f"# kept\t11\t{seed[3]}" in ours


def test_folder_with_unreadable_document(runner: CliRunner, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / "seed.txt")
    (raw / "broken.txt.gz").write_bytes(gzip.compress(b"hello world " * 100)[:30])
    result = runner.invoke(main, ["diff", str(raw)])
    assert result.exit_code == 1
    assert f"newsclean: {raw / 'broken.txt.gz'}: corrupt gzip" in result.stderr
    assert "broken.txt.gz\tfailed\t\t" in result.stdout and "seed.txt\tok" in result.stdout


def test_folder_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    raw, clean = _folders(tmp_path, runner)
    assert runner.invoke(main, ["diff", str(raw), str(clean / "orphan.txt")]).exit_code == 2
    assert runner.invoke(main, ["diff", str(SEED), str(clean)]).exit_code == 2
    result = runner.invoke(main, ["diff", str(raw), "--context", "3"])
    assert result.exit_code == 2 and "not a folder" in result.stderr
    result = runner.invoke(main, ["diff", str(raw), "--html", str(raw / "report")])
    assert result.exit_code == 2 and "inside the input folder" in result.stderr


def test_piped_stats_rows() -> None:
    lines = compare(["Alpha beta gamma delta.", "Menu"], "Alpha beta gamma delta.\n\nWritten by the tool itself.")
    rows = list(format_plain(lines))
    assert rows == ["  Alpha beta gamma delta.", "+ Written by the tool itself.    [not-in-raw]",
                    "- Menu    [not-in-cleaned]"]
    s = stats(lines)
    assert (s.kept_lines, s.removed_lines, s.added_lines) == (1, 1, 1)
    assert json.dumps(s.by_reason) == '{"not-in-cleaned": [1, 4]}'


def test_compare_long_page_with_the_article_twice() -> None:
    """A long page (past difflib's quadratic comfort zone) that shows the article twice; the tool kept
    it once, two paragraphs joined per line: the first copy is kept, the second and the filler are not."""
    rng = random.Random(7)
    vocabulary = [f"word{k}" for k in range(5000)]
    filler = [" ".join(rng.choices(vocabulary, k=rng.randint(20, 50))) for _ in range(1500)]
    article = [p for p in (GOLDEN / "text" / "kyiv-independent-dump.txt").read_text().split("\n\n") if p.strip()]
    raw = filler[:700] + article + filler[700:] + article
    cleaned = "\n".join(" ".join(article[k:k + 2]) for k in range(0, len(article), 2))
    diff = compare(raw, cleaned)
    kept = [i for i, dl in enumerate(diff) if dl.mark is Mark.KEPT]
    assert kept == list(range(700, 700 + len(article)))
    assert not any(dl.mark is Mark.ADDED for dl in diff)
