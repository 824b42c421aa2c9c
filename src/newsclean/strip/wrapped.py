"""Dumps of text-mode browsers and converters: hard-wrapped lines and numbered link references.

``lynx -dump``, ``w3m -dump``, html2text and e-mail break every paragraph into lines of at most W
columns, indented as the page's blocks are; the line evidence of the stripper (length, whether a
line ends like a sentence) means nothing on such pieces, so they are joined back into paragraphs
first. ``lynx -dump`` also numbers every link inline ("[12]Home") and lists their addresses at the
end ("  12. https://…"): the markers are taken out of the text and the list's lines left as bare
addresses, which the stripper knows for chrome.

Both are recognised from the page itself, never assumed: a dump of any other style comes back as it
was.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import zip_longest

from ..textutil import SENTENCE_STOPS, UNSPACED

# A page is read as hard-wrapped when its width W (see WIDTH_RANK) lies in the range of such tools
# (lynx and w3m default to 80 columns, html2text to 78, e-mail to 72, some tools to 60 or 132), and
# its lines break where only wrapping would break them: at least MIN_WRAPPED_LINES times and on
# MIN_WRAPPED_PAGE_SHARE of its lines, and at most of the full lines (at least FULL_LINE_SHARE of W)
# that another line follows without a blank. In a dump of whole paragraphs such a break (the next
# word would not have fit) is a coincidence of lengths: about one full line in ten, a handful of
# lines on a page (up to 7 of 101, 15 of 582 on the bench's dumps, none of them wrapped; a wrapped
# page with menus still has one in six lines or more to join).
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 40, 132
MIN_WRAPPED_LINES = 6
MIN_WRAPPED_PAGE_SHARE = 0.02
FULL_LINE_SHARE = 0.6
MIN_WRAP_BREAK_SHARE = 0.5
# A wrap falls mid-sentence more often than not (a line holds about a dozen words, a sentence ends
# at its last one by chance); whole paragraphs each on a line all end like sentences. Past this share
# of the would-be wraps ending like sentences, the page is not wrapped.
MAX_TERMINAL_SHARE = 0.5
SENTENCE_END = tuple(SENTENCE_STOPS + "\"”’»)」")
# W is the width of the WIDTH_RANK-th widest line that could be broken: one or two wider lines (a
# preformatted line) do not set it, but a page with more is not wrapped (paragraphs on one line).
WIDTH_RANK = 3
# The width is a lower bound: a tool wraps text at its indentation's own margin (lynx's headings, at
# column 0, run two or three columns past its indented paragraphs), so on a page found wrapped, a
# line up to WIDER_SLACK columns wider than W also wraps onto the next one (same indentation, no blank
# line between); such lines do not count for finding whether the page is wrapped.
WIDER_SLACK = 4
# A paywalled Chinese or Japanese page may show only a few lines of its article: when every wrap on
# it breaks such text at the very margin (the width to a column), MIN_FILLED_WRAPS of them are enough
# evidence. Whole paragraphs, one to a line, would all have to end within a column of the same width.
MIN_FILLED_WRAPS = 3
# A line that starts a list item starts a block of its own, whatever the line before it; so does a
# rule (lynx draws <hr> as a line of underscores).
_RULE = re.compile(r"^[\W_]{3,}$")
_LIST_START = re.compile(r"^(?:[*+•·◦▪‣o□○■●-]|\d{1,3}[.)]|\([a-z0-9]\))\s")

# lynx's link numbering: "[12]" before each link's text, and at the end "References" then lines
# "  12. https://…". Only removed when the page has both, at least MIN_REFERENCES of each.
_MARKER = re.compile(r"\[\d{1,5}\]")
_SCHEME = r"(?:[a-z][a-z0-9+.-]{1,30}://|(?:mailto|javascript|data|tel|about):)"  # http://, android-app://, ...
_REFERENCE = re.compile(rf"^\s*\d{{1,5}}\.\s+({_SCHEME}.*?)\s*$")
_ADDRESS = re.compile(_SCHEME)
MIN_REFERENCES = 5
# The list is the page's end from a line "References": lynx's own headings and addresses, numbered or
# (once drop_link_numbers has read them) bare, at least this share of its lines (an address with a
# line break in it spills over).
LYNX_HEADINGS = frozenset({"References", "Visible links:", "Hidden links:"})
MIN_LISTED_SHARE = 0.8


def display_width(text: str) -> int:
    """Columns the text takes in a terminal (East Asian wide and full-width characters take two)."""
    if text.isascii():
        return len(text)
    return sum(2 if _wide(ch) else 1 for ch in text)


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip())


def _wide(ch: str) -> bool:
    """A character of Chinese or Japanese text (or their punctuation): lines break between any two."""
    return unicodedata.east_asian_width(ch) in "WF"


def _first_token(line: str) -> str:
    """What a wrapping tool would have tried to fit: the first word, or one wide character."""
    return line[0] if _wide(line[0]) else line.split(" ", 1)[0]


# w3m draws a table with borders in box-drawing characters, a cell's text wrapped inside its column:
# "│Chicago  │1 │" / "│Booth    │  │". Its rows are read as a browser's select-all gives them, one
# line a row, the cells' text one after another; border lines show nothing and are not read.
_BOX = re.compile(r"^[\u2500-\u257f]")
_BORDER = re.compile(r"^[\u2500-\u257f\s]+$")


def table_rows(lines: list[str], blank_before: list[bool], raw: list[str]
               ) -> tuple[list[str], list[bool], list[str]]:
    """The page with each box-drawn table row as one line (its raw line the row's first, which no
    wrapping can break). Pages without such tables come back as they are.

    >>> rows = ["┌────┬──┐", "│Chi │1 │", "│Booth│  │", "├────┼──┤", "│Yale│9 │", "└────┴──┘", "After."]
    >>> table_rows(rows, [True] + [False] * 5 + [True], rows)[0]
    ['Chi Booth 1', 'Yale 9', 'After.']
    """
    if not any(line[:1] == "│" for line in lines) or not any(_BORDER.match(line) for line in lines):
        return lines, blank_before, raw
    out: tuple[list[str], list[bool], list[str]] = ([], [], [])
    row: list[list[str]] = []
    gap, start = False, 0
    for i, line in enumerate(lines + [""]):
        if row and not (line[:1] == "│" and not blank_before[i]):
            cells = [" ".join(" ".join(cell).split()) for cell in zip_longest(*row, fillvalue="")]
            out[0].append(" ".join(cell for cell in cells if cell) or lines[start])
            out[1].append(blank_before[start] or gap)
            out[2].append(raw[start])
            row, gap = [], False
        if i == len(lines):
            break
        if line[:1] == "│":
            if not row:
                start = i
            row.append(line.split("│")[1:-1] or [line])
        elif _BORDER.match(line):
            gap = gap or blank_before[i]
        else:
            out[0].append(line)
            out[1].append(blank_before[i] or gap)
            out[2].append(raw[i])
            gap = False
    return out


def _wrap_breaks(lines: list[str], blank_before: list[bool], raw: list[str], widths: list[int],
                 breakable: list[bool], width: int, slack: int = 0) -> tuple[list[bool], int]:
    """For each pair of lines, whether the break between them is a wrap; and how many breaks could
    have been wraps (after a full line, not wider than the width, that could have been broken,
    before a line that continues text rather than starting a list item). With ``slack``, a line up
    to that many columns wider than the width wraps too, and counts as a candidate."""
    joins, candidates = [], 0
    for i in range(len(lines) - 1):
        used, nxt = widths[i], lines[i + 1]
        if (blank_before[i + 1] or not FULL_LINE_SHARE * width <= used <= width + slack
                or _LIST_START.match(nxt) or not breakable[i] or _RULE.match(nxt)):
            joins.append(False)  # a break that wrapping need not explain
            continue
        candidates += 1
        gap = 0 if _wide(lines[i][-1]) and _wide(nxt[0]) else 1
        fits = used + gap + display_width(_first_token(nxt)) <= max(width, used)
        joins.append(not fits and (_indent(raw[i + 1]) >= _indent(raw[i]) or _first_line_indent(raw[i], raw[i + 1])))
    return joins, candidates


def _first_line_indent(raw: str, nxt: str) -> bool:
    """A Chinese or Japanese paragraph's first line, indented by ideographic spaces ("\u3000\u3000新华社
    北京11月17日电…"), and its next line at the margin: the paragraph goes on."""
    return raw.lstrip(" ").startswith("\u3000") and not nxt[:1].isspace()


