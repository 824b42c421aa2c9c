"""The plain-text stripper: find the article (title, byline, body) in a text dump.

Recipe (see each function):
1. ``compute_features``: what each line looks like (length, stopwords, lexicon, repetition, ...);
2. ``score_line``: evidence that a line is article prose (> 0) or chrome (< 0), with a reason;
3. ``find_span``: the article is mostly one contiguous run of lines: the maximum-sum run, with
   section headings ("Related", "News Feed", "Comments") as barriers that the run only crosses when
   what lies beyond is worth it;
4. ``assign_roles``: inside the run, keep prose and subheadings and drop chrome (with its reason);
   above it, find the headline, the byline and image captions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import numpy as np

from ..bylines import BYLINE_LEAD, GLUED_LEAD, begins_with_given_name
from ..dates import find_date, to_iso
from ..errors import TooLargeError
from ..metadata import BY_INSIDE, EAST_ASIAN_REPORTER, parse_byline
from ..models import Line, Role
from ..sitelines import REASON as SITE_REASON
from ..sitelines import line_key, site_hits
from ..textutil import SENTENCE_STOPS, has_any, words
from . import Stripped, lexicon
from .features import (
    COMMENT_NOUNS,
    NO_CUES,
    SHORT_WORDS,
    LineFeatures,
    MarkdownCues,
    compute_features,
    read_lines,
    script_code,
)
from .glued import rejoin
from .model import BYLINE_MAX_WORDS, LineModel, feature_matrix, load_model, single_threaded_blas
from .model import BYLINE_START as _BYLINE_START
from .wrapped import link_header_end, link_list_start

# --- scoring (units: roughly "words of evidence") -------------------------------------------------
# A chrome line costs this much plus its length, so that a run of a few chrome lines outweighs
# one stray prose line (a caption, a teaser) beside the article.
CHROME_COST = 5.0
# A short line that is neither prose nor known chrome (a menu item, a subheading) costs a little:
# menus of hundreds of such lines then separate the article from other prose.
NEUTRAL_COST = 1.0
# Lines with at least this many words and a sentence ending are prose on length alone.
PROSE_WORDS = 8
# Stopword share under which a longer line is a list of names or keywords, not prose (jusText uses
# 0.30 "high" / 0.32 "low" for English; lists of names and tags sit well under 0.1).
MIN_PROSE_STOP_SHARE = 0.12
# Each lexicon phrase in a long line takes away this share of its value (donation appeals, newsletter
# blurbs written as sentences).
LEXICON_PENALTY_PER_HIT = 0.35
# A run crosses a section heading only when the run beyond is worth at least this share of the
# article found so far (an in-body "Related" subheading, not a "News Feed" of other stories).
CROSS_BARRIER_SHARE = 0.6
# How far above the article's first line the headline and byline may be (in non-empty lines).
HEADER_WINDOW = 15
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 2, 30

LINK_LIST_REASON = "link-list"  # the reference list lynx -dump puts after the page, its <link> list above
_DATED_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2}|unknown)(?:\s+(.+?))?\s*$")
# Photo credits of the scripts whose words the pattern's \b cannot bound (Devanagari ends words with a
# vowel sign, as Bengali does) or that write no spaces: "(फोटो: पीटीआई)", "ছবি: প্রথম আলো",
# "(ภาพ: ...)", "本报记者 张磊 摄", "（写真：共同）", "사진=연합뉴스", "图/新华社", "(من المصدر)".
_CAPTION_CUE_UNSPACED = (r"(?:फोटो|तस्वीर)\s*:|(?:^|(?<=[\s(（]))(?:ছবি|ภาพ)\s*:|\s[摄攝]\s*[）)]?\s*$|"
                         r"(?:记者|記者)\s*[\u4e00-\u9fff]{2,4}\s*[摄攝]|"
                         r"[（(]?(?:写真|照片|图片|圖片|图源|圖源)\s*[：:/]|"
                         r"^图\s*[/／]|사진\s*[=:ⓒ]|\(من المصدر\)")
_MONTH_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}|[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}年\d{1,2}月\d{1,2}日|\d{4}\.\s?\d{1,2}\.\s?\d{1,2})",
    re.I)
_CAPTION_CUE = re.compile(
    r"\((?:L|R|C|left|right|center|centre|top|bottom)\)|\b(?:photo|photograph|image|picture|illustration|"
    r"foto|fotó|fotografie|fotografija|fotoğraf|ảnh|bild|beeld|bilde|billede|kuva|slika|nuotrauka|"
    r"фото|снимка|фотография|світлина|φωτο\w*|zdjęcie|credit|pictured|"
    r"صورة|تصوير|عکس|צילום|ფოტო|լուսանկար\w*)\b"
    r"(?:\s+[^\W\d_]+)?\s*(?::|by\b|courtesy)|"
    r"^(?:photo|image|foto|фото|bild|снимка)\s*[:|]|" + _CAPTION_CUE_UNSPACED,
    re.I)
# Agency credits end a caption: searched in the last characters only (anchoring a long alternation
# at the end of a long line is slow).
_CAPTION_CREDIT_END = re.compile(
    r"(?:getty images|shutterstock|afp|reuters|associated press|ap photo|epa|dpa|istock)\W*\)?\s*$", re.I)
CREDIT_TAIL_CHARS = 40
# What an ASCII line (lower-cased) must hold for each pattern to match it: a "(" or one of the cue
# words, one of the agencies. Lines without are not searched (the patterns scan the whole line; ASCII
# text is matched case-blind exactly as its lower-case form is).
_CAPTION_CUE_WORDS = ("(", "photo", "image", "picture", "illustration", "foto", "bild", "credit", "beeld", "bilde",
                      "billede", "kuva", "slika", "nuotrauka")  # (ASCII lines)
_CREDIT_WORDS = ("getty images", "shutterstock", "afp", "reuters", "associated press", "ap photo", "epa", "dpa",
                 "istock")


# A caption is shorter than this many words (a paragraph may name a photo: "... photo: ...").
CAPTION_MAX_WORDS = 40


@lru_cache(maxsize=4096)
def is_caption(text: str) -> bool:
    """Image captions and photo credits: "(L)", "Photo: ...", "... / Getty Images"."""
    tail = text[-CREDIT_TAIL_CHARS:]
    if text.isascii():
        low = text.lower()
        return bool((has_any(low, _CAPTION_CUE_WORDS) and _CAPTION_CUE.search(text))
                    or (has_any(low[-CREDIT_TAIL_CHARS:], _CREDIT_WORDS) and _CAPTION_CREDIT_END.search(tail)))
    return bool(_CAPTION_CUE.search(text) or _CAPTION_CREDIT_END.search(tail))


def _credit_line(text: str) -> bool:
    """A caption whose photo credit closes the line ("... ছবি: প্রথম আলো", "... (Photo: Reuters)"): no
    headline, though a headline may name a photo ("Neuer Blick auf das „Blue Marble“-Foto: ICON ...",
    "Das Foto: Wie ein Bild die Welt veränderte", "PICTURED: ...")."""
    if not is_caption(text):
        return False
    cue = _CAPTION_CUE.search(text)
    return cue is None or cue.start() >= max(len(text) - CREDIT_TAIL_CHARS, len(text) // 2, 1)


@dataclass
class Verdict:
    score: float
    reason: str  # why the line is chrome ("" for prose/neutral)
    barrier: bool = False  # a section heading that usually ends the article


@dataclass
class Evidence:
    """Everything the stripper knows about a dump's lines before deciding."""

    feats: list[LineFeatures]
    verdicts: list[Verdict]
    has_stoplist: bool
    stoplist: str | None
    rule_span: tuple[int, int] | None  # the span found by the rules alone
    comments: int | None  # where the readers' comments begin (``comment_section_start``)
    familiar: bool = True  # the model knows this language well (set by predict_lines)


def gather_evidence(lines: list[str], blank_before: list[bool]) -> Evidence:
    feats, stats = compute_features(lines, blank_before)
    verdicts = [score_line(f) for f in feats]
    span = find_span([v.score for v in verdicts], [v.barrier for v in verdicts])
    return Evidence(feats, verdicts, stats.stoplist is not None, stats.stoplist, span, comment_section_start(feats))


def strip_text(text: str, use_model: bool = True, max_lines: int = 0, url: str | None = None,
               site_lines: frozenset[int] = frozenset()) -> Stripped:
    """Find the article in a plain-text dump; every non-empty line gets a role and a reason.

    The page's ``url``, when known, is a hint for the headline (its slug repeats the headline's words);
    ``site_lines`` are the lines other documents of its site repeat (``sitelines``), chrome.

    A page of more than ``max_lines`` lines (0: no cap), counted after a run-on page is cut into
    sentences, is refused with TooLargeError.
    """
    lines, blank_before, runon, continued, cues = read_lines(text)
    if max_lines and len(lines) > max_lines:
        raise TooLargeError(f"{len(lines)} lines once cut into sentences, more than the cap of {max_lines} "
                            "(max_lines)")
    reader = _reader_header(lines)
    if reader:  # (its markdown is read alone: the page's lines are those of the header and the markdown's)
        return _strip_reader_page(text, lines, *reader, use_model)
    # lynx's <link> list above the page and its reference list below it: only addresses and feed
    # names, never the article; the page is read without them, and without lines of program code
    # (``features.script_code``: read as lines of the page they would move the model's reading of
    # the lines around them)
    start = link_header_end(text, lines, blank_before)
    end = link_list_start(lines)
    end = len(lines) if end is None else end
    read = [i for i in range(start, end) if not script_code(lines[i])]
    if len(read) == len(lines):
        return _rejoin_glued(_strip_lines(text, lines, blank_before, runon, use_model, url, cues, site_lines),
                             continued)
    page = _strip_lines(text, [lines[i] for i in read], [blank_before[i] for i in read], runon, use_model, url,
                        cues, site_lines)
    out = [Line(t, Role.REMOVED, SCRIPT_REASON if start <= i < end else LINK_LIST_REASON)
           for i, t in enumerate(lines)]
    for i, line in zip(read, page.lines, strict=True):
        out[i] = line
    return _rejoin_glued(Stripped(tuple(out), page.hints), continued)


