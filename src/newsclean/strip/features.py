"""Per-line evidence for the text stripper: what each line of a dump looks like on its own.

Everything here is computed from the text alone, in one pass over the document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any

from ..textutil import SENTENCE_STOPS, UNSPACED, count_bytes, count_words, has_any, words
from . import lexicon
from .glued import cut_glued
from .nodes import join_nodes
from .stoplists import pick_counted
from .wrapped import WIDTH_RANK, display_width, drop_link_numbers, drop_widgets, indented_layout, table_rows, unwrap

# Lines of at most this many words are "short": their own words cannot tell prose from chrome, so
# the lexicon may judge them. ("Support independent journalism in Ukraine. Join us in this fight."
# has 10; the longest newsletter prompts seen run to ~15.)
SHORT_WORDS = 15
# A line repeated in the page is chrome (a banner shown twice) unless it is long prose, which
# pages rarely repeat except as pull quotes.
REPEAT_MAX_WORDS = 40

TERMINAL = tuple(SENTENCE_STOPS + "»\"”’)」』;:")
# Invisible direction marks that right-to-left text often ends with, after its full stop.
BIDI_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# "22 minutes ago" in other languages: a feed item's time stamp ("vor 5 Minuten", "2 часа назад",
# "22 मिनट पहले", "3小时前", "5분 전").
RELATIVE_TIME = (
    r"vor\s+\d+\s+(?:minuten|stunden|tagen|wochen)|il\s+y\s+a\s+\d+\s+(?:minutes?|heures?|jours?)|"
    r"(?:hace|há)\s+\d+\s+(?:minutos?|horas?|días?|dias?)|\d+\s+(?:minuti|ore|giorni)\s+fa|"
    r"\d+\s+(?:minuten|uur|dagen)\s+geleden|\d+\s+(?:minut[ay]?|godzin[ya]?|dni)\s+temu|"
    r"\d+\s+(?:минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день)\s+назад|\d+\s+(?:хвилин[иу]?|годин[иу]?|днів|дні)\s+тому|"
    r"πριν\s+(?:από\s+)?\d+\s+(?:λεπτά|ώρες|ώρα|μέρες|ημέρες)|\d+\s+(?:मिनट|घंटा|घंटे|दिन)\s+पहले|"
    r"\d+\s*(?:分钟|分鐘|小时|小時|天|分|時間|日)前|\d+\s*(?:분|시간|일)\s*전|"
    r"(?:منذ|قبل)\s+\d+\s+(?:دقائق|دقيقة|ساعات|ساعة|أيام|يوم)|\d+\s+(?:dakika|saat|gün)\s+önce|"
    r"\d+\s+(?:phút|giờ|ngày)\s+trước"
)
_DATE_TIME_ONLY = re.compile(
    r"^\W*(?:(?:\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|"
    r"[^\W\d_]{3,10}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+[^\W\d_]{3,10}\.?\s+\d{4}|\d{4}|"
    r"(?:updated|published|posted)|\d+\s+(?:min|mins|minutes?|hours?|hrs?|days?|weeks?)\s+ago|"
    r"yesterday|today|\d+\s*(?:min|mins)\s+read|at|um|à|o|в|" + RELATIVE_TIME + r")[\s,|·•\-–—]*)+\W*$",
    re.I,
)
_COUNTER = re.compile(
    r"^\W*\d[\d.,]*\s*[kKmM]?\s+(?:comments?|shares?|likes?|views?|replies|reads?|votes?|photos?|"
    r"kommentare?|commentaires?|comentarios?|commenti|комментари\w*|коментар\w*|komentarz\w*|σχόλια)\W*$",
    re.I,
)
# "34 responses to “Title”", "12 thoughts on “Title”", "5 Comments", "[ 167 comments ]": a comment
# section starts here.
# (the nouns in Latin script are shared with ``text._TITLED_COMMENTS``)
COMMENT_NOUNS = "comments?|responses?|replies|thoughts?|reactions?|kommentare?|commentaires?|comentarios?|commenti"
_COMMENT_COUNTER = re.compile(
    rf"^\W*(?:\d[\d.,]*\s+(?:{COMMENT_NOUNS}|"
    r"комментари\w*|коментар\w*|komentarz\w*|σχόλια|antworten|réponses|respuestas|risposte|odpowiedzi)\b"
    r"(?:\s+(?:to|on|zu|sur|a|на)\b.*|\W*)|"
    r"(?:one|no)\s+(?:comments?|responses?|thoughts?)\b.*)$",
    re.I,
)
# A commenter's name line: "joetoronto says:", "Anna schreibt:", of at most SPEAKER_MAX_WORDS words, or
# SPEAKER_DATED_MAX_WORDS with the comment's date in it ("Catherine (GiveWell) on September 13, 2018 at
# 5:23 pm said:").
SPEAKER_MAX_WORDS, SPEAKER_DATED_MAX_WORDS = 8, 16
_SPEAKER = re.compile(
    r"\b(?:says|said|wrote|schreibt|sagt|dice|escribió|a écrit|ha scritto|пишет|пише|napisał)\s*:\s*$", re.I)
_ENDS_WITH_COUNT = re.compile(r"\(\d[\d.,]*\)\s*$")
_HAS_DIGIT_DATE = re.compile(
    r"\b(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?[^\W\d_]{3,10}\.?,?\s+(?:de\s+)?\d{4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\.\s?\d{1,2}\.\s?\d{1,2})")
_URL = re.compile(r"^\W*(?:https?://|www\.)\S+\W*$|^\S+@\S+\.\w+$", re.I)
_PIPE_MENU = re.compile(r"(?:\s[|·•/]\s.*){2,}")


@dataclass
class LineFeatures:
    """What one non-empty line looks like."""

    index: int  # position among the non-empty lines
    text: str
    words: int
    length: int  # visible length (CJK characters count triple)
    stop_share: float  # share of its words in the document's stoplist (0.3 when no list applies)
    terminal: bool  # ends like a sentence
    lexicon: str | None  # chrome lexicon category, for short lines only
    lexicon_hits: int  # lexicon phrases anywhere in the line (long lines: soft evidence)
    pointer: bool  # "Read also: ..." and kin
    repeats: int  # how many times this exact line occurs in the page
    date_time: bool  # only a date, time, "5 min read" ...
    counter: bool  # "12 comments", "3 shares"
    url: bool  # a bare URL or e-mail
    menu_like: bool  # "Home | News | Sport" on one line
    upper_share: float  # share of upper-case letters among letters (short lines only; else 0)
    unspaced: bool  # written in a script without spaces (CJK, Thai)
    blank_before: bool  # an empty line precedes it in the raw text
    comment_counter: bool  # "34 responses to ...": a comment section begins
    speaker: bool  # "name says:"
    has_date: bool  # a short line containing a date
    ends_with_count: bool  # "Headline (185)"
    lexicon_weak: bool  # a sentence whose only lexicon phrases are everyday words ("... declined to comment.")


@dataclass(frozen=True)
class DocumentStats:
    stoplist: str | None
    coverage: float


def split_lines(text: str) -> tuple[list[str], list[bool]]:
    """Non-empty lines (whitespace collapsed) and, for each, whether a blank line preceded it.

    Markdown dumps are read as their visible text, hard-wrapped ones unwrapped, and a page dumped
    on one line (``get_text(" ")``) cut into sentences (``segment_runons``).
    """
    lines, blank, _, _, _ = read_lines(text)
    return lines, blank


# A scraper's text of a page written without line breaks may keep the source's indentation between
# its blocks: "Перейти к контенту           Поиск:         Образование ГТО". A line longer than
# any terminal (SPACED_MIN_CHARS) with SPACED_MIN_GAPS such gaps of 3+ spaces inside it is read
# as the blocks they separate; no browser or block dump of the bench has such a line (of 14,334
# lines of 200+ characters), and text-mode browsers' lines stay within their width.
SPACED_MIN_CHARS, SPACED_MIN_GAPS = 200, 2
_SPACED_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


# A whole page may be dumped so, its blocks joined by such gaps on lines of any length ("נועה לוי
# 05.06.2024 | 08:14" with 16 spaces between name and date, two paragraphs on one line): when at
# least SPACED_PAGE_SHARE of its lines (and SPACED_PAGE_MIN_LINES) hold a gap, every line is cut at
# its gaps. Of the bench's 3,764 browser and block dumps none has more than 0.3 of its lines so (a
# browser dump of a table-laden page), and text-mode browsers' dumps are left alone: their tables' columns
# are such gaps, on lines within the terminal's width: a gapped line longer than SPACED_PAGE_WIDE is needed.
SPACED_PAGE_SHARE, SPACED_PAGE_MIN_LINES, SPACED_PAGE_WIDE = 0.5, 5, 100


def _spaced_blocks(raw: str) -> list[str]:
    if len(raw) < SPACED_MIN_CHARS:
        return [raw]
    gaps = _SPACED_GAP.split(raw.strip())
    return gaps if len(gaps) > SPACED_MIN_GAPS else [raw]


def _spaced_page(raws: list[str]) -> bool:
    """Whether most of the page's lines hold blocks joined by gaps of spaces (see SPACED_PAGE_SHARE)."""
    filled = [raw.strip() for raw in raws if raw and not raw.isspace()]
    if len(filled) < SPACED_PAGE_MIN_LINES:
        return False
    gapped = [raw for raw in filled if "   " in raw and _SPACED_GAP.search(raw)]
    return len(gapped) >= max(SPACED_PAGE_MIN_LINES, SPACED_PAGE_SHARE * len(filled)) \
        and any(len(raw) > SPACED_PAGE_WIDE for raw in gapped)


