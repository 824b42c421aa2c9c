"""Find and parse publication dates in free text ("December 2, 2021 8:45 PM", "2 грудня 2021",
"2. Dezember 2021", "2021-12-02", "2021/12/02", "02.12.2021").

Common shapes are parsed here with month-name tables (fast, no guessing); anything else is
handed to dateparser, which knows about 200 locales.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

# Month names (and their genitive / abbreviated forms) by number, in the languages of most news.
_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "января",
        "январь", "січня", "січень", "stycznia", "styczeń", "ιανουαρίου", "ιανουάριος", "januari", "jänner",
        "ocak",
        # (then in each month: Arabic, Egyptian and Levantine; Hindi; Bulgarian; Serbian)
        "يناير", "كانون الثاني", "जनवरी", "януари", "јануар"),
    2: ("february", "feb", "februar", "février", "févr", "febrero", "febbraio", "fevereiro", "fev", "февраля",
        "февраль", "лютого", "лютий", "lutego", "luty", "φεβρουαρίου", "φεβρουάριος", "februari", "şubat",
        "فبراير", "شباط", "फ़रवरी", "फरवरी", "февруари", "фебруар"),
    3: ("march", "mar", "märz", "mars", "marzo", "março", "марта", "март", "березня", "березень", "marca",
        "marzec", "μαρτίου", "μάρτιος", "maart", "mart",
        "مارس", "آذار", "मार्च", "март"),
    4: ("april", "apr", "avril", "abril", "aprile", "апреля", "апрель", "квітня", "квітень", "kwietnia",
        "kwiecień", "απριλίου", "απρίλιος", "nisan",
        "أبريل", "ابريل", "نيسان", "अप्रैल", "април"),
    5: ("may", "mai", "mayo", "maggio", "maio", "мая", "май", "травня", "травень", "maja", "maj", "μαΐου",
        "μάιος", "mei", "mayıs",
        "مايو", "أيار", "मई", "мај"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "junho", "июня", "июнь", "червня", "червень",
        "czerwca", "czerwiec", "ιουνίου", "ιούνιος", "haziran",
        "يونيو", "يونية", "حزيران", "जून", "юни", "јун"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho", "июля", "июль", "липня", "липень",
        "lipca", "lipiec", "ιουλίου", "ιούλιος", "temmuz",
        "يوليو", "يولية", "تموز", "जुलाई", "юли", "јул"),
    8: ("august", "aug", "août", "agosto", "ago", "августа", "август", "серпня", "серпень", "sierpnia",
        "sierpień", "αυγούστου", "αύγουστος", "augustus", "ağustos",
        "أغسطس", "اغسطس", "آب", "अगस्त"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro", "сентября",
        "сентябрь", "вересня", "вересень", "września", "wrzesień", "σεπτεμβρίου", "σεπτέμβριος", "eylül",
        "سبتمبر", "أيلول", "सितंबर", "सितम्बर", "септември", "септембар"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "октября",
         "октябрь", "жовтня", "жовтень", "października", "październik", "οκτωβρίου", "οκτώβριος", "ekim",
         "أكتوبر", "اكتوبر", "تشرين الأول", "अक्टूबर", "октомври", "октобар"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь", "листопада", "листопад",
         "listopada", "listopad", "νοεμβρίου", "νοέμβριος", "kasım",
         "نوفمبر", "تشرين الثاني", "नवंबर", "नवम्बर", "ноември", "новембар"),
    12: ("december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre", "dezembro",
         "декабря", "декабрь", "грудня", "грудень", "grudnia", "grudzień", "δεκεμβρίου", "δεκέμβριος",
         "aralık",
         "ديسمبر", "كانون الأول", "दिसंबर", "दिसम्बर", "декември", "децембар"),
}
_MONTHS_EN = tuple(names[0] for names in _MONTHS.values())  # "january", ..., "december"
MONTH_BY_NAME = {name: num for num, names in _MONTHS.items() for name in names}
_MONTH = "|".join(sorted((re.escape(m) for m in MONTH_BY_NAME), key=len, reverse=True))
_TIME = r"(?:,?\s*(?:at\s+|um\s+|à\s+|a las\s+|alle\s+|в\s+|о\s+|o\s+)?(?P<h>\d{1,2})[:.h](?P<mi>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?\s?m\.?)?)?"
_PATTERNS = [
    # 2021-12-02, 2021-12-02T20:45
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2}))?", re.I),
    # December 2, 2021 / Dec. 2nd 2021 / December 19. 2025; glued to a word before it by a dump
    # ("EditorialNovember 22, 2018", "annette thurmonJune 17, 2021")
    re.compile(rf"(?:(?<!\w)|(?-i:(?<=[a-zß-ÿ])(?=[A-Z])))(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[.,]?\s+"
               r"(?P<y>\d{4})" + _TIME, re.I),
    # 2 December 2021 / 2. Dezember 2021 / 2 грудня 2021 р. / 2 de diciembre de 2021
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(?P<mn>{_MONTH})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})"
               + _TIME, re.I),
    # 2021/12/02, 2021/12/2 (year first: then the month, as in East Asia and in ISO 8601; never inside a
    # URL's path, "/2021/12/02/", which names when some page was filed, perhaps another one's)
    re.compile(r"(?<![\d/])(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])" + _TIME, re.I),
    # 02.12.2021 / 02/12/2021 (day first, as everywhere but the US; US order when day > 12 says so)
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})(?![\d.])" + _TIME, re.I),
    # 2021年12月2日 / 2021. 12. 2.
    re.compile(r"(?P<y>\d{4})\s*[年.]\s*(?P<m>\d{1,2})\s*[月.]\s*(?P<d>\d{1,2})\s*日?" + _TIME),
]
# Dates outside this range are not publication dates of web pages.
MIN_YEAR, MAX_YEAR = 1990, 2100


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first date in ``text`` as ISO 8601 (with ``THH:MM`` when a time follows), and its match.

    >>> find_date("by Igor Kossov December 2, 2021 8:45 PM 2 min read")[0]
    '2021-12-02T20:45'
    >>> find_date("Опубліковано 2 грудня 2021 р.")[0]
    '2021-12-02'
    >>> find_date("EditorialNovember 22, 2018")[0], find_date("December 19. 2025")[0]
    ('2018-11-22', '2025-12-19')
    """
    best: tuple[str, re.Match[str]] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso and (best is None or match.start() < best[1].start()):
                best = (iso, match)
                break
    return best


