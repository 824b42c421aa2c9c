"""Deciding the article's span in a text dump: what happens when the model and the rules disagree."""

from __future__ import annotations

import numpy as np
import pytest

import newsclean
from newsclean.strip import text

TEASER = ("The centre invited employers to a round table on Tuesday. They talked about how a firm can still find "
          "and keep enough staff at a time when skilled workers are short in every trade of the region.")


def test_the_rules_reading_when_the_model_sees_no_article(monkeypatch: pytest.MonkeyPatch) -> None:
    # a paywalled teaser: one paragraph under the headline; the model may give it less than even odds
    page = "\n\n".join(["Home", "News", "Sport", "Contact", "Good wages alone are not enough", "7 November 2023",
                        TEASER, "Share", "© 2023 Example Media"])

    def unsure(ev: text.Evidence, roles: bool = True) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        return np.full(len(ev.feats), 0.3), {}

    monkeypatch.setattr(text, "predict_lines", unsure)
    assert newsclean.clean(page, kind="text").text == TEASER