def _breakable(raw: str) -> bool:
    """Whether a wrapping tool could have broken the line: more than one word (or text in a script
    without spaces) once a list number or bullet is set aside, and not an address (which no tool
    breaks, spaces and all, and which may pass the width) nor a table's row (w3m draws tables with
    box-drawing characters, as wide as their columns need)."""
    rest = _LIST_START.sub("", raw.strip(), count=1)
    return ((" " in rest or UNSPACED.search(rest) is not None) and not _ADDRESS.match(rest)
            and not (rest and "\u2500" <= rest[0] <= "\u257f"))


def _too_wide(raw: list[str]) -> bool:
    """WIDTH_RANK breakable lines longer than MAX_WRAP_WIDTH: not wrapped (most dumps, whose paragraphs
    are lines). A line is at least as wide as it is long, so no width needs measuring to know."""
    long_lines = (r for r in raw if len(r) > MAX_WRAP_WIDTH and len(r.rstrip()) > MAX_WRAP_WIDTH)
    return sum(1 for r in long_lines if _breakable(r)) >= WIDTH_RANK


def _page_width(widths: list[int], breakable: list[bool], indented: bool = False) -> int | None:
    """The WIDTH_RANK-th widest breakable line's width; on a page laid out like lynx's with fewer
    full lines than that (a short page: two long paragraphs and menus), the widest's."""
    ranked = sorted((w for w, can in zip(widths, breakable, strict=True) if can), reverse=True)
    if indented and ranked and (len(ranked) < WIDTH_RANK or ranked[WIDTH_RANK - 1] < FULL_LINE_SHARE * ranked[0]):
        ranked = ranked[:1] * WIDTH_RANK
    if len(ranked) < WIDTH_RANK:
        return None
    width = ranked[WIDTH_RANK - 1]
    return width if MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH else None


