"""Stream inputs: JSON Lines and WARC in, one JSON line out per document record, carrying id and url.
The WARC files are written by warcio itself, the library that reads them."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsclean.cli import main
from newsclean.streams import Fields, output_name, parse_line, stream_format

from .conftest import SAMPLES
from .test_batch import article, report_rows, without_seconds

HTML = SAMPLES / "html" / "harbour-festival.html"
GERMAN = SAMPLES / "html" / "berlin-tram-de.html"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def write_jsonl(path: Path) -> list[str]:
    """Records in every shape: html, text, datatrove's metadata.url, a bad line, no page, a blank line."""
    lines = [
        {"id": "h1", "url": "https://example.org/festival", "html": HTML.read_text()},
        {"id": 2, "text": article(2), "metadata": {"url": "https://example.org/two", "dump": "CC-MAIN"}},
        "{not json",
        {"id": "nothing", "url": "https://example.org/x"},
        "",
        {"id": "menu", "text": "Home\nNews\nSport"},
        {"id": "t3", "text": article(3), "html": ""},
    ]
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text)
    return text.splitlines()


def test_jsonl_round_trip_to_stdout(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "export.jsonl"
    write_jsonl(src)
    result = runner.invoke(main, ["clean", str(src)])
    assert result.exit_code == 1  # the bad line, the record without a page and the menu-only record
    out = records(result.stdout)
    assert [r["id"] for r in out] == ["h1", "2", None, "nothing", "menu", "t3"]  # one per record, in order
    assert [r["source"] for r in out] == [f"{src}:{n}" for n in (1, 2, 3, 4, 6, 7)]  # line numbers
    festival, two, bad, nothing, menu, three = out
    assert festival["kind"] == "html" and festival["error"] is None
    assert festival["title"] == "Harbour festival returns with record crowds"
    assert festival["url"] == "https://example.org/festival"
    assert two["kind"] == "text" and two["url"] == "https://example.org/two" and "Paragraph 2 says" in two["text"]
    assert bad["error"].startswith("not a JSON record") and bad["text"] == ""
    assert nothing["error"] == "no 'html' or 'text' field with text" and nothing["url"] == "https://example.org/x"
    assert menu["error"] == "no article text found"
    assert three["kind"] == "text"  # an empty html field falls back to the text field
    assert set(festival) == set(bad)  # the same keys, cleaned or not
    assert f"{src}:3: not a JSON record" in result.stderr
    assert "newsclean: 3 cleaned, 1 without article, 2 failed, 0 skipped" in result.stderr


def test_jsonl_gz_to_a_folder_is_the_same_whatever_the_jobs(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in" / "export.jsonl.gz"
    src.parent.mkdir()
    write_jsonl(src)
    seen = []
    for jobs in ("1", "2"):
        out, report = tmp_path / f"out{jobs}", tmp_path / f"r{jobs}.jsonl"
        result = runner.invoke(main, ["clean", str(src), "-o", str(out), "--jobs", jobs, "--report", str(report)])
        assert result.exit_code == 1
        assert sorted(p.name for p in out.iterdir()) == ["export.jsonl"]
        rows = without_seconds(report_rows(report))
        assert {row["output"] for row in rows} == {str(out / "export.jsonl")}
        seen.append(((out / "export.jsonl").read_text(), [{**r, "output": None} for r in rows]))
    assert seen[0] == seen[1]
    assert [r["status"] for r in report_rows(tmp_path / "r1.jsonl")] == ["ok", "ok", "failed", "failed", "empty", "ok"]
    assert report_rows(tmp_path / "r1.jsonl")[0]["id"] == "h1"
    # the stream is done: a re-run skips it whole
    again = ["clean", str(src), "-o", str(tmp_path / "out1"), "--report", str(tmp_path / "r.jsonl")]
    result = runner.invoke(main, again)
    assert result.exit_code == 0
    assert [r["status"] for r in report_rows(tmp_path / "r.jsonl")] == ["skipped"]


def test_jsonl_fields_and_stdin(runner: CliRunner) -> None:
    line = json.dumps({"doc": {"key": "k1", "link": "https://example.org/a"}, "content": article(5)}) + "\n"
    result = runner.invoke(main, ["clean", "--input-format", "jsonl", "--text-field", "content",
                                  "--id-field", "doc.key", "--url-field", "doc.link"], input=line.encode())
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert (record["id"], record["url"], record["source"]) == ("k1", "https://example.org/a", "-:1")
    assert record["text"].startswith("Paragraph 5 says this.")


def test_jsonl_line_over_the_size_cap_is_skipped_without_reading_it_whole(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "big.ndjson"
    big = json.dumps({"id": "big", "text": article(1) * 50})
    src.write_text(big + "\n" + json.dumps({"id": "ok", "text": article(2)}))
    result = runner.invoke(main, ["clean", str(src), "--max-bytes", "4000"])
    assert result.exit_code == 1
    big, ok = records(result.stdout)
    assert big["error"] == "larger than the size cap of 4000 bytes (--max-bytes)" and big["source"] == f"{src}:1"
    assert ok["id"] == "ok" and ok["error"] is None
    assert "1 skipped (1 over the size cap)" in result.stderr


def test_stream_inputs_refuse_another_format(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text("{}\n")
    result = runner.invoke(main, ["clean", str(src), "--format", "text"])
    assert result.exit_code == 2 and "give JSON Lines" in result.stderr


def write_warc(path: Path, compress: bool) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        writer.write_record(writer.create_warc_record("https://example.org/", "warcinfo", payload=io.BytesIO(b"x")))
        pages = [("https://example.org/festival", HTML.read_bytes(), "text/html; charset=utf-8"),
                 ("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
                 ("https://example.de/tram", GERMAN.read_bytes(), "text/html; charset=iso-8859-1")]
        for url, body, content_type in pages:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_round_trip(runner: CliRunner, tmp_path: Path, name: str) -> None:
    src = tmp_path / name
    write_warc(src, compress=name.endswith(".gz"))
    out, report = tmp_path / "out", tmp_path / "report.jsonl"
    result = runner.invoke(main, ["clean", str(src), "-o", str(out), "--report", str(report)])
    assert result.exit_code == 0, result.output
    festival, tram = records((out / "crawl.jsonl").read_text())  # one per HTML response
    assert festival["url"] == "https://example.org/festival" and festival["id"].startswith("<urn:uuid:")
    assert festival["title"] == "Harbour festival returns with record crowds" and festival["kind"] == "html"
    assert tram["url"] == "https://example.de/tram"
    assert "ü" in tram["text"] or "ä" in tram["text"] or "ß" in tram["text"]  # ISO-8859-1 decoded
    rows = report_rows(report)
    assert [(Path(r["input"]).name, r["status"]) for r in rows] == [
        (f"{name}:3", "ok"), (f"{name}:5", "skipped"), (f"{name}:7", "ok")]
    assert rows[1]["reason"] == "not a web page (image/png)"
    assert "2 cleaned, 0 without article, 0 failed, 1 skipped (1 not a document)" in result.stderr


def test_a_broken_stream_keeps_what_was_read_and_reports_the_break(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress("".join(json.dumps({"id": n, "text": article(n)}) + "\n" for n in range(40)).encode())
    src.write_bytes(whole[: len(whole) * 2 // 3])
    result = runner.invoke(main, ["clean", str(src)])
    assert result.exit_code == 1
    assert f"newsclean: {src}: cannot read the stream after line" in result.stderr
    assert 0 < len(records(result.stdout)) < 40


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_record_nested_too_deeply_fails_alone(runner: CliRunner, tmp_path: Path, jobs: str) -> None:
    src = tmp_path / "deep.jsonl"
    deep = '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    src.write_text("\n".join([json.dumps({"id": "a", "text": article(1)}), deep,
                              json.dumps({"id": "b", "text": article(2)})]) + "\n")
    result = runner.invoke(main, ["clean", str(src), "--jobs", jobs])
    assert result.exit_code == 1
    out = records(result.stdout)
    assert [r["id"] for r in out] == ["a", None, "b"]
    assert out[1]["error"] == "not a JSON record: nested too deeply" and "Paragraph 2 says" in out[2]["text"]
    assert f"{src}:2: not a JSON record: nested too deeply" in result.stderr


def test_names_and_parsing() -> None:
    assert stream_format(Path("a.JSONL.gz")) and stream_format(Path("b.ndjson")) and stream_format(Path("c.warc.gz"))
    assert stream_format(Path("d.json")) is None and stream_format(Path("e.html.gz")) is None
    assert output_name(Path("x/CC-NEWS-1.warc.gz")) == Path("x/CC-NEWS-1.jsonl")
    assert output_name(Path("data.jsonl")) == Path("data.jsonl")
    record = parse_line(b'{"html": "<p>x</p>", "text": "x", "metadata": {"id": 7}}', Fields(), "s:1")
    assert (record.kind.value if record.kind else None, record.id, record.url) == ("html", "7", None)
