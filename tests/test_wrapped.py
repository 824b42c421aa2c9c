"""Dumps of text-mode browsers: hard-wrapped lines (lynx, w3m, html2text) and lynx's numbered links."""

from __future__ import annotations

import re
import textwrap

import pytest

import newsclean
from newsclean.strip.features import split_lines
from newsclean.strip.wrapped import display_width, drop_link_numbers, unwrap

from .conftest import SAMPLES, seed_as_markdown

SEED = SAMPLES / "text" / "kyiv-independent-dump.txt"
_WIDE = "\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef"
_TOKEN = re.compile(rf"[{_WIDE}]|[^\s{_WIDE}]+|\s+")
JAPANESE_PAGE = """ホーム
ニュース
経済
ログイン

大阪港の再整備計画がまとまる
2024年5月9日 14:20

大阪市は9日、大阪港の老朽化した岸壁を全面的に改修する計画を発表した。総事業費は約八百億円で、二〇三〇年度までの完成を目指すという。

計画では、大型クルーズ船が接岸できるよう岸壁を延長し、周辺には観光客向けの商業施設や公園を新たに整備する。市の担当者は「港の魅力を高め、国内外から多くの人を呼び込みたい」と話した。

岸壁の一部は建設から六十年以上が経過しており、地震への備えが課題となっていた。改修工事では耐震性を高める補強も同時に進める方針だ。

地元の商店街からは期待の声が上がる一方、工事期間中の交通渋滞や騒音を心配する住民もいる。市は今月中に説明会を開き、住民の意見を計画に反映させるとしている。

港湾の専門家は「物流と観光を両立させる設計が重要だ」と指摘しており、市は有識者会議を設けて具体的な配置を検討する。

関連記事
梅田の地下街が改装へ

Copyright © 2024 関西ニュース All rights reserved.
"""


def lynx_style(text: str, width: int = 80, indent: int = 3) -> str:
    """The dump as lynx -dump lays it out: every block indented and wrapped at ``width`` columns."""
    pad = " " * indent
    return "\n".join("\n".join(textwrap.wrap(line, width, initial_indent=pad, subsequent_indent=pad))
                     for line in text.split("\n"))


def wrap_by_columns(line: str, width: int) -> list[str]:
    """Greedy wrapping by terminal columns, as w3m does: characters of Japanese or Chinese text take
    two columns and the line may break between any two of them; words of spaced scripts stay whole."""
    out, current = [], ""
    for token in _TOKEN.findall(line):
        if token.isspace():
            current += token
        elif current.strip() and display_width(current + token) > width:
            out.append(current.rstrip())
            current = token
        else:
            current += token
    return [*out, current.rstrip()] if current.strip() else out


def test_lynx_layout_gives_the_same_article() -> None:
    """Indented, wrapped at 80 columns (the indentation counts in the width)."""
    raw = SEED.read_text(encoding="utf-8")
    plain, doc = newsclean.clean(raw), newsclean.clean(lynx_style(raw))
    assert doc.text == plain.text
    assert (doc.title, doc.authors, doc.date) == (plain.title, plain.authors, plain.date)


def test_lynx_link_numbers_and_reference_list_are_taken_out() -> None:
    raw = SEED.read_text(encoding="utf-8")
    numbered, n = [], 0
    for line in raw.split("\n"):
        if line.strip() and len(line.split()) <= 4:  # menu items and other short lines are links
            n += 1
            line = f"[{n}]{line}"
        numbered.append(line)
    refs = ["", "References", "", *(f"  {i}. https://kyivindependent.com/page-{i}/" for i in range(1, n + 1))]
    plain, doc = newsclean.clean(raw), newsclean.clean(lynx_style("\n".join(numbered)) + "\n" + "\n".join(refs))
    assert doc.text == plain.text
    assert not re.search(r"\[\d+\]", doc.text)
    listed = [line for line in doc.lines if "https://kyivindependent.com/page-" in line.text]
    assert len(listed) == n and {(line.role.name, line.reason) for line in listed} == {("REMOVED", "link-list")}


