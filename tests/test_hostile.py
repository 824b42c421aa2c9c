"""Hostile input (issue 8): every input here is generated at test time, none is committed.

Through the library (``newsclean.clean``) each one is either cleaned correctly or refused with one of
our errors naming the document and the reason; through the command line (in-process) a batch of them
next to good documents gives one error line per bad document, the good ones cleaned exactly as the
library cleans them, exit code 1, no partial output, untouched inputs, and the same bytes on every run.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import os
import random
import re
import resource
import shutil
import socket
import struct
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)
import pytest
from click.testing import CliRunner

import newsclean
from newsclean.cli import main
from newsclean.errors import DecodeError, NewscleanError, NoArticleError, ReadError, TooLargeError
from newsclean.read import read_bytes

from .conftest import SAMPLES

GOOD_HTML = SAMPLES / "html" / "harbour-festival.html"
GOOD_TEXT = SAMPLES / "text" / "kyiv-independent-dump.txt"
MIB = 1024 * 1024

# Article paragraphs in the languages of the charsets under test (each several sentences long, so
# that they are clearly the article of the page).
PROSE = {
    "en": ["The city council approved the new budget on Tuesday after a long debate about the cost of "
           "repairs to the old harbour bridge, which has been closed to lorries since the spring.",
           "Officials said the work would begin in September and last about eighteen months, although "
           "several residents told the meeting that they doubted the timetable could be kept.",
           "The mayor said the city had no choice but to act before the winter storms arrived, and that "
           "the cost would be shared with the regional government and the port authority."],
    "cp1252": ["The mayor’s “plan” will cost €3 million — officials said on Tuesday that the money would "
               "come from the harbour fund, and that the work would start in the autumn.",
               "Critics said the council’s timetable was “wishful thinking” and that the bridge had "
               "needed repairs for a decade… The opposition leader called for a public inquiry.",
               "Residents of the old town said they welcomed the decision but feared the noise of the "
               "works, which will last until the end of next year, according to the city’s engineers."],
    "latin-1": ["Le conseil municipal a approuvé mardi le nouveau budget après un long débat sur le coût des "
                "réparations du vieux pont du port, fermé aux camions depuis le printemps dernier.",
                "Les élus ont déclaré que les travaux commenceraient en septembre et dureraient environ dix-"
                "huit mois, même si plusieurs habitants ont exprimé des doutes sur ce calendrier très serré.",
                "Le maire a expliqué que la ville n'avait pas le choix et qu'il fallait agir avant les "
                "tempêtes d'hiver; le coût sera partagé avec la région et l'autorité portuaire."],
    "koi8-r": ["Городской совет во вторник утвердил новый бюджет после долгих споров о стоимости ремонта "
               "старого моста в порту, который закрыт для грузовиков с весны.",
               "Чиновники заявили, что работы начнутся в сентябре и продлятся около полутора лет, хотя "
               "несколько жителей сказали на собрании, что сомневаются в этих сроках.",
               "Мэр сказал, что у города нет другого выхода и что действовать нужно до зимних штормов, а "
               "расходы будут разделены с областью и управлением порта."],
    "shift_jis": ["市議会は火曜日、港の古い橋の修理費用をめぐる長い議論の末に、新しい予算案を承認した。"
                  "この橋は春からトラックの通行が禁止されている。",
                  "当局者によると、工事は九月に始まり、約一年半続く見通しだ。しかし、会合に出席した住民の中には、"
                  "この日程が守られるかどうか疑問だと話す人もいた。",
                  "市長は、冬の嵐が来る前に対策を講じる以外に選択肢はないと述べ、費用は県と港湾局が"
                  "分担することになると説明した。"],
    "gb18030": ["市议会周二在就港口旧桥维修费用进行长时间辩论后，批准了新的预算。这座桥自春季以来一直禁止卡车通行。",
                "官员表示，工程将于九月开始，持续大约一年半，但几位居民在会上表示，他们怀疑这个时间表能否得到遵守。",
                "市长说，城市别无选择，必须在冬季风暴到来之前采取行动，费用将由地区政府和港务局共同分担。"],
    "ar": ["وافق مجلس المدينة يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل حول تكلفة إصلاح جسر الميناء "
           "القديم، المغلق أمام الشاحنات منذ الربيع.",
           "وقال المسؤولون إن الأعمال ستبدأ في سبتمبر وتستمر نحو ثمانية عشر شهراً، رغم أن عدداً من السكان "
           "شككوا في إمكانية الالتزام بهذا الجدول الزمني.",
           "وأضاف رئيس البلدية أن المدينة لا تملك خياراً سوى التحرك قبل عواصف الشتاء، وأن التكلفة ستتقاسمها "
           "الحكومة الإقليمية وهيئة الميناء."],
    "he": ["מועצת העיר אישרה ביום שלישי את התקציב החדש לאחר ויכוח ארוך על עלות תיקון הגשר הישן בנמל, "
           "שסגור למשאיות מאז האביב.",
           "גורמים רשמיים אמרו כי העבודות יחלו בספטמבר ויימשכו כשנה וחצי, אף שכמה תושבים אמרו בישיבה "
           "שהם מפקפקים בלוח הזמנים.",
           "ראש העיר אמר כי לעיר אין ברירה אלא לפעול לפני סופות החורף, וכי העלות תתחלק עם הממשלה "
           "האזורית ורשות הנמל."],
}
PYTHON_CODEC = {"cp1252": "cp1252", "latin-1": "latin-1", "koi8-r": "koi8-r", "shift_jis": "shift_jis",
                "gb18030": "gb18030"}
# A declaration that lies: another real charset, under which the bytes do (or do not) decode.
LIE = {"cp1252": "koi8-r", "latin-1": "shift_jis", "koi8-r": "utf-8", "shift_jis": "windows-1251",
       "gb18030": "iso-8859-1"}


def page(paragraphs: list[str], title: str = "Council approves harbour budget", charset: str | None = None,
         lang: str = "en", rtl: bool = False) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    direction = ' dir="rtl"' if rtl else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}"{direction}><head>{meta}<title>{title}</title></head><body>\n'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav>\n'
            f"<article><h1>{title}</h1>\n{body}</article>\n<footer>(c) 2024 Example News</footer></body></html>\n")


def dump(paragraphs: list[str], title: str = "Council approves harbour budget") -> str:
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def squash(text: str) -> str:
    return " ".join(text.split())


def cleaned(data: bytes | str, **kwargs: object) -> newsclean.Document:
    return newsclean.clean(data, source="doc", **kwargs)  # type: ignore[arg-type]


def refused(data: bytes | str, error: type[NewscleanError], reason: str, **kwargs: object) -> NewscleanError:
    with pytest.raises(error) as info:
        newsclean.clean(data, source="doc", **kwargs)  # type: ignore[arg-type]
    assert info.value.source == "doc"
    assert re.search(reason, info.value.reason), info.value.reason
    return info.value


def assert_has_article(doc: newsclean.Document, paragraphs: list[str]) -> None:
    text = squash(doc.text)
    for p in paragraphs:
        assert squash(p) in text, (p[:40], doc.text[:300])


# ---------------------------------------------------------------------------------------------
# Generated hostile bytes


def random_bytes(n: int = 20_000, seed: int = 8) -> bytes:
    return random.Random(seed).randbytes(n)


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    pixels = zlib.compress(b"".join(b"\x00" + bytes(range(48)) for _ in range(16)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def pdf() -> bytes:
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] "
            b"/Count 0 >> endobj\nxref\n0 3\ntrailer << /Root 1 0 R >>\n%%EOF\n")


def zip_archive(tmp: Path) -> bytes:
    target = tmp / "a.zip"
    shutil.make_archive(str(target.with_suffix("")), "zip", root_dir=SAMPLES / "text")
    return target.read_bytes()


def gzip_bomb(path: Path, size: int = 1 << 30, chunk: int = MIB) -> None:
    """A valid gzip file of ``size`` bytes of "a" in ~1 MB, written streaming: after a full flush the
    compressor's output for the same chunk is always the same, so it is computed once and repeated."""
    block = b"a" * chunk
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    repeat = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    with open(path, "wb") as fh:
        fh.write(first)
        crc = zlib.crc32(block, crc)
        for _ in range(size // chunk - 1):
            fh.write(repeat)
            crc = zlib.crc32(block, crc)
        fh.write(b"\x03\x00" + struct.pack("<II", crc, size & 0xFFFFFFFF))  # empty final block, trailer


def billion_laughs() -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{entities}]>\n<html><head><title>Laughs</title></head>'
            f"<body><p>&lol9;</p>" + "".join(f"<p>{p}</p>" for p in PROSE["en"]) + "</body></html>")


