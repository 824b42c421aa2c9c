"""A page written one text node a line (get_text("\\n", strip=True)): its paragraphs put back together."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from newsclean import clean
from newsclean.strip.features import split_lines
from newsclean.strip.nodes import join_nodes

# Paragraphs with links, emphasis and a footnote mark inside them, as news pages write them.
PARAGRAPHS_HTML = [
    "The ride service <a href='/t/lyft'>Lyft</a> said on Monday that cars from <a href='/t/waymo'>Waymo</a>, "
    "the self-driving unit of Alphabet, will join its fleet in Phoenix.",
    "Riders will be offered a robot taxi <em>only</em> when one is close, and can still ask for a human driver "
    "(<a href='/faq'>see the questions</a>).",
    "Waymo has tested its cars in the city for two years, at first with a safety driver behind the wheel "
    "and lately, in some districts, <strong>without</strong> one.",
    "The company would not say how many of its cars will take part, nor when the service will reach other "
    "cities.<sup>1</sup>",
]
PARAGRAPHS = [BeautifulSoup(p, "html.parser").get_text() for p in PARAGRAPHS_HTML]
MENU = ["News", "Tech", "Cars", "Science", "Opinion"]


def _page() -> str:
    nav = "".join(f"<li><a href='/{m.lower()}'>{m}</a></li>" for m in MENU)
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS_HTML)
    html = (f"<html><body><nav><ul>{nav}</ul></nav><h1>Lyft adds Waymo robot taxis in Phoenix</h1>"
            f"<p class='byline'>By Jane Doe</p><p class='date'>May 8, 2019</p>{body}"
            f"<aside><h2>More news</h2><ul><li><a href='/a'>Uber loses a billion</a></li>"
            f"<li><a href='/b'>Tesla recalls cars</a></li></ul></aside></body></html>")
    return BeautifulSoup(html, "html.parser").get_text("\n", strip=True)


def test_paragraphs_cut_by_their_links_come_out_whole() -> None:
    text = _page()
    assert "\nLyft\n" in text  # each link a line of its own, as the scraper wrote it
    doc = clean(text, kind="text")
    for paragraph in PARAGRAPHS:
        assert paragraph.removesuffix("1") in doc.text.split("\n\n")  # (the footnote mark goes)
    assert doc.metadata.title == "Lyft adds Waymo robot taxis in Phoenix"
    assert doc.metadata.authors == ("Jane Doe",)
    assert "Uber loses" not in doc.text and "Opinion" not in doc.text


# A continuation elsewhere on the page, so that it reads as one text node a line.
NODES = ["The ride service", "Lyft", "said on Monday that it would grow."]


@pytest.mark.parametrize("pair", [
    # a headline and its byline, a date line, a Title Case label, a name in lower case: the second
    # line does not go on with the first
    ["Faster Docker builds with pip-tools", "by Itamar Turner-Trauring"],
    ["Impressum FINTECH", "20. Juni 2019"],
    ["20. Juni 2019", "creditshelf kooperiert mit finleap"],
    ["Auteur: Anna Kubišta", "mot-clé:"],
    ["Latest phones", "iPhone 14: why waiting pays off"],
])
def test_lines_that_do_not_go_on_stay_apart(pair: list[str]) -> None:
    lines = [*pair, *NODES]
    joined = "The ride service Lyft said on Monday that it would grow."
    assert join_nodes(lines, [False] * len(lines))[0] == [*pair, joined]


def test_a_dump_of_whole_paragraphs_is_left_as_it_is() -> None:
    """A browser dump holds a paragraph a line: one lower-case line after an unfinished one (a menu
    item here) is not enough to read it as text nodes."""
    lines = ["Home", "News", "Sport", "Opinion", *PARAGRAPHS * 5, "More news", "contact us"]
    assert split_lines("\n".join(lines))[0] == lines


@pytest.mark.parametrize(("lines", "expected"), [
    (["Top Event Industry Trends and How to Bring Them Into Events", "by", "whova"],
     ["Top Event Industry Trends and How to Bring Them Into Events", "by whova"]),
    (["Gardenary Planting vs. Ordinary Planting", "Filed Under:", "raised gardens"],
     ["Gardenary Planting vs. Ordinary Planting", "Filed Under: raised gardens"]),
])
def test_a_headline_does_not_take_the_short_line_under_it(lines: list[str], expected: list[str]) -> None:
    """A short line between a headline and a lower-case line is the byline or a label, not a link
    inside the headline's sentence."""
    page = [*lines, *NODES]
    assert join_nodes(page, [False] * len(page))[0][:2] == expected


def test_a_link_with_a_number_inside_a_sentence_is_joined() -> None:
    """A link whose text holds a number reads like a dateline on its own ("21 manned checkpoints"); the
    punctuation that goes on right after it says it sits inside the sentence."""
    page = ["It is enforced with a network of surveillance that includes at least", "21 manned checkpoints",
            ", on-the-spot searches, and watchtowers.", *NODES]
    assert join_nodes(page, [False] * len(page))[0][0] == ("It is enforced with a network of surveillance that "
                                                           "includes at least 21 manned checkpoints, on-the-spot "
                                                           "searches, and watchtowers.")