def _blocks(text: str) -> Iterable[str]:
    """The page's lines, cut at gaps of spaces where they join blocks (``_spaced_blocks``, ``_spaced_page``)."""
    raws = text.splitlines()
    if "   " in text and _spaced_page(raws):
        return chain.from_iterable(_SPACED_GAP.split(raw) for raw in raws)
    return chain.from_iterable(map(_spaced_blocks, raws))


def read_lines(text: str) -> tuple[list[str], list[bool], bool, dict[int, str], MarkdownCues]:
    """``split_lines``, whether the page was run on and cut into sentences, the pieces cut from
    glued lines that continue the piece before them (``glued.cut_glued``), and (markdown pages) what
    the markup says beyond the visible text (``markdown_cues``)."""
    out: list[str] = []
    raws: list[str] = []
    blank: list[bool] = []
    previous_blank = True
    for raw in _blocks(text):
        line = " ".join(raw.split())
        if not line:
            previous_blank = True
            continue
        out.append(line)
        raws.append(raw)
        blank.append(previous_blank)
        previous_blank = False
    out, blank, raws = join_open_links(out, blank, raws)
    visible = demarkdown(out)
    markdown = visible is not out
    cues = markdown_cues(out, visible) if markdown else NO_CUES
    if markdown:
        visible, blank, raws = _visible_only(visible, blank, raws)
    raws = [raw.expandtabs() for raw in raws]
    indented = not markdown and indented_layout(raws)  # markdown nests its lists by indentation
    rows, row_blank, row_raws = table_rows(visible, blank, raws)
    paragraphs = join_soft_breaks(rows, row_blank, row_raws) if markdown else None
    lines, wrapped_blank = paragraphs or unwrap(rows, row_blank, row_raws, indented)
    if lines is not rows or indented:  # a text-mode browser's dump: its tables read as rows, ...
        lines, blank = drop_widgets(lines), wrapped_blank
    else:  # ... elsewhere a box drawn with such characters is text (a diagram in a <pre>)
        lines, blank = join_nodes(visible, blank)
    lines, blank, continued = cut_glued(drop_link_numbers(lines), blank)
    cut, cut_blank, continued = segment_runons(lines, blank, continued)
    return cut, cut_blank, cut is not lines, continued, cues