def mojibake(text: str) -> str:
    """UTF-8 bytes read as windows-1252 (as browsers do: undefined bytes become C1 controls): what a
    page served without its charset looks like."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


# ---------------------------------------------------------------------------------------------
# The library: refused with a reason, or cleaned correctly


@pytest.mark.parametrize(("data", "error", "reason"), [
    (b"", NoArticleError, "no article text found"),
    (b" \n\t\r\n  \n", NoArticleError, "no article text found"),
    ("\n\n\u3000\u00a0\n", NoArticleError, "no article text found"),
    (random_bytes(), DecodeError, "not a text document"),
    (random_bytes(300, seed=1), DecodeError, "not a text document"),
    (png(), DecodeError, "looks like a PNG image"),
    (pdf(), DecodeError, "looks like a PDF document"),
    (b"\x00" * 5000, DecodeError, "not a text document"),
    (b"\x1f\x8b\x08\x00" + random_bytes(500), DecodeError, "gzip"),
], ids=["empty", "whitespace", "unicode-whitespace", "random", "random-short", "png", "pdf", "nuls",
        "gzip-bytes"])
def test_garbage_is_refused_with_a_reason(data: bytes | str, error: type[NewscleanError], reason: str) -> None:
    refused(data, error, reason)


def test_zip_saved_as_html_is_refused(tmp_path: Path) -> None:
    refused(zip_archive(tmp_path), DecodeError, "looks like a zip archive")


def test_invalid_utf8_is_decoded_and_the_article_kept() -> None:
    html = page(PROSE["en"], charset="utf-8").encode("utf-8")
    # stray bytes that are not UTF-8 (a truncated sequence, a lone continuation byte)
    broken = html.replace(b"lorries", b"lorr\xc3ies").replace(b"eighteen", b"eigh\x80teen")
    doc = cleaned(broken)
    assert "harbour bridge" in doc.text and "storms arrived" in doc.text
    cleaned_text = cleaned(dump(PROSE["en"]).encode("utf-8") + b"\xff\xfe\xfa trailing junk")
    assert "harbour bridge" in cleaned_text.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
@pytest.mark.parametrize("kind", ["html", "text"])
def test_utf16_and_32_with_and_without_bom(encoding: str, kind: str) -> None:
    text = page(PROSE["koi8-r"], lang="ru") if kind == "html" else dump(PROSE["koi8-r"])
    doc = cleaned(text.encode(encoding))
    assert doc.kind.value == kind
    assert_has_article(doc, PROSE["koi8-r"])


@pytest.mark.parametrize("declaration", ["declared", "undeclared", "lying"])
@pytest.mark.parametrize("charset", sorted(PYTHON_CODEC))
def test_legacy_charsets(charset: str, declaration: str) -> None:
    paragraphs = PROSE[charset]
    label = {"declared": charset, "undeclared": None, "lying": LIE[charset]}[declaration]
    data = page(paragraphs, charset=label).encode(PYTHON_CODEC[charset])
    assert_has_article(cleaned(data), paragraphs)


@pytest.mark.parametrize("charset", sorted(PYTHON_CODEC))
def test_legacy_charsets_in_text_dumps(charset: str) -> None:
    paragraphs = PROSE[charset]
    assert_has_article(cleaned(dump(paragraphs).encode(PYTHON_CODEC[charset])), paragraphs)


def test_mojibake_is_repaired_and_recorded() -> None:
    paragraphs = PROSE["cp1252"] + PROSE["latin-1"][:1]
    # the HTML parser drops C1 controls, so a page loses the 0x9D byte of a mojibake "”" for good:
    # the page variant has none
    for data, expected in ((mojibake(dump(paragraphs)), paragraphs),
                           (page([mojibake(p) for p in PROSE["latin-1"]]), PROSE["latin-1"])):
        doc = cleaned(data)
        assert_has_article(doc, expected)
        assert any(c.reason.startswith("ftfy:") for c in doc.changes)
        assert "â€" not in doc.text and "Ã©" not in doc.text
    assert "â€" in cleaned(mojibake(dump(paragraphs)), options=newsclean.Options(repair_mojibake=False)).text


def test_nul_and_control_characters_are_removed_not_fatal() -> None:
    noisy = [p.replace(" the ", " the\x00 ").replace(",", ",\x07\x1b\x7f") for p in PROSE["en"]]
    for data in (dump(noisy), page(noisy), dump(noisy).encode("utf-8")):
        doc = cleaned(data)
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", doc.text + "".join(doc.metadata.title or ""))
        assert "harbour bridge" in doc.text
    reasons = {c.reason for c in cleaned(dump(noisy)).changes}
    assert reasons & {"control-characters", "ftfy:remove_control_chars"}, reasons


@pytest.mark.parametrize("lang", ["ar", "he", "shift_jis", "gb18030"])
def test_right_to_left_and_cjk_text_is_kept_as_is(lang: str) -> None:
    paragraphs = PROSE[lang]
    rtl = lang in ("ar", "he")
    for data in (page(paragraphs, title=paragraphs[0][:30], lang=lang, rtl=rtl), dump(paragraphs)):
        doc = cleaned(data)
        assert_has_article(doc, paragraphs)
    if rtl:  # direction marks around paragraphs are the author's: kept, and they hide no full stop
        marked = ["\u200f" + p + "\u200e" for p in paragraphs]
        assert_has_article(cleaned(dump(marked)), marked)
    else:  # full-width punctuation is the author's choice: kept
        assert "。" in doc.text and "，" in doc.text or "、" in doc.text


def test_billion_laughs_is_not_expanded() -> None:
    doc = cleaned(billion_laughs())
    assert doc.kind.value == "html"
    assert_has_article(doc, PROSE["en"])
    assert "lollol" not in doc.text and "ENTITY" not in doc.text and "]>" not in doc.text
    assert len(doc.text) < 2000


def test_html_nested_100000_levels_deep() -> None:
    deep = 100_000
    html = ('<!DOCTYPE html><html><head><title>Deep</title></head><body>' + "<div><span>" * (deep // 2)
            + "".join(f"<p>{p}</p>" for p in PROSE["en"]) + "</span></div>" * (deep // 2)
            + f"<p>{PROSE['latin-1'][0]}</p></body></html>")
    start = time.monotonic()
    doc = cleaned(html)
    assert time.monotonic() - start < 20
    assert_has_article(doc, PROSE["en"])
    unclosed = '<html><body>' + "<div>" * deep + "".join(f"<p>{p}</p>" for p in PROSE["en"])
    assert_has_article(cleaned(unclosed), PROSE["en"])


def test_nesting_cap_is_configurable() -> None:
    from newsclean.strip.sanitize import max_nesting, prepare_html

    html = "<html><body>" + "<div>" * 300 + "<p>deep</p>" + "</div>" * 300 + "</body></html>"
    assert max_nesting(prepare_html(html, 200)) == 200
    assert max_nesting(prepare_html(html, 50)) == 50
    assert prepare_html(html, 50).count("deep") == 1


def test_nesting_cap_applies_to_cleaning() -> None:
    # the parsed tree is asked for an element below the cap: pages under it are parsed once, as
    # they are; deeper ones are flattened at the cap and keep all their text
    from newsclean.strip.html import strip_html

    prose = "".join(f"<p>{p}</p>" for p in PROSE["en"])
    for depth, cap in ((30, 50), (120, 50), (240, 200)):
        html = "<html><body>" + "<div>" * depth + prose + "</div>" * depth + "</body></html>"
        tree = strip_html(html, max_depth=cap).hints["html_tree"]
        deepest = max(len(list(el.iterancestors())) + 1 for el in tree.iter())  # type: ignore[union-attr]
        assert deepest <= cap if depth + 3 > cap else deepest == depth + 3
        assert_has_article(cleaned(html, options=newsclean.Options(max_depth=cap)), PROSE["en"])


def test_1_million_lines_are_refused_by_the_line_cap() -> None:
    text = "\n".join(f"Line {i} of a text dump that never ends." for i in range(1_000_000))
    start = time.monotonic()
    refused(text, TooLargeError, r"1000000 lines, more than the cap of 20000 \(max_lines\)")
    assert time.monotonic() - start < 5
    small = newsclean.Options(max_lines=10)
    refused(dump(PROSE["en"] * 4), TooLargeError, "more than the cap of 10", options=small)
    assert cleaned(dump(PROSE["en"] * 4), options=newsclean.Options(max_lines=0)).text


@pytest.mark.slow
def test_50_mb_html_page_is_refused_by_the_line_cap() -> None:
    paragraph = "<p>Paragraph {} of a page that goes on and on about the harbour and its old bridge.</p>\n"
    body = "".join(paragraph.format(i) for i in range(50 * MIB // len(paragraph)))
    html = page(PROSE["en"]).replace("</article>", body + "</article>")
    assert len(html) > 50 * MIB
    start = time.monotonic()
    refused(html.encode("utf-8"), TooLargeError, r"rendered lines, more than the cap of 20000 \(max_lines\)")
    assert time.monotonic() - start < 30
    refused(html, TooLargeError, "size cap of 1000000 bytes", options=newsclean.Options(max_bytes=1_000_000))


@pytest.mark.slow
def test_15_mb_line_without_newline_is_refused_by_the_line_cap() -> None:
    # a page on one line is cut into sentences (as get_text(" ") dumps are), and the cap on lines
    # applies to them: 15 MB of prose is ~170,000 sentences
    sentence = PROSE["en"][0] + " "
    line = sentence * (15 * MIB // len(sentence))
    refused(line.encode("utf-8"), TooLargeError, "lines once cut into sentences, more than the cap of 20000")



def test_size_cap_applies_to_the_library_too() -> None:
    refused(b"x" * 1001, TooLargeError, "size cap of 1000 bytes", options=newsclean.Options(max_bytes=1000))
    refused("x" * 1001, TooLargeError, "size cap of 1000 bytes", options=newsclean.Options(max_bytes=1000))


def test_gzip_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    gzip_bomb(bomb)
    assert bomb.stat().st_size < 1.1 * MIB
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    start = time.monotonic()
    with pytest.raises(TooLargeError, match="decompresses to more than the size cap of 67108864 bytes"):
        read_bytes(bomb, newsclean.Options().max_bytes)
    assert time.monotonic() - start < 5
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown < 400 * 1024  # KiB: the cap (64 MiB, and a copy) at most, never the GiB


@pytest.mark.parametrize(("mangle", "reason"), [
    (lambda gz: gz[: len(gz) // 2], "corrupt gzip: truncated data"),
    (lambda gz: gz[:10], "corrupt gzip"),
    (lambda gz: gz[:20] + bytes(b ^ 0x5A for b in gz[20:60]) + gz[60:], "corrupt gzip"),
    (lambda gz: gz[:-8] + b"\x00" * 8, "corrupt gzip"),  # wrong CRC
], ids=["truncated-half", "header-only", "corrupt-deflate", "bad-crc"])
def test_truncated_and_corrupt_gzip(tmp_path: Path, mangle: Callable[[bytes], bytes], reason: str) -> None:
    path = tmp_path / "a.html.gz"
    path.write_bytes(mangle(gzip.compress(page(PROSE["en"] * 20).encode("utf-8"))))
    with pytest.raises(ReadError) as info:
        read_bytes(path, newsclean.Options().max_bytes)
    assert info.value.source == str(path) and reason in info.value.reason


def test_cleaning_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access while cleaning: {args!r}")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    html = page(PROSE["en"]).replace("<head>", '<head><link rel="canonical" href="https://example.com/a">'
                                     '<meta property="og:image" content="https://example.com/i.jpg">')
    doc = newsclean.clean(html, url="https://example.com/a")
    assert "harbour bridge" in doc.text
    assert newsclean.clean(GOOD_HTML.read_bytes()).text
    assert newsclean.clean(GOOD_TEXT.read_bytes()).text


HOSTILE_DOCS: dict[str, Callable[[], bytes | str]] = {
    "nested": lambda: "<html><body>" + "<div>" * 20_000 + "".join(f"<p>{p}</p>" for p in PROSE["en"]),
    "laughs": billion_laughs,
    "mojibake": lambda: mojibake(dump(PROSE["cp1252"])),
    "controls": lambda: dump([p.replace(" ", " \x00", 3) for p in PROSE["en"]]),
    "koi8-lying": lambda: page(PROSE["koi8-r"], charset="utf-8").encode("koi8-r"),
    "sjis": lambda: page(PROSE["shift_jis"]).encode("shift_jis"),
    "utf16": lambda: dump(PROSE["he"]).encode("utf-16-le"),
    "invalid-utf8": lambda: page(PROSE["en"]).encode("utf-8").replace(b"harbour", b"harb\xf0our", 1),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_DOCS))
def test_same_input_same_output(name: str) -> None:
    data = HOSTILE_DOCS[name]()
    first = newsclean.render(cleaned(data), newsclean.Format.JSON)
    assert newsclean.render(cleaned(data), newsclean.Format.JSON) == first


# ---------------------------------------------------------------------------------------------
# The command line: a batch of hostile and good documents


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A folder of good and hostile documents; returns it and, per bad input, the reason expected."""
    root = tmp_path_factory.mktemp("raw")
    (root / "good").mkdir()
    shutil.copy(GOOD_HTML, root / "good" / "festival.html")
    shutil.copy(GOOD_TEXT, root / "good" / "kyiv.txt")
    (root / "good" / "koi8.html").write_bytes(page(PROSE["koi8-r"], charset="koi8-r", lang="ru").encode("koi8-r"))
    (root / "good" / "gb.txt").write_bytes(dump(PROSE["gb18030"]).encode("gb18030"))
    (root / "good" / "utf16.html").write_bytes(page(PROSE["ar"], lang="ar", rtl=True).encode("utf-16"))
    (root / "good" / "deep.html").write_text(HOSTILE_DOCS["nested"]())  # type: ignore[arg-type]
    (root / "good" / "laughs.html").write_text(billion_laughs())
    (root / "good" / "page.html.gz").write_bytes(gzip.compress(page(PROSE["latin-1"]).encode("latin-1"),
                                                               mtime=0))
    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.html").write_bytes(b"  \n \n\t")
    (bad / "random.html").write_bytes(random_bytes())
    (bad / "image.html").write_bytes(png())
    (bad / "paper.html").write_bytes(pdf())
    (bad / "archive.html").write_bytes(zip_archive(tmp_path_factory.mktemp("zip")))
    whole = gzip.compress(page(PROSE["en"] * 10).encode("utf-8"))
    (bad / "truncated.html.gz").write_bytes(whole[: len(whole) // 2])
    (bad / "corrupt.html.gz").write_bytes(whole[:20] + bytes(b ^ 0x5A for b in whole[20:60]) + whole[60:])
    gzip_bomb(bad / "bomb.html.gz")
    (bad / "lines.txt").write_text("\n".join(f"Line {i} of a text dump that never ends." for i in range(30_000)))
    # a symlink loop: the walk must not follow it forever
    (root / "good" / "loop").symlink_to(root / "good", target_is_directory=True)
    (root / "bad" / "self").symlink_to(root, target_is_directory=True)
    reasons = {
        "bad/empty.txt": "no article text found",
        "bad/blank.html": "no article text found",
        "bad/random.html": "not a text document",
        "bad/image.html": "not a text document: looks like a PNG image",
        "bad/paper.html": "not a text document: looks like a PDF document",
        "bad/archive.html": "not a text document: looks like a zip archive",
        "bad/truncated.html.gz": "corrupt gzip",
        "bad/corrupt.html.gz": "corrupt gzip",
        "bad/bomb.html.gz": "decompresses to more than the size cap",
        "bad/lines.txt": "30000 lines, more than the cap of 20000",
    }
    return root, reasons


GOOD = ["good/festival.html", "good/kyiv.txt", "good/koi8.html", "good/gb.txt", "good/utf16.html",
        "good/deep.html", "good/laughs.html", "good/page.html.gz"]


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("newsclean: ") and not re.match(
        r"newsclean: (\d+ cleaned|interrupted)", ln)]


def run_clean(folder: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["clean", str(folder), "-o", str(out), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


def test_batch_of_hostile_documents(hostile_folder: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root, reasons = hostile_folder
    before = tree_digest(root)
    out = tmp_path / "out"
    code, stdout, stderr = run_clean(root, out, "--jobs", "2")
    assert code == 1
    assert "Traceback" not in stderr + stdout
    errors = error_lines(stderr)
    for name, reason in reasons.items():
        mine = [ln for ln in errors if ln.startswith(f"newsclean: {root / name}: ")]
        assert len(mine) == 1 and reason in mine[0], (name, errors)
    assert len(errors) == len(reasons), errors
    # good documents: cleaned exactly as the library cleans them
    for name in GOOD:
        data = read_bytes(root / name, newsclean.Options().max_bytes)
        expected = newsclean.render(newsclean.clean(data, source=str(root / name)), newsclean.Format.TEXT)
        target = out / re.sub(r"\.(html|txt)(\.gz)?$", ".txt", name)
        assert target.read_text(encoding="utf-8") == expected, name
    # no output for a bad document, no temporary left, nothing through the symlink loop
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == sorted(re.sub(r"\.(html|txt)(\.gz)?$", ".txt", n) for n in GOOD)
    assert tree_digest(root) == before  # inputs never modified
    # the same bytes on every run, whatever --jobs
    again = tmp_path / "again"
    code2, _, stderr2 = run_clean(root, again, "--jobs", "1")
    assert code2 == 1 and sorted(error_lines(stderr2)) == sorted(errors)
    assert tree_digest(again) == tree_digest(out)


@pytest.mark.parametrize("failure", [errno.EACCES, errno.ENOSPC, errno.EROFS])
def test_output_folder_not_writable_or_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: int) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(GOOD_TEXT, raw / "a.txt")
    shutil.copy(GOOD_HTML, raw / "b.html")

    def cannot(*args: object, **kwargs: object) -> object:
        raise OSError(failure, os.strerror(failure))

    # root may write anywhere whatever the mode, so the refusal is simulated where files are created
    monkeypatch.setattr(tempfile, "mkstemp", cannot)
    out = tmp_path / "out"
    code, stdout, stderr = run_clean(raw, out, "--jobs", "1")
    assert code == 1 and "Traceback" not in stderr
    errors = error_lines(stderr)
    assert len(errors) == 2, errors
    for line in errors:
        assert os.strerror(failure) in line
    assert not [p for p in out.rglob("*") if p.is_file()] if out.exists() else True


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_output_folder_read_only(tmp_path: Path) -> None:  # pragma: no cover - not as root
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(GOOD_TEXT, raw / "a.txt")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        code, _, stderr = run_clean(raw, out, "--jobs", "1")
    finally:
        out.chmod(0o700)
    assert code == 1 and "Permission denied" in stderr and "Traceback" not in stderr


def test_full_disk_while_writing_leaves_no_partial_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(GOOD_TEXT, raw / "a.txt")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh: object) -> None:
            self.fh = fh

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name: str) -> object:
            return getattr(self.fh, name)

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: Full(real_fdopen(*a, **k)))
    out = tmp_path / "out"
    code, _, stderr = run_clean(raw, out, "--jobs", "1")
    assert code == 1 and "No space left on device" in stderr and "Traceback" not in stderr
    assert not [p for p in out.rglob("*") if p.is_file()]