# The header a reader service puts above the markdown it made of a page (Jina Reader: "Title: …",
# "URL Source: …", "Published Time: …", then "Markdown Content:") is metadata, not the page: its title
# is the page's <title> (a heading of the page, when it has one level-1 heading, is preferred), its
# address the page's, its time the page's declared publication time.
_READER_FIELD = re.compile(r"^(Title|URL Source|Published Time|Description|Warning|Markdown Content):(?:\s+(.*))?$")
READER_HEADER_LINES = 12  # the header's fields come first: "Markdown Content:" within this many lines
READER_REASON = "header:reader"


def _reader_header(lines: list[str]) -> tuple[dict[str, str], int] | None:
    """The fields of a reader service's header at the top of the page and how many lines it takes,
    or None."""
    if not lines or not lines[0].startswith("Title:"):
        return None
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[:READER_HEADER_LINES]):
        field = _READER_FIELD.match(line)
        if not field:
            return None
        if field.group(1) == "Markdown Content":
            return (fields, i + 1) if "URL Source" in fields else None
        fields[field.group(1)] = (field.group(2) or "").strip()
    return None


def _strip_reader_page(text: str, lines: list[str], fields: dict[str, str], end: int, use_model: bool
                       ) -> Stripped:
    marker = "Markdown Content:"
    inner = strip_text(text.split(marker, 1)[1] if marker in text else "\n".join(lines[end:]), use_model,
                       url=fields["URL Source"] or None)
    hints = dict(inner.hints)
    # the title heads' choice, else the header's title (the page's <title>; preferring it to the
    # heads' choice made 0.840 / 0.700 of the titles right on bench.styles' reader pages of wcxb-dev
    # and traf, against 0.853 / 0.686)
    chosen = hints.get("title") or next((ln.text for ln in inner.lines if ln.role is Role.TITLE), None)
    titled = Role.REMOVED
    if chosen:
        hints["title"] = chosen
    elif fields.get("Title"):
        titled, hints["title"] = Role.TITLE, fields["Title"]
    head: list[Line] = []
    for line in lines[:end]:
        name = line.split(":", 1)[0]
        role = {"Title": titled, "Published Time": Role.BYLINE}.get(name, Role.REMOVED)
        head.append(Line(line, role, READER_REASON))
    if fields.get("URL Source"):
        hints["url"] = fields["URL Source"]
    when = to_iso(fields.get("Published Time", ""))
    if when:
        hints["date"], hints["declared_date"] = when, True
    return Stripped((*head, *inner.lines), hints)


LINK_ONLY_REASON = "markdown:link"
SCRIPT_REASON = "script-code"


def _rejoin_glued(page: Stripped, continued: dict[int, str]) -> Stripped:
    """Pieces cut from a glued line put back together where ``glued.rejoin`` says: a brand name
    split by the cut reads whole again, a run of menu items removed for one reason is one line."""
    lines = page.lines
    if not continued or page.hints.get("dated_header"):  # (a dated header's page: its lines are its own)
        return page
    runs = rejoin(lines, continued)
    if not runs:
        return page
    out: list[Line] = []
    done = 0
    for start, end in runs:
        out.extend(lines[done:start])
        first = max(range(start, end), key=lambda i: len(lines[i].text))  # a name's pieces: the longest's role
        out.append(Line("".join(ln.text for ln in lines[start:end]), lines[first].role, lines[first].reason))
        done = end
    out.extend(lines[done:])
    return Stripped(tuple(out), page.hints)


def _strip_lines(text: str, lines: list[str], blank_before: list[bool], runon: bool, use_model: bool,
                 url: str | None, cues: MarkdownCues = NO_CUES, site_lines: frozenset[int] = frozenset()
                 ) -> Stripped:
    if not lines:
        return Stripped(())
    header = _DATED_HEADER.match(lines[0])
    if header:  # newsclean's own "dated" output: the header is metadata, the rest is stripped alone
        inner = strip_text(text.split(lines[0], 1)[1] if lines[0] in text else "\n".join(lines[1:]), use_model)
        day, title = header.group(1), header.group(2)
        merged = {**inner.hints, "date": None if day == "unknown" else day, "title": title, "dated_header": True}
        return Stripped((Line(lines[0], Role.TITLE, "header:dated"), *inner.lines), merged)
    hints: dict[str, object] = {}
    ev = gather_evidence(lines, blank_before)
    hints["stoplist"] = ev.stoplist
    # the model learned from pages of paragraphs: on sentences cut from a run-on page it keeps nearly
    # everything (aeb pages joined on one line: shingle F1 0.70 with it, 0.78 with the rules alone)
    predicted = predict_lines(ev) if use_model and not runon else None
    role_probs: dict[str, np.ndarray] = {}
    if predicted is None:
        span, keep = ev.rule_span, None
    else:
        probs, role_probs = predicted
        span, keep = decode(probs, ev)
        if site_lines and span is not None and _site_evidence(ev, probs, keep, site_lines, role_probs.get("title")):
            span, keep = decode(probs, ev)  # the site's furniture no longer outweighs its article
        if span is None:  # the model gives no line even odds (a lone teaser paragraph under its headline):
            span, keep = ev.rule_span, None  # the rules' reading, if they see an article
        else:
            _drop_wordless_and_doubled(ev.feats, keep)
    roles: list[tuple[Role, str]] = [(Role.REMOVED, "")] * len(lines)
    if span is None:
        return Stripped(tuple(Line(t, Role.REMOVED, "no-article") for t in lines), hints)
    found = hints["metadata_lines"] = assign_roles(ev.feats, ev.verdicts, span, roles, keep, role_probs, url,
                                                   ev.comments)
    if "title" in found and not any(role is Role.TITLE for role, _ in roles):
        hints["title"] = found["title"]  # a headline that stays in the body
    _drop_pointed_headlines(ev.feats, roles)
    _drop_pull_quotes(ev.feats, roles)
    if _drop_tag_lists(ev.feats, roles) | _drop_author_box(ev.feats, roles, found.get("author")) \
            | _drop_closing_appeal(ev.feats, roles):
        drop_trailing_headings(roles)
    if keep is not None:
        _name_comment_section(ev.comments, keep, roles)
    if runon:
        hints["runon"] = True
        _drop_runon_titles(roles)
        if _first_line_title(ev.feats, blank_before, roles):
            roles[0] = (Role.TITLE, "title:first-line")
            hints.pop("title", None)
    if cues.headline and not runon:
        _title_from_heading(ev.feats, roles, cues.headline, hints)
    if cues.linked:
        _drop_links(ev.feats, roles, cues)
    out = tuple(Line(f.text, role, reason) for f, (role, reason) in zip(ev.feats, roles, strict=True))
    return Stripped(out, hints)


# "Read also:" alone on its line points at the headlines below it (up to POINTED_LINES of them, each a
# line of at most POINTED_MAX_WORDS that does not end as a sentence; their time stamps may stand
# between them): "Читайте также:" / "Канатную дорогу через Волгу закроют на ремонт", "相关阅读" / "· 中国商飞：
# C919今年计划交付量有望翻番". A label is a pointer of at most POINTER_LABEL_MAX_WORDS words.
POINTED_LINES, POINTED_MAX_WORDS, POINTER_LABEL_MAX_WORDS = 3, 25, 4
# (removed lines say why as pointers too, unless a rule of their own removed them)
_SPAN_REASONS = frozenset({"", "before-article", "after-article", "model:boilerplate"})


def _drop_pointed_headlines(feats: list[LineFeatures], roles: list[tuple[Role, str]]) -> None:
    for i, f in enumerate(feats):
        if not f.pointer or f.words > POINTER_LABEL_MAX_WORDS:
            continue
        pointed = 0
        for j in range(i + 1, len(feats)):
            g = feats[j]
            if g.date_time:
                continue
            if pointed == POINTED_LINES or g.terminal or g.words > POINTED_MAX_WORDS or g.pointer:
                break
            role, reason = roles[j]
            if role.kept or (role is Role.REMOVED and reason in _SPAN_REASONS):
                roles[j] = (Role.REMOVED, "pointer:read-also")
            pointed += 1


# A tag label ("Tags:", "Тагови:") is followed by its tags, a line each (up to TAG_MAX_ITEMS lines of at
# most TAG_MAX_CHARS visible characters that do not end as sentences: "hulajnogi elektryczne",
# "ปิดโรงเรียน"), or has them on its own line (up to TAG_LINE_MAX_WORDS words in all): neither is the
# article's text, though a tag reads as a subheading.
TAG_MAX_ITEMS, TAG_MAX_CHARS, TAG_LINE_MAX_WORDS = 20, 40, 25
TAGS_REASON = "tags"
# Tags close an article: below a tag list with at least TAGS_END_WORDS words of the article above it,
# and fewer words kept below it than above, what is kept is the page's (teasers of other stories and
# their summaries, a "read also" box's). (A page whose tags stand above its article, under a form
# taken for the article's start, lost the article without the second condition.)
TAGS_END_WORDS = 100
AFTER_TAGS_REASON = "after-article:tags"


def _article_lines(roles: list[tuple[Role, str]]) -> list[int]:
    """The lines kept as the article's text: its paragraphs and subheadings."""
    return [i for i, (role, _) in enumerate(roles) if role in (Role.BODY, Role.HEADING)]


def _remove_from(roles: list[tuple[Role, str]], kept: list[int], i: int, reason: str) -> None:
    """Remove the kept line ``i`` and every kept line below it (``kept``: ``_article_lines``)."""
    for j in kept[kept.index(i):]:
        roles[j] = (Role.REMOVED, reason)


def _drop_tag_lists(feats: list[LineFeatures], roles: list[tuple[Role, str]]) -> bool:
    """Remove tag labels and their tags (see TAG_MAX_ITEMS), and what is kept below the article's
    tags (TAGS_END_WORDS); whether a kept line was removed."""
    dropped = False
    above = 0  # the article's words above the line
    for i, f in enumerate(feats):
        if roles[i][0] in (Role.BODY, Role.HEADING):
            above += f.words
        if f.words > TAG_LINE_MAX_WORDS:  # (not f.terminal: a label's colon makes it "terminal")
            continue
        tags = lexicon.tag_label(f.text)
        if tags is None or (tags and tags.rstrip()[-1] in SENTENCE_STOPS) or (not tags and not f.lexicon):
            continue  # (a bare label only if the lexicon has it: "Themen" heads German sites' menus)
        dropped |= roles[i][0].kept
        roles[i] = (Role.REMOVED, TAGS_REASON)
        end = i + 1
        if not tags:
            for g in feats[i + 1 : i + 1 + TAG_MAX_ITEMS]:
                if g.length > TAG_MAX_CHARS or g.terminal or g.pointer or g.lexicon:  # ("Facebook", "Latest News")
                    break
                dropped |= roles[g.index][0].kept
                roles[g.index] = (Role.REMOVED, TAGS_REASON)
                end = g.index + 1
        below = [j for j in range(end, len(feats)) if roles[j][0] in (Role.BODY, Role.HEADING)]
        if above >= TAGS_END_WORDS and sum(feats[j].words for j in below) < above:
            for j in below:
                roles[j] = (Role.REMOVED, AFTER_TAGS_REASON)
            return dropped or bool(below)
    return dropped