def _visible_only(lines: list[str], blank: list[bool], raws: list[str]) -> tuple[list[str], list[bool], list[str]]:
    """The lines that show some text, as a browser shows the page: a line that shows nothing counts as
    a blank line before the next."""
    out: tuple[list[str], list[bool], list[str]] = ([], [], [])
    gap = False
    for line, before, raw in zip(lines, blank, raws, strict=True):
        if not line:
            gap = True
            continue
        out[0].append(line)
        out[1].append(before or gap)
        out[2].append(raw)
        gap = False
    return out


# A page whose text was joined with spaces (BeautifulSoup's ``get_text(" ")``, a scraper's
# ``" ".join(strings)``) comes as one or a few enormous lines: menus, headline, article and footer
# run on together. Such lines are cut into sentences (and at " | " / " • " separators), so that the
# line evidence applies to them. A line is run-on from RUNON_WORDS words (a news paragraph rarely
# passes 250), or, on a page of at most RUNON_MAX_LINES lines, from RUNON_MIN_WORDS when cutting it
# leaves RUNON_MIN_UNFINISHED pieces that do not end like sentences (menu items and headings run
# into it: a real paragraph's sentences all end with a full stop). The cut is only made when run-on
# lines hold most of the page's words: a page of normal lines with one long paragraph keeps it whole.
RUNON_WORDS = 400
RUNON_MIN_WORDS, RUNON_MIN_UNFINISHED, RUNON_MAX_LINES = 60, 3, 10
RUNON_SHARE = 0.5
_SENTENCE_END = re.compile(rf"(?:(?<=[{SENTENCE_STOPS}])|(?<=[{SENTENCE_STOPS}][\"”»’)」』]))"
                           r"\s+(?=[\"“«(「『]?[^\W\d_])")
