"""A page written one text node a line, its paragraphs put back together.

A scraper's ``soup.get_text("\\n", strip=True)`` (or ``"\\n".join(soup.stripped_strings)``) writes
every text node on a line of its own, so each link, bold word or footnote mark inside a paragraph
cuts it: "Das Unternehmen", "Lyft", "gab am Montag bekannt, dass …". The pieces read as menus
(a linked name is short, and repeated wherever the article links it again) and the article is
lost in them. A line is joined to the one before it when it continues it: it starts in lower
case or with the punctuation that follows a word (", and", ") said"), and the line before does
not end a sentence; a short piece between two such lines ("Lyft" above) goes with them; and
whatever follows a long line that stops on a short lower-case word ("…won the" / "Africa Movie
Academy Award…"). Bylines, datelines, Title Case headings and names written in lower case
("iPhone") neither go on with a line nor take one. In the scripts without case or spaces (Chinese,
Japanese) a line goes on with the one before when it holds a comma ("，", "、": menu items hold none)
or starts with the punctuation that follows a word ("》，课后服务…"), and is glued on without a space.

Browser and block dumps hold whole paragraphs a line: there a lower-case line after an unfinished
one is rare (a lower-case menu, a list). So the pieces are joined only on a page where at least
NODE_PAGE_SHARE of the line pairs are such continuations.
"""

from __future__ import annotations

import re

from ..bylines import BYLINE_LEAD
from ..textutil import SENTENCE_STOPS, UNSPACED, has_any

# The share of continuations (see the docstring) from which a page is read as one text node a
# line: 0.008 is the median of the bench's browser dumps, 0.06 their 90th percentile; the same
# pages as get_text("\n") have a median of 0.08.
NODE_PAGE_SHARE = 0.06
# A linked phrase between two pieces of its sentence has at most this many words.
LINK_MAX_WORDS = 6
# A line of at least MID_SENTENCE_WORDS words that ends on a short lower-case word ("…who in
# 2008, won the", "Africa Movie Academy Award for Best Actress…") stops in the middle of a sentence:
# the next line goes on with it, whatever its case.
MID_SENTENCE_WORDS = 8
# Lines of fewer words with a digit in them are dates or counters, which neither go on with the
# line before nor take the next ("20. Juni 2019" between a menu and a lower-case headline).
DATELINE_MAX_WORDS = 6
# A line of at least HEADING_MIN_WORDS words, HEADING_SHARE of them capitalised, is a heading
# (a German sentence's nouns are capitalised, its verbs and articles are not).
HEADING_MIN_WORDS, HEADING_SHARE = 3, 0.75
_SENTENCE_END = tuple(SENTENCE_STOPS)
_CLOSING = tuple(",.;:!?)]}»”’%，、；：）》」』】")  # what follows a word with no space before it
_CONTINUATION_START = frozenset(_CLOSING)
_OPENING = tuple("([{«„“‘/-（《「『【")
_UNSPACED_COMMAS = ("，", "、")
# A Chinese or Japanese line without a comma of this many characters or fewer may be the words before a link.
UNSPACED_PIECE_CHARS = 12
# A Chinese or Japanese page is read as one text node a line when at least UNSPACED_NODE_PAIRS of its
# lines start with the punctuation that follows a word ("，以解决…", "》，课后服务…", "。"), which no line
# of a browser's copy does: the comma that marks a continuation there is no evidence a page is cut so
# (a browser's copy of a Japanese page has menu items above sentences with "、" in them).
UNSPACED_NODE_PAIRS = 2
_UNSPACED_CLOSING = frozenset("，、。）》」』】")  # (not "：": "：1,000円" in a list of prices)
# ... and one at least this share of whose characters are digits and date signs is a date line.
UNSPACED_DATE_SHARE = 0.6
_DATE_SIGNS = frozenset("年月日时時分秒号號:：/-. 　")
_CASED_NAME = re.compile(r"[^\W\d_]+[A-Z]")
_DIGIT = re.compile(r"\d")
_LAST_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,3}$")


def _continues(line: str, before: str) -> bool:
    """Does ``line`` go on with the sentence ``before`` it? Not a byline ("by Jane Doe" under its
    headline), a teaser's "...the trick" or a name in lower case ("iPhone 14", "eBay")."""
    if line.startswith(_CLOSING):
        return not line.startswith(("..", "…"))
    if UNSPACED.match(line):  # (no case to go by: a piece of a sentence holds a comma, a menu item none)
        return has_any(line, _UNSPACED_COMMAS) and not _dateline(line) and _unspaced_piece(before)
    return (line[0].islower() and not _CASED_NAME.match(line) and not BYLINE_LEAD.match(line)
            and not _dateline(line))


