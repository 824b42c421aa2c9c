"""Stage 5, metadata: title, authors, date, site, url and language, from what the stripper found.

HTML pages: trafilatura's metadata (JSON-LD, OpenGraph, meta tags, htmldate), cleaned up.
Text dumps: the headline line, the byline ("by A and B December 2, 2021 8:45 PM 2 min read"),
a dated header ("date 2021-12-02 Title"), and the stoplist that fits the text best.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from .bylines import COLLECTIVE, names_in_byline
from .dates import (
    dated_label_line,
    find_date,
    labelled_dates,
    labelled_publication,
    publication_date,
    url_date,
    url_month,
)
from .htmlmeta import norm, strip_site_name
from .models import Line, Metadata, Role
from .strip import Stripped
from .strip.features import COMMENT_NOUNS
from .strip.stoplists import ISO_639_1

_BY = re.compile(r"^\s*(?:by|του|της|written by|posted by|words by|story by|text by|von|par|por|di|door|av|af|"
                 r"autor(?:ka)?|"
                 r"автор(?:ка)?|від|από|przez|yazan)\s*:?\s+", re.I)
_ROLE_WORDS = re.compile(
    r"\b(?:staff|senior|chief|political|foreign|business|sports?|tech(?:nology)?)?\s*(?:writer|reporter|"
    r"correspondent|editor|columnist|contributor|journalist|redakteur(?:in)?|redaktion|correspondant|"
    r"corresponsal|redattore|кореспондент|корреспондент)s?\b.*$", re.I)
_SPLIT_AUTHORS = re.compile(r"\s*(?:,|;|&|\||\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b|\bі\b|\boraz\b|\bκαι\b)\s*",
                            re.I)
_READING_TIME = re.compile(r"(\d{1,3})\s*(?:-\s*)?(?:min(?:ute)?s?|мин|хв|Min\.?)\.?\s*(?:read|reading|lesezeit|"
                           r"de lecture|de lectura|чтения|читання)?", re.I)
_NOT_A_NAME = re.compile(r"https?://|www\.|@|\d", re.I)
# Kana, Han, Hangul and Thai: the scripts that name their language; letters of any script.
_SCRIPT_LETTERS = re.compile("[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_LETTER = re.compile(r"[^\W\d_]")
MAX_AUTHOR_WORDS = 5
MAX_TITLE_CHARS = 300


# A site's name is a few words: "Harbour News", "The Nutrition Source".
MAX_SITE_NAME_WORDS = 5


def without_site_name(title: str, stripped: Stripped, url: str | None) -> str:
    """A headline line of a dump without the site's name after or before it, as a page's <title>
    gives it ("Headline | Site", which ``get_text()`` dumps put first): the name is known from the
    page's URL (after any of the separators of ``htmlmeta.TITLE_SEPARATOR``), or, after a "|", the
    rest is a line of its own on the page (the headline again, above the article). Dashes are left
    alone there: "Offshore-Windenergie – Sauberer Strom vom Meer" is a headline, and its first part a
    menu item.

    >>> page = Stripped((Line("Harbour wall to be rebuilt | Harbour News", Role.TITLE),
    ...                  Line("Harbour wall to be rebuilt", Role.REMOVED, "repeated-in-page")))
    >>> without_site_name(page.lines[0].text, page, None)
    'Harbour wall to be rebuilt'
    >>> without_site_name("Harbour wall to be rebuilt - Harbour News", page, "https://www.harbournews.org/a/1")
    'Harbour wall to be rebuilt'
    >>> without_site_name("Cats - the musical", page, None)
    'Cats - the musical'
    """
    if url and (host := urlsplit(url).hostname):
        shorter = strip_site_name(title, [host])
        if shorter and shorter != title:
            return shorter
    pieces = [piece.strip() for piece in title.split("|")]
    if len(pieces) < 2:
        return title
    shown = {norm(line.text) for line in stripped.lines if line.text != title}
    for head, name in ((" | ".join(pieces[:-1]), pieces[-1]), (" | ".join(pieces[1:]), pieces[0])):
        if len(name.split()) <= min(MAX_SITE_NAME_WORDS, len(head.split()) - 1) and norm(head) in shown:
            return head
    return title


# A breadcrumb trail: "Home » Europa » Emden", "Newsroom/Online learning tips/Graphic design vs. ...";
# a slash between digits is a date's ("Wrap-Up 12/19/2025").
CRUMB_SEPARATOR = re.compile(r"\s*[»›>|]\s*|\s*(?<!\d)/(?!\d)\s*")
MIN_CRUMBS = 3
MAX_CRUMB_WORDS = 5  # the crumbs before the last are section names


def last_crumb(title: str) -> str:
    """The page's own name at the end of a breadcrumb trail picked as the headline, else ``title``.

    >>> last_crumb("Sie sind hier: Home » Europa » Niedersachsen » Emden"), last_crumb("Wrap-Up 12/19/2025")
    ('Emden', 'Wrap-Up 12/19/2025')
    """
    crumbs = [c for c in CRUMB_SEPARATOR.split(title) if c.strip()]
    if len(crumbs) >= MIN_CRUMBS and all(len(c.split()) <= MAX_CRUMB_WORDS for c in crumbs[:-1]) \
            and len(crumbs[-1]) > 1 and "://" not in title:
        return crumbs[-1].strip()
    return title


# Dates and bylines missed by the stripper are looked for in the page's first TOP_LINES lines, or in
# the TOP_LINES from the article's first line where a long menu comes before it, up to the start of
# readers' comments (whose timestamps and names are not the article's).
TOP_LINES = 40


def _top_lines(stripped: Stripped) -> Iterator[Line]:
    first = next((i for i, line in enumerate(stripped.lines) if line.role.kept), 0)
    return islice(_before_comments(stripped), max(TOP_LINES, first + TOP_LINES))


def _before_comments(stripped: Stripped) -> Iterator[Line]:
    for line in stripped.lines:
        if line.reason.startswith("comments:"):
            return
        yield line


def headline_and_date(title: str) -> tuple[str, str | None]:
    """A headline without the date the dump glued to its end, and that date ("Go ahead, self-host
    PostgresJuly 2, 2025": after a lower-case letter); a date after a space is the headline's own ("Storms
    of 5 May 2020"), and so is one in a script without cases ("东京奥运会开幕定于2021年7月23日").

    >>> headline_and_date("Go ahead, self-host PostgresJuly 2, 2025"), headline_and_date("Storms of 5 May 2020")
    (('Go ahead, self-host Postgres', '2025-07-02'), ('Storms of 5 May 2020', None))
    """
    found = find_date(title)
    if not found or found[1].end() < len(title.rstrip()) or not title[:found[1].start()][-1:].islower():
        return title, None
    return title[:found[1].start()], found[0]


# A date line the stripper removed is read when no byline gave a date ("Published 2 Dec 2021"), and a
# removed byline's date when the chosen date line lies far below the article's start (a related post's
# card): "ByKathryn GiuffridaMar 5, 2025 | 6 comments" (removed for its comment counter); so is a byline
# glued to the end of a deck ("... beyond the U.S. and Canada. By Lisa Jennings on Dec. 19, 2025").
DATE_LINE_CHARS = 80
_BYLINE_TAIL = re.compile(r"(?:(?<=[.!?])\s+|\s+[|·•–—]\s+)(?=(?:By|BY|Von|Par|Por)\s+[A-ZÀ-Þ])")


def _removed_top_date(stripped: Stripped, us_order: bool, signed: bool = False) -> str | None:
    """The publication date of the first removed date line near the top (or kept: a date alone), or of
    a byline ending a long line there (removed or kept); with ``signed``, of a line that names its
    authors only (a byline, not a menu's "bis 31.12.2018").

    >>> _removed_top_date(Stripped((Line("Menu", Role.REMOVED), Line("ByKathryn GiuffridaMar 5, 2025 | 6 "
    ...     "comments", Role.REMOVED))), True)
    '2025-03-05'
    >>> _removed_top_date(Stripped((Line("The chain plans 150 more bakeries across the U.S. and Canada next "
    ...     "year. By Lisa Jennings on Dec. 19, 2025", Role.REMOVED),)), True)
    '2025-12-19'
    """
    for line in _top_lines(stripped):
        short = len(line.text) < DATE_LINE_CHARS
        text = line.text if short else _BYLINE_TAIL.split(line.text)[-1]  # (kept or not)
        if len(text) >= DATE_LINE_CHARS or (short and line.role is not Role.REMOVED and not _date_alone(text)):
            continue
        sign = signed or not short  # a long line's tail counts as a byline only ("By January 5, 2026, all ...")
        names, date = parse_byline(text, us_order)[:2] if sign else ([], publication_date(text, us_order))
        if date and (names or not sign):
            return date
    return None


def _date_alone(text: str) -> bool:
    """Is ``text`` a date and nothing else but signs ("📅Jul. 11. 2025"), kept or not?"""
    found = find_date(text)
    return found is not None and not _LETTER.search(text[:found[1].start()] + text[found[1].end():])


def _above(stripped: Stripped, text: str | None, below: str) -> bool:
    """Does a line reading ``text`` come before the first line reading ``below``?"""
    for line in stripped.lines:
        if line.text == below:
            return False
        if line.text == text:
            return True
    return False


def _near_top(stripped: Stripped, text: str) -> bool:
    """Is the first line reading ``text`` among the page's top lines?"""
    return any(line.text == text for line in _top_lines(stripped))


# On a run-on page the date line is glued to what surrounds it ("By Korin MillerPublished: Jan 29,
# 2025Tanja Ivanova//Getty Images"): a date right after a "published" label, in the page's top
# lines, is the date.
def labelled_date(stripped: Stripped, line_start: bool = False) -> str | None:
    """The date after the first "Published:" label near the top of a page, before readers' comments;
    with ``line_start``, only on a short line that opens with the label ("PUBLISHED: November 8, 2023
    at 4:56 p.m. | UPDATED: ...").

    >>> labelled_date(Stripped((Line("Menu", Role.REMOVED, "menu"),
    ...                         Line("By Korin MillerPublished: Jan 29, 2025Tanja Ivanova", Role.BODY))))
    '2025-01-29'
    >>> labelled_date(Stripped((Line("An unpublished 3 May 2020 draft", Role.BODY),))) is None
    True
    """
    read = dated_label_line if line_start else labelled_publication
    return next((found for line in _top_lines(stripped) if (found := read(line.text))), None)


# ... and so is its byline: "By" and a capitalised name, read as a byline of LABELLED_BYLINE_SPAN
# characters (a name with what is glued to it: "By Korin MillerPublished: Jan 29, 2025").
_BY_LABEL = re.compile(r"(?:\b|(?<=[a-zß-ÿ]))(?:By|BY|Von|Par|Por|Автор:?|Від)\s+(?=[A-ZÀ-ÞА-ЯІЇЄ])")
LABELLED_BYLINE_SPAN = 80


def labelled_authors(stripped: Stripped) -> list[str]:
    """The names of the first "By" byline near the top of a run-on page, before readers' comments.

    >>> labelled_authors(Stripped((Line("NewsBy Korin MillerPublished: Jan 29, 2025 The council met.", Role.BODY),)))
    ['Korin Miller']
    >>> labelled_authors(Stripped((Line("Work is done by Tuesday, the council said.", Role.BODY),)))
    []
    >>> labelled_authors(Stripped((Line("Cookies help usBy choosing Accept you agree", Role.BODY),)))
    []
    """
    for line in _top_lines(stripped):
        for label in _BY_LABEL.finditer(line.text):
            names = parse_byline(line.text[label.start():label.start() + LABELLED_BYLINE_SPAN])[0]
            # in running text a name must look like one: two words or more, each capitalised
            if names and all(len(n.split()) >= 2 and all(w[:1].isupper() for w in n.split()) for n in names):
                return names
    return []


def from_text(stripped: Stripped, body: str, url: str | None = None) -> tuple[Metadata, dict[str, Any]]:
    """Metadata of a text dump; the second value holds extras (reading time stated by the page)."""
    hints = stripped.hints
    url = url or hints.get("url")  # type: ignore[assignment]  # (a reader service's header gives it)
    title = hints.get("title") or next(iter(stripped.with_role(Role.TITLE)), None)
    title, title_date = headline_and_date(str(title)) if title else (title, None)
    authors: list[str] = []
    date = hints.get("date")
    extra: dict[str, Any] = {}
    model_lines: dict[str, str] = hints.get("metadata_lines") or {}  # type: ignore[assignment]
    us_order = month_first_page(hints.get("stoplist"), url)  # type: ignore[arg-type]
    # the lines chosen for their names and for their date are read first, each for its own field
    chosen = [model_lines[key] for key in ("author", "date") if key in model_lines]
    bylines = [line for line in stripped.with_role(Role.BYLINE) if line not in chosen]
    if "author" in model_lines:
        authors = parse_byline(model_lines["author"])[0]
    if "date" in model_lines and not date:
        date = _earliest_beside(stripped, model_lines["date"], parse_byline(model_lines["date"], us_order)[1],
                                us_order)
    bylines += chosen  # (and read again, for the other field and the reading time)
    for byline in bylines:
        names, when, minutes = parse_byline(byline, us_order)
        authors = authors or names
        date = date or when
        if minutes:
            extra["stated_reading_time"] = minutes
    if not date:
        date = title_date or _removed_top_date(stripped, us_order)
    elif "date" in model_lines and not _near_top(stripped, model_lines["date"]) and not (
            hints.get("declared_date") or hints.get("dated_header")):
        # a date line far below the article's start (a related card, a reader's comment) gives way to the
        # date of the chosen author line ("Posted by BeauHD on Friday December 19, 2025"), or of a removed
        # byline near the top
        signed = parse_byline(model_lines["author"], us_order)[1] if _above(stripped, model_lines.get("author"),
                                                                              model_lines["date"]) else None
        date = signed or _removed_top_date(stripped, us_order, signed=True) or date
    if hints.get("runon"):
        date = date or labelled_date(stripped)
        authors = authors or labelled_authors(stripped)
    elif not hints.get("dated_header") and not hints.get("declared_date"):
        # a short line opening with "Published" says which date it is (unless a header declared it)
        labelled = labelled_date(stripped, line_start=True)
        if labelled and labelled[:10] != str(date or "")[:10]:
            date = labelled
    if hints.get("dated_header") or hints.get("declared_date"):
        date = date or url_date(url)
    else:
        date = _as_the_address_says(stripped, str(date) if date else None, url, us_order)
    if title:
        title = last_crumb(without_site_name(str(title), stripped, url))
    meta = Metadata(
        title=str(title)[:MAX_TITLE_CHARS] if title else None,
        authors=tuple(without_page_words(authors, stripped)),
        date=str(date) if date else None,
        url=url,
        language=guess_language(body, hints.get("stoplist")),  # type: ignore[arg-type]
    )
    return meta, extra


# The page's own short lines (menu items, categories, section names) that a byline's names run into.
SECTION_LINE_CHARS = 30
# A comment counter's noun after a name ("17. Februar 2020 Frau Sabienes Kommentare 4 Kommentare").
_COMMENT_NOUN = re.compile(rf"(?i:{COMMENT_NOUNS})")


def without_page_words(authors: list[str], stripped: Stripped) -> list[str]:
    """Names without what the page's markup ran into them: a section or category the page also shows as
    a (removed) line of its own ("30. Oktober 2023 Carola Pönisch Kultur", "Richard Adams Education editor") or a
    comment counter's noun; a name keeps two words.

    >>> page = Stripped((Line("Kultur", Role.REMOVED), Line("Carola Pönisch Kultur", Role.BYLINE)))
    >>> without_page_words(["Carola Pönisch Kultur", "Tom Kultur"], page)
    ['Carola Pönisch', 'Tom Kultur']
    """
    if all(len(name.split()) <= 2 for name in authors):
        return authors  # (most pages: nothing to cut, and the page's lines are not read)
    sections = {ln.text.strip().casefold() for ln in stripped.lines
                if len(ln.text) <= SECTION_LINE_CHARS and ln.role is Role.REMOVED}
    out = []
    for name in authors:
        words = name.split()
        if COLLECTIVE.fullmatch(name):  # "The Upwork Team", "Redaktion Polizeiticker Schweiz"
            out.append(name)
            continue
        while len(words) > 2:
            if _COMMENT_NOUN.fullmatch(words[-1]) or words[-1].casefold() in sections:
                words.pop()
            elif len(words) > 3 and " ".join(words[-2:]).casefold() in sections:
                del words[-2:]  # "Brian Truitt Usa Today"
            else:
                break
        out.append(" ".join(words))
    return out


# Country domains of English-speaking places that write the day first (12/02/2021 is 12 February);
# elsewhere English pages on generic domains (.com, .org, .us, ...) are read month first, as the
# American majority of them write.
DAY_FIRST_DOMAINS = frozenset("uk au nz ie in za sg my pk ng ke gh ph hk jm mt".split())
_URL_LOCALE = re.compile(r"/en[-_]([a-z]{2})(?:/|$)", re.I)  # the region of an address's locale


def month_first_page(stoplist: str | None, url: str | None) -> bool:
    """Does a text dump write 05/04/2022 for May 4: English text, and no address of a day-first country?

    >>> month_first_page("English", "https://www.npr.org/a"), month_first_page("English", "https://bbc.co.uk/a")
    (True, False)
    >>> month_first_page("English", "https://www.msn.com/en-gb/news/a"), month_first_page("English", None)
    (False, True)
    >>> month_first_page("German", None), month_first_page("English", "https://www.msn.com/en-us/news/a")
    (False, True)
    """
    if not stoplist or ISO_639_1.get(stoplist) != "en":
        return False
    parts = urlsplit(url or "")
    region = _URL_LOCALE.search(parts.path)  # "msn.com/en-gb/news/..."
    if region:
        return region[1].lower() == "us"
    return (parts.hostname or "").rsplit(".", 1)[-1] not in DAY_FIRST_DOMAINS


def _as_the_address_says(stripped: Stripped, date: str | None, url: str | None, us_order: bool) -> str | None:
    """``date``, unless the page's address names another month ("/2018/11/cheap-fixes", "/2021/01/18/"):
    (URL_MONTHS_APART or more from ``date``): then the address's day, or else the first date of its month,
    in the page's text above readers' comments (the one shown by the headline, where a date of a sidebar
    or of a later update was taken), else the address's full date. Without a date, the address's. A date
    nearer than that gives way to the address's day only where the page's top lines show that day
    ("Originally published November 9, 2022" on a page updated on the 11th, at "/2022/11/09/").

    >>> page = Stripped((Line("Harbour wall to be rebuilt", Role.TITLE), Line("Editorial November 22, 2018", Role.BODY),
    ...                  Line("Casino guide December 19, 2025", Role.REMOVED, "after-article")))
    >>> _as_the_address_says(page, "2025-12-19", "https://example.com/2018/11/harbour-wall", False)
    '2018-11-22'
    >>> _as_the_address_says(page, "2025-12-19", "https://example.com/2025/12/harbour-wall", False)
    '2025-12-19'
    >>> _as_the_address_says(page, "2018-11-20", "https://example.com/2018/11/22/harbour-wall", False)
    '2018-11-22'
    >>> _as_the_address_says(page, "2018-11-20", "https://example.com/2018/11/23/harbour-wall", False)
    '2018-11-20'
    """
    month = url_month(url)
    if not month:
        return date or url_date(url)
    day = url_date(url)
    near = bool(date) and abs(_months(str(date)) - _months(month)) < URL_MONTHS_APART
    if near and (not day or str(date).startswith(day)):
        return date
    # (a date near the address's is replaced by one shown near the top only, not a related card's below)
    lines = list(_top_lines(stripped) if near else _before_comments(stripped))
    # the address's day, else (for a date months away) its month
    for wanted in ([day] if day else []) + ([] if near else [month]):
        for line in lines:
            if month[:4] in line.text:
                found = next((iso for label, iso in labelled_dates(line.text, us_order) + labelled_dates(
                    line.text, not us_order) if iso.startswith(wanted) and label != "updated"), None)
                if found:
                    return found
    return date if near else day or date


# A date this many months or more from the month the page's address names is not the article's: a
# rolling page filed in October and updated in November keeps its November date.
URL_MONTHS_APART = 2


def _months(iso: str) -> int:
    return int(iso[:4]) * 12 + int(iso[5:7])



# The reasons of lines that hold only a date.
DATE_LINE_ROLES = frozenset({"date-or-time", "byline:date"})


def _earliest_beside(stripped: Stripped, text: str, date: str | None, us_order: bool) -> str | None:
    """``date``, read on the date line ``text``, or the earlier unlabelled date of a date line right
    above or below it: a page that shows its publication and update dates side by side, unlabelled
    ("September 1, 2016", "September 8, 2016"; a dump splits them when they are glued), published first.

    >>> page = Stripped((Line("Harbour wall to be rebuilt", Role.TITLE), Line("1/9/2016", Role.REMOVED, "date-or-time"),
    ...                  Line("September 8, 2016", Role.BYLINE, "byline:date")))
    >>> _earliest_beside(page, "September 8, 2016", "2016-09-08", False)
    '2016-09-01'
    """
    lines = stripped.lines
    at = next((i for i, line in enumerate(lines) if line.text == text and line.reason in DATE_LINE_ROLES), None)
    if date is None or at is None:
        return date
    for line in lines[max(0, at - 1): at + 2]:
        if line.reason in DATE_LINE_ROLES:
            found = labelled_dates(line.text, us_order)
            if len(found) == 1 and found[0][0] != "updated" and found[0][1][:10] < date[:10]:
                date = found[0][1]
    return date


def parse_byline(line: str, us_order: bool = False) -> tuple[list[str], str | None, int | None]:
    """Authors, ISO date and stated reading time (minutes) of a byline (its publication date, with
    ``dates.publication_date``; with ``us_order``, 05/04/2022 is May 4).

    >>> parse_byline("by Igor Kossov December 2, 2021 8:45 PM 2 min read")
    (['Igor Kossov'], '2021-12-02T20:45', 2)
    >>> parse_byline("By Jane Doe and John Roe, Staff Writers")[0]
    ['Jane Doe', 'John Roe']
    >>> parse_byline("October 11, 2023 by Autumn Huerter")[:2]
    (['Autumn Huerter'], '2023-10-11')
    >>> parse_byline("BY KORIN MILLERPUBLISHED: JAN 29, 2025")[0]
    ['Korin Miller']
    >>> parse_byline("Table of Contents")[0]
    []
    >>> parse_byline("Ein Beitrag von Erika Muster, veröffentlicht am 23.01.2020")[0]
    ['Erika Muster']
    >>> parse_byline("The Daily Planet 02/10/2020 Lois Lane")[:2]
    (['Lois Lane'], '2020-10-02')
    >>> [parse_byline(b)[0] for b in ("作者：记者 林晓雯 通讯员 郑浩", "〔記者蔡佳玲／高雄報導〕", "기자 강서연 기자")]
    [['林晓雯'], ['蔡佳玲'], ['강서연']]
    """
    names, when, minutes = _parse_byline(line, us_order)
    return list(names), when, minutes


# The stripper tries the likeliest author lines and metadata reads the chosen ones again: each
# distinct line is parsed once.
BYLINE_CACHE_SIZE = 4096


# Chinese and Korean credit a reporter by a word before or after the name, without "by": "记者 林晓雯",
# "〔記者蔡佳玲／高雄報導〕", "作者：记者 林晓雯 通讯员 郑浩" (the first named), "강서연 기자". A Han name is
# two to four characters and must end where a separator, a space or the line does.
EAST_ASIAN_REPORTER = re.compile(
    r"(?:(?:记者|記者|作者|撰文|文(?=\s*[／/])|特派记者|特派記者)\s*[：:／/]?\s*)+"
    r"([\u4e00-\u9fff]{2,4})(?=$|[\s／/，,、）)〕】|]|通讯员|通訊員)|([가-힣]{2,4})\s*(?:기자|특파원|선임기자)\b")


@lru_cache(maxsize=BYLINE_CACHE_SIZE)
def _parse_byline(line: str, us_order: bool) -> tuple[tuple[str, ...], str | None, int | None]:
    found = find_date(line)
    when = publication_date(line, us_order) if found else None
    before, after = (line[: found[1].start()], line[found[1].end():]) if found else (line, "")
    minutes_match = _READING_TIME.search(after if found else line)
    minutes = int(minutes_match.group(1)) if minutes_match else None
    if not line.isascii() and (reporter := EAST_ASIAN_REPORTER.search(line)):
        return (reporter.group(1) or reporter.group(2),), when, minutes
    if minutes_match and not found:
        before = line[: minutes_match.start()]
    # "Veröffentlicht am 15/07/2014 von Guido Beyss", "October 11, 2023 by Autumn Huerter":
    # the names follow a "by" after the date, or after other words
    by_inside = BY_INSIDE.search(before) or (BY_INSIDE.search(" " + after) if found else None)
    lead = before[: by_inside.start()].strip() if by_inside and by_inside.string is before else ""
    if lead and _NAME_START.fullmatch(lead) and not _BYLINE_VERB.search(lead):
        by_inside = None  # "Christoph von Eichhorn": a particle inside a name, not a "by"
    if _BY.match(before):
        has_by, names_part = True, _BY.sub("", before)
    elif by_inside:
        has_by, names_part = True, by_inside.string[by_inside.end():]
    else:
        has_by, names_part = False, before
    # keywords glued to names by the dump ("MILLERPUBLISHED:") end the names too
    names = _names(names_part, has_by)
    if not names and not has_by and found:  # "The Guardian 02/10/2020 Anna Fazackerley": the name after the date
        names = _names(after.lstrip(" |·•–—-,"), False)
    return tuple(names), when, minutes


def _names(names_part: str, has_by: bool) -> list[str]:
    # keywords glued to names by the dump ("MILLERPUBLISHED:") end the names too
    names_part = re.split(r"\s[|·•–—-]\s|(?i:updated|published|posted on|last updated|aktualisiert|veröffentlicht|"
                          r"stand:)|\s(?:on|am|le|el|il)\s", names_part, maxsplit=1)[0]
    names_part = _ROLE_WORDS.sub("", names_part)
    names = names_in_byline(names_part, min_words=1 if has_by else 2)
    if not has_by:  # a bare line: only what reads as a person's name ("Table of Contents" does not)
        names = [n for n in names if _bare_name(n)]
    return names


_NAME_START = re.compile(r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'.-]*\s*){1,3}")
_BYLINE_VERB = re.compile(r"(?i)veröffentlicht|gespeichert|geschrieben|verfasst|erstellt|posted|written|published|"
                          r"artikel|beitrag|article|story|post\b|kolumne|column|kommentar|commentary|essay|analyse|"
                          r"analysis|interview|reportage|rezension|review|"
                          r"publié|publicado|pubblicato|опубліковано|опубликовано")
BY_INSIDE = re.compile(r"\s(?:by|von|par|por|di|door|av|przez|від|автор)\s+(?=\S)", re.I)
# Lower-case particles that may stand inside a name ("Christoph von Ritter", "Loïc Le Clerc").
_PARTICLES = frozenset("von van der den de da di du le la bin al ten ter zu".split())
# Words that never stand in a person's name but often in headings mistaken for bylines
# ("Table of Contents", "Our Blogs", "Planning Your Move").
_FUNCTION_WORDS = frozenset(
    "of the and our your my to for in on with at from about all more how what why blog blogs news home menu "
    "contents share tags les des die das und zum zur".split())


def _bare_name(name: str) -> bool:
    """A name standing alone on a line: capitalised words (particles aside), no function words."""
    tokens = name.split()
    return not any(t.casefold() in _FUNCTION_WORDS for t in tokens) and all(
        t[0].isupper() or t in _PARTICLES for t in tokens)


def from_html(stripped: Stripped, body: str, url: str | None = None) -> Metadata:
    """Metadata of an HTML page (``htmlmeta``: JSON-LD, meta tags, headline, byline, dateline, with
    trafilatura's metadata as the fallback); the language from the text when the page declares none."""
    from dataclasses import replace

    from . import htmlmeta

    hints = stripped.hints
    lines = hints.get("html_lines")
    meta = htmlmeta.extract(hints["html_tree"], url, fallback=hints.get("html_metadata"),
                            lines=lines if isinstance(lines, list) else None)
    return meta if meta.language else replace(meta, language=guess_language(body, None))


def guess_language(text: str, stoplist: str | None) -> str | None:
    """ISO 639-1 code of ``text``: by script for CJK and Thai, else by the best-covering stoplist."""
    sample = text[:5000]
    if not sample:
        return None
    if _SCRIPT_LETTERS.search(sample):
        kana = len(re.findall(r"[\u3040-\u30ff]", sample))
        han = len(re.findall(r"[\u4e00-\u9fff]", sample))
        hangul = len(re.findall(r"[\uac00-\ud7af]", sample))
        thai = len(re.findall(r"[\u0e00-\u0e7f]", sample))
        letters = len(_LETTER.findall(sample)) or 1
        if (kana + han + hangul + thai) / letters > 0.3:
            return max((("ja", kana * 3 + (han if kana else 0)), ("zh", han if not kana else 0), ("ko", hangul),
                        ("th", thai)), key=lambda kv: kv[1])[0]
    if stoplist is None:
        from .strip.stoplists import pick_stoplist
        from .textutil import words

        stoplist = pick_stoplist(words(sample))[0]
    code = ISO_639_1.get(stoplist) if stoplist else None
    if code in ("ru", "uk", "be", "bg"):  # Cyrillic lists overlap: the letters decide
        if re.search(r"[іїєґІЇЄҐ]", sample):
            code = "uk" if not re.search(r"[ўЎ]", sample) else "be"
        elif re.search(r"[ыэёъЫЭЁ]", sample):
            code = "ru"
    return code
