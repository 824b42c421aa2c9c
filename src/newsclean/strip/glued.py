"""Text glued at the page's element boundaries, cut apart again.

BeautifulSoup's ``get_text()`` (and scrapers that join a page's strings with "") writes the text
of adjacent elements with nothing between them when the HTML has no whitespace between its tags,
as minified pages have none: "NutritionistsSearchSubscribeMy BookmarksShopping", "By Korin
MillerPublished: Jan 29, 2025Tanja Ivanova", "Why Trust Us?Food and nutrition advice…". Menus,
headline, byline and article then share a line, and no line evidence can take the chrome out.

A *junction* is where a word runs into the next one with its capital, no space between:
- after a word that starts in lower case ("everythingExpect": a subheading run into its paragraph;
  "Sign inNight buses…": a menu run into the headline),
- after a capitalised word of at least three letters ("SearchSubscribe", "DoePublished"),
- after sentence punctuation ("Us?Food", "you.Expect"), a closing bracket or a digit ("2025Tanja").

Brand names are junctions too (WordPress, JavaScript, LinkedIn: about 3 words in 1,000 of the
bench's gold bodies are such names), so a line is cut only where it holds GLUE_MIN_JUNCTIONS of
them, not all after capitalised words unless run together; and ``rejoin`` glues two pieces back
where both stay in the article across a name (or across a lower-case word, in the same role): a
name split by a cut reads whole again, and only the chrome around it goes. Pieces removed for the
same reason are glued back too, so that the line record shows the raw line.
Cased scripts only (Latin, Greek, Cyrillic, Armenian); unspaced scripts have no capitals to go by.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Line

_LOWER = "a-zß-öø-ÿα-ωά-ώа-яёіїєґա-և"
_UPPER = "A-ZÀ-ÖØ-ÞΑ-ΩΆ-ΏА-ЯЁІЇЄҐԱ-Ֆ"
# The end of what runs into the next word (see the module's docstring), then that word's capital
# and a lower-case letter (an opening quote may come first: 'he says.“However'). The groups name
# the kind: a capitalised word ("name": brand names end so too), a lower-case one ("word"), the
# rest (MARK: sentence punctuation, a closing bracket, a digit).
JUNCTION = re.compile(
    rf"(?:(?P<name>(?<![{_UPPER}])[{_UPPER}][{_LOWER}]{{2,}})|(?P<word>(?<![^\W\d_])[{_LOWER}]{{2,}})|"
    rf"[^\W_]{{2}}[.!?…][\"”’»]?|[)\]]|(?<!\S)\d+|\d{{2}})(?=[\"“«‘]?[{_UPPER}][{_LOWER}])"
)
# What every junction has, found far faster: a capital and a lower-case letter right after a
# lower-case letter, a digit or a bracket (with sentence punctuation or quotes between them).
_ADJACENT = re.compile(rf"[{_LOWER}\d)\]][.!?…]?[\"”’»]?[\"“«‘]?[{_UPPER}][{_LOWER}]")
# Junctions on a line before it is cut, one of them not after a capitalised word or two in one
# run of letters: "the MacBook and the AirPods" is prose, "FitnessSexFood" and "MillerPublished:
# Jan 29, 2025Tanja" are glue. And at least one junction per GLUE_MAX_WORDS words: paragraphs glued
# together meet at one every 50-100 words, menus at every item; a long list with a few names in it
# ("LAUREAT 2017 - Membre de l'équipe-projet GraphDeco…") is not cut into long pieces, nor is a
# page joined with spaces (get_text(" ")), whose few junctions are its menus' (lines of 300+ words:
# a median of 0.3 junctions per 100 words there, 4.2 in get_text() dumps of the same pages).
GLUE_MIN_JUNCTIONS = 2
GLUE_MAX_WORDS = 75
# ... and a line whose junctions are all after capitalised words is cut only if it does not end
# like a sentence or a line of code ("HttpRawMessageLoggingHandler - A DelegatingHandler that logs:").
_SENTENCE_OR_CODE_END = tuple(".!?…:;,{([")
# Hashtags, handles, addresses and source code keep their capitals ("day.#TodayInSenate",
# "@NYTimesWell", "NewPostgresUserRepo(db)", "Alyio.Extensions.Http"): no junction in a word with
# their marks.
_TAG_OR_CODE = re.compile(r"[#@/{}=;_<>]|\w\(|\.\w+\.")
# A name's last part followed by punctuation is no new item: "…runs its site on WordPress."
_NAME_END = re.compile(r"[^\W\d_]+[.!?)]")  # (not ",", ":": "ScientistsHansen, a professor", "DoePublished: Jan 2")
_CODE_LINE = re.compile(r"\s=\s|;$|\{$|;\s*//|^//")  # "options.IgnoreRequestContent = true; // no body"
NAME, WORD, MARK = "name", "word", "mark"


def cut_glued(lines: list[str], blank_before: list[bool]) -> tuple[list[str], list[bool], dict[int, str]]:
    """The lines with each glued line cut at its junctions, and the pieces that continue the piece
    before them (index -> the junction's kind, NAME, WORD or MARK: what ``rejoin`` may undo).

    >>> cut_glued(["Health NewsSearchSubscribeBy Jane DoePublished: Jan 2, 2025We spoke."], [True])[:2]
    (['Health News', 'Search', 'Subscribe', 'By Jane Doe', 'Published: Jan 2, 2025', 'We spoke.'], \
[True, False, False, False, False, False])
    >>> cut_glued(["The MacBook and the AirPods cost $700."], [True])[0]
    ['The MacBook and the AirPods cost $700.']
    """
    adjacent = _ADJACENT.search  # (a quick scan of every line; the junctions only where it finds one)
    found = {i: cuts for i, line in enumerate(lines) if adjacent(line) and (cuts := _junctions(line))}
    if not found:
        return lines, blank_before, {}
    out: list[str] = []
    blank: list[bool] = []
    continued: dict[int, str] = {}
    for i, (line, before) in enumerate(zip(lines, blank_before, strict=True)):
        if i not in found:
            out.append(line)
            blank.append(before)
            continue
        bounds = [0, *(end for end, _ in found[i]), len(line)]
        continued.update((len(out) + n, kind) for n, (_, kind) in enumerate(found[i], 1))
        out.extend(line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False))
        blank.extend([before] + [False] * len(found[i]))
    return out, blank, continued


def _in_tag(line: str, junction: re.Match[str]) -> bool:
    """Is the junction in a hashtag, a handle, an address or code (see _TAG_OR_CODE)?"""
    at = junction.end()
    end = line.find(" ", at)
    return _TAG_OR_CODE.search(line, line.rfind(" ", 0, at) + 1, end if end >= 0 else len(line)) is not None


def _junctions(line: str) -> list[tuple[int, str]]:
    """The junctions (end, kind) of a glued line; none for a line that is not."""
    found = [(m.end(), m.lastgroup or MARK) for m in JUNCTION.finditer(line)
             if not _in_tag(line, m) and not (m.lastgroup == NAME and _NAME_END.match(line, m.end()))]
    if len(found) < GLUE_MIN_JUNCTIONS or len(found) * GLUE_MAX_WORDS < line.count(" ") or _CODE_LINE.search(line):
        return []
    if any(kind != NAME for _, kind in found):
        return found
    if line.endswith(_SENTENCE_OR_CODE_END):  # CamelCase names in a sentence or a line of code
        return []
    chained = any(" " not in line[a:b] for (a, _), (b, _) in zip(found, found[1:], strict=False))
    return found if chained else []


def rejoin(lines: Sequence[Line], continued: dict[int, str]) -> list[tuple[int, int]]:
    """Runs ``(start, end)`` of consecutive pieces of one glued line to put back together: pieces
    kept in the article across a name ("Mac" + "Book") or a word in the same role (a subheading
    run into its paragraph stays apart from it, as do sentences); pieces given the same other role
    for the same reason (a run of menu items removed as one reads as the raw line it was).

    >>> from newsclean.models import Role
    >>> body, heading = Role.BODY, Role.HEADING
    >>> rejoin([Line("Built on Word", body), Line("Press by us", heading), Line("Search", Role.REMOVED, "menu"),
    ...         Line("Sign", Role.REMOVED, "menu")], {1: NAME, 2: NAME, 3: NAME})
    [(0, 2), (2, 4)]
    >>> rejoin([Line("Protein everything", heading), Line("Expect protein", body)], {1: WORD})
    []
    """
    runs: list[tuple[int, int]] = []
    start = None
    for i in range(1, len(lines) + 1):
        joins = i < len(lines) and i in continued and _joins(lines[i - 1], lines[i], continued[i])
        if joins and start is None:
            start = i - 1
        elif not joins and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _joins(before: Line, line: Line, kind: str) -> bool:
    if before.role.kept and line.role.kept:
        return kind == NAME or (kind == WORD and line.role is before.role)
    return line.role is before.role and line.reason == before.reason
