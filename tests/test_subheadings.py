"""Subheadings inside the article that the model doubts, and the short lines that stay out."""

from __future__ import annotations

import pytest

import newsclean

PARAS = [
    "The new radio telescope in the south of the country has been open to scientists from abroad since the "
    "start of the year, and more than a hundred teams have already asked for observing time.",
    "During the testing phase, the telescope found more than a hundred pulsars that no one had seen before.",
    "Built over five years at a cost of more than a billion yuan, the dish fills a natural basin in the karst "
    "hills and is the largest single telescope of its kind in the world.",
    "Its managers said that a fifth of the observing time would go to foreign teams from next spring on.",
]


def _page(middle: list[str]) -> str:
    lines = ["Home", "Science", "News", "Radio telescope opens to the world", "By Ann Lee", "2 May 2024",
             *PARAS[:2], *middle, *PARAS[2:], "Share this article", "Facebook", "Twitter", "Related stories",
             "Comet seen from the city", "Moon mission delayed", "© 2024 Science Daily"]
    return "\n".join(lines)  # one line a block, as a scraper's get_text("\n") gives


def test_a_subheading_between_paragraphs_is_kept_as_a_heading() -> None:
    doc = newsclean.clean(_page(["Hundreds of pulsars"]))  # the model gives it 0.46
    assert doc.text.split("\n\n") == [*PARAS[:2], "Hundreds of pulsars", *PARAS[2:]]


@pytest.mark.parametrize("line", ["The telescope's dish © Li Wei", "Fig. 3 The dish from above"])
def test_a_credit_or_figure_label_between_paragraphs_stays_out(line: str) -> None:
    doc = newsclean.clean(_page([line]))  # the model gives them 0.35 and 0.46
    assert doc.text.split("\n\n") == PARAS