# A box about the author under the article: the byline's name again on a line of its own, then a line
# about them ("Новинарка градске рубрике. Пише о урбанизму ..."), or a line that begins with the
# name ("נועה לוי היא כתבת חדשות הצפון, ..."). Looked for among the article's last AUTHOR_BOX_LINES kept
# lines, each of at most AUTHOR_BOX_MAX_WORDS words, below at least AUTHOR_BOX_ARTICLE_WORDS words of the
# article; the box and what is kept below it are removed. (The name above the box is a removed line, not
# the byline itself: a person's name under an article's first paragraph was once taken for its byline.)
AUTHOR_BOX_LINES, AUTHOR_BOX_MAX_WORDS, AUTHOR_BOX_ARTICLE_WORDS = 2, 80, 100
AUTHOR_BOX_REASON = "author-box"


def _drop_author_box(feats: list[LineFeatures], roles: list[tuple[Role, str]], author_line: str | None) -> bool:
    """Remove the author box at the article's end (see AUTHOR_BOX_LINES); whether one was found."""
    names = [name.casefold() for name in parse_byline(author_line)[0]] if author_line else []
    if not names:
        return False
    kept = _article_lines(roles)
    for i in kept[-AUTHOR_BOX_LINES:]:
        if feats[i].words > AUTHOR_BOX_MAX_WORDS \
                or sum(feats[k].words for k in kept if k < i) < AUTHOR_BOX_ARTICLE_WORDS:
            continue
        text = feats[i].text.casefold()
        named = feats[i - 1].text.casefold() in names and roles[i - 1][0] is Role.REMOVED
        if named or any(text.startswith(name + " ") for name in names):
            _remove_from(roles, kept, i, AUTHOR_BOX_REASON)
            return True
    return False


# A pull quote: a kept line of PULL_QUOTE_MIN_WORDS to PULL_QUOTE_MAX_WORDS words, not the article's
# first, whose text (its own quote marks aside) stands inside a kept paragraph at least PULL_QUOTE_SHARE times as long
# (the page set a sentence of its own again, larger, between the paragraphs), with the speaker's name
# and role under it when that is a short heading-like line with a comma or after a dash ("Ana Ruiz, the mayor").
PULL_QUOTE_MIN_WORDS, PULL_QUOTE_MAX_WORDS, PULL_QUOTE_SHARE, PULL_QUOTE_REASON = 6, 40, 1.5, "pull-quote"
_QUOTE_MARKS = " \"'“”„«»‘’‚‹›「」『』"


def _drop_pull_quotes(feats: list[LineFeatures], roles: list[tuple[Role, str]]) -> None:
    kept = _article_lines(roles)
    candidates = [i for i in kept[1:] if PULL_QUOTE_MIN_WORDS <= feats[i].words <= PULL_QUOTE_MAX_WORDS]
    if not candidates:
        return
    paragraphs = [(j, feats[j].text.casefold()) for j in kept if roles[j][0] is Role.BODY
                  and feats[j].words >= PULL_QUOTE_SHARE * PULL_QUOTE_MIN_WORDS]
    every = "\n".join(text for _, text in paragraphs)
    listed = {j for j, _ in paragraphs}
    for i in candidates:
        quote = feats[i].text.strip(_QUOTE_MARKS).casefold()  # (the page may set the quote in its own marks)
        if not quote or every.count(quote) < 1 + (i in listed):  # (one search in C, before the loop)
            continue
        if any(j != i and feats[j].words >= PULL_QUOTE_SHARE * feats[i].words and quote in text
               for j, text in paragraphs):
            roles[i] = (Role.REMOVED, PULL_QUOTE_REASON)
            after = i + 1
            if after < len(roles) and roles[after][0] is Role.HEADING and feats[after].words <= SANDWICH_MAX_WORDS \
                    and ("," in feats[after].text or feats[after].text.startswith(("—", "–", "-"))):
                roles[after] = (Role.REMOVED, PULL_QUOTE_REASON)


# A donation or newsletter appeal under the article, as long as a paragraph ("Support independent
# journalism in Ukraine. Join us in this fight. ... Support us for as little as $1"): among the article's
# last APPEAL_LINES kept lines, a line whose phrases of those lexicon categories hold APPEAL_PHRASE_WORDS
# words or more ("support independent journalism", "support us": 5; a report that says a council will
# "support us" and "donate" land holds 3), one of them of APPEAL_LONGEST words at least (a report on a
# fundraiser says "donate" and "donation" often); not in Chinese or Japanese, whose phrases count a word a
# character. Removed with what is kept below it.
APPEAL_LINES, APPEAL_PHRASE_WORDS, APPEAL_LONGEST = 2, 5, 3
APPEAL_CATEGORY = "donation"


def _drop_closing_appeal(feats: list[LineFeatures], roles: list[tuple[Role, str]]) -> bool:
    """Remove an appeal among the article's last lines (see APPEAL_LINES); whether one was found."""
    kept = _article_lines(roles)
    for i in kept[-APPEAL_LINES:]:
        if i == kept[0] or not feats[i].lexicon_hits or feats[i].unspaced:
            continue
        lengths = [n for category, n in lexicon.phrases_of(words(feats[i].text)) if category == APPEAL_CATEGORY]
        if sum(lengths) >= APPEAL_PHRASE_WORDS and max(lengths) >= APPEAL_LONGEST:
            _remove_from(roles, kept, i, f"lexicon:{APPEAL_CATEGORY}")
            return True
    return False


# A markdown page's one level-1 heading is its headline (where the page has exactly one: on the first
# 150 pages of wcxb-dev and traf written by html2text, the heading was the gold title on 114 of 131
# and 33 of 39 pages, the title heads' choice on 102 of 150 and 37 of 70 pages in all).
HEADING_TITLE_REASON = "title:markdown-h1"
NOT_HEADING_REASON = "markdown:not-the-h1"


def _title_from_heading(feats: list[LineFeatures], roles: list[tuple[Role, str]], heading: str,
                        hints: dict[str, object]) -> None:
    """The line of the page's level-1 heading (its first line, where a wrap went on with it) becomes
    the title, in place of the line the title heads chose."""
    at = next((i for i, f in enumerate(feats) if f.text == heading or f.text.startswith(heading + " ")), None)
    if at is None:
        return
    for i, (role, _) in enumerate(roles):
        if role is Role.TITLE and i != at:
            roles[i] = (Role.REMOVED, NOT_HEADING_REASON)
    roles[at] = (Role.TITLE, HEADING_TITLE_REASON)
    hints.pop("title", None)


def _drop_links(feats: list[LineFeatures], roles: list[tuple[Role, str]], cues: MarkdownCues) -> None:
    """Kept lines of a markdown page that show only link text (``features.markdown_cues``) are removed."""
    for i, f in enumerate(feats):
        if roles[i][0].kept and cues.only_links(f.text):
            roles[i] = (Role.REMOVED, LINK_ONLY_REASON)


# On a run-on page (cut into sentences) the headline is glued to the menu or the first sentence: the
# rules' "headline" was right on 3 of 103 wcxb-dev pages and 2 of 222 traf pages (browser dumps
# joined by spaces; even the sentences matching the URL's slug were right on only 2 of 13 and 2 of
# 12), so none is given. Their dates (22 of 26 right on wcxb-dev) and authors (7 of 9) are kept.
def _drop_runon_titles(roles: list[tuple[Role, str]]) -> None:
    for i, (role, _) in enumerate(roles):
        if role is Role.TITLE:
            roles[i] = (Role.REMOVED, "before-article:run-on")


# ... except a first line of its own, of a headline's length and kept out of the article: what
# BeautifulSoup's get_text() puts first, the page's <title> ("Headline | Site", the site's name taken
# off later).
def _first_line_title(feats: list[LineFeatures], blank_before: list[bool], roles: list[tuple[Role, str]]) -> bool:
    return (len(feats) > 1 and blank_before[1] and TITLE_MIN_WORDS <= feats[0].words <= TITLE_MAX_WORDS
            and not roles[0][0].kept)


def predict_lines(ev: Evidence, roles: bool = True) -> tuple[np.ndarray, dict[str, np.ndarray]] | None:
    """P(body) for each line, and (with ``roles``) P(title / author / date line), from the shipped
    model (None without)."""
    model = load_model()
    if model is None or not ev.feats:
        return None
    ev.familiar = ev.stoplist in model.familiar
    read = [i for i, f in enumerate(ev.feats) if not (f.lexicon == "advertisement" and lexicon.ad_label(f.text))
            and not (f.pointer and f.words > POINTER_LABEL_MAX_WORDS)]
    if len(read) == len(ev.feats):
        return _predict(model, ev.feats, ev.has_stoplist, ev.rule_span, ev.verdicts, roles)
    # An advertisement's label alone on its line ("Advertisement", "REKLAMA") and a "Read also: <headline>"
    # line (a pointer longer than a bare label) are read as no line at all: the model learned that what
    # follows such lines is often more chrome, and doubted the paragraphs that go on below them (a Georgian
    # page lost its subheading and a paragraph after "რეკლამა"; aeb held-out 0.9379 / 0.9200 -> 0.9397 /
    # 0.9219 for the pointers). They keep P 0 and their place in the span's decoding (as chrome).
    rule_span = ev.rule_span and (bisect_left(read, ev.rule_span[0]), bisect_left(read, ev.rule_span[1]))
    probs, heads = _predict(model, [ev.feats[i] for i in read], ev.has_stoplist, rule_span,
                            [ev.verdicts[i] for i in read], roles)

    def widen(p: np.ndarray) -> np.ndarray:  # (P 0 on the lines not read)
        full = np.zeros(len(ev.feats))
        full[read] = p
        return full

    return widen(probs), {role: widen(p) for role, p in heads.items()}


