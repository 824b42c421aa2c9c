"""Text glued at element boundaries (BeautifulSoup's get_text() of a minified page), cut apart again."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from newsclean import clean
from newsclean.models import Line, Role
from newsclean.strip.features import split_lines
from newsclean.strip.glued import MARK, NAME, WORD, cut_glued, rejoin

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the night bus network to every district by next spring.",
    "Officials said the plan would cost about 14 million euros a year and add more than two hundred drivers.",
    "Residents who work late shifts have asked for the change for years, according to a survey by the "
    "transport office, which runs its booking site on WordPress.",
    "Critics on the council argued that the money would be better spent on repairing the tram lines that "
    "broke down repeatedly last winter.",
    "The mayor answered that both could be done, and promised a report on the tram network before the summer.",
    "The first new lines will open in the northern districts in March, with the rest following in stages.",
]
MENU = ["Home", "Politics", "Business", "Culture", "Sport", "Opinion", "Subscribe", "Sign in"]
RELATED = ["Tram repairs delayed again", "New cycle lanes planned for the centre", "Budget talks stall"]


def _minified_page() -> str:
    """A news page as minified HTML: no whitespace at all between its tags."""
    nav = "".join(f"<li><a href='/{m.lower()}'>{m}</a></li>" for m in MENU)
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    related = "".join(f"<li><a href='/r{i}'>{r}</a></li>" for i, r in enumerate(RELATED))
    return (f"<html><head><title>Night buses for every district | City Post</title></head><body>"
            f"<nav><ul>{nav}</ul></nav><article><h1>Night buses for every district</h1>"
            f"<div class='byline'>By Jane Doe</div><div class='date'>Published: March 3, 2025</div>{body}"
            f"</article><aside><h2>Related Stories</h2><ul>{related}</ul></aside>"
            f"<footer>About UsContactPrivacy Policy© 2025 City Post</footer></body></html>")


def _get_text() -> str:
    text = BeautifulSoup(_minified_page(), "html.parser").get_text()
    assert "SportOpinionSubscribe" in text and "Doe" + "Published" in text  # glued, as scrapers get it
    return text


def test_glued_page_gives_the_article_and_its_metadata() -> None:
    doc = clean(_get_text(), kind="text")
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    for chrome in ("Subscribe", "Sign in", "Related Stories", "Tram repairs", "Privacy Policy"):
        assert chrome not in doc.text
    assert doc.metadata.authors == ("Jane Doe",)
    assert doc.metadata.date is not None and doc.metadata.date.startswith("2025-03-03")
    assert doc.metadata.title == "Night buses for every district"


def test_a_name_cut_apart_reads_whole_again() -> None:
    doc = clean(_get_text(), kind="text")
    assert "runs its booking site on WordPress." in doc.text


@pytest.mark.parametrize("line", [
    "The MacBook and the AirPods cost $700 at Amazon.",  # names in prose: all after capitalised words
    "HttpRawMessageLoggingHandler - A DelegatingHandler implementation that logs HTTP messages:",
    "options.IgnoreRequestContent = true; // No request body logging",  # code
    "Thanks for the support! #MethWeAreOnIt #TodayInSenatePlenary",  # hashtags
    "Read more on PlayStation and YouTube",  # two names, not run together
])
def test_lines_that_are_not_glue_stay_whole(line: str) -> None:
    assert cut_glued([line], [True])[0] == [line]


@pytest.mark.parametrize(("line", "pieces"), [
    ("FitnessSexFood & Nutrition", ["Fitness", "Sex", "Food & Nutrition"]),
    ("By Korin MillerPublished: Jan 29, 2025Tanja Ivanova//Getty Images",
     ["By Korin Miller", "Published: Jan 29, 2025", "Tanja Ivanova//Getty Images"]),
    ("Why Trust Us?Food advice is changing.Expect protein everywhere",
     ["Why Trust Us?", "Food advice is changing.", "Expect protein everywhere"]),
    ("ГлавнаяНовостиПолитикаОбщество", ["Главная", "Новости", "Политика", "Общество"]),
    ("ΑρχικήΕιδήσειςΠολιτική", ["Αρχική", "Ειδήσεις", "Πολιτική"]),
])
def test_glued_lines_are_cut_at_their_junctions(line: str, pieces: list[str]) -> None:
    assert cut_glued([line], [True])[0] == pieces


def test_pieces_rejoin_across_a_name_or_within_one_role() -> None:
    pieces = [Line("Built on Word", Role.BODY), Line("Press by us", Role.BODY),
              Line("Protein everything", Role.HEADING), Line("Expect protein to stay", Role.BODY),
              Line("Search", Role.REMOVED, "menu"),
              Line("Sign in", Role.REMOVED, "menu"), Line("Jane Doe", Role.BYLINE, "byline:author")]
    assert rejoin(pieces, {1: NAME, 3: WORD, 4: NAME, 5: NAME, 6: MARK}) == [(0, 2), (4, 6)]


def test_a_removed_glued_line_is_one_record() -> None:
    doc = clean(_get_text(), kind="text")
    # the related list and the footer's links, removed for one reason, are one record as in the raw text
    record = [ln for ln in doc.lines if "Budget talks stall" in ln.text]
    assert len(record) == 1 and record[0].role is Role.REMOVED
    assert record[0].text.startswith("Tram repairs delayed againNew cycle lanes")
    assert "About UsContact" in record[0].text


def test_unglued_dumps_are_untouched() -> None:
    lines = ["Home", "News", *PARAGRAPHS]
    assert cut_glued(lines, [True] * len(lines)) == (lines, [True] * len(lines), {})


def test_blocks_kept_apart_by_the_sources_indentation_are_lines() -> None:
    """get_text() of a page written on one line but indented: wide gaps of spaces between blocks."""
    gap = " " * 12
    text = gap.join(["Night buses for every district | City Post", "Skip to content", "Search:",
                     "Home  Politics  Sport", "Night buses for every district", *PARAGRAPHS,
                     "Leave a comment", "Cancel reply", "Name *", "E-mail *"])
    doc = clean(text, kind="text")
    assert doc.text == "\n\n".join(PARAGRAPHS)
    assert doc.metadata.title == "Night buses for every district"
    # a line of a text-mode browser is never that wide: its gaps (a table's columns) stay
    assert split_lines("Price       $5       Quantity       3")[0] == ["Price $5 Quantity 3"]


def test_a_short_page_joined_with_spaces_is_read_a_sentence_at_a_time() -> None:
    """get_text(" ") of a short page: one line of under 400 words, which is cut all the same."""
    text = " ".join([*MENU, "Night buses for every district", "By Jane Doe", *PARAGRAPHS, "Related Stories:",
                     *RELATED, "Privacy Policy © 2025 City Post"])
    assert len(text.split()) < 400
    doc = clean(text, kind="text")
    assert "The city council voted on Tuesday" in doc.text and "in stages." in doc.text
    assert "Privacy Policy" not in doc.text and "Budget talks stall" not in doc.text