def dates_of(line: str, find: Callable[[str], tuple[str, re.Match[str]] | None] = find_date
             ) -> Iterator[tuple[str, re.Match[str], str]]:
    """Each date written in ``line``, in order: (ISO date, its match, the text since the previous date).
    The match is in what follows the previous date, not in ``line``; ``find`` is ``find_date`` or a
    cached copy of it."""
    rest = line
    while found := find(rest):
        iso, match = found
        yield iso, match, rest[: match.start()]
        rest = rest[match.end():]


def month_first(iso: str, match: re.Match[str]) -> str:
    """Swap day and month of a numeric date read day-first ("12/02/2021") when the page is American
    (a year written first, "2021/12/02", is followed by the month everywhere)."""
    parts = match.groupdict()
    if "/" not in match.group(0) or parts.get("mn") or not parts.get("m") or match.start("y") < match.start("m"):
        return iso
    day, month = int(parts["d"]), int(parts["m"])
    if day > 12 or month > 12:
        return iso  # unambiguous: find_date already read it right
    return f"{iso[:4]}-{day:02d}-{month:02d}{iso[10:]}"


def _to_iso(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    try:
        year = int(parts["y"])
        month = MONTH_BY_NAME[parts["mn"].lower().rstrip(".")] if parts.get("mn") else int(parts["m"])
        day = int(parts["d"])
        if parts.get("mn") is None and parts.get("m") and month > 12 >= day:
            month, day = day, month  # 12/31/2021: the US order
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        value = date(year, month, day).isoformat()
    except (ValueError, KeyError, TypeError):
        return None
    if parts.get("h") and parts.get("mi"):
        hour, minute = int(parts["h"]), int(parts["mi"])
        ampm = (parts.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            value += f"T{hour:02d}:{minute:02d}"
    return value


def to_iso(value: str) -> str | None:
    """``value`` (ISO 8601, RFC 2822 or a written date) as ISO 8601, keeping the time and zone it gives.

    >>> to_iso("2021-12-02T20:45:00+02:00")
    '2021-12-02T20:45:00+02:00'
    >>> to_iso("2021-12-02T18:45:00.000Z")
    '2021-12-02T18:45:00+00:00'
    >>> to_iso("Thu, 02 Dec 2021 20:45:00 GMT")
    '2021-12-02T20:45:00+00:00'
    >>> to_iso("Dec 2, 2021"), to_iso("2021-12-02"), to_iso("0000-00-00")
    ('2021-12-02', '2021-12-02', None)
    """
    value = value.strip()
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            found = find_date(value)
            return found[0] if found else None
    if not MIN_YEAR <= when.year <= MAX_YEAR:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return when.date().isoformat()
    return when.replace(microsecond=0).isoformat()


def parse_date_text(text: str, languages: list[str] | None = None) -> str | None:
    """Parse a date written in any language with dateparser (slower; for what ``find_date`` misses)."""
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        parsed = dateparser.parse(text, languages=languages, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if not isinstance(parsed, datetime) or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return parsed.date().isoformat()


# A label that makes the date right after it the publication date ("Published: Jan 29, 2025", "Erschienen
# am: 01.11.2023"); it may be glued to the word before it ("By Korin MillerPublished: ...").
PUBLISHED_WORDS = ("published", "posted", "veröffentlicht", "erschienen", "publié", "publicado", "pubblicato",
                   "opublikowano", "опубліковано", "опубликовано", "δημοσιεύθηκε", "δημοσίευση")
_PUBLISHED = re.compile(r"(?:\b|(?<=[a-zß-ÿа-яα-ω])(?=[A-ZА-ЯΑ-Ω]))(?i:" + "|".join(PUBLISHED_WORDS) + ")"
                        r"(?i:\s+(?:on|am|le|el|il))?\s*:?\s*")
LABELLED_DATE_SPAN = 40  # characters after the label the date may take


def labelled_publication(text: str) -> str | None:
    """The date right after the first "published" label in ``text`` that has one, as ISO 8601.

    >>> labelled_publication("By Korin MillerPublished: Jan 29, 2025Tanja Ivanova")
    '2025-01-29'
    >>> labelled_publication("Erschienen am: 01.11.2023")
    '2023-11-01'
    >>> labelled_publication("An unpublished 3 May 2020 draft") is None
    True
    """
    for label in _PUBLISHED.finditer(text):
        found = find_date(text[label.end():label.end() + LABELLED_DATE_SPAN])
        if found and found[1].start() == 0:
            return found[0]
    return None


# Words that make the date after them a modification date, not the publication date.
UPDATE_LABEL = re.compile(r"(?:updated|modified|revised|reviewed|aktualisiert|geändert|bearbeitet|mis à jour|"
                          r"modifié|actualizado|actualización|aggiornato|atualizado|zaktualizowano|"
                          r"обновлено|оновлено|ενημερώθηκε|ενημέρωση|수정|최종\s*수정|更新|更新日|最終更新|修改|"
                          r"更新时间|更新時間)\W*(?:on|am|le|el|il)?\W*$", re.I)
# ... and a "published" label right before a date ("Originally published November 9, 2022").
_PUBLISHED_BEFORE = re.compile(r"(?i:" + "|".join(PUBLISHED_WORDS) + r")\W*(?:on|am|le|el|il)?\W*$")


def labelled_dates(line: str, us_order: bool = False) -> list[tuple[str, str]]:
    """The dates of ``line`` with their labels: ("published" | "updated" | "", ISO date); with
    ``us_order``, 05/04/2022 is May 4.

    >>> labelled_dates("10/12/2023 7:38:01 PM | Updated: 10/13/2023", us_order=True)
    [('', '2023-10-12T19:38'), ('updated', '2023-10-13')]
    """
    out = []
    for iso, match, before in dates_of(line):
        iso = month_first(iso, match) if us_order else iso
        label = "published" if _PUBLISHED_BEFORE.search(before) else "updated" if UPDATE_LABEL.search(before) else ""
        out.append((label, iso))
    return out


def publication_date(line: str, us_order: bool = False) -> str | None:
    """The publication date among the dates of a byline: the one a "published" label names, else the
    earliest not labelled as an update (a page that shows both dates, unlabelled and glued, "September 1,
    2016September 8, 2016", or "May 21, 2025April 24, 2025", published before it updated).

    >>> publication_date("Updated November 11, 20228:23 PM ET Originally published November 9, 202211:01 AM ET")
    '2022-11-09T11:01'
    >>> publication_date("DECEMBER 22, 2022Updated: JANUARY 02, 2026"), publication_date("May 21, 2025April 24, 2025")
    ('2022-12-22', '2025-04-24')
    """
    found = labelled_dates(line, us_order)
    published = [iso for label, iso in found if label == "published"]
    fresh = published[:1] or [iso for label, iso in found if not label] or [iso for _, iso in found]
    return min(fresh, key=lambda iso: iso[:10]) if fresh else None


# A line that opens with a "Published" label and is no longer than this is a date line, not prose
# ("The report, published on 12 January 2023, found ...").
LABELLED_LINE_WORDS = 16
# ... or a longer one whose date follows the label within its first words ("Posted on November 25,
# 2024December 3, 2024 in College of Health Sciences, General, ...": the categories run on).
LABEL_AND_DATE_WORDS = 6


def dated_label_line(text: str, labels: tuple[str, ...] = PUBLISHED_WORDS) -> str | None:
    """``labelled_publication`` of a short line that opens with one of ``labels`` ("PUBLISHED: November
    8, 2023 at 4:56 p.m. | UPDATED: ...", "Erschienen am: 01.11.2023").

    >>> dated_label_line("| Published: Jan 29, 2025"), dated_label_line("A study published on 3 May 2020")
    ('2025-01-29', None)
    >>> dated_label_line("Published: Mar 8, 2024 · Modified: May 19, 2025 by Jessica Robinson · This post may "
    ...                  "contain affiliate links, which means we earn a commission")
    '2024-03-08'
    >>> dated_label_line("Published on its website the report says that on 3 May 2020 the board met") is None
    True
    """
    if not text.lstrip(" |·•–—-").casefold().startswith(labels):
        return None
    words = text.split()
    if len(words) > LABELLED_LINE_WORDS:  # a long line whose label and date come first counts
        return labelled_publication(" ".join(words[:LABEL_AND_DATE_WORDS]))
    return labelled_publication(text)


# A date in a page's address: "/2021/12/02/", "/2021-12-02-", "_2021_12_02" (year, month and day, as
# htmldate's URL extractor reads them), from MIN_YEAR to MAX_YEAR.
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?!\d)")


def url_date(url: str | None) -> str | None:
    """The date (YYYY-MM-DD) the path of ``url`` holds, if any.

    >>> url_date("https://example.com/news/2025/12/19/storm-hits-coast"), url_date("https://example.com/p/12345")
    ('2025-12-19', None)
    """
    match = _URL_DATE.search(urlsplit(url).path) if url else None
    if not match:
        return None
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:  # 2021/02/30
        return None
    return day.isoformat() if MIN_YEAR <= day.year <= MAX_YEAR else None


# The year and month a page's address names: "/2018/11/slug", "/2023/october/03/", "/2021-12-02-".
_URL_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2]|" + "|".join(_MONTHS_EN) + r")(?:[/_-]|$)", re.I)


def url_month(url: str | None) -> str | None:
    """The year and month (YYYY-MM) the path of ``url`` names, if any.

    >>> url_month("https://example.com/2018/11/cheap-fixes"), url_month("https://example.com/blog/2023/october/03/x")
    ('2018-11', '2023-10')
    >>> url_month("https://example.com/p/2018"), url_month("https://example.com/top-10-of-2025/")
    (None, None)
    """
    match = _URL_MONTH.search(urlsplit(url).path) if url else None
    if not match:
        return None
    month = match[2].lower()
    number = int(month) if month.isdigit() else _MONTHS_EN.index(month) + 1
    year = int(match[1])
    return f"{year:04d}-{number:02d}" if MIN_YEAR <= year <= MAX_YEAR else None