def _predict(model: LineModel, feats: list[LineFeatures], has_stoplist: bool, rule_span: tuple[int, int] | None,
             verdicts: list[Verdict], roles: bool) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    x = feature_matrix(feats, has_stoplist, rule_span, [v.barrier for v in verdicts], [v.score for v in verdicts])
    words = np.array([f.words for f in feats], dtype=float)
    with single_threaded_blas():
        probs = model.probabilities(x, words)
        return probs, model.role_probabilities(x, probs, words, [f.text for f in feats]) if roles else {}


# Decoding the network's probabilities into one article span (chosen on held-out benchmark pages,
# see training/train.py): a line is evidence for the article in proportion to its words and to how
# far its probability is above SPAN_THRESHOLD; inside the span lines are kept from KEEP_THRESHOLD up.
SPAN_THRESHOLD = 0.5
KEEP_THRESHOLD = 0.5
# Outside the span, a line this sure is kept all the same (an article split by a large insert).
OUTSIDE_KEEP = 0.9
# Inside the span, a line the rules call prose (worth this many words of evidence) is kept from
# this lower probability: a paragraph between two inserts ("Read more: ..." / "Advertisement")
# looks to the model like part of the inserts.
PROSE_SCORE = 10.0
PROSE_KEEP = 0.2
# Above a comment section that held the best span, the article is looked for from this probability
# (``_above_comments``): low enough for a post the model puts near even (0.48), high enough to leave
# the menus and teasers of a page whose article the model does not see at all (0.0-0.2).
ABOVE_COMMENTS_THRESHOLD = 0.3
# Inside the rules' own span, their prose is kept whatever the model says, in languages the model
# saw too little of (``LineModel.familiar``, set at training): it learned from English and German
# pages mostly, and elsewhere it is unsure where the rules are not (a Greek or Japanese paragraph
# after an insert). On the held-out English/German pages this override would cost 0.005-0.01 F1,
# so it is not applied there.
RULE_SPAN_PROSE_KEEP = 0.0


def span_scores(probs: np.ndarray, words: np.ndarray, threshold: float) -> list[float]:
    """Each line's evidence for the article: its words (one more, for wordless lines) times how far
    its probability is above ``threshold``."""
    return ((probs - threshold) * (words + 1)).tolist()


def decode(probs: np.ndarray, ev: Evidence) -> tuple[tuple[int, int] | None, list[bool]]:
    words = np.array([f.words for f in ev.feats], dtype=float)
    scores = span_scores(probs, words, SPAN_THRESHOLD)
    # sentences with an everyday chrome word between two likely lines neither end the article nor hold it
    for run in weak_chrome_runs(ev.feats, ev.verdicts, (probs >= SPAN_THRESHOLD).tolist()):
        for i in run:
            scores[i] = max(scores[i], 0.0)
    barriers = [v.barrier and p < SPAN_THRESHOLD for v, p in zip(ev.verdicts, probs, strict=True)]
    span = find_span(scores, barriers)
    if span is None:
        return None, [False] * len(probs)
    span, keep_from = _above_comments(span, scores, barriers, probs, ev, words)
    start, end = span
    continued = _across_inserts(ev, start, end)
    end = continued[-1] + 1 if continued else end
    earlier = _before_inserts(ev, start, end)
    if earlier:  # the headline is looked for above the article's first part
        span = (earlier[0], span[1])
        continued = earlier + continued
    keep = [(start <= i < end and (p >= keep_from or (p >= PROSE_KEEP and v.score >= PROSE_SCORE)))
            or p >= OUTSIDE_KEEP for i, (p, v) in enumerate(zip(probs.tolist(), ev.verdicts, strict=True))]
    for i in continued:
        keep[i] = True
    if not ev.familiar and ev.rule_span:
        _keep_rules_prose(ev, probs, keep)
    keep_weak_chrome(ev.feats, ev.verdicts, keep)
    _keep_sandwiched_headings(ev, probs, keep, start, end)
    comments = ev.comments
    if comments is not None and sum(f.words for f, k in zip(ev.feats[:comments], keep, strict=False) if k) \
            >= MIN_ARTICLE_WORDS_BEFORE_COMMENTS:
        keep[comments:] = [False] * (len(keep) - comments)
    return span, keep


def _above_comments(span: tuple[int, int], scores: list[float], barriers: list[bool], probs: np.ndarray,
                    ev: Evidence, words: np.ndarray) -> tuple[tuple[int, int], float]:
    """The best span above the comment section when the best of the page lies inside it, and the
    probability lines inside the span are kept from: readers' comments are not the article of the page
    they are under. Not when lines sure enough to be kept outside any span (OUTSIDE_KEEP) hold an
    article above the comments already: those are kept and the comments cut at the end of ``decode``,
    whatever the span (a list of most-commented stories above such an article would join a span taken
    above the comments). A one-paragraph post under its headline, which the model gives 0.83, lost to
    four comments of a few lines each (sprechwaisen.com, traf). When no line above the comments reaches
    SPAN_THRESHOLD and the span holds commenters' names ("Alex on September 17, 2018 at 6:34 am
    said:"), the article above them is looked for from ABOVE_COMMENTS_THRESHOLD: the comments being no
    article, the page's article is above them even when the model doubts it (an open thread's
    one-paragraph call for comments, which names the comments and an email address, at 0.48). Without
    commenters' names the section may be a "read the comments" link above the article (heise.de)."""
    comments = ev.comments
    if comments is None or span[0] < comments:
        return span, KEEP_THRESHOLD
    above = zip(ev.feats[:comments], probs[:comments].tolist(), strict=True)
    sure = sum(f.words for f, p in above if p >= OUTSIDE_KEEP)
    if sure >= MIN_ARTICLE_WORDS_BEFORE_COMMENTS:
        return span, KEEP_THRESHOLD
    better = find_span(scores[:comments], barriers[:comments])
    if better is not None:
        return better, KEEP_THRESHOLD
    if not any(f.speaker for f in ev.feats[span[0] : span[1]]):
        return span, KEEP_THRESHOLD
    doubted = span_scores(probs[:comments], words[:comments], ABOVE_COMMENTS_THRESHOLD)
    better = find_span(doubted, barriers[:comments])
    if better is not None:
        return better, ABOVE_COMMENTS_THRESHOLD
    return span, KEEP_THRESHOLD


def _keep_rules_prose(ev: Evidence, probs: np.ndarray, keep: list[bool]) -> None:
    """Keep the rules' prose inside their span (``RULE_SPAN_PROSE_KEEP``), but for the items of a
    feed of other articles (``dated_feed_items``)."""
    r_start, r_end = ev.rule_span or (0, 0)
    added = [i for i in range(r_start, r_end) if not keep[i] and ev.verdicts[i].score >= PROSE_SCORE
             and not ev.verdicts[i].reason and probs[i] >= RULE_SPAN_PROSE_KEEP]
    feed = dated_feed_items(ev.feats, added)
    for i in added:
        keep[i] = i not in feed


# A feed of other articles under the article: each headline followed by its date ("2019-01-22 20:44")
# within FEED_DATE_REACH lines (an image's name may stand between them). To the rules a headline in an
# unspaced script reads as prose (a Thai sentence has no full stop to tell it from a headline), so in
# languages the model knows little of they kept whole feeds. FEED_MIN_ITEMS such lines make a feed; the
# date lines must hold a calendar date (a live blog's entries are stamped with times of day).
FEED_DATE_REACH, FEED_MIN_ITEMS = 2, 3


def dated_feed_items(feats: list[LineFeatures], candidates: list[int]) -> set[int]:
    """Those of ``candidates`` that are items of a dated feed (none when fewer than FEED_MIN_ITEMS are)."""
    items = {i for i in candidates
             if any(_calendar_date_line(f) for f in feats[i + 1 : i + 1 + FEED_DATE_REACH])}
    return items if len(items) >= FEED_MIN_ITEMS else set()


def _calendar_date_line(f: LineFeatures) -> bool:
    """``is_date_line`` with a calendar date in it (past ``date_time``, it has found one already)."""
    return find_date(f.text) is not None if f.date_time else is_date_line(f)


# Some sites set the same widget ("Most Popular" and its five headlines) between the article's
# paragraphs again and again. The model reads the paragraphs after the first copy as it reads the
# teasers after a "Most Popular" box at an article's end, and the article stops there. A block of at
# least INSERT_REPEATED_LINES lines that occurs again in the page, in the same order, is such an
# insert when prose follows it: the article goes on across it while prose (the rules' reading: whole
# sentences, no chrome reason) of at least CONTINUATION_WORDS words follows each copy. (The
# failure was seen on a WIRED page from newspaper4k's test pages, not on the benchmark's.) When the span
# found starts below such a copy, the prose above it is taken back the same way (``_before_inserts``), if
# the block is met again inside the span.
INSERT_REPEATED_LINES = 3
CONTINUATION_WORDS = 50
# Between the insert and the prose, up to this many short lines without a chrome reason (a photo's
# caption and credit) are passed over.
INSERT_CAPTION_LINES = 2


def _across_inserts(ev: Evidence, start: int, end: int) -> list[int]:
    """The prose lines after the article's span ``[start, end)`` that only repeated inserts cut off it
    (the insert's other copy is in the article or after it: a share bar above the headline and again
    below the article is no insert)."""
    verdicts, n = ev.verdicts, len(ev.feats)
    folded: list[str] = []
    continued: list[int] = []
    while end < n:
        insert = end
        while insert < n and _insert_line(ev, insert):
            insert += 1
        if not _repeated_insert(ev, end, insert, folded, start):
            break
        prose = insert  # the photo's caption and credit that open the next part, left out: up to the last
        for k in range(insert, min(n, insert + INSERT_CAPTION_LINES)):  # short line in the window
            if verdicts[k].reason:
                break
            if verdicts[k].score < PROSE_SCORE:
                prose = k + 1
        first = prose
        while prose < n and _part_line(ev, prose):
            prose += 1
        if sum(f.words for f in ev.feats[first:prose]) < CONTINUATION_WORDS:
            break
        continued += range(first, prose)
        end = prose
    return continued


