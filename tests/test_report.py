"""The HTML report of ``newsclean diff --html``, opened in a real headless browser (Debian's chromium).

``make test`` installs chromium first when it is missing and we are root (``make browser``); where it
cannot be installed, the browser tests skip and say why. The checks on the generated HTML itself
(escaping, the Content-Security-Policy) run everywhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from newsclean.cli import main
from newsclean.diff import DiffLine, DocDiff, Mark
from newsclean.report import CSP, document_page

from .conftest import SAMPLES

SEED = SAMPLES / "text" / "kyiv-independent-dump.txt"
HTML = SAMPLES / "html" / "harbour-festival.html"
BROWSER_TIMEOUT = 120  # seconds; a cold chromium start in a container takes 1-3 s
# Elements whose URLs the browser loads by itself, and the attributes that hold them.
LOADING = {"script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",),
           "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",),
           "object": ("data",), "frame": ("src",), "input": ("src",), "track": ("src",)}

HOSTILE = [
    "Menu",
    '<script src="https://evil.example/x.js"></script>',
    '<img src="http://evil.example/pixel.png" onerror="alert(1)">',
    "",
    "The minister [pictured] said the plan would cost more than expected, and critics agreed at once; the "
    "council & the mayor's office promised a review by <b>spring</b>.",
    "",
    "The minister [pictured] said the plan would cost more than expected, and critics agreed at once; the "
    "budget was approved on Tuesday after a long debate about the repairs to the harbour wall.",
    "",
    "Subscribe to our newsletter",
]


def _chromium() -> str | None:
    for candidate in (os.environ.get("NEWSCLEAN_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    found = _chromium()
    if found is None:
        pytest.skip("chromium is not installed, so the HTML report is not checked in a browser: run "
                    "`make browser` as root (apt-get install chromium), or set NEWSCLEAN_CHROMIUM")
    return found


def _browse(chromium: str, page: Path, tmp: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}", *extra,
               page.resolve().as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=BROWSER_TIMEOUT, check=False)
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done


def _dom(chromium: str, page: Path, tmp: Path) -> lxml_html.HtmlElement:
    dumped = _browse(chromium, page, tmp, "--dump-dom").stdout
    assert "<body" in dumped, "chromium printed no DOM"
    return lxml_html.fromstring(dumped)


def _assert_nothing_loaded(dom: lxml_html.HtmlElement) -> None:
    for tag, attributes in LOADING.items():
        for element in dom.iter(tag):
            for attribute in attributes:
                value = (element.get(attribute) or "").strip().lower()
                assert not value.startswith(("http:", "https:", "//", "ftp:")), f"<{tag} {attribute}={value!r}>"
    scripts = list(dom.iter("script"))
    assert len(scripts) == 1 and scripts[0].get("src") is None  # our own inline script, nothing else
    assert "url(" not in "".join(style.text_content() for style in dom.iter("style"))
    policy = dom.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert policy == [CSP] and "default-src 'none'" in CSP


def _plain_diff(runner: CliRunner, *args: str) -> list[str]:
    result = runner.invoke(main, ["diff", *args])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def _check_lines_against_plain(dom: lxml_html.HtmlElement, plain: list[str]) -> None:
    """Every removed line is in the page, struck through (<del>) with its reason on hover; every kept
    line is there as text; the order is the plain diff's."""
    shown = dom.xpath('//div[contains(@class, "ln")]')
    assert len(shown) == len(plain)
    for row, line in zip(shown, plain, strict=True):
        classes = row.get("class").split()
        if line.startswith("- "):
            text, reason = line[2:].rsplit("    [", 1)
            reason = reason[:-1]
            assert "rm" in classes
            assert row.get("title") == f"removed: {reason}" and row.get("data-reason") == reason
            assert [d.text_content() for d in row.iter("del")] == [text]
            assert row.xpath('string(.//span[@class="why"])') == reason
        elif line.startswith("~ "):
            text, role = line[2:].rsplit("    [", 1)
            assert "md" in classes and row.get("title") == f"moved to metadata: {role[:-1]}"
            assert row.xpath('string(.//span[@class="tx"])') == text
        else:
            assert "kp" in classes
            text = line[2:].rsplit("    [", 1)[0] if line.endswith("]") and "    [" in line else line[2:]
            assert row.xpath('string(.//span[@class="tx"])') == text


