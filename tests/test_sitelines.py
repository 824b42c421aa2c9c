"""Learning from the batch (``--site-lines``): long lines that other dumps of the same site repeat are
removed from the article; short lines, a document's own lines and copies of one article are not."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsclean
from newsclean.batch import BatchOptions, Scanning, run
from newsclean.cli import main
from newsclean.models import Options
from newsclean.sitelines import REASON, SiteLines, drop_site_lines, line_key
from newsclean.sitescan import scan_sites, site_of
from newsclean.streams import Fields
from newsclean.write import Format

BIO = "Our reporter has covered the harbour and the city council for the Gazette since 2009, and lives in Leith."
BLURB = "Get the Gazette's morning briefing in your inbox every weekday, with the stories that matter most."
SHORT = "Read the full series here."


def dump(n: int, topic: str) -> str:
    """A text dump of the Gazette: headline, byline, three paragraphs of its own, the site's bio box and
    newsletter blurb (long prose lines, as a sidebar gives them), a short line both have."""
    own = [f"The {topic} plan number {n} was approved by the council on Monday after {n + 3} hours of debate "
           f"and a vote of {n + 20} to {n + 2}, officials said in a statement issued late in the evening.",
           f"Residents of the {topic} district had asked for the plan for years, and {n + 40} of them came to "
           "the meeting, where several spoke about the traffic, the noise and the lack of parking nearby.",
           f"Work on the {topic} site is to begin in the spring, and the council expects the first part to be "
           f"finished within {n + 12} months, although a contractor has not yet been chosen for the job."]
    return "\n\n".join([f"Council approves the {topic} plan", "By Maria Lopez", *own, SHORT, BIO, BLURB]) + "\n"


DUMPS = {"a.txt": dump(1, "harbour"), "b.txt": dump(2, "station"), "c.txt": dump(3, "market")}


def learned(texts: dict[str, str], site: str = "gazette") -> frozenset[int]:
    counts = SiteLines()
    for text in texts.values():
        counts.add(site, text)
    return counts.repeated().get(site, frozenset())


def test_lines_other_dumps_of_the_site_repeat_are_removed_with_their_reason() -> None:
    doc = newsclean.clean(DUMPS["a.txt"], kind="text", site_lines=learned(DUMPS))
    assert BIO not in doc.text and BLURB not in doc.text
    assert "The harbour plan number 1 was approved" in doc.text
    assert [line.text for line in doc.lines if line.reason == REASON] == [BIO, BLURB]
    alone = newsclean.clean(DUMPS["a.txt"], kind="text")
    assert BIO in alone.text  # alone, the bio box (not naming the author) reads as the article's last paragraph


def test_short_lines_are_left_to_the_page() -> None:
    assert line_key(SHORT) is None
    assert line_key(BIO) == line_key(BIO.upper().replace(",", " ,")) != line_key(BLURB)


def test_one_dump_teaches_nothing_and_its_own_lines_are_not_repeats() -> None:
    assert learned({"a.txt": DUMPS["a.txt"]}) == frozenset()
    assert learned({"a.txt": DUMPS["a.txt"] + DUMPS["a.txt"]}) == frozenset()  # twice in one page: once


def test_copies_of_one_article_keep_it() -> None:
    """The same article twice in a batch (an AMP copy, a syndicated story) shares all its lines: what
    they share is the article, and nothing is removed."""
    keys = learned({"a.txt": DUMPS["a.txt"], "copy.txt": DUMPS["a.txt"]})
    assert line_key(BIO) in keys
    doc = newsclean.clean(DUMPS["a.txt"], kind="text", site_lines=keys)
    assert not [line for line in doc.lines if line.reason == REASON]
    assert BIO in doc.text


def test_forgetting_lines_met_once_keeps_the_repeated_ones() -> None:
    counts = SiteLines(max_tracked=5)
    for text in DUMPS.values():
        counts.add("gazette", text)
    assert {line_key(BIO), line_key(BLURB)} <= counts.repeated()["gazette"]


def test_drop_site_lines_without_repeats_returns_the_page_unchanged() -> None:
    doc = newsclean.clean(DUMPS["a.txt"], kind="text")
    page = newsclean.strip.Stripped(doc.lines)
    assert drop_site_lines(page, frozenset()) is page
    assert drop_site_lines(page, frozenset({12345})) is page


@pytest.mark.parametrize(("url", "site"), [
    ("https://www.gazette.example/2021/a", "gazette.example"),
    ("http://web.archive.org/web/20200105123456/https://news.example.org/a", "news.example.org"),
    ("http://web.archive.org/web/20200105123456/news.example.org/a", "news.example.org"),
    (None, "raw/folder"),
])
def test_site_of(url: str | None, site: str) -> None:
    assert site_of(url, "raw/folder") == site


def write_folder(root: Path) -> Path:
    raw = root / "raw" / "gazette"
    raw.mkdir(parents=True)
    for name, text in DUMPS.items():
        (raw / name).write_text(text, encoding="utf-8")
    (root / "raw" / "other").mkdir()
    (root / "raw" / "other" / "d.txt").write_text(dump(4, "bridge"), encoding="utf-8")
    return root / "raw"


def test_batch_run_learns_per_folder_and_is_the_same_whatever_the_jobs(tmp_path: Path) -> None:
    raw = write_folder(tmp_path)
    runner = CliRunner()
    outs = {}
    for name, args in {"plain": [], "one": ["--site-lines", "--jobs", "1"], "two": ["--site-lines", "--jobs", "2"]
                       }.items():
        result = runner.invoke(main, ["clean", str(raw), "-o", str(tmp_path / name), "-q", *args])
        assert result.exit_code == 0, result.output
        outs[name] = {p.relative_to(tmp_path / name).as_posix(): p.read_text(encoding="utf-8")
                      for p in sorted((tmp_path / name).rglob("*.txt"))}
    assert outs["one"] == outs["two"]
    assert set(outs["one"]) == {"gazette/a.txt", "gazette/b.txt", "gazette/c.txt", "other/d.txt"}
    assert all(BIO in text for text in outs["plain"].values())
    assert not any(BIO in outs["one"][f"gazette/{n}.txt"] for n in "abc")
    assert BIO in outs["one"]["other/d.txt"]  # alone in its folder: nothing to learn from


def test_the_first_pass_reports_its_progress_before_the_cleaning(tmp_path: Path) -> None:
    raw = write_folder(tmp_path)
    settings = BatchOptions(options=Options(), fmt=Format.TEXT, output=tmp_path / "out", to_folder=True, jobs=1,
                            site_lines=True)
    events = [e for e in run([str(raw)], settings) if e is not None]
    scans = [e.documents for e in events if isinstance(e, Scanning)]
    assert scans == [1, 2, 3, 4]  # one per document read
    assert all(isinstance(e, Scanning) for e in events[:4]) and len(events) == 8  # then one result each
    assert not any(isinstance(e, Scanning) for e in run([str(raw)], replace(settings, site_lines=False,
                                                                            force=True)))


def test_stream_records_are_grouped_by_their_url_host(tmp_path: Path) -> None:
    records = [{"id": n, "url": f"https://{host}/{n}", "text": dump(n, topic)}
               for n, (host, topic) in enumerate([("gazette.example", "harbour"), ("www.gazette.example", "station"),
                                                  ("herald.example", "market")])]
    stream = tmp_path / "export.jsonl"
    stream.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert set(scan_sites([str(stream)], Fields())) == {"gazette.example"}
    result = CliRunner().invoke(main, ["clean", str(stream), "--site-lines", "-q"])
    assert result.exit_code == 0, result.output
    texts = {str(json.loads(line)["id"]): json.loads(line)["text"] for line in result.output.splitlines()}
    assert BIO not in texts["0"] and BIO not in texts["1"] and BIO in texts["2"]


def test_folder_diff_shows_the_lines_the_site_repeats(tmp_path: Path) -> None:
    raw = write_folder(tmp_path)
    runner = CliRunner()
    learned_run = runner.invoke(main, ["diff", str(raw), "--site-lines", "--stats", "--no-color"])
    plain = runner.invoke(main, ["diff", str(raw), "--stats", "--no-color"])
    assert learned_run.exit_code == plain.exit_code == 0, learned_run.output
    assert f"removed:{REASON}\t6\t" in learned_run.output  # two lines in each of the three Gazette dumps
    assert REASON not in plain.output
    refused = runner.invoke(main, ["diff", str(raw / "gazette" / "a.txt"), "--site-lines"])
    assert refused.exit_code == 2 and "must be a folder" in refused.output


def test_drop_site_lines_removes_the_kept_repeats_but_not_the_lead_under_the_headline() -> None:
    from newsclean.models import Line, Role
    from newsclean.strip import Stripped
    lead = "The council approved the harbour plan on Monday after a long debate about parking and noise."
    own = dump(1, "harbour").split("\n\n")[2:4]
    page = Stripped((Line("Council approves the plan", Role.TITLE), Line(lead, Role.BODY),
                     *(Line(text, Role.BODY) for text in own), Line(BIO, Role.BODY),
                     Line(BLURB, Role.REMOVED, "lexicon:newsletter")))
    out = drop_site_lines(page, frozenset({line_key(lead), line_key(BIO), line_key(BLURB)}))
    assert [(line.role, line.reason) for line in out.lines] == [
        (Role.TITLE, ""), (Role.BODY, ""), (Role.BODY, ""), (Role.BODY, ""), (Role.REMOVED, REASON),
        (Role.REMOVED, "lexicon:newsletter")]
    # over half of what was kept is shared: a copy of another page, left whole
    assert drop_site_lines(page, frozenset({line_key(text) for text in (lead, BIO, *own)})) is page


def test_site_evidence_marks_lines_before_the_span_is_decoded_again() -> None:
    """The text stripper's own use: the repeated lines get P(body) 0 and the chrome reason, and the
    rules' span is found again without them."""
    import numpy as np

    from newsclean.strip import text as stripper
    from newsclean.strip.features import read_lines
    lines, blank_before, *_ = read_lines(DUMPS["a.txt"])
    ev = stripper.gather_evidence(lines, blank_before)
    probs = np.full(len(lines), 0.9)
    keep = [True] * len(lines)
    bio = lines.index(BIO)
    assert ev.rule_span is not None and ev.rule_span[1] > bio
    assert stripper._site_evidence(ev, probs, keep, frozenset({line_key(BIO)}))
    assert probs[bio] == 0.0 and ev.verdicts[bio].reason == REASON
    assert ev.rule_span[1] <= bio  # the rules' article now ends before the bio
    assert not stripper._site_evidence(ev, probs, keep, frozenset({line_key(line) for line in lines}))  # a copy


