"""Metadata from plain-text dumps: made-up pages, one a case."""

from __future__ import annotations

import newsclean

PROSE = (
    "The council met on Tuesday evening to discuss the new budget for the coming year, and most members "
    "agreed that the library should stay open longer on weekends.",
    "Several residents spoke during the public session, asking why the repairs to the old bridge had been "
    "delayed again and when the work would finally begin.",
    "The mayor said that the contract would be signed before the end of the month and that the road would "
    "be closed for about six weeks while the crews were on site.",
    "Members will vote on the final version of the budget at their next meeting, which is open to the public "
    "as always and will be streamed on the town's website.",
)


def _page(*header: str) -> str:
    menu = ["Home", "News", "Sport", "Weather", "Contact Us"]
    return "\n\n".join([*menu, *header, *PROSE, "Related stories", "Share this article"])


def test_author_from_lead_line_not_from_a_heading() -> None:
    doc = newsclean.clean(_page("Council keeps the library open on weekends", "Key Takeaways",
                                "Written by Erika Muster", "March 3, 2024"), kind="text")
    assert list(doc.authors) == ["Erika Muster"]
    assert doc.date == "2024-03-03"


def test_author_after_the_date_and_by_inside() -> None:
    doc = newsclean.clean(_page("Council keeps the library open on weekends",
                                "Posted on 3 March 2024 by Jan Novak"), kind="text")
    assert list(doc.authors) == ["Jan Novak"]
    assert doc.date == "2024-03-03"


def test_title_is_the_line_above_the_byline_not_the_breadcrumb() -> None:
    doc = newsclean.clean(_page("Home > Local > Council keeps the library open on weekends",
                                "Council keeps the library open on weekends", "By Erika Muster", "March 3, 2024"),
                          kind="text")
    assert doc.title == "Council keeps the library open on weekends"