# A cut after an initial or a short capitalised abbreviation ("U.S.", "Dr.", "Jan.") is undone (not
# after a number: "... rose by 5." ends a sentence).
_ABBREVIATION_END = re.compile(r"(?:\b[^\W\d_]\.|\b[A-Z][a-z]{0,2}\.)$")
_CJK_SENTENCE_END = re.compile(r"(?<=[。！？])(?=[^\s」』）])")
_INLINE_SEPARATOR = re.compile(r"\s+[|•·]\s+")


# Program code a converter let through (html2text and text_content() keep inline <script> text, a
# dump may hold a page's JSON state): a long line with few spaces and many of the characters code is
# made of. Prose has at most a few of them; code shown in an article (a <pre> block) is spaced out
# and comes a statement a line. No line of the bench's gold bodies has both (the code blocks of one
# wcxb-dev page, joined on a line, have 16-28% spaces).
SCRIPT_MIN_CHARS = 200
SCRIPT_MAX_SPACES, SCRIPT_MIN_CODE = 0.1, 0.05  # shares of the line's characters
_CODE_CHARS = re.compile(r"[{};=<>]")


def script_code(text: str) -> bool:
    """Does the line read as minified program code (a script, a JSON blob)?

    >>> script_code('!function(t,e){"object"==typeof exports&&"undefined"!=typeof module?module.exports=e():' * 3)
    True
    >>> script_code("The council (which met on Monday) voted 7-2; the mayor said the plan was fair. " * 3)
    False
    """
    n = len(text)
    return (n >= SCRIPT_MIN_CHARS and text.count(" ") <= SCRIPT_MAX_SPACES * n
            and len(_CODE_CHARS.findall(text)) >= SCRIPT_MIN_CODE * n)


def segment_runons(lines: list[str], blank_before: list[bool], continued: dict[int, str] | None = None
                   ) -> tuple[list[str], list[bool], dict[int, str]]:
    """Cut the run-on lines of a page joined on one line into sentences; other pages as they are.
    ``continued`` (lines that continue the one before: ``glued.cut_glued``) is carried over to the new lines.

    >>> segment_runons(["Home | News | Sport " + "“The mayor spoke.” " * 400], [True])[0][:4]
    ['Home', 'News', 'Sport “The mayor spoke.”', '“The mayor spoke.”']
    >>> segment_runons(["The U.S. envoy met Dr. Ruiz on Jan. 5. Prices rose by 5. Then they fell. " * 100],
    ...                [True])[0][:3]
    ['The U.S. envoy met Dr. Ruiz on Jan. 5.', 'Prices rose by 5.', 'Then they fell.']
    """
    # only lines long enough to be run-on are counted (a word takes at least two characters with its
    # space, an unspaced character half a word): a page of short lines costs one len() a line
    few_lines = len(lines) <= RUNON_MAX_LINES
    shortest = 2 * (RUNON_MIN_WORDS if few_lines else RUNON_WORDS) - 1
    continued = continued or {}
    if not lines or max(map(len, lines)) < shortest:
        return lines, blank_before, continued
    cuts = {i: pieces for i, line in enumerate(lines) if len(line) >= shortest and not script_code(line)
            and (pieces := _runon_pieces(line, count_words(line), few_lines, len(lines) == 1))}
    if not cuts:
        return lines, blank_before, continued
    counts = [count_words(line) for line in lines]
    if sum(counts[i] for i in cuts) < RUNON_SHARE * sum(counts):
        return lines, blank_before, continued
    out: list[str] = []
    blank: list[bool] = []
    moved: dict[int, str] = {}
    for i, (line, before) in enumerate(zip(lines, blank_before, strict=True)):
        pieces = cuts.get(i, [line])
        if i in continued:
            moved[len(out)] = continued[i]
        out.extend(pieces)
        blank.extend([before] + [False] * (len(pieces) - 1))
    return out, blank, moved


def _runon_pieces(line: str, n_words: int, few_lines: bool, alone: bool = False) -> list[str] | None:
    """The pieces of ``line`` if it is run-on (see RUNON_WORDS), else None. A line that is the whole
    page (``alone``) is cut from RUNON_MIN_WORDS whatever its pieces: an article on one line loses
    nothing by being read a sentence at a time."""
    if n_words < (RUNON_MIN_WORDS if few_lines else RUNON_WORDS):
        return None
    pieces = [p for s in _SENTENCE_END.split(line) for c in _CJK_SENTENCE_END.split(s)
              for p in _INLINE_SEPARATOR.split(c)]
    pieces = _rejoin_abbreviations([p.strip() for p in pieces if p.strip()])
    if n_words >= RUNON_WORDS or alone:
        return pieces
    unfinished = sum(1 for p in pieces[:-1] if not p.rstrip(BIDI_MARKS).endswith(TERMINAL))
    return pieces if unfinished >= RUNON_MIN_UNFINISHED else None


