"""Normalization: the mojibake shortcut never changes what ftfy itself would give."""

from __future__ import annotations

import re
from unittest.mock import patch

from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import normalize

# Characters that ftfy's detector and fixers care about, mixed with plain text: mojibake pairs
# ("Ã©", "â€™"), C1 controls, ligatures, BOMs, entities, escapes, line separators, other scripts.
ALPHABET = list("abcXY 1.,'\n\r&;#\x1b[m") + list("ÃÂâ€™©¢£¡«»ÀÑØÙ°\x85\x93\ufeff\u200bﬁĲÐµ×²вЂРСαλ東é’“—\u2028\u206a"
                                                "\x00\x7f\ud83d\ude00")
MOJIBAKE = ["&#64257;", "&amp;", "\x1b[31m",
            "Ã©", "â€™", "Ã¼ber", "Ã\xa0", "РЅРµ", "вЂ”", "&Atilde;&copy;", "caf\u00c3\u00a9"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet=ALPHABET, max_size=12), st.sampled_from(MOJIBAKE)), max_size=12))
def test_shortcut_gives_ftfys_own_result(parts: list[str]) -> None:
    text = "".join(parts)
    for repair in (True, False):
        assert normalize.normalize_text(text, repair) == _reference(text, repair)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_shortcut_never_hides_what_ftfy_would_see(text: str) -> None:
    if is_bad(text):
        assert normalize.may_be_mojibake(text)


def test_mojibake_is_still_repaired() -> None:
    assert normalize.normalize_text("The caf\u00c3\u00a9 opened \u00e2\u20ac\u201d finally")[0] == \
        "The café opened — finally"
    assert normalize.may_be_mojibake("plain ascii text") is False
    assert normalize.may_be_mojibake("curly \u2019quotes\u2019 and caf\u00e9") is False
    assert normalize.may_be_mojibake("caf\u00c3\u00a9") is True


def _reference(text: str, repair: bool) -> tuple[str, list]:
    """normalize_text with all of ftfy's steps always on (no shortcut)."""
    def full(_text: str, repair: bool) -> object:
        return normalize._FTFY if repair else normalize._FTFY_NO_MOJIBAKE

    with patch.object(normalize, "_ftfy_config", full):
        return normalize.normalize_text(text, repair)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=list("ab \t\n") + ["\u00a0", "\u2000", "\u2005", "\u200a", "\u202f", "\u205f", "\u3000",
                                            "\u200b"], max_size=30))
def test_spaces_collapse_as_every_run_replaced(text: str) -> None:
    runs = re.compile(f"[ {normalize._OTHER_SPACES}]+")
    assert normalize._SPACES.sub(" ", text) == runs.sub(" ", text)


# A page whose CMS double-encoded its text: the UTF-8 bytes of "’" and "—" read as Latin-1 (C1 controls).
_DOUBLE = "Investor\u00e2\u0080\u0099s guide \u00e2\u0080\u0094 how a retirement calculator works"
_DOUBLE_PAGE = ("<html><head><meta charset='utf-8'><title>Calculators</title></head><body><article>"
                "<h1>Retirement calculators</h1>" + "".join(
                    f"<p>Paragraph {i}: this is the DIY {_DOUBLE}, written for doctors who want to know when "
                    "and how they can retire, with the numbers worked out for them.</p>" for i in range(6))
                + "</article></body></html>")


def test_c1_mojibake_in_a_page_is_repaired_before_trafilatura_deletes_its_controls() -> None:
    doc = newsclean.clean(_DOUBLE_PAGE.encode("utf-8"), kind="html")
    assert "DIY Investor’s guide — how" in doc.text and "â" not in doc.text
    assert any(change.reason == "ftfy:utf-8-as-latin-1" for change in doc.changes)
    raw = newsclean.clean(_DOUBLE_PAGE.encode("utf-8"), kind="html", options=newsclean.Options(repair_mojibake=False))
    assert "Investor’s" not in raw.text  # --no-repair leaves the page as it is


def test_c1_repair_leaves_latin1_text_and_broken_runs_alone() -> None:
    assert normalize.repair_c1_mojibake("café Â\xa0naïve") == ("café Â\xa0naïve", [])
    assert normalize.repair_c1_mojibake("\u00e2\u0080x")[0] == "\u00e2\u0080x"  # not valid UTF-8: kept