@pytest.mark.parametrize("width", [40, 60])
def test_japanese_wrapped_by_columns_is_joined_without_spaces(width: int) -> None:
    """Paragraphs apart (as w3m lays them out), wrapped between any two characters."""
    wrapped = "\n".join("\n".join(wrap_by_columns(line, width)) for line in JAPANESE_PAGE.split("\n"))
    assert max(display_width(line) for line in wrapped.split("\n")) <= width
    plain, doc = newsclean.clean(JAPANESE_PAGE), newsclean.clean(wrapped)
    assert len(plain.text.split("\n\n")) == 5
    assert doc.text == plain.text


def test_japanese_paragraphs_indented_by_ideographic_spaces_are_joined() -> None:
    """w3m keeps a paragraph's first-line indent ("\u3000\u3000"); the lines after it start at the margin."""
    paragraphs = JAPANESE_PAGE.split("\n\n")[2:7]
    page = JAPANESE_PAGE.replace("\n\n".join(paragraphs), "\n\n".join("\u3000\u3000" + p for p in paragraphs))
    wrapped = "\n".join("\n".join(wrap_by_columns(line, 78)) for line in page.split("\n"))
    assert any(line.startswith("\u3000") for line in wrapped.split("\n"))
    doc = newsclean.clean(wrapped)
    assert [p.strip("\u3000") for p in doc.text.split("\n\n")] == paragraphs


def test_a_paywalled_japanese_page_with_a_few_wrapped_lines_is_joined() -> None:
    """Four lines of the article before the paywall, filled to the margin, among dozens of menu lines."""
    lead = ("北朝鮮の非核化を巡る米朝首脳会談から一週間がたち、関係各国の思惑の違いが少しずつ明らかになって"
            "きた。中国は会談の仲介役を自任し、制裁の緩和を求める姿勢を強めている。一方で日本政府は拉致問題の"
            "解決を優先する立場を崩しておらず、韓国は南北の経済協力の再開に期待を寄せる。")
    menu = [f"□ メニュー項目{n}" for n in range(40)]
    lines = [*menu[:20], "", "米朝会談から一週間", "", *wrap_by_columns(lead, 78), "", "この記事は会員限定です。",
             "", *menu[20:]]
    assert len(wrap_by_columns(lead, 78)) == 4
    doc = newsclean.clean("\n".join(lines))
    assert lead in [line.text for line in doc.lines]


@pytest.mark.parametrize("sample", sorted((SAMPLES / "text").glob("*.txt")), ids=lambda p: p.name)
def test_dumps_that_are_not_wrapped_are_left_alone(sample) -> None:
    text = sample.read_text(encoding="utf-8")
    raw = [line.expandtabs() for line in text.splitlines() if line.strip()]
    lines, blank = split_lines(text)
    plain = [" ".join(line.split()) for line in raw]
    if len(lines) == len(plain):  # nothing was cut into sentences or otherwise rearranged
        assert unwrap(plain, blank, raw) == (plain, blank)


def test_short_paragraphs_of_similar_lengths_are_not_taken_for_wrapping() -> None:
    """Whole paragraphs that happen to be about as long as each other, each on its line."""
    para = ["The council met on Tuesday evening.", "It voted on the repairs to the old harbour wall tonight.",
            "Both motions passed by a wide margin, said the clerk.", "The works start in May and end in June."]
    lines = para * 6
    assert unwrap(lines, [False] * len(lines), lines) == (lines, [False] * len(lines))


def test_bracketed_numbers_stay_without_a_reference_list() -> None:
    lines = ["Footnote [1] says so.", "[2] Another one.", "See [3] and [4].", "[5] Fifth.", "[6] And [7]."]
    assert drop_link_numbers(lines) is lines


