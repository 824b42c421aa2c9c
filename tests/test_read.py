"""Reading and decoding: charsets, byte-order marks, binaries, gzip (truncated, bombs)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsclean.errors import DecodeError, ReadError
from newsclean.read import decode, iter_inputs, output_relative, read_bytes

TEXT = "Пасажири «Поштової площі» — café, naïve, 東京 — ok"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_bom_is_respected(encoding: str) -> None:
    assert decode(TEXT.encode(encoding)) == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding: str) -> None:
    text = "A plain English sentence written in UTF-16 without a byte-order mark."
    assert decode(text.encode(encoding)) == text


def test_a_page_opening_with_a_tag_in_single_bytes_is_not_utf16() -> None:
    page = "<!DOCTYPE html><html><body><div><div></script>\x00&#xD800;\x00"  # NULs in a short page
    assert decode(page.encode("utf-8")) == page


@pytest.mark.parametrize(("text", "encoding"), [
    ("Ein schöner Tag in Köln, sagte die Bürgermeisterin über die Straße.", "cp1252"),
    ("Мэр Москвы сообщил, что движение по мосту будет восстановлено в среду.", "koi8-r"),
    ("東京都は水曜日、新しい地下鉄の駅を開業したと発表した。利用者は多い。", "shift_jis"),
    ("北京市政府周三宣布，新的地铁线路将于下个月开通，方便市民出行。", "gb18030"),
])
def test_legacy_charsets_without_declaration(text: str, encoding: str) -> None:
    assert decode((text * 3).encode(encoding)) == text * 3


def test_declared_charset_is_used() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
    assert "Привет, мир" in decode(page.encode("cp1251"))


def test_lying_declaration_loses_to_the_bytes() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>Straße und Café in Köln</p></body></html>'
    assert "Straße und Café" in decode(page.encode("cp1252"))


@pytest.mark.parametrize(("data", "what"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
    (b"PK\x03\x04" + bytes(64), "zip"),
    (bytes(range(256)) * 8, "not a text document"),
])
def test_binaries_are_refused_with_a_reason(data: bytes, what: str) -> None:
    with pytest.raises(DecodeError, match=what):
        decode(data, "x.html")


def test_gzip_is_read_transparently(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"hello\n"))
    assert read_bytes(path) == b"hello\n"


def test_truncated_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"hello world " * 1000)[:-20])
    with pytest.raises(ReadError, match="corrupt gzip"):
        read_bytes(path)


def test_gzip_bomb_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    with gzip.open(path, "wb") as fh:
        chunk = b"\0" * (1 << 20)
        for _ in range(64):  # 64 MiB of zeros in ~64 KiB
            fh.write(chunk)
    with pytest.raises(ReadError, match="size cap"):
        read_bytes(path, max_bytes=8 << 20)


def test_size_cap_on_plain_files(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(ReadError, match="larger than the size cap"):
        read_bytes(path, max_bytes=1000)


def test_folders_are_walked_sorted_and_symlink_loops_stop(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.html").write_text("<p>a</p>")
    (tmp_path / "b" / "loop").symlink_to(tmp_path)
    (tmp_path / "c.jpg").write_bytes(b"\xff\xd8\xff" + bytes(10))
    found = [(str(i.relative), bool(i.skipped)) for i in iter_inputs([str(tmp_path)])]
    assert ("a.html", False) in found and ("b/z.txt", False) in found and ("c.jpg", True) in found
    assert len(found) < 10  # the loop was not followed forever


@pytest.mark.parametrize(("name", "suffix", "expected"), [
    ("ki/a.html.gz", ".json", "ki/a.json"),
    ("a.txt", ".txt", "a.txt"),
    ("noext", ".md", "noext.md"),
    ("a.b.HTM", ".json", "a.b.json"),
])
def test_output_names(name: str, suffix: str, expected: str) -> None:
    assert str(output_relative(Path(name), suffix)) == expected