# ---------------------------------------------------------------------------------------------
# In the browser


def test_report_of_a_text_dump_in_the_browser(chromium: str, tmp_path: Path) -> None:
    runner = CliRunner()
    report = tmp_path / "seed.html"
    result = runner.invoke(main, ["diff", str(SEED), "--html", str(report)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and f"wrote {report}" in result.stderr
    dom = _dom(chromium, report, tmp_path)
    _assert_nothing_loaded(dom)
    plain = _plain_diff(runner, str(SEED))
    _check_lines_against_plain(dom, plain)
    assert dom.xpath('//div[contains(@class,"rm")][@data-reason="lexicon:newsletter"]//del/text()')
    assert "U.S. Secretary of State Antony Blinken warned" in dom.xpath('string(//div[@class="doc"])')
    # the legend names every reason, the metadata and stats are there
    legend = dom.xpath('//ul[@class="legend"]/li/@data-reason')
    assert "lexicon:newsletter" in legend and "after-article" in legend
    meta = dict(zip(dom.xpath("//dl[@class='meta']/dt/text()"), dom.xpath("//dl[@class='meta']/dd/text()"),
                    strict=True))
    assert meta["title"] == "Top diplomats of US, Russia meet to discuss Ukraine amid looming invasion"
    assert meta["authors"] == "Igor Kossov"
    assert "kept 2,371 of" in dom.xpath('string(//p[@class="summary"])')


def test_report_escapes_hostile_text(chromium: str, tmp_path: Path) -> None:
    doc = tmp_path / "hostile.txt"
    doc.write_text("\n".join(HOSTILE) + "\n")
    report = tmp_path / "hostile.html"
    runner = CliRunner()
    # (forced to text: with those tags the dump would be detected as HTML, and shown as rendered)
    assert runner.invoke(main, ["diff", str(doc), "--input-format", "text", "--html", str(report)]).exit_code == 0
    dom = _dom(chromium, report, tmp_path)
    _assert_nothing_loaded(dom)
    assert not list(dom.iter("img")) and not list(dom.iter("b"))
    text = dom.xpath('string(//div[@class="doc"])')
    assert HOSTILE[1] in text and HOSTILE[2] in text and "[pictured]" in text and "<b>spring</b>" in text
    _check_lines_against_plain(dom, _plain_diff(runner, str(doc), "--input-format", "text"))


def test_report_of_an_html_page_against_another_tool(chromium: str, tmp_path: Path) -> None:
    """Raw is the page's rendered text; the other tool kept two paragraphs and wrote one line itself."""
    cleaned = tmp_path / "tool.txt"
    cleaned.write_text("More than 60,000 people visited the harbour festival over the weekend, the largest "
                       "attendance since the event began in 1998, according to the organisers.\n\nTraffic and "
                       "parking\n\nExtracted by tool X\n")
    report = tmp_path / "page.html"
    runner = CliRunner()
    assert runner.invoke(main, ["diff", str(HTML), str(cleaned), "--html", str(report)]).exit_code == 0
    dom = _dom(chromium, report, tmp_path)
    _assert_nothing_loaded(dom)
    removed = dom.xpath('//div[contains(@class,"rm")][@title="removed: not-in-cleaned"]//del/text()')
    assert "Home" in removed and "Related stories" in removed
    assert "<script" not in "".join(removed) and not any("{" in r for r in removed)  # rendered text, not markup
    kept = dom.xpath('//div[contains(@class,"kp")]/span[@class="tx"]/text()')
    assert kept[0].startswith("More than 60,000 people") and "Traffic and parking" in kept
    assert dom.xpath('//div[contains(@class,"ad")]/ins/text()') == ["Extracted by tool X"]
    assert "rendered text" in dom.xpath('string(//p[@class="summary"])')


def test_folder_report_in_the_browser(chromium: str, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "ki").mkdir(parents=True)
    shutil.copy(SEED, raw / "seed.txt")
    shutil.copy(HTML, raw / "ki" / "index.html")  # a raw page named like the report's index
    (raw / "ki" / "menu.txt").write_text("Home\nNews\nSport\n")
    out = tmp_path / "report"
    result = CliRunner().invoke(main, ["diff", str(raw), "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html")) == [
        "index.html", "pages/ki/index.html.html", "pages/ki/menu.txt.html", "pages/seed.txt.html"]
    dom = _dom(chromium, out / "index.html", tmp_path)
    _assert_nothing_loaded(dom)
    rows = dom.xpath("(//table)[1]//tr[td]")
    assert [r.xpath("string(td[1])") for r in rows] == ["ki/menu.txt", "seed.txt", "ki/index.html"]
    assert rows[0].xpath("string(td[2])") == "empty"
    for href in dom.xpath("(//table)[1]//a/@href"):
        page = out / href
        assert page.is_file()
        back = lxml_html.fromstring(page.read_text()).xpath("//header//a/@href")[0]
        assert (page.parent / back).resolve() == (out / "index.html").resolve()
    menu = _dom(chromium, out / "pages" / "ki" / "menu.txt.html", tmp_path)
    assert menu.xpath('//div[contains(@class,"rm")]/@data-reason') == ["no-article"] * 3


def test_report_controls_work_in_the_browser(chromium: str, tmp_path: Path) -> None:
    """The legend highlights one reason's lines; the check boxes hide kept lines. (A test script, added
    to a copy of the page, clicks them and writes what it sees in the title.)"""
    report = tmp_path / "seed.html"
    assert CliRunner().invoke(main, ["diff", str(SEED), "--html", str(report)]).exit_code == 0
    clicks = ('<script>document.querySelector(\'.legend li[data-reason="lexicon:newsletter"]\').click();'
              "document.querySelector('input[data-hide=kp]').click();"
              "document.title = document.querySelectorAll('.ln.hit').length + ' ' +"
              " document.body.classList.contains('hide-kp');</script></body>")
    clicked = tmp_path / "clicked.html"
    clicked.write_text(report.read_text().replace("</body>", clicks))
    dom = _dom(chromium, clicked, tmp_path)
    newsletter = len(dom.xpath('//div[@data-reason="lexicon:newsletter"]'))
    assert newsletter > 1 and dom.findtext(".//title") == f"{newsletter} true"


def test_report_screenshot(chromium: str, tmp_path: Path) -> None:
    report = tmp_path / "seed.html"
    assert CliRunner().invoke(main, ["diff", str(SEED), "--html", str(report)]).exit_code == 0
    shot = tmp_path / "seed.png"
    _browse(chromium, report, tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", "--hide-scrollbars")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a real page, not a blank one


# ---------------------------------------------------------------------------------------------
# The HTML itself (no browser needed)


def test_page_escapes_everything_and_is_self_contained() -> None:
    evil = '"><script>alert(1)</script>'
    diff = DocDiff(
        source=f"a{evil}.txt",
        lines=[DiffLine(Mark.REMOVED, evil, f"reason{evil}"), DiffLine(Mark.KEPT, "[kept] & fine"),
               DiffLine(Mark.METADATA, evil, "title"), DiffLine(Mark.ADDED, evil, "not-in-raw")],
        metadata=[("title", evil), ("url", f"javascript:alert(1)//{evil}")],
    )
    page = document_page(diff)
    assert "<script>alert" not in page and page.count("<script>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "[kept] &amp; fine" in page
    assert 'href="javascript:' not in page  # only http(s) URLs become links
    assert "http://" not in page and "https://" not in page
    assert page.startswith("<!DOCTYPE html>") and f'content="{CSP}"' in page