def test_the_scan_reads_what_the_batch_cleans(tmp_path: Path) -> None:
    """Streams found in folders, a forced input format, and the same folder written two ways are one
    site; stdin and pipes are not read (they could be read only once)."""
    folder = tmp_path / "raw"
    folder.mkdir()
    records = [{"id": n, "text": text} for n, text in enumerate(DUMPS.values())]
    (folder / "export.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert line_key(BIO) in scan_sites([str(tmp_path)], Fields())[str(folder / "export.jsonl")]
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, text in DUMPS.items():  # dumps that open like HTML: text only when forced
        (pages / name).write_text("<title>Gazette</title>\n" + text, encoding="utf-8")
    assert scan_sites([str(pages)], Fields()) == {}
    assert line_key(BIO) in scan_sites([str(pages)], Fields(), kind=newsclean.Kind.TEXT)[str(pages.resolve())]
    relative = os.path.relpath(pages / "a.txt")
    spelled = scan_sites([relative, str(pages.resolve() / "b.txt")], Fields(), kind=newsclean.Kind.TEXT)
    assert list(spelled) == [str(pages.resolve())]
    assert scan_sites(["-"], Fields()) == {}


def test_a_record_with_a_broken_url_fails_alone(tmp_path: Path) -> None:
    records = [{"id": 0, "url": "http://[::1/broken", "text": DUMPS["a.txt"]},
               {"id": 1, "url": "https://gazette.example/1", "text": DUMPS["b.txt"]},
               {"id": 2, "url": "https://gazette.example/2", "text": DUMPS["c.txt"]}]
    stream = tmp_path / "export.jsonl"
    stream.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(stream), "--site-lines", "-q"])
    assert result.exit_code == 0, result.output
    texts = {str(json.loads(line)["id"]): json.loads(line)["text"] for line in result.output.splitlines()}
    assert BIO in texts["0"] and BIO not in texts["1"] and BIO not in texts["2"]


def test_forgetting_never_drops_the_document_just_counted() -> None:
    counts = SiteLines(max_tracked=4)
    counts.add("gazette", DUMPS["a.txt"])  # more lines than the bound: all of them kept for now
    counts.add("gazette", DUMPS["b.txt"])
    assert {line_key(BIO), line_key(BLURB)} <= counts.repeated()["gazette"]