# lynx -dump indents every paragraph three columns with spaces (its headings start at column 0, its
# lists deeper): a page with at least INDENTED_PAGE_SHARE of its lines indented by spaces, and some
# (LYNX_INDENT_SHARE) by exactly three, is laid out by a text-mode browser, and even one wrap on it is
# one. (1 of the bench's 3,764 dumps; 448 of its 450 pages through lynx, 436 with numbered links; 4
# of 450 through BeautifulSoup's get_text(), whose lines keep the HTML source's indentation: 25
# without the three-column test.)
INDENTED_PAGE_SHARE = 0.5
LYNX_INDENT_SHARE = 0.05
LYNX_INDENT = "   "


def indented_layout(raw: list[str]) -> bool:
    """Whether the lines (tabs not expanded) are indented as lynx lays out a page."""
    indented = [r for r in raw if r.startswith(LYNX_INDENT)]
    return (bool(raw) and len(indented) >= INDENTED_PAGE_SHARE * len(raw)
            and sum(1 for r in indented if not r[3].isspace()) >= LYNX_INDENT_SHARE * len(raw))


def unwrap(lines: list[str], blank_before: list[bool], raw: list[str], indented: bool = False
           ) -> tuple[list[str], list[bool]]:
    """Join the lines of a hard-wrapped dump back into paragraphs; other dumps are left as they are.

    ``lines`` are the page's non-empty lines with their spaces collapsed, ``raw`` the same lines as
    they came (their indentation and width tell the wrapping), ``blank_before`` whether an empty line
    preceded each; ``indented``: the page is laid out like lynx's (``indented_layout``), so that a
    few wraps are enough.

    >>> raw = ["Menu"] + ["   The council met on Tuesday evening to vote", "   on the repairs to the old harbour wall,",
    ...                   "   which were approved."] * 4
    >>> unwrap([r.strip() for r in raw], [True] + [True, False, False] * 4, raw)[0][:2]
    ['Menu', 'The council met on Tuesday evening to vote on the repairs to the old harbour wall, which were approved.']
    """
    if (len(lines) < MIN_WRAPPED_LINES and not indented) or _too_wide(raw):
        return lines, blank_before
    widths = [display_width(r.rstrip()) for r in raw]
    breakable = [_breakable(r) for r in raw]
    width = _page_width(widths, breakable, indented)
    if width is None:
        return lines, blank_before
    joins, candidates = _wrap_breaks(lines, blank_before, raw, widths, breakable, width)
    n_joins = sum(joins)
    least = MIN_WRAP_BREAK_SHARE * candidates
    if not indented and not (n_joins >= MIN_FILLED_WRAPS and _all_filled(lines, widths, joins, width)):
        least = max(least, MIN_WRAPPED_LINES, MIN_WRAPPED_PAGE_SHARE * len(lines))
    if not n_joins or n_joins < least:
        return lines, blank_before
    ends = sum(1 for line, join in zip(lines, joins, strict=False) if join and line.endswith(SENTENCE_END))
    if ends > MAX_TERMINAL_SHARE * n_joins:
        return lines, blank_before  # whole sentences, each on its line
    joins = _wrap_breaks(lines, blank_before, raw, widths, breakable, width, WIDER_SLACK)[0]
    out, blank = [lines[0]], [blank_before[0]]
    for i, join in enumerate(joins):
        nxt = lines[i + 1]
        if join:
            out[-1] += _joint(out[-1], nxt) + nxt
        else:
            out.append(nxt)
            blank.append(blank_before[i + 1])
    return out, blank


def _all_filled(lines: list[str], widths: list[int], joins: list[bool], width: int) -> bool:
    """Whether every wrap found breaks Chinese or Japanese text at the very margin (the line filled
    to the width, or one column short of it where a wide character would not fit)."""
    return all(widths[i] >= width - 1 and _wide(lines[i][-1]) and _wide(lines[i + 1][0])
               for i, join in enumerate(joins) if join)


