"""Invariants, for any input: cleaning never raises anything but our errors, is deterministic, is
idempotent, and its line record accounts for every input line."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.errors import NewscleanError

SENTENCES = [
    "The council approved the budget on Tuesday after a long debate about the cost of repairs.",
    "Officials said the new line would open next year, although some residents remain sceptical.",
    "Die Stadt hat am Dienstag beschlossen, die Brücke bis zum Sommer vollständig zu sanieren.",
    "Міська рада ухвалила рішення про ремонт мосту, який має завершитися до літа наступного року.",
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα για τη στήριξη των νοικοκυριών που πλήττονται από την ακρίβεια.",
    "東京都は水曜日、新しい地下鉄の駅を開業したと発表した。利用者は多いと見込まれている。",
    "He said [the plan] was \"fair\" — and that 3,000 jobs would be created by 2025.",
]
CHROME = ["Subscribe", "Read also: Another story here", "Menu", "Share", "Advertisement", "12 comments",
          "Related stories", "© 2024 Example News. All rights reserved.", "10:45 AM", "Home", "Sign in"]
line = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(CHROME), st.text(max_size=80))
documents = st.lists(line, max_size=40).map("\n".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _clean(data: bytes | str) -> newsclean.Document | None:
    try:
        return newsclean.clean(data)
    except NewscleanError:
        return None


@FAST
@given(st.binary(max_size=2000))
def test_bytes_never_raise_anything_else(data: bytes) -> None:
    _clean(data)


@FAST
@given(documents)
def test_text_is_deterministic(text: str) -> None:
    a, b = _clean(text), _clean(text)
    assert (a and newsclean.to_dict(a)) == (b and newsclean.to_dict(b))


@FAST
@given(documents)
def test_cleaning_is_idempotent(text: str) -> None:
    doc = _clean(text)
    if doc is None:
        return
    again = _clean(doc.text)
    assert again is not None and again.text == doc.text
    dated = _clean(newsclean.render(doc, newsclean.Format.DATED))
    assert dated is not None and dated.text == doc.text
    if doc.date:
        assert dated.date == doc.date[:10]


@FAST
@given(documents)
def test_every_line_is_accounted_for(text: str) -> None:
    doc = _clean(text)
    if doc is None:
        return
    # every character of the input but whitespace is in the line record, in order (a hard-wrapped
    # paragraph becomes one line, and a word hyphenated across two lines one word)
    assert "".join("".join(ln.text for ln in doc.lines).split()) == "".join(text.split())
    assert all(ln.reason for ln in doc.lines if ln.role is newsclean.Role.REMOVED)


# HTML tag soup: well-formed or not, nested or not, with entities, comments and declarations.
TAGS = ["div", "p", "span", "article", "h1", "li", "ul", "table", "td", "script", "style", "figure", "figcaption",
        "a", "br", "b", "nav", "footer", "template", "svg"]
tag = st.sampled_from(TAGS)
markup = st.one_of(
    tag.map("<{}>".format), tag.map("</{}>".format), st.sampled_from(SENTENCES), st.sampled_from(CHROME),
    st.sampled_from(["<!-- x -->", "<!--", "&amp;", "&lol;", "&#0;", "&#xD800;", "<![CDATA[x]]>", "<?pi x?>",
                     '<meta charset="koi8-r">', "<!DOCTYPE x [<!ENTITY a 'b'>]>", "<", ">", "\x00", "\u202e"]),
    st.text(max_size=30),
)
pages = st.lists(markup, max_size=60).map(lambda parts: "<!DOCTYPE html><html><body>" + "".join(parts))


@FAST
@given(pages)
def test_html_never_raises_and_is_deterministic(html: str) -> None:
    a, again, b = _clean(html), _clean(html), _clean(html.encode("utf-8"))
    assert (a and newsclean.to_dict(a)) == (again and newsclean.to_dict(again))
    if b is not None:  # (bytes may be refused as binary: too many control characters)
        assert a is not None and a.text == b.text  # the same page as bytes gives the same article


@FAST
@given(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x1f\x8b", b"<html>", b"\x00\x00\xfe\xff"]),
       st.binary(max_size=1000))
def test_bytes_behind_magic_prefixes_never_raise(prefix: bytes, data: bytes) -> None:
    _clean(prefix + data)