def _before_inserts(ev: Evidence, start: int, end: int) -> list[int]:
    """The prose lines before the article's span ``[start, end)`` that a repeated insert cuts off it: the
    article's first part, above the first copy of a widget that is met again inside the span (a widget
    above the headline and again below the article is no insert)."""
    feats, verdicts = ev.feats, ev.verdicts
    folded: list[str] = []
    earlier: list[int] = []
    while start > 0:
        insert = start  # over the photo's caption and credit that open the span's part
        for k in range(start - 1, max(-1, start - 1 - INSERT_CAPTION_LINES), -1):
            if verdicts[k].reason or feats[k].repeats > 1:
                break
            insert = k
        while insert > 0 and _insert_line(ev, insert - 1):
            insert -= 1
        if not _repeated_insert(ev, insert, start, folded, start, end):
            break
        prose = insert
        while prose > 0 and _part_line(ev, prose - 1):
            prose -= 1
        if sum(f.words for f in feats[prose:insert]) < CONTINUATION_WORDS:
            break
        earlier = list(range(prose, insert)) + earlier
        start = prose
    return earlier


def _insert_line(ev: Evidence, i: int) -> bool:
    """Could line ``i`` belong to a widget set between the article's parts? Chrome to the rules, or a
    line met again on the page, and no prose."""
    v = ev.verdicts[i]
    return bool(v.reason or ev.feats[i].repeats > 1) and v.score < PROSE_SCORE


def _part_line(ev: Evidence, i: int) -> bool:
    """Is line ``i`` the article's prose by the rules' reading (whole sentences, no chrome reason, or a
    sentence whose only chrome is an everyday word)?"""
    v = ev.verdicts[i]
    return (v.score >= PROSE_SCORE and not v.reason) or weak_chrome(ev.feats[i], v)


def _repeated_insert(ev: Evidence, lo: int, hi: int, folded: list[str], start: int, end: int | None = None
                     ) -> bool:
    """Are lines ``[lo, hi)`` an insert: INSERT_REPEATED_LINES of its repeated lines met again, in order,
    from line ``start`` on (up to ``end``)? ``folded`` is the page's case-folded lines, filled on first
    need."""
    repeated = [i for i in range(lo, hi) if ev.feats[i].repeats > 1]
    if len(repeated) < INSERT_REPEATED_LINES:
        return False
    if not folded:
        folded.extend(f.text.casefold() for f in ev.feats)
    return _occurs_elsewhere(folded, repeated[:INSERT_REPEATED_LINES], start, end)


def _occurs_elsewhere(folded: list[str], lines: list[int], start: int, end: int | None = None) -> bool:
    """Whether the texts of ``lines`` (consecutive repeated lines of a block) occur again in the page
    from line ``start`` on (up to ``end``), in the same order, each within a line or two of the one
    before."""
    first, rest = lines[0], [folded[i] for i in lines[1:]]
    for j in range(start, len(folded) if end is None else end):
        if folded[j] != folded[first] or j == first:
            continue
        at = j
        for want in rest:
            at = next((k for k in range(at + 1, min(at + 3, len(folded))) if folded[k] == want), -1)
            if at < 0:
                break
        if at >= 0:
            return True
    return False


def _drop_wordless_and_doubled(feats: list[LineFeatures], keep: list[bool]) -> None:
    """Whatever the model reads from their neighbours, a line without a word ("<<", "•", "* * *") is not
    the article's, nor a line that repeats the one before it (a photo gallery's title under each of its
    photos, which the model kept among the captions on a CNN page), nor a percent-encoded address
    (``url_encoded``). (Text dumps only: in the HTML merge the decoded lines are the network's input,
    as it was trained.)"""
    for i, f in enumerate(feats):
        if keep[i] and (not f.words or (i and f.repeats > 1 and f.text == feats[i - 1].text)
                        or url_encoded(f.text)):
            keep[i] = False


def _site_evidence(ev: Evidence, probs: np.ndarray, keep: list[bool], site_lines: frozenset[int],
                   title_probs: np.ndarray | None = None) -> bool:
    """Mark the lines other dumps of the site repeat (``sitelines``) as chrome before the article's span
    is decoded again: P(body) 0, reason ``repeated-in-site`` (a sidebar of the site's teasers may
    otherwise outweigh a short article). Not the first kept line below the title head's best line (the
    page's own lead), nor on a copy of another document, whose kept words they are mostly
    (``sitelines.site_hits``). Returns whether any line was marked."""
    headline = int(np.argmax(title_probs)) if title_probs is not None and len(title_probs) \
        and title_probs.max() >= ROLE_MIN_PROBABILITY else None
    hits = site_hits([line_key(f.text) for f in ev.feats], [f.words for f in ev.feats], keep, headline, site_lines)
    if not hits:
        return False
    for i in hits:
        probs[i] = 0.0
        ev.verdicts[i] = Verdict(min(ev.verdicts[i].score, -float(ev.feats[i].words)), SITE_REASON,
                                 ev.verdicts[i].barrier)
    ev.rule_span = find_span([v.score for v in ev.verdicts], [v.barrier for v in ev.verdicts])
    return True


# A link or file name a text browser shows as it is, percent-encoded ("%E1%80%94%E1%80%AD..." for an
# image of a Burmese page in w3m): at least URL_ENCODED_MIN escapes making up half the line or more.
# (No line of the bench's dumps has this many escapes over so much of it but two image credits
# holding a whole Wikipedia address.)
URL_ENCODED_MIN, URL_ENCODED_SHARE = 4, 0.5
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def url_encoded(text: str) -> bool:
    """Is the line mostly percent-escapes?

    >>> url_encoded("%E1%80%94%E1%80%AD%E1%80%AF%E1%80%84%E1%80%BA"), url_encoded("Prices rose 5% to 10%.")
    (True, False)
    """
    if text.count("%") < URL_ENCODED_MIN:
        return False
    escapes = _PERCENT_ESCAPE.findall(text)
    return len(escapes) >= URL_ENCODED_MIN and 3 * len(escapes) >= URL_ENCODED_SHARE * len(text)


def weak_chrome(f: LineFeatures, verdict: Verdict) -> bool:
    """A sentence that only the lexicon called chrome, for an everyday word ("The developer declined to
    comment.", "Shares rose 4% on Monday."; ``LineFeatures.lexicon_weak``)."""
    return f.lexicon_weak and verdict.reason == f"lexicon:{f.lexicon}"


# A short line inside the span, between a kept line and a kept paragraph, that no rule calls chrome is
# the article's subheading from this probability on ("War Mikao Usui Schamane?", "Eye in the sky" at
# 0.46-0.50 in the bench's blocks dumps, where the model has less context than in browser dumps):
# on the bench's six text runs it raised 189 pages and lowered 151, by a little each, and no set's
# tuning or held-out figure went down (traf held-out blocks +0.002); 0.2 and 0.4 did no better on the
# tuning pages. A caption, a credit or a figure's label is no heading.
SANDWICH_KEEP = 0.3
SANDWICH_MAX_WORDS = 12
_FIGURE_LABEL = re.compile(r"^\W*(?:fig(?:ure)?|abb(?:ildung)?|bild|grafik|tab(?:le|elle)?|рис(?:унок)?|"
                           r"εικόνα|σχήμα|图|圖)\.?\s*\d", re.I)


def _keep_sandwiched_headings(ev: Evidence, probs: np.ndarray, keep: list[bool], start: int, end: int) -> None:
    """Keep the subheadings the model doubts between kept lines of the span (SANDWICH_KEEP); a "Read
    also" line above the subheading is passed over."""
    for i in range(max(start, 1), min(end, len(keep) - 1)):
        f, v = ev.feats[i], ev.verdicts[i]
        if keep[i] or not keep[i + 1] or v.reason or probs[i] < SANDWICH_KEEP:
            continue
        above = i - 1
        while above > start and ev.feats[above].pointer:
            above -= 1
        if not keep[above]:
            continue
        if 0 < f.words <= SANDWICH_MAX_WORDS and ev.verdicts[i + 1].score >= PROSE_SCORE \
                and "©" not in f.text and not is_caption(f.text) and not _FIGURE_LABEL.match(f.text):
            keep[i] = True


def keep_weak_chrome(feats: list[LineFeatures], verdicts: list[Verdict], keep: list[bool]) -> None:
    """Such sentences between two kept lines are the article's. In the bench's browser dumps (aeb and
    wcxb-dev), sentences of 4-15 words whose only lexicon words are everyday ones, between two lines
    of the gold body, were body 102 times in 107."""
    for run in weak_chrome_runs(feats, verdicts, keep):
        keep[run.start:run.stop] = [True] * len(run)


def weak_chrome_runs(feats: list[LineFeatures], verdicts: list[Verdict], good: list[bool]) -> list[range]:
    """Runs of ``weak_chrome`` lines that are not ``good`` between two lines that are."""
    runs = []
    i, n = 1, len(good)
    while i < n - 1:
        end = i
        if good[i - 1] and not good[i]:
            while end < n and not good[end] and weak_chrome(feats[end], verdicts[end]):
                end += 1
            if i < end < n and good[end]:
                runs.append(range(i, end))
        i = max(end, i + 1)
    return runs


# Readers' comments under an article are prose too, and the model keeps the long ones. A comment
# section is recognised by its commenters' name lines ("joetoronto says:"): from MIN_COMMENT_SPEAKERS
# of them on, it starts at the first one, or at a comment counter ("34 responses to ...") up to
# COMMENT_HEAD_WINDOW lines above it. Nothing after its start is kept, once MIN_ARTICLE_WORDS_BEFORE_
# COMMENTS words of article are kept above it (a page whose comments come first is left alone).
# Sites that print no "says:" show each comment under its author's name and its time stamp ("Top Rated
# Comments", "Woyzeck", "2 days ago at 07:52 am", the comment, "Rating: 36 Votes"): a comments heading or
# counter followed, within COMMENT_HEAD_WINDOW lines, by MIN_COMMENT_STAMPS lines that only date or time a
# post starts a section too. (On the bench's browser dumps 71 pages have such a heading; on 3 of them
# article lines follow it, each time a heading above the article, where nothing is cut.)
# So does the header WordPress and others print above the comments, "10 thoughts on “Title”", "3 responses
# to “Title”", however long the title (on the bench's browser dumps 20 of 21 such lines have no article
# line after them; the other one line).
MIN_COMMENT_SPEAKERS = 2
MIN_COMMENT_STAMPS = 2
_TITLED_COMMENTS = re.compile(
    rf"^\W*(?:\d[\d.,]*|one|two|three)\s+(?:{COMMENT_NOUNS})\s+(?:to|on|zu|sur|a|à|en|su)\s+[“\"«„‘']", re.I)