def _joint(before: str, after: str) -> str:
    """What goes between two wrapped pieces: nothing after a compound's hyphen ("de-" / "escalate")
    or between two wide characters, else a space."""
    if before.endswith("-") and before[-2:-1].isalpha():
        return ""
    return "" if _wide(before[-1]) and _wide(after[0]) else " "


# What text-mode browsers draw for what a browser's select-all leaves out: a list item's bullet (w3m
# "•", "□", "○", "■" by level, lynx "*", "+"), an image's alt text or file name in brackets before
# the text beside it ("[logo] Headline"), lynx's "(BUTTON)" before a button's label, and its
# "IFRAME:" before a frame's address. Taken out on pages found hard-wrapped, which is what those
# browsers give: the model learned from select-all dumps (a byline "By (BUTTON) Jane Doe", a list of
# links that reads as a list of bullets).
_BULLETS = "•□○■●◦▪*+"
_BULLET = re.compile(rf"^(?:[{_BULLETS}] (?=[^\s{_BULLETS}])|\[[^\]\s]{{0,40}}[^\W\d_][^\]\s]{{0,40}}\] (?=\S))")
_WIDGET = re.compile(r"\(BUTTON\) ?| ?\(BUTTON\)$|^IFRAME: ")


def drop_widgets(lines: list[str]) -> list[str]:
    """The lines of a text-mode browser's dump as a browser's select-all shows them: without list
    bullets, button marks and frame labels (a line that is nothing else stays as it is).

    >>> drop_widgets(["• Home", "By (BUTTON) Jane Doe", "(BUTTON)", "IFRAME: https://x.org/f", "* * *",
    ...               "[logo.png] Storm ends", "[logo]", "[…] a pingback"])
    ['Home', 'By Jane Doe', '(BUTTON)', 'https://x.org/f', '* * *', 'Storm ends', '[logo]', '[…] a pingback']
    """
    out = []
    for line in lines:
        if line[:1] in _BULLETS + "[" or "(BUTTON)" in line or line.startswith("IFRAME: "):
            line = _WIDGET.sub("", _BULLET.sub("", line, count=1)) or line
        out.append(line)
    return out


def drop_link_numbers(lines: list[str]) -> list[str]:
    """A ``lynx -dump`` page without its link numbers: "[12]Home" reads "Home", and a line of its
    reference list ("  12. https://…") the bare address. Other pages are returned as they are.

    >>> page = [f"[{i}]Section {i}" for i in range(4)] + ["Read [4]the report."]
    >>> drop_link_numbers(page + [f"{i}. https://x.org/{i}" for i in range(5)])[3:6]
    ['Section 3', 'Read the report.', 'https://x.org/0']
    """
    refs = sum(1 for line in lines if line[:1].isdigit() and _REFERENCE.match(line))
    if refs < MIN_REFERENCES or sum(1 for line in lines if "[" in line and _MARKER.search(line)) < MIN_REFERENCES:
        return lines
    out = []
    for line in lines:
        ref = _REFERENCE.match(line) if line[:1].isdigit() else None
        if ref:
            out.append(ref.group(1))
        elif "[" in line:
            out.append(" ".join(_MARKER.sub("", line).split()) or line)
        else:
            out.append(line)
    return out


# lynx begins a page with its <link> elements: "   #alternate alternate Site » Feed …", indented three
# columns like its text, in one paragraph (wrapped like the rest).
_LINK_HEADER = re.compile(r"^(?:[ \t]*\n)*   #[^\s#]")


def link_header_end(text: str, lines: list[str], blank_before: list[bool]) -> int:
    """How many of the page's first lines are lynx's list of the page's <link> elements (0: none).

    >>> link_header_end("   #alternate Feed\\n\\n   Story", ["#alternate Feed", "Story"], [True, True])
    1
    >>> link_header_end("#MeToo at ten\\n\\nStory", ["#MeToo at ten", "Story"], [True, True])
    0
    """
    if not lines or not _LINK_HEADER.match(text):
        return 0
    return next((i for i in range(1, len(lines)) if blank_before[i]), len(lines))


def link_list_start(lines: list[str]) -> int | None:
    """Where lynx's reference list begins (its line "References"), when the page ends with one.

    >>> link_list_start(["Story", "Text.", "References", *(f"https://x.org/{i}" for i in range(5))])
    2
    >>> link_list_start(["Story", "References", "Smith (2003) and Jones (2004)."]) is None
    True
    """
    for start in range(len(lines) - 1, -1, -1):
        if lines[start] == "References":
            break
    else:
        return None
    rest = lines[start + 1:]
    listed = sum(1 for line in rest if _ADDRESS.match(line) or (line[:1].isdigit() and _REFERENCE.match(line)))
    headings = sum(1 for line in rest if line in LYNX_HEADINGS)
    if listed < MIN_REFERENCES or listed + headings < MIN_LISTED_SHARE * len(rest):
        return None
    return start