def test_cleaning_the_cleaned_lynx_dump_changes_nothing() -> None:
    doc = newsclean.clean(lynx_style(SEED.read_text(encoding="utf-8")))
    assert newsclean.clean(doc.text).text == doc.text


def test_lynx_link_header_buttons_and_bullets_are_taken_out() -> None:
    """lynx's list of <link> elements above the page, "(BUTTON)" marks, list bullets by level, and a
    headline at column 0 that runs past the indented paragraphs' margin."""
    raw = SEED.read_text(encoding="utf-8")
    title = "Top diplomats of US, Russia meet to discuss Ukraine amid looming invasion"
    long_title = title + "s of Kyiv as talks in Stockholm end on Thursday"
    menu = ["* News", "* Ukraine War", "+ Kyiv", "+ Frontline", "* Opinion", "* About us"]
    header = "#alternate alternate The Kyiv Independent » Feed The Kyiv Independent » Comments Feed oEmbed (JSON)"
    marked = "\n".join([header, "", "(BUTTON) Menu", *menu, raw.replace("by Igor", "By (BUTTON) Igor")])
    # paragraphs wrapped at 76 columns, indented 3; the headline unindented, wrapped at 79
    headline = "\n".join(textwrap.wrap(long_title, 79))
    assert max(len(line) for line in headline.split("\n")) > 76
    dump = lynx_style(marked, 76).replace(lynx_style(title, 76), headline)
    doc, plain = newsclean.clean(dump), newsclean.clean(raw.replace(title, long_title))
    assert doc.text == plain.text
    assert (doc.title, doc.authors, doc.date) == (long_title, ["Igor Kossov"], plain.date)
    assert not any("(BUTTON)" in line.text or line.text.startswith(("* ", "+ ")) for line in doc.lines)
    first = doc.lines[0]
    assert first.text.startswith("#alternate") and (first.role.name, first.reason) == ("REMOVED", "link-list")


def test_markdown_escapes_are_read_as_the_characters() -> None:
    """html2text escapes a number that would start a list ("28\\. Januar") and markup characters."""
    raw = SEED.read_text(encoding="utf-8").replace("December 2, 2021 8:45 PM", "2\\. December 2021 8:45 PM")
    links = "\n".join(f"* [Section {i}](https://kyivindependent.com/s{i}/)" for i in range(5))
    doc = newsclean.clean(links + "\n\n" + raw)
    assert doc.date is not None and doc.date.startswith("2021-12-02")
    assert "\\" not in "".join(line.text for line in doc.lines)


W3M_TABLE = """\
┌──────────┬────────┬──────────┐
│Programme │Rank    │Salary    │
├──────────┼────────┼──────────┤
│Chicago   │1       │$175,000  │
│Booth     │        │          │
├──────────┼────────┼──────────┤
│Kellogg   │3 (tie) │$165,000  │
└──────────┴────────┴──────────┘"""


def test_w3m_tables_are_read_one_row_a_line() -> None:
    """w3m draws a bordered table in box characters, each cell wrapped in its column; a browser's
    select-all gives a row a line. The table's width does not count as the page's wrapping width."""
    raw = SEED.read_text(encoding="utf-8")
    page = lynx_style(raw, 76).replace("   Russia has amassed", W3M_TABLE + "\n\n   Russia has amassed", 1)
    lines, _ = split_lines(page)
    rows = [line for line in lines if "Rank" in line or "Chicago" in line or "Kellogg" in line]
    assert rows == ["Programme Rank Salary", "Chicago Booth 1 $175,000", "Kellogg 3 (tie) $165,000"]
    assert not any(line[:1] in "│┌├└" for line in lines)
    assert ("Russia has amassed at least 93,000 troops along Ukraine’s border and in occupied territories. The U.S. "
            "and its European allies said that Russia might launch a major offensive into Ukraine.") in lines