COMMENT_HEAD_WINDOW = 12
MIN_ARTICLE_WORDS_BEFORE_COMMENTS = 50


# Reasons that only say where a removed line was: in a comment section, the section is the reason.
_PLACE_REASONS = frozenset({"model:boilerplate", "after-article", "after-article:section", "before-article"})


def _name_comment_section(start: int | None, keep: list[bool], roles: list[tuple[Role, str]]) -> None:
    if start is None or any(keep[start:]):
        return  # no comment section, or it was not cut (too little article above it)
    for i in range(start, len(roles)):
        role, reason = roles[i]
        if role is Role.REMOVED and (not reason or reason in _PLACE_REASONS):
            roles[i] = (Role.REMOVED, "comments:section")


def comment_section_start(feats: list[LineFeatures]) -> int | None:
    """Where the readers' comments begin (see MIN_COMMENT_SPEAKERS and MIN_COMMENT_STAMPS), or None."""
    speakers = [i for i, f in enumerate(feats) if f.speaker]
    if len(speakers) < MIN_COMMENT_SPEAKERS:
        found = [i for i in (_stamped_comments_start(feats), _titled_comments_start(feats)) if i is not None]
        return min(found) if found else None
    first = speakers[0]
    for i in range(first - 1, max(-1, first - COMMENT_HEAD_WINDOW), -1):
        if feats[i].comment_counter:
            return i
    return first


def _titled_comments_start(feats: list[LineFeatures]) -> int | None:
    """The first "10 thoughts on “Title”" header."""
    return next((i for i, f in enumerate(feats) if _TITLED_COMMENTS.match(f.text)), None)


def _stamped_comments_start(feats: list[LineFeatures]) -> int | None:
    """The first comments heading or counter with MIN_COMMENT_STAMPS time stamps below it."""
    for i, f in enumerate(feats):
        if f.comment_counter or f.lexicon == "comments":
            below = feats[i + 1 : i + 1 + COMMENT_HEAD_WINDOW]
            if sum(1 for g in below if g.date_time and not g.text.isdigit()) >= MIN_COMMENT_STAMPS:
                return i
    return None


def score_line(f: LineFeatures) -> Verdict:
    """Evidence that one line is article prose (> 0) or page chrome (< 0), and the reason."""
    chrome = -(CHROME_COST + f.words)
    if f.pointer:
        return Verdict(chrome, "pointer:read-also")
    if f.url:
        return Verdict(chrome, "url")
    if f.date_time:
        return Verdict(-CHROME_COST, "date-or-time")
    if f.comment_counter:
        return Verdict(chrome, "comments:counter", barrier=True)
    if f.speaker:
        return Verdict(chrome, "comments:author")
    if f.counter:
        return Verdict(-CHROME_COST, "counter")
    if f.lexicon:
        barrier = f.lexicon in ("related", "comments") and f.words <= 5 and not f.terminal
        return Verdict(chrome, f"lexicon:{f.lexicon}", barrier)
    if f.repeats > 1 and f.words <= 40:
        return Verdict(chrome, "repeated-in-page")
    if f.menu_like:
        return Verdict(chrome, "menu")
    prose = f.words >= PROSE_WORDS and (f.terminal or f.words >= SHORT_WORDS * 2)
    if f.unspaced:
        prose = f.length >= 3 * PROSE_WORDS * 3 and f.terminal or f.length >= 150
    if not prose:
        return Verdict(-NEUTRAL_COST, "")
    if f.stop_share < MIN_PROSE_STOP_SHARE:
        return Verdict(-NEUTRAL_COST - 0.2 * f.words, "not-prose:few-stopwords")
    value = float(f.words)
    if f.lexicon_hits:
        value *= max(0.0, 1 - LEXICON_PENALTY_PER_HIT * f.lexicon_hits)
        if value <= 0:
            return Verdict(chrome, "lexicon:in-long-line")
    return Verdict(value, "")