def _unspaced_piece(line: str) -> bool:
    """Could ``line`` be the start of a Chinese or Japanese sentence cut by a link? It has no space (a
    byline and many headlines have: "作者：记者 林晓雯"), ends on a character of its script or an
    opening mark ("…发布的《"), not a closing bracket ("〔記者蔡佳玲／高雄報導〕"), and is short (the
    words before a link, "记者15日从") or holds a comma (a sentence's first clauses)."""
    return " " not in line and bool(UNSPACED.match(line[-1:]) or line.endswith(_OPENING + _UNSPACED_COMMAS)) and (
        len(line) <= UNSPACED_PIECE_CHARS or has_any(line, _UNSPACED_COMMAS))


def _unfinished(line: str) -> bool:
    return not line.endswith(_SENTENCE_END) and not _dateline(line)


def _mid_sentence(line: str) -> bool:
    last = _LAST_WORD.search(line)
    return last is not None and last.group().islower() and line.count(" ") >= MID_SENTENCE_WORDS - 1


def _heading(line: str) -> bool:
    """Title Case ("Woman Sees a Car Stop for Pregnant Beggar", "Auteur: Anna Kubišta"): a headline
    or a label, which the lower-case line after it does not continue ("yas! | By Cara Stiles")."""
    words = line.split()
    return len(words) >= HEADING_MIN_WORDS and sum(w[0].isupper() for w in words) >= HEADING_SHARE * len(words)


def _dateline(line: str) -> bool:
    """A short line with a number: a date, a time or a counter ("20. Juni 2019", "vor 4 Monaten"); in
    Chinese or Japanese, a line mostly of digits and date signs ("2025年4月16日 08:32", not "记者15日从")."""
    if UNSPACED.search(line):
        return sum(c in _DATE_SIGNS or c.isdigit() for c in line) >= UNSPACED_DATE_SHARE * len(line)
    return line.count(" ") < DATELINE_MAX_WORDS and _DIGIT.search(line) is not None


def join_nodes(lines: list[str], blank_before: list[bool]) -> tuple[list[str], list[bool]]:
    """The page with each paragraph cut into text nodes joined back into one line; other pages as
    they are.

    >>> lines = ["Top stories", "The ride service", "Lyft", "said on Monday that", "Waymo",
    ...          "cars will join its fleet", "(", "in Phoenix", ").", "Next story"]
    >>> join_nodes(lines, [False] * len(lines))[0]
    ['Top stories', 'The ride service Lyft said on Monday that Waymo cars will join its fleet (in Phoenix).', \
'Next story']
    """
    if len(lines) < 3:
        return lines, blank_before
    starts = _CONTINUATION_START  # (a first test on one character, for speed)
    pairs = sum(1 for a, b in zip(lines, lines[1:], strict=False)
                if (b[0].islower() or b[0] in starts) and _unfinished(a) and _continues(b, a))
    if pairs < NODE_PAGE_SHARE * (len(lines) - 1) and sum(
            1 for a, b in zip(lines, lines[1:], strict=False)
            if b[0] in _UNSPACED_CLOSING and _unfinished(a)) < UNSPACED_NODE_PAIRS:
        return lines, blank_before
    out: list[str] = [lines[0]]
    blank: list[bool] = [blank_before[0]]
    i = 1
    while i < len(lines):
        line, previous = lines[i], out[-1]
        if not blank_before[i] and _unfinished(previous):
            if (_continues(line, previous) and (line.startswith(_CLOSING) or not _heading(previous))
                    or _mid_sentence(previous) and not _dateline(line)):
                out[-1] = _glue(previous, line)
                i += 1
                continue
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if (following and not blank_before[i + 1] and _continues(following, line)
                    and (_unfinished(line) or following.startswith(_CLOSING))  # "at least" / "21 checkpoints" / ","
                    and line.count(" ") < LINK_MAX_WORDS and (previous[-1:].isalnum() or previous.endswith(_OPENING))
                    and not _heading(previous) and not BYLINE_LEAD.match(line)):  # ("Headline" / "by" / "whova")
                out[-1] = _glue(_glue(previous, line), following)
                i += 2
                continue
        out.append(line)
        blank.append(blank_before[i])
        i += 1
    return out, blank


def _glue(before: str, after: str) -> str:
    if after.startswith(_CLOSING) or before.endswith(_OPENING) or (
            UNSPACED.match(after[:1]) and UNSPACED.match(before[-1:])):
        return before + after
    return f"{before} {after}"