def test_file_that_disappears_or_becomes_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(GOOD_TEXT, raw / "a.txt")
    shutil.copy(GOOD_TEXT, raw / "gone.txt")
    shutil.copy(GOOD_TEXT, raw / "locked.txt")
    import newsclean.read as read_module

    real_open = open

    def flaky_open(path: object, *args: object, **kwargs: object) -> object:
        name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else ""
        if str(name).endswith("gone.txt"):
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), name)
        if str(name).endswith("locked.txt"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(read_module, "open", flaky_open, raising=False)
    out = tmp_path / "out"
    code, _, stderr = run_clean(raw, out, "--jobs", "1")
    assert code == 1 and "Traceback" not in stderr
    errors = error_lines(stderr)
    assert any("gone.txt: cannot read: No such file or directory" in ln for ln in errors), errors
    assert any("locked.txt: cannot read: Permission denied" in ln for ln in errors), errors
    assert (out / "a.txt").exists() and not (out / "gone.txt").exists()


def test_fifo_device_and_dangling_link_in_the_input_folder(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(GOOD_TEXT, raw / "a.txt")
    os.mkfifo(raw / "pipe.txt")  # a reader would block on it forever
    (raw / "zero.txt").symlink_to("/dev/zero")  # never ends
    (raw / "dangling.txt").symlink_to(tmp_path / "nowhere")
    start = time.monotonic()
    code, _, stderr = run_clean(raw, tmp_path / "out", "--jobs", "1")
    assert time.monotonic() - start < 20
    assert code == 1 and "Traceback" not in stderr
    errors = error_lines(stderr)
    assert errors == [f"newsclean: {raw / 'dangling.txt'}: cannot read: No such file or directory"], errors
    assert "2 skipped (2 not a document)" in stderr
    assert (tmp_path / "out" / "a.txt").exists()


def test_outputs_are_readable_as_the_umask_allows(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(GOOD_TEXT, raw / "a.txt")
    old = os.umask(0o022)
    try:
        run_clean(raw, tmp_path / "out", "--jobs", "1")
    finally:
        os.umask(old)
    assert (tmp_path / "out" / "a.txt").stat().st_mode & 0o777 == 0o644