def _rejoin_abbreviations(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if out and _ABBREVIATION_END.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


# Markdown dumps (what reader services and "HTML to Markdown" converters give) carry their links and
# layout as syntax: ``* [Subscribe](https://…)``, ``# Title``, ``![photo](…)``. Such a page is read as
# the text a reader sees; it is recognised by its links, which plain dumps do not write this way.
# A link's text holds no link (a card's image link inside a link is read first, then the link around
# it: "[ ![photo](a.jpg) Headline ](/story)"), but may hold brackets that are not one (an image's
# alt text "[https://x.org/a.jpg]").
_MD_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\](?!\())*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s*|[*+-]\s+|\d{1,3}[.)]\s+(?=\S))+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# Punctuation escaped so as not to read as markup: html2text writes "28\. Januar" for a date at a
# line's start, "\*" and "\_" in text.
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_INNER_HEADING = re.compile(r"\s#{2,6}\s")  # converters run headings of teasers into one line
MIN_MARKDOWN_LINKS = 3  # lines with a markdown link before a page is read as markdown
MD_NESTING = 3  # links inside links read, at most (teaser cards nest an image in a link)


# html2text wraps its markdown at 78 columns by default, inside a link's text and at the hyphens of its
# address too ("[![Logo](https://x.org/wp-" / "content/logo.png)](/)"): a link left open at the end
# of a line is closed on the next ones (at most MD_OPEN_LINES more: a paragraph of teaser cards, each
# a link around its photo, headline and summary, runs on for dozens of lines), before the lines are read.
MD_OPEN_LINES = 40
_MD_OPEN_ADDRESS = re.compile(r"\]\([^()\s]*$")
_MD_EMPTY_EMPHASIS = re.compile(r"(?<!\S)(?:__|\*\*)(?!\S)")  # an icon: "__ September 4, 2025"


def _is_markdown(lines: list[str]) -> bool:
    return sum(1 for line in lines if "](" in line and _MD_LINK.search(line)) >= MIN_MARKDOWN_LINKS


def join_open_links(lines: list[str], blank_before: list[bool], raws: list[str]
                    ) -> tuple[list[str], list[bool], list[str]]:
    """A markdown page's lines with each link that a wrap broke whole on one line (its raw lines
    joined by newlines: the wrapping is read from the first piece and the last); other pages come
    back as they are.

    >>> page = ["[![Logo](https://x.org/wp-", "content/a.png)](/)", "[Order", "Now](/buy)",
    ...         "[a](/a)", "[b](/b)", "[c](/c)"]
    >>> join_open_links(page, [True, False, False, False, True, True, True], page)[0]
    ['[![Logo](https://x.org/wp-content/a.png)](/)', '[Order Now](/buy)', '[a](/a)', '[b](/b)', '[c](/c)']
    """
    if not _is_markdown(lines):
        return lines, blank_before, raws
    out: tuple[list[str], list[bool], list[str]] = ([], [], [])
    i = 0
    while i < len(lines):
        line, raw, end = lines[i], raws[i], i + 1
        while (end < len(lines) and end - i <= MD_OPEN_LINES and not blank_before[end]
               and ("[" in line or "](" in line) and _open_link(line)):
            # (an address broken at a hyphen goes on with no space; a link's title, on the next line
            # after its address, is apart from it: '[Radars](https://x.org/radar/' / '"Radars")')
            line += ("" if _MD_OPEN_ADDRESS.search(line) and not lines[end].startswith('"') else " ") + lines[end]
            raw += "\n" + raws[end]
            end += 1
        out[0].append(line)
        out[1].append(blank_before[i])
        out[2].append(raw)
        i = end
    return out


def _open_link(line: str) -> bool:
    """Whether a link is left open at the end of the line: its text ("[Order") or its address."""
    return line.count("[") > line.count("]") or _MD_OPEN_ADDRESS.search(line) is not None