def test_w3m_image_placeholders_before_the_headline_are_taken_out() -> None:
    raw = SEED.read_text(encoding="utf-8")
    title = "Top diplomats of US, Russia meet to discuss Ukraine amid looming invasion"
    plain = newsclean.clean(raw)
    doc = newsclean.clean(lynx_style(raw.replace(title, "[kyiv-logo.png] " + title)))
    assert (doc.title, doc.text) == (plain.title, plain.text) == (title, plain.text)


def test_a_short_page_laid_out_by_lynx_is_unwrapped() -> None:
    """Indented like lynx's dumps, a page needs only a wrap or two to be read as wrapped (a page of
    whole lines needs six); its bullets go too."""
    text = ("Harbour News\n\n   * Home\n   * Local\n\n"
            "   The council approved the repairs to the old harbour wall on Tuesday, after\n"
            "   a debate that lasted most of the evening.\n"
            "   Work starts in May.\n\n"
            "   The wall was built in 1890 and has been closed to walkers since the storms\n"
            "   of last winter.\n\n   Comments\n")
    lines, _ = split_lines(text)
    assert lines == ["Harbour News", "Home", "Local",
                     "The council approved the repairs to the old harbour wall on Tuesday, after a debate that lasted "
                     "most of the evening.", "Work starts in May.",
                     "The wall was built in 1890 and has been closed to walkers since the storms of last winter.",
                     "Comments"]
    # the same lines, not indented, are not read as wrapped; but a line that goes on with the one
    # before it in lower case is joined to it (strip/nodes.py), so the paragraphs come out whole
    flush = "\n".join(line.strip() for line in text.split("\n"))
    assert split_lines(flush)[0][3:] == lines[3:]  # (its bullets stay: "* Home")


def test_markdown_wrapped_as_html2text_does_gives_the_same_article() -> None:
    """html2text wraps paragraphs at 78 columns (not list items), keeps a link's address whole past
    the margin or breaks it at a hyphen, and draws icons as "__"."""
    raw = SEED.read_text(encoding="utf-8")
    wiki = "https://en.wikipedia.org/wiki/Stockholm-the-capital-and-largest-city-of-sweden"
    lines = []
    for line in raw.split("\n"):
        if line.startswith("Top diplomats"):
            lines += ["## " + line, "", "__", ""]
        elif line.strip() and len(line.split()) <= 6:
            lines.append(f"  * [{line}](https://news.example/{len(lines)}/)")
        else:
            line = line.replace("Dec. 2 in Stockholm", f"Dec. 2 in [Stockholm]({wiki})")
            lines += textwrap.wrap(line, 78, break_long_words=False) or [""]
    page = "\n".join(lines)
    assert f"({wiki})" not in page and "largest-\ncity" in page  # the address broken at a hyphen
    plain, doc = newsclean.clean(raw), newsclean.clean(page)
    assert doc.text == plain.text
    assert (doc.title, doc.authors, doc.date) == (plain.title, plain.authors, plain.date)


TEASER_CARDS = [
    "[ ![zebra-cows.jpg ](https://news.example/img/zebra-cows.jpg#) Why farmers may want to paint their cows "
    "with zebra stripes  Some people thought the striped cattle in a Japanese pasture were a joke, but the "
    "science behind them could save farmers a great deal of money.  32M ago ](https://news.example/zebra/)",
    "[ ![helicopter.jpg ](https://news.example/img/helicopter.jpg#) Two soldiers killed in a helicopter crash  "
    "Officials dismiss the claim that it was shot down, and they say that the cause of the crash is being "
    "investigated.  2H ago ](https://news.example/crash/) [ ![koala.jpg ](https://news.example/img/koala.jpg#) "
    "Woman risks her life to save a koala  At least six people have died and hundreds of homes have been "
    "destroyed by the bushfires this week.  14H ago ](https://news.example/koala/)",
]