def _best_run(scores: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Maximum-sum contiguous run within [lo, hi): (sum, start, end exclusive). Kadane."""
    best = (0.0, lo, lo)
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += scores[i]
        if total > best[0]:
            best = (total, start, i + 1)
    return best


def find_span(scores: list[float], barriers: list[bool]) -> tuple[int, int] | None:
    """The article's run of lines [start, end): barriers split the page into segments; the best run
    of the best segment is extended across a following barrier only if the run beyond is worth it."""
    n = len(scores)
    cuts = [0] + [i for i in range(n) if barriers[i]] + [n]
    best = (0.0, 0, 0)
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        lo = lo + 1 if lo < n and barriers[lo] else lo
        run = _best_run(scores, lo, hi)
        if run[0] > best[0]:
            best = run
    value, start, end = best
    if value <= 0:
        return None
    # extend forwards across barriers while the run beyond is worth it
    while end < n:
        nxt = next((i for i in range(end, n) if barriers[i]), None)
        if nxt is None:
            break
        gap = sum(scores[end:nxt])
        later = next((i for i in range(nxt + 1, n) if barriers[i]), n)
        run_value, run_end = _best_prefix(scores, nxt + 1, later)
        if run_value < CROSS_BARRIER_SHARE * value or run_value + gap <= 0:
            break
        value += gap + run_value
        end = run_end
    return start, end


def _best_prefix(scores: list[float], lo: int, hi: int) -> tuple[float, int]:
    best, best_end, total = 0.0, lo, 0.0
    for i in range(lo, hi):
        total += scores[i]
        if total > best:
            best, best_end = total, i + 1
    return best, best_end


def assign_roles(feats: list[LineFeatures], verdicts: list[Verdict], span: tuple[int, int],
                 roles: list[tuple[Role, str]], keep: list[bool] | None = None,
                 role_probs: dict[str, np.ndarray] | None = None, url: str | None = None,
                 comments: int | None = None) -> dict[str, str]:
    """Fill ``roles``: the body inside the span, headline/byline/captions above it, chrome elsewhere.

    ``keep`` (the model's decisions) overrides the rules for every line but "Read also" pointers.
    Returns the metadata lines the model's heads found ({"author": line, "date": line, ...}).
    """
    start, end = span
    n = len(feats)
    for i in range(n):
        v = verdicts[i]
        if keep is not None and keep[i] and not feats[i].pointer:
            if feats[i].words < CAPTION_MAX_WORDS and is_caption(feats[i].text):
                roles[i] = (Role.CAPTION, "caption:credit")
            elif not feats[i].terminal and feats[i].words <= SHORT_WORDS and v.score < 0:
                roles[i] = (Role.HEADING, "")
            else:
                roles[i] = (Role.BODY, "")
        elif i < start:
            roles[i] = (Role.REMOVED, v.reason or "before-article")
        elif i >= end:
            roles[i] = (Role.REMOVED, v.reason or ("after-article:section" if v.barrier else "after-article"))
        elif keep is not None:
            roles[i] = (Role.REMOVED, v.reason or "model:boilerplate")
        elif v.reason and not (v.barrier and i > start):
            roles[i] = (Role.REMOVED, v.reason)
        elif feats[i].words < CAPTION_MAX_WORDS and is_caption(feats[i].text):
            roles[i] = (Role.CAPTION, "caption:credit")
        elif v.score < 0 and not feats[i].terminal:
            roles[i] = (Role.HEADING, "")
        else:
            roles[i] = (Role.BODY, "")
    kept = drop_trailing_headings(roles)
    top = kept[0] if kept else start
    if role_probs:
        top = _start_at_headline(feats, role_probs["title"], roles, kept, top) if "title" in role_probs else top
        found = _pick_metadata_lines(feats, verdicts, role_probs, roles, top, url, comments)
        _mark_captions(feats, verdicts, roles, top)
        return found
    _find_header(feats, verdicts, top, roles)
    return {}


def drop_trailing_headings(roles: list[tuple[Role, str]]) -> list[int]:
    """Remove the subheading-looking lines the article would end on (trailing ones are usually
    chrome); returns the kept lines left."""
    kept = [i for i, (role, _) in enumerate(roles) if role.kept]
    while kept and roles[kept[-1]][0] is Role.HEADING:
        roles[kept.pop()] = (Role.REMOVED, "after-article")
    return kept


# The title head's best line of the page, when it is this sure of it, is the headline even a few kept
# lines below the article's first one: the lines kept above it (a shop's disclosure, a kicker, a teaser)
# are not the article, as long as they are at most HEADLINE_BELOW_WORDS words and HEADLINE_BELOW_LINES lines.
HEADLINE_SURE = 0.9
HEADLINE_BELOW_WORDS = 60
HEADLINE_BELOW_LINES = 3
ABOVE_HEADLINE_REASON = "before-article:above-headline"


def _start_at_headline(feats: list[LineFeatures], title_probs: np.ndarray, roles: list[tuple[Role, str]],
                       kept: list[int], top: int) -> int:
    """The article's first line once the lines kept above a sure headline are removed (see HEADLINE_SURE)."""
    if not kept or not len(title_probs):
        return top
    best = int(np.argmax(title_probs))
    if title_probs[best] < HEADLINE_SURE or best <= top or feats[best].words > TITLE_KEPT_MAX_WORDS \
            or (roles[best][0].kept and best <= top + TITLE_BELOW_TOP):  # (it may be the title already)
        return top
    above = [i for i in kept if i < best]
    if not above or len(above) > HEADLINE_BELOW_LINES or sum(feats[i].words for i in above) > HEADLINE_BELOW_WORDS \
            or not any(k > best for k in kept):
        return top
    for i in above:
        roles[i] = (Role.REMOVED, ABOVE_HEADLINE_REASON)
    return next(i for i in kept if i >= best)


# A metadata head's best line is taken when at least this likely (chosen on held-out pages: below it
# the pick is wrong more often than right).
ROLE_MIN_PROBABILITY = 0.5
# A kept line this long is a paragraph that happens to name the author or a date: it stays body.
ROLE_MAX_BODY_WORDS = 15


def _pick_metadata_lines(feats: list[LineFeatures], verdicts: list[Verdict], role_probs: dict[str, np.ndarray],
                         roles: list[tuple[Role, str]], top: int, url: str | None = None,
                         comments: int | None = None) -> dict[str, str]:
    """The title, author and date lines: the heads' probabilities weighed with what they do not see
    (`_pick_title`, `_pick_author`; the date is the date head's best line that holds a date).

    The title is the headline above the article (or its first line, when that reads like a
    headline). Author and date lines outside the body become bylines; inside it (a short body line
    naming the author) they stay body and are only read for metadata. Returns those lines' texts.
    """
    found: dict[str, str] = {}
    # readers' comments (from line ``comments`` on) are no metadata: their timestamps and names are
    # the commenters'
    if comments is not None:
        role_probs = {role: np.where(np.arange(len(p)) >= comments, 0.0, p) for role, p in role_probs.items()}
    if "title" in role_probs:
        title = _pick_title(feats, verdicts, role_probs["title"], roles, top, url_slug_words(url))
        if title is not None:
            # a headline in the body (a sentence, or under a kicker) stays body: the benchmarks' gold
            # texts hold it, and taking it out cost 0.007-0.02 body F1 on traf's training pages
            if not (roles[title][0].kept and (feats[title].terminal or title != top)):
                roles[title] = (Role.TITLE, "title")
            found["title"] = feats[title].text
    if "author" in role_probs:
        author = _pick_author(feats, verdicts, role_probs["author"], roles, top)
        if author is not None:
            _mark_byline(roles, author, "author")
            found["author"] = feats[author].text
    if "date" in role_probs:
        date = _pick_date(feats, verdicts, role_probs["date"], roles, top)
        if date is not None:
            _mark_byline(roles, date, "date")
            found["date"] = feats[date].text
    return found


# The title, author and date heads see what decides among candidate lines (a byline or date just
# below a headline, a breadcrumb ending with it, a lead or date beside a byline, the distance to the
# article: ``model.role_cues``) and were trained to rank a page's right line first, so their
# probability alone orders the candidates. (Hand-set bonuses on top of it, as before the cues were
# learned, lost 0.02-0.06 title and author accuracy on the training pages.)


# The page URL's slug ("/2024/05/city-council-approves-budget.html") repeats the headline's words.
# A line holding at least SLUG_MIN_SHARE of the slug's words (and at least SLUG_MIN_WORDS of them),
# that the title head gives at least SLUG_MIN_PROBABILITY, gets SLUG_WEIGHT times its share added to
# its probability when the candidates are ranked (chosen on the training pages).
SLUG_MIN_WORDS = 2
SLUG_MIN_SHARE = 0.6
SLUG_MIN_PROBABILITY = 0.05
SLUG_WEIGHT = 1.0
SLUG_FALLBACK_WORDS = 4
# Path segments that name no page: a format, a view, the kind of page.
SLUG_GENERIC = frozenset({"amp", "index", "print", "article", "articles", "articleshow", "story", "stories", "news",
                          "post", "posts", "view", "page", "default", "full", "comments", "html", "htm", "php",
                          "aspx", "cms", "www", "en", "de", "fr", "es", "it"})
_SLUG_SPLIT = re.compile(r"[-_+.\s]+|%20")
_SLUG_END = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.I)


def url_slug_words(url: str | None) -> frozenset[str]:
    """The words of the page's own name in the URL path, casefolded, numbers and one-letter words
    dropped: its last segment of SLUG_MIN_WORDS words ("/travel-tips/trip-planning/travel-insurance":
    the sections a page is filed under come before its name), passing over segments of numbers or of
    SLUG_GENERIC words ("/amp", "/articleshow/126041363.cms"). Behind a last segment of one word (a
    name of one word, an id) only a segment of SLUG_FALLBACK_WORDS is taken: a headline's slug, not a
    section's name. Empty when there is none.

    >>> sorted(url_slug_words("https://example.com/business-guide/manage-your-business/strengthen-security/amp"))
    ['security', 'strengthen']
    >>> url_slug_words("https://example.ch/wohnen/angenehmes-raumklima/kondenswasser.html")
    frozenset()
    >>> len(url_slug_words("https://example.cl/politica/noticia/la-agenda-con-que-interior-busca/DHCHJTT5TNE/"))
    6
    """
    if not url:
        return frozenset()
    wanted = SLUG_MIN_WORDS
    for segment in reversed(urlsplit(url).path.split("/")):
        named = [w for w in _SLUG_SPLIT.split(_SLUG_END.sub("", unquote(segment)).casefold())
                 if len(w) > 1 and not w.isdigit()]
        if not named or SLUG_GENERIC.issuperset(named):
            continue
        if len(named) >= wanted:
            return frozenset(named)
        wanted = SLUG_FALLBACK_WORDS
    return frozenset()


def _slug_share(text: str, slug: frozenset[str]) -> float:
    """The share of the slug's words found in the line."""
    words = set(re.findall(r"\w+", text.casefold()))
    return len(slug & words) / len(slug)


def _pick_title(feats: list[LineFeatures], verdicts: list[Verdict], probs: np.ndarray,
                roles: list[tuple[Role, str]], top: int, slug: frozenset[str] = frozenset()) -> int | None:
    """The headline: the title head's most likely line that may be one, from ROLE_MIN_PROBABILITY up
    (lines whose words match the URL's slug first, see SLUG_WEIGHT)."""
    if slug:
        boosted = probs.copy()
        for i in np.flatnonzero(probs >= SLUG_MIN_PROBABILITY).tolist():
            share = _slug_share(feats[i].text, slug)
            if share >= SLUG_MIN_SHARE and feats[i].words <= TITLE_MAX_WORDS and \
                    _fits_role("title", feats[i], verdicts[i], roles[i], i, top):
                boosted[i] = max(probs[i] + SLUG_WEIGHT * share, ROLE_MIN_PROBABILITY)
    else:
        boosted = probs
    return _most_likely_fitting("title", feats, verdicts, boosted, roles, top,
                                skip=lambda i: roles[i][0].kept and probs[i] < TITLE_KEPT_MIN_PROBABILITY)


def _most_likely_fitting(role: str, feats: list[LineFeatures], verdicts: list[Verdict], scores: np.ndarray,
                         roles: list[tuple[Role, str]], top: int,
                         skip: Callable[[int], bool] = lambda i: False) -> int | None:
    """The best-scored line, from ROLE_MIN_PROBABILITY up, that may play ``role`` (``_fits_role``)."""
    for i in np.argsort(-scores, kind="stable").tolist():
        if scores[i] < ROLE_MIN_PROBABILITY:
            return None
        if not skip(i) and _fits_role(role, feats[i], verdicts[i], roles[i], i, top):
            return i
    return None


# Choosing the author line among the lines whose text names people (``parse_byline``).
# The head's most likely line that names people is taken from this probability up (0.5 gave the same
# on the training pages); lines under AUTHOR_MIN_PROBABILITY without a lead are not tried.
AUTHOR_MIN_SCORE = 0.3
AUTHOR_MIN_PROBABILITY = 0.05
# A line without a byline lead is taken for the author line only if a name on it begins with a given name,
# or the head is sure of it and none of its words is written in lower case elsewhere on the page: else
# menus' and headings' Title Case lines ("Recent Posts", "Key Takeaways") were read as names. On the
# training pages' browser dumps (`python -m training.evaluate --tuning`, with the session's byline rules):
# pages given a wrong name 145 -> 106 (wcxb-dev) and 188 -> 126 (traf); right ones 279 -> 276 (firms'
# names: "Loona Construction", "Method Architecture") and 245 -> 252. 0.8 or 0.95 gave fewer right ones.
AUTHOR_SURE = 0.9
# ... and only within this many lines of the article's first line: further off, such lines were German
# pages' Title Case headings ("Top Stellenangebote", "Grüne Jobs", "Nächster Beitrag"). On the tuning
# pages (browser / blocks): wrong names wcxb-dev 104 / 104 -> 93 / 95, traf 122 / 126 -> 105 / 106; right
# ones wcxb-dev 0.644 / 0.640 -> 0.640 / 0.630, traf 0.581 / 0.577 -> 0.588 / 0.584 (20 and 30 lines: as
# many right, more wrong).
AUTHOR_SURE_REACH = 12


def _has_lead(f: LineFeatures) -> bool:
    """The line opens with a byline lead ("By", "Written by", "Von:", "Author:", "ByJane"), or has
    one after its date ("Posted on 2 May 2023 by Jane Doe")."""
    text = f.text
    return bool(_BYLINE_START.match(text) or BYLINE_LEAD.match(text) or GLUED_LEAD.match(text)
                or (f.has_date or f.date_time) and BY_INSIDE.search(text))


def _pick_author(feats: list[LineFeatures], verdicts: list[Verdict], probs: np.ndarray,
                 roles: list[tuple[Role, str]], top: int) -> int | None:
    """The line most likely to hold the article's authors, among short lines that name people."""
    for i in np.argsort(-probs, kind="stable").tolist():
        if probs[i] < AUTHOR_MIN_SCORE:
            break
        f = feats[i]
        if f.words > BYLINE_MAX_WORDS or f.pointer or roles[i][0] is Role.TITLE or verdicts[i].reason == "url":
            continue
        lead = _has_lead(f)
        if lead:  # "By ...": a byline, however likely and however long (up to BYLINE_MAX_WORDS)
            pass
        elif probs[i] < AUTHOR_MIN_PROBABILITY or verdicts[i].reason.startswith(NOT_METADATA_REASONS):
            continue
        elif roles[i][0].kept and f.words > ROLE_MAX_BODY_WORDS:
            continue  # a paragraph that happens to name someone
        names = parse_byline(f.text)[0]
        if names and (lead or any(map(begins_with_given_name, names)) or (
                probs[i] >= AUTHOR_SURE and abs(i - top) <= AUTHOR_SURE_REACH and not _common_words(names, feats))):
            return i
    return _reporter_line(feats, roles, top)


def _reporter_line(feats: list[LineFeatures], roles: list[tuple[Role, str]], top: int) -> int | None:
    """A Chinese or Korean reporter's credit near the headline ("〔記者蔡佳玲／高雄報導〕", "김민준 기자"), which
    the author head, trained on pages in other languages, does not see: the first such short line out
    of the body within AUTHOR_SURE_REACH lines of the headline that is no photo credit."""
    for i in range(max(0, top - AUTHOR_SURE_REACH), min(len(feats), top + AUTHOR_SURE_REACH + 1)):
        f = feats[i]
        if f.words <= BYLINE_MAX_WORDS and not roles[i][0].kept and not f.text.isascii() \
                and EAST_ASIAN_REPORTER.search(f.text) and not is_caption(f.text):
            return i
    return None


def _common_words(names: list[str], feats: list[LineFeatures]) -> bool:
    """Is a word of ``names`` written in lower case elsewhere on the page ("Key Takeaways": "the key
    points")? People's names are not."""
    words = {w.casefold() for name in names for w in name.split() if len(w) > 2}
    return any(w in words for f in feats for w in f.text.split() if w.islower())


def _mark_byline(roles: list[tuple[Role, str]], i: int, role: str) -> None:
    """A metadata line outside the body becomes a byline; a body line stays body (read for metadata)."""
    if not roles[i][0].kept and roles[i][0] is not Role.BYLINE:
        roles[i] = (Role.BYLINE, f"byline:{role}")


def _pick_date(feats: list[LineFeatures], verdicts: list[Verdict], probs: np.ndarray,
               roles: list[tuple[Role, str]], top: int) -> int | None:
    """The date head's most likely line that holds a date. (Favouring dates next to the headline or
    byline, or near the article, changed nothing on the training pages: the head already does.)"""
    return _most_likely_fitting("date", feats, verdicts, probs, roles, top)


# The headline may be the article's first kept line (a sentence ending in "?", "!" or "." too) or a
# non-sentence among the TITLE_BELOW_TOP lines below it (under a kicker, a category or the date),
# when it is at most TITLE_KEPT_MAX_WORDS words and the title head gives it TITLE_KEPT_MIN_PROBABILITY.
# On the training pages this took title accuracy from 0.73-0.75 to 0.77-0.78 (wcxb-dev) and 0.70-0.71
# to 0.74-0.75 (traf); a below-top window of 0 lines or a threshold of 0.8 gave less.
TITLE_BELOW_TOP = 2
TITLE_KEPT_MAX_WORDS = 20
TITLE_KEPT_MIN_PROBABILITY = 0.5

# Lines the rules removed for one of these reasons are never metadata lines; except that a line with a
# date removed for these reasons may be the date line ("March 2, 2020 | 5 Comments | Share", "Essay -
# Published: 2025.12.17 | programming | ai |"). Taking menus too: text dates (`python -m training.evaluate`)
# wcxb-dev 0.706 / 0.706 -> 0.713 / 0.711, traf 0.784 / 0.795 -> 0.790 / 0.799, bodies unchanged.
NOT_METADATA_REASONS = ("lexicon:", "url", "menu", "comments:")
DATE_LINE_REASONS = frozenset({"lexicon:comments", "lexicon:share", "menu"})


def _fits_role(role: str, f: LineFeatures, v: Verdict, current: tuple[Role, str], i: int, top: int) -> bool:
    kept = current[0].kept
    if f.pointer or current[0] is Role.TITLE:
        return False
    if v.reason.startswith(NOT_METADATA_REASONS) and not (role == "date" and v.reason in DATE_LINE_REASONS
                                                         and (f.has_date or f.date_time)) \
            and not (role == "title" and _headline_with_a_lexicon_word(f, v)):
        return False  # "Advertisement" is no headline, "© 2023 Site. All rights reserved." no byline
    if role == "title":  # above the article, or one of its first lines when that reads like a headline
        # (a headline repeated in the page, as in a breadcrumb, may be the title)
        if current[0] is Role.BYLINE or i > top + TITLE_BELOW_TOP or is_date_line(f) \
                or (f.words < CAPTION_MAX_WORDS and _credit_line(f.text)):  # ("... ছবি: প্রথম আলো")
            return False
        if not kept:
            return i <= top
        # a kept line: the article's first line (a headline ending in "?" or "." too), or a short
        # non-sentence just below it (the headline under a kicker or a category line)
        return f.words <= TITLE_KEPT_MAX_WORDS and (i == top or not f.terminal)
    if kept and f.words > ROLE_MAX_BODY_WORDS:
        return False
    return role != "date" or f.has_date or f.date_time


# A headline may hold one word of the lexicon ("Full Unicode Search at 50× ICU Speed", "How to write a
# newsletter with AI", "The top 10 insurance companies by market share"): a line of at least this many
# words whose only lexicon phrase is one word may be the title all the same (the title head reads the
# lexicon too, and ranks chrome that says "search" or "share" low).
HEADLINE_LEXICON_MIN_WORDS = 6
# Not a word of these categories: a cookie banner's, a legal notice's. (An advertisement's word may be: headlines are
# about advertising, "Weniger Werbung, mehr Speed", and German "Anzeige" is a complaint too, "Peta erstattet
# Anzeige"; on the tuning pages traf titles 0.760 / 0.760 -> 0.764 / 0.763, the rest unchanged.)
NEVER_IN_HEADLINES = frozenset({"lexicon:cookie", "lexicon:legal"})
# Nor, as the line's first word, one of these, which open prompts ("Subscribe today for unlimited access",
# "Donate now ...", "Advertisement continues below"), where other words open headlines ("Search engines ...",
# "Share prices ...").
PROMPT_CATEGORIES = frozenset({"newsletter", "donation", "related", "audio", "advertisement"})


def _headline_with_a_lexicon_word(f: LineFeatures, v: Verdict) -> bool:
    if not v.reason.startswith("lexicon:") or f.words < HEADLINE_LEXICON_MIN_WORDS \
            or v.reason in NEVER_IN_HEADLINES:
        return False
    toks = words(f.text)
    found = lexicon.phrases_of(toks)
    return len(found) == 1 and found[0][1] == 1 and not (
        found[0][0] in PROMPT_CATEGORIES and lexicon.phrases_of(toks[:1]))


# How far above the article's first line image captions are looked for.
CAPTION_WINDOW = 8


def _mark_captions(feats: list[LineFeatures], verdicts: list[Verdict], roles: list[tuple[Role, str]],
                   top: int) -> None:
    """Removed prose just above the article, below the headline/byline, is an image caption (or
    a standfirst): kept apart from the body, listed in ``captions``."""
    header = max((i for i in range(top) if roles[i][0] in (Role.TITLE, Role.BYLINE)), default=-1)
    for i in range(max(header + 1, top - CAPTION_WINDOW), top):
        f, v = feats[i], verdicts[i]
        if roles[i][0] is not Role.REMOVED or f.words >= 40:
            continue
        if is_caption(f.text) or (header >= 0 and not v.reason and v.score > 0 and not f.lexicon_hits):
            roles[i] = (Role.CAPTION, "caption")


def _find_header(feats: list[LineFeatures], verdicts: list[Verdict], start: int,
                 roles: list[tuple[Role, str]]) -> None:
    """Headline, byline and captions: in the window above the article, or at its very top."""
    window_lo = max(0, start - HEADER_WINDOW)
    top = start
    # the article's own first lines may be its headline and byline (no chrome between them)
    while top < len(feats) and top < start + 3 and roles[top][0] is Role.HEADING:
        top += 1
    # the byline block: consecutive byline-like lines ("By A and B", "Published 14 March 2023")
    bylines: list[int] = []
    for i in range(min(top, len(feats) - 1), window_lo - 1, -1):
        if _is_byline(feats[i]):
            bylines.append(i)
        elif bylines and roles[i][1].startswith("lexicon:"):
            continue  # "Share", "Tweet" between byline parts
        elif bylines:
            break
    for i in bylines:
        roles[i] = (Role.BYLINE, "byline")
    anchor = min(bylines) if bylines else top
    title = None
    for i in range(anchor - 1, max(window_lo, anchor - 6) - 1, -1):
        f = feats[i]
        if _is_title(f, verdicts[i]):
            title = i
            break
    if title is not None:
        roles[title] = (Role.TITLE, "title")
        # the byline may sit between title and body but not be recognised: dates just after the title
        for i in range(title + 1, min(start, title + 4)):
            if roles[i][0] is Role.REMOVED and (feats[i].date_time or _MONTH_DATE.search(feats[i].text)) \
                    and feats[i].words <= 20:
                roles[i] = (Role.BYLINE, "byline:date")
        # prose between the headline and the article is an image caption (or a standfirst)
        for i in range(title + 1, start):
            f = feats[i]
            if roles[i][0] is Role.REMOVED and not verdicts[i].reason and verdicts[i].score > 0:
                roles[i] = (Role.CAPTION, "caption")
    # subheadings promoted at the top of the span that became title/byline are settled; others stay


# A line that is a date and at most DATE_LINE_MAX_WORDS other words (a weekday, "Published", "at"),
# with fewer letters than the date has characters: "segunda-feira, 22 de janeiro de 2018 às 0:13",
# "Monday, January 22, 2018 at 0:13". No headline (but "Metasploit Wrap-Up 12/19/2025" is one).
DATE_LINE_MAX_WORDS = 2
DATE_MAX_WORDS = 8  # "22 de janeiro de 2018 às 0:13" and its time
_TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?", re.I)


def is_date_line(f: LineFeatures) -> bool:
    """Is the line a date (and time) with at most a weekday or a label beside it?"""
    if f.date_time:
        return True
    if f.words > DATE_LINE_MAX_WORDS + DATE_MAX_WORDS or not any(c.isdigit() for c in f.text):
        return False
    found = find_date(f.text)
    if found is None:
        return False
    rest = _TIME_OF_DAY.sub(" ", f.text[:found[1].start()] + " " + f.text[found[1].end():])
    return (sum(1 for token in rest.split() if any(c.isalpha() for c in token)) <= DATE_LINE_MAX_WORDS
            and sum(map(str.isalpha, rest)) <= len(found[1][0]))


def _is_byline(f: LineFeatures) -> bool:
    if f.words > 25 or f.pointer:
        return False
    if _BYLINE_START.match(f.text):
        return True
    return f.words <= 16 and bool(_MONTH_DATE.search(f.text)) and not f.terminal


def _is_title(f: LineFeatures, v: Verdict) -> bool:
    if v.reason or not TITLE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS:
        return False
    if f.text.endswith(".") and f.words > 12:
        return False  # a sentence, not a headline
    return not f.url and not f.date_time and f.repeats <= 2


__all__ = ["strip_text", "score_line", "find_span", "gather_evidence", "predict_lines", "decode"]