# In markdown, lines not apart by a blank line are one paragraph (a "soft break" reads as a space),
# which is how html2text (78 columns) and pandoc (72) wrap; a block starts with a list item, a
# heading, a quote, a table row or a fence, and a line ending in two spaces or a backslash is a <br>.
# Dumps that only look like markdown (one paragraph a line, links written the markdown way) have
# soft breaks too, so a soft break counts as a wrap only where the next word (as written: a whole
# link) would not have fitted in the page's width (the WIDTH_RANK-th widest line that is neither a
# list item, which html2text does not wrap, nor holds a link, whose address no tool breaks), and
# the page is read as wrapped when at least MIN_SOFT_WRAPS of its soft breaks, and most of them,
# are wraps.
_MD_LIST_ITEM = r"(?:[*+-]|\d{1,3}[.)])\s"
_MD_LIST = re.compile("^" + _MD_LIST_ITEM)
_MD_BLOCK = re.compile(rf"^(?:{_MD_LIST_ITEM}|#{{1,6}}\s|>|\||```|~~~)")
MIN_SOFT_WRAPS = 3


def join_soft_breaks(lines: list[str], blank_before: list[bool], raws: list[str]
                     ) -> tuple[list[str], list[bool]] | None:
    """A markdown page's visible lines joined into its paragraphs, as a renderer joins them; None
    when its soft breaks are not wrapping (each ``raws`` entry may hold several physical lines:
    a link a wrap broke, see ``join_open_links``).

    >>> raws = ["It met on Tuesday evening, as it does every week,", "and it voted."] * 3 + [
    ...         "* Home", "Hard  ", "break", "| a |", "| b |"]
    >>> blank = [True, False] * 3 + [True, True, False, True, False]
    >>> join_soft_breaks([r.strip("* ") for r in raws], blank, raws)[0][2:]
    ['It met on Tuesday evening, as it does every week, and it voted.', 'Home', 'Hard', 'break', '| a |', '| b |']
    """
    tails = [display_width(r[r.rfind("\n") + 1:].rstrip()) for r in raws]
    ranked = sorted((w for w, r in zip(tails, raws, strict=True)
                     if "](" not in r and "://" not in r and not _MD_LIST.match(r.lstrip())), reverse=True)
    if len(ranked) < WIDTH_RANK:
        return None
    width = ranked[WIDTH_RANK - 1]
    soft = [i for i in range(1, len(lines)) if not blank_before[i] and not _MD_BLOCK.match(raws[i].lstrip())
            and not raws[i - 1].lstrip().startswith(("|", "```", "~~~")) and not raws[i - 1].endswith(("  ", "\\"))]
    wraps = {i for i in soft if tails[i - 1] + 1 + display_width(raws[i].split(None, 1)[0]) > width}
    if len(wraps) < MIN_SOFT_WRAPS or len(wraps) * 2 < len(soft):
        return None
    out: list[str] = []
    blank: list[bool] = []
    for i, line in enumerate(lines):
        if i in wraps:
            out[-1] += " " + line
        else:
            out.append(line)
            blank.append(blank_before[i])
    return out, blank


def _replace_links(text: str, replacement: str) -> str:
    """``text`` with its markdown links replaced (by their text: ``r"\\1"``), nested ones too: a link
    around an image ("[![photo](a.jpg) Title](/story)") takes two rounds."""
    for _ in range(MD_NESTING):
        if "](" not in text:
            break
        text = _MD_LINK.sub(replacement, text)
    return text


def demarkdown(lines: list[str]) -> list[str]:
    """The visible text of a markdown dump's lines ("" for a line that shows nothing: an image
    without alt text, an empty link); other dumps are returned as they are.

    >>> demarkdown(["* [Home](https://x.org/)", "# A [big](/b) day", "**Bold** move", "[a](/a) [b](/b)",
    ...             "![](https://x.org/a.jpg)", "[![Photo](/p.jpg) Storm ends](/s)", "28\\\\. Januar 2015",
    ...             "[ ![[/v/clip.jpg]](/v/clip.jpg) Clip](/v)"])
    ['Home', 'A big day', 'Bold move', 'a b', '', 'Photo Storm ends', '28. Januar 2015', '[/v/clip.jpg] Clip']
    """
    if not _is_markdown(lines):
        return lines
    out = []
    for line in lines:
        visible = _MD_PREFIX.sub("", line)
        if "__" in visible or "**" in visible:
            visible = _MD_EMPTY_EMPHASIS.sub("", visible)
        visible = _replace_links(visible, r"\1")
        visible = _MD_EMPHASIS.sub(r"\2", visible)
        if "\\" in visible:
            visible = _MD_ESCAPE.sub(r"\1", visible)
        out.append(" ".join(_MD_INNER_HEADING.sub(" ", visible).split()))
    return out


# A markdown line whose visible text is all link text is a link, not prose: a menu item ("[More
# World](/world/)"), a teaser card ("[![photo](a.jpg) Headline  Its summary](/story)"), a "read
# also" pointer. An article's paragraphs hold links among their words; a paragraph that is one
# link is what a page links to, not what it says.
_WORDISH = re.compile(r"\w")