def test_markdown_lines_that_are_all_link_are_not_the_article() -> None:
    """In markdown a paragraph that is one link (a teaser card: its photo, headline and summary inside
    one link) is what the page links to: it is removed, with its reason; paragraphs with links among
    their words stay."""
    cards = ["", "## [More World](https://news.example/world/)", "", *"\n\n".join(TEASER_CARDS).split("\n")]
    page = seed_as_markdown(after={"The meeting between": cards}, body_link="Stockholm")  # (an insert in the body)
    assert "[Stockholm](" in page
    plain, doc = newsclean.clean(SEED.read_text(encoding="utf-8")), newsclean.clean(page)
    assert doc.text == plain.text
    assert "Stockholm" in doc.text
    removed = {ln.text.split()[1]: ln.reason for ln in doc.lines if "news.example" not in ln.text and "ago" in ln.text}
    assert removed and set(removed.values()) == {"markdown:link"}, removed


def test_wrapped_markdown_cards_and_link_titles_are_read_whole() -> None:
    """html2text at 78 columns wraps a paragraph of teaser cards (links around a photo, headline and
    summary) over many lines, and puts a link's title on the line after its address: each card is
    still read as one link, and removed as such."""
    raw = SEED.read_text(encoding="utf-8")
    cards = " ".join(TEASER_CARDS).replace("(https://news.example/crash/)",
                                            '(https://news.example/crash/\n"Helicopter crash")')
    wrapped = "\n".join("\n".join(textwrap.wrap(part, 78, break_long_words=False)) for part in cards.split("\n"))
    assert len(wrapped.split("\n")) >= 12 and '\n"Helicopter crash")' in wrapped
    lines = []
    for line in raw.split("\n"):
        if line.strip() and len(line.split()) <= 6 and not line.startswith("Top diplomats"):
            line = f"* [{line}](https://news.example/{len(lines)}/)"
        lines += textwrap.wrap(line, 78, break_long_words=False) or [""]
        if line.startswith("The meeting between"):
            lines += ["", wrapped, ""]
    plain, doc = newsclean.clean(raw), newsclean.clean("\n".join(lines))
    assert doc.text == plain.text
    assert any(ln.reason == "markdown:link" and "koala" in ln.text for ln in doc.lines)


def test_a_markdown_pages_one_level_1_heading_is_its_title() -> None:
    """The one "# " heading of a markdown page is its headline, whatever headline-like line sits
    nearer the byline; a page with two such headings is left to the title heads."""
    decoy = "Ukraine war latest: Kremlin says talks with Washington will go on next week"
    doc = newsclean.clean(seed_as_markdown((f"## {decoy}", "")))
    assert doc.title == "Top diplomats of US, Russia meet to discuss Ukraine amid looming invasion"
    assert [ln.reason for ln in doc.lines if ln.role.name == "TITLE"] == ["title:markdown-h1"]
    assert decoy not in doc.text
    two = newsclean.clean(seed_as_markdown((f"# {decoy}", "")))
    assert "title:markdown-h1" not in {ln.reason for ln in two.lines}


def test_a_reader_services_header_is_metadata() -> None:
    """Jina Reader's output: a header (the page's <title>, its address, its declared publication
    time), then "Markdown Content:" and the page as markdown. The header's lines are metadata; the
    markdown is read as any markdown page."""
    markdown = seed_as_markdown()
    header = ("Title: Top diplomats of US, Russia meet to discuss Ukraine amid looming invasion | The Kyiv Independent"
              "\n\nURL Source: https://kyivindependent.com/top-diplomats-meet/\n\n"
              "Published Time: 2021-12-02T20:45:13.000Z\n\nMarkdown Content:\n")
    plain, doc = newsclean.clean(markdown), newsclean.clean(header + markdown)
    assert doc.text == plain.text
    assert doc.title == plain.title == "Top diplomats of US, Russia meet to discuss Ukraine amid looming invasion"
    assert doc.metadata.url == "https://kyivindependent.com/top-diplomats-meet/"
    assert doc.date == "2021-12-02T20:45:13+00:00"
    assert [ln.reason for ln in doc.lines[:4]] == ["header:reader"] * 4