@dataclass(frozen=True)
class MarkdownCues:
    """What a markdown page says beyond its visible text. ``linked`` and ``plain``: the visible text
    of its lines that show only link text, and of its other lines (each joined by newlines), to tell
    whether a line as finally read (perhaps a piece of a longer one: cut where teaser cards were
    glued) is link text only. ``headline``: the text of its one level-1 heading, if it has exactly
    one ("# Title", or "Title" over a line of "="): the page's headline."""

    linked: str = ""
    plain: str = ""
    headline: str = ""

    def only_links(self, text: str) -> bool:
        return bool(self.linked) and text in self.linked and text not in self.plain


_MD_H1 = re.compile(r"#(?:\s|$)")
_MD_SETEXT_H1 = re.compile(r"=+$")


def markdown_cues(lines: list[str], visible: list[str]) -> MarkdownCues:
    """The cues of the markdown ``lines`` (shown as ``visible``).

    >>> found = markdown_cues(["* [Home](/)", "[ ![a](/a.jpg) Storm ends](/s) [b](/b)", "A [big](/b) day", "Home",
    ...                        "# Storm [ends](/s)"], ["Home", "a Storm ends b", "A big day", "Home", "Storm ends"])
    >>> [found.only_links(t) for t in ("Home", "a Storm ends", "A big day")], found.headline
    ([False, True, False], 'Storm ends')
    """
    linked: list[str] = []
    plain: list[str] = []
    headings = []
    for i, (line, shown) in enumerate(zip(lines, visible, strict=True)):
        if not shown:
            continue
        underlined = i + 1 < len(lines) and _MD_SETEXT_H1.match(lines[i + 1]) and not _MD_BLOCK.match(line)
        if underlined or _MD_H1.match(line):
            headings.append(shown)
        rest = _replace_links(_MD_PREFIX.sub("", line), "")
        (plain if rest is line or _WORDISH.search(rest) else linked).append(shown)
    return MarkdownCues("\n".join(linked), "\n".join(plain), headings[0] if len(headings) == 1 else "")


NO_CUES = MarkdownCues()


def compute_features(lines: list[str], blank_before: list[bool]) -> tuple[list[LineFeatures], DocumentStats]:
    intrinsic = [_intrinsic(line) for line in lines]
    name, stoplist, coverage = _page_stoplist(lines)
    folded = [line.casefold() for line in lines]
    counts = Counter(folded)
    feats = []
    for i, (line, (toks, own, groups)) in enumerate(zip(lines, intrinsic, strict=True)):
        words_length, shape, looks, replies = groups
        if stoplist and toks and not own["unspaced"]:
            stop_share = _stop_share(line, stoplist)
        else:
            stop_share = 0.3  # no evidence either way
        # positional, in the order of LineFeatures' fields (a third of the time of keywords; mypy cannot
        # count the starred groups, tests/test_features.py checks them)
        feats.append(LineFeatures(i, line, *words_length, stop_share, *shape, counts[folded[i]],  # type: ignore[call-arg]
                                  *looks, blank_before[i], *replies))
    return feats, DocumentStats(name, coverage)


# LineFeatures' fields that depend on the page; the others, between them, come from ``_intrinsic``.
PAGE_FIELDS = ("index", "text", "stop_share", "repeats", "blank_before")


def _own_field_groups() -> tuple[tuple[str, ...], ...]:
    """The line's own fields of LineFeatures, in the runs between ``PAGE_FIELDS`` after "text"."""
    groups: list[list[str]] = [[]]
    for name in LineFeatures.__dataclass_fields__:
        if name in PAGE_FIELDS:
            groups.append([])
        else:
            groups[-1].append(name)
    return tuple(tuple(group) for group in groups[2:])


OWN_FIELD_GROUPS = _own_field_groups()
# (each group has several fields: itemgetter then gives a tuple)
_GROUP_GETTERS = tuple(itemgetter(*group) for group in OWN_FIELD_GROUPS)


# What a line looks like on its own is computed once per distinct line: cleaning repeats itself on
# its own output (for idempotence), and batches repeat the same menus and footers page after page.
# Four caches hold this many lines each: at 16,384 a worker cleaning a 200 MB stream of HTML pages
# (read whole by the HTML merge) peaked at 297 MB, at 8,192 at 260 MB, in the same time (make bench-batch's
# stream, --jobs 2).
LINE_CACHE_SIZE = 8192


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _intrinsic(line: str) -> tuple[tuple[str, ...], dict[str, Any], tuple[tuple[Any, ...], ...]]:
    """A line's words, the features that depend on the line alone (not on its page), and their
    values in the groups of ``OWN_FIELD_GROUPS``."""
    toks, own = _own_evidence(line)
    return toks, own, tuple(get(own) for get in _GROUP_GETTERS)


def _own_evidence(line: str) -> tuple[tuple[str, ...], dict[str, Any]]:
    """``_intrinsic``'s words and features. Patterns that need a character the line lacks (a digit,
    a colon, a separator) are not tried."""
    n_unspaced = 0 if line.isascii() else len(UNSPACED.findall(line))
    toks = tuple(words(line))
    n_words = count_words(line) if n_unspaced else len(toks)
    short = n_words <= SHORT_WORDS
    phrases = lexicon.phrases_of(toks)
    found = [category for category, _ in phrases] or (["comments"] if tuple(toks) in lexicon.REPLY_BUTTONS else [])
    digit = short and _DIGIT.search(line) is not None
    return toks, {
        "words": n_words,
        "length": len(line) + 2 * n_unspaced,  # textutil.visible_length
        "terminal": line.rstrip(BIDI_MARKS).endswith(TERMINAL),
        "lexicon": (found[0] if found else None) if short else None,
        "lexicon_hits": 0 if short else len(found),
        "pointer": lexicon.is_pointer(line),
        "date_time": short and bool(_DATE_TIME_ONLY.match(line)),
        "counter": digit and bool(_COUNTER.match(line)),
        "url": bool(_URL.match(line)),
        "menu_like": short and has_any(line, MENU_SEPARATORS) and bool(_PIPE_MENU.search(line)),
        "upper_share": _upper_share(line) if short else 0.0,
        "unspaced": n_unspaced > len(line) / 3,
        "comment_counter": short and bool(_COMMENT_COUNTER.match(line)),
        "speaker": (n_words <= SPEAKER_MAX_WORDS
                    or n_words <= SPEAKER_DATED_MAX_WORDS and _DIGIT.search(line) is not None)
        and ":" in line and bool(_SPEAKER.search(line)),
        "has_date": digit and bool(_HAS_DIGIT_DATE.search(line)),
        "ends_with_count": ")" in line and bool(_ENDS_WITH_COUNT.search(line)),
        "lexicon_weak": short and lexicon.weak_in_sentence(phrases) and _reads_as_sentence(line, n_words),
    }


# A sentence of at least this many words ("WeWork declined to comment." has four).
SENTENCE_MIN_WORDS = 4
_SENTENCE_STOPS = tuple(SENTENCE_STOPS)
_CLOSING = "\"”’»)]」』" + BIDI_MARKS
# "Advertisement. Scroll to continue reading.", "Related: ...": a label and then a sentence.
_LABEL_FIRST = re.compile(r"^\W*\w+\s*[.:!?|>»›–—]\s")


def _reads_as_sentence(line: str, n_words: int) -> bool:
    """Ends like a sentence and does not begin with a one-word label."""
    return (n_words >= SENTENCE_MIN_WORDS and line.rstrip(_CLOSING).endswith(_SENTENCE_STOPS)
            and not _LABEL_FIRST.match(line))


# Every match of ``_COUNTER`` and ``_HAS_DIGIT_DATE`` holds a digit, of ``_PIPE_MENU`` (and of the
# model's separator pattern) one of these.
_DIGIT = re.compile(r"\d")
MENU_SEPARATORS = "|·•/"


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _upper_share(line: str) -> float:
    """Share of upper-case letters among letters (``str.isalpha``, ``str.isupper``; ASCII lines
    counted on their bytes)."""
    if line.isascii():
        raw = line.encode("ascii")
        letters, upper = count_bytes(raw, _ASCII_LETTERS), count_bytes(raw, _ASCII_UPPER)
        return upper / letters if letters else 0.0
    letters = sum(map(str.isalpha, line))
    return sum(map(str.isupper, line)) / letters if letters else 0.0


def _page_stoplist(lines: list[str]) -> tuple[str | None, frozenset[str], float]:
    """``pick_stoplist`` over the words of all ``lines`` but numbers (which do not vote)."""
    counts = Counter(chain.from_iterable(_intrinsic(line)[0] for line in lines))
    for word in [w for w in counts if w.isdigit()]:
        del counts[word]
    return pick_counted(counts)


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _stop_share(line: str, stoplist: frozenset[str]) -> float:
    """Share of the line's words in ``stoplist`` (a frozenset: its hash is computed once)."""
    toks = _intrinsic(line)[0]
    return sum(map(stoplist.__contains__, toks)) / len(toks)
