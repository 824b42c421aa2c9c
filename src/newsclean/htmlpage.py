"""What an HTML page declares about itself: JSON-LD, meta tags, <title>, headings, lang, canonical link.

``read_page`` gathers it all in one pass over the parsed lxml tree. JSON-LD is read without trusting its
shape: a list or a single object, "@graph", nested objects, "@id" references, invalid JSON (ignored).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from .dates import find_date

# schema.org types whose object is the article itself (any type ending in "Article" counts too).
ARTICLE_TYPES = frozenset({"blogposting", "liveblogposting", "socialmediaposting", "discussionforumposting",
                           "report", "review", "recipe", "howto", "creativework", "posting"})
# Page-level types: their name and dates describe the page, a weaker witness than the article's.
PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "faqpage", "qapage", "collectionpage",
                        "profilepage", "medicalwebpage", "searchresultspage"})
# Types of a publisher, never of a person who wrote the article.
ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "localbusiness",
                                "educationalorganization", "governmentorganization", "ngo", "website", "brand"})
MAX_JSONLD_DEPTH = 20  # real JSON-LD nests 4-6 levels; this only guards against pathological input
# A <time>'s teaser or comment box is a few levels up; further up, classes describe the page's layout.
MAX_TIME_CLASS_DEPTH = 6


@dataclass
class Page:
    """What a page declares about itself."""

    articles: list[dict[str, Any]] = field(default_factory=list)  # JSON-LD article objects, in page order
    pages: list[dict[str, Any]] = field(default_factory=list)  # JSON-LD WebPage objects
    ids: dict[str, dict[str, Any]] = field(default_factory=dict)  # JSON-LD "@id" -> object
    sites: list[str] = field(default_factory=list)  # the site's names: og:site_name, publisher, WebSite
    meta: dict[str, list[str]] = field(default_factory=dict)  # <meta> content by lower-cased name/property
    title: str | None = None  # the <title>
    h1s: list[list[str]] = field(default_factory=list)  # each <h1>: its text, then its parts (see h1_parts)
    headings: list[str] = field(default_factory=list)  # <h2> and <h3> texts
    lang: str | None = None  # <html lang>
    canonical: str | None = None  # <link rel="canonical">


def read_page(tree: etree._Element) -> Page:
    """Everything ``tree`` declares about itself, in one pass over the elements that can declare it."""
    page = Page()
    for element in tree.iter("script", "meta", "link", "title", "h1", "h2", "h3"):  # filtered in C: fast
        tag = element.tag
        if tag == "script":
            if "ld+json" in (element.get("type") or "").lower():
                for obj in walk_jsonld(load_json(element.text or "")):
                    _file_jsonld(page, obj)
        elif tag == "meta":
            if (content := element.get("content")) and content.strip():
                for attr in ("name", "property", "itemprop", "http-equiv"):
                    if key := (element.get(attr) or "").strip().lower():
                        page.meta.setdefault(key, []).append(collapse(content))
        elif tag == "link":
            if "canonical" in (element.get("rel") or "").lower().split() and element.get("href"):
                page.canonical = page.canonical or element.get("href", "").strip()
        elif tag == "title":
            page.title = page.title if page.title is not None else collapse(" ".join(element.itertext()))
        elif tag == "h1":
            if parts := h1_parts(element):
                page.h1s.append(parts)
        elif text := collapse(" ".join(element.itertext())):
            page.headings.append(text)
    page.lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    page.sites = unique(page.meta.get("og:site_name", []) + _ld_sites(page) + page.meta.get("application-name", []))
    return page


def microdata_dates(tree: etree._Element) -> dict[str, list[str]]:
    """Microdata dates outside <meta>: <time itemprop="datePublished" datetime="..."> (a slower search,
    for pages that declare no date otherwise)."""
    out: dict[str, list[str]] = {}
    for element in _MICRODATA_DATES(tree):
        if value := element.get("content") or element.get("datetime") or collapse(" ".join(element.itertext())):
            out.setdefault(element.get("itemprop").lower(), []).append(value)
    return out


# <time> elements whose class, id or parent's class says update, and those in other articles' teasers
# (a link that holds more than the date, or a box classed as one), in comments or in the page's
# furniture. ("sidebar" is not among the classes: "c-layout-sidebar-left" holds a page's main column;
# a link holding the date alone is the post's permalink, as WordPress themes write it.)
UPDATE_CLASS = re.compile(r"updat|modif|revis|edited", re.I)
NOT_ARTICLE_PLACE = frozenset({"footer", "aside", "nav", "form"})
NOT_ARTICLE_CLASS = re.compile(r"comment|related|widget|teaser|recent|popular", re.I)


def time_dates(tree: etree._Element) -> dict[str, list[str]]:
    """Dates of <time datetime="..."> elements, as microdata keys: the page's first such element outside
    footers, asides, comments and teasers is its publication date, one classed as an update its
    modification date (a slower search, for pages that declare no date otherwise)."""
    out: dict[str, list[str]] = {}
    for element in tree.iter("time"):
        value = (element.get("datetime") or "").strip()
        if not value:
            continue
        above = list(element.iterancestors())
        if any(a.tag in NOT_ARTICLE_PLACE for a in above):
            continue
        names = [f"{a.get('class') or ''} {a.get('id') or ''}" for a in (element, *above[:MAX_TIME_CLASS_DEPTH])]
        if any(NOT_ARTICLE_CLASS.search(n) for n in names):
            continue
        link = next(element.iterancestors("a"), None)
        if link is not None and _words_besides_times(link):
            continue
        updated = any(UPDATE_CLASS.search(n) for n in names[:2])
        out.setdefault("datemodified" if updated else "datepublished", []).append(value)
    return out


def _words_besides_times(element: etree._Element) -> bool:
    """Does ``element`` hold words outside its <time> elements (a teaser's headline)?"""
    text = collapse(" ".join(element.itertext()))
    for time in element.iter("time"):
        text = text.replace(collapse(" ".join(time.itertext())), " ", 1)
    return bool(re.search(r"\w", text))


def byline_elements(tree: etree._Element) -> list[etree._Element]:
    """Elements marked as an author or a byline: rel/itemprop "author", class or id with "author"/"byline"
    (a slower search, for pages whose JSON-LD and meta tags name no author)."""
    return _BYLINE_ELEMENTS(tree)


# The elements are found by their attributes (``//@class[...]/..``, a union of such searches in document
# order) rather than by testing every element's attributes (``//*[...]``): libxml2 then runs a few
# attribute tests on the elements that have the attribute, not six on every element (3 times faster on
# aeb's pages, the same elements in the same order).
_BYLINE_ELEMENTS = etree.XPath('//@class[contains(., "uthor") or contains(., "yline")]/.. | '
                               '//@id[contains(., "uthor") or contains(., "yline")]/.. | '
                               '//@rel[. = "author"]/.. | //@itemprop[. = "author"]/..')
_MICRODATA_DATES = etree.XPath('//@itemprop[. = "datePublished" or . = "dateModified"]/parent::*[not(self::meta)]')


def load_json(text: str) -> Any:
    """The JSON of a script element; None when it is not valid JSON even after the usual repairs.

    >>> load_json('<!-- {"@type": "NewsArticle", "headline": "A",} -->')
    {'@type': 'NewsArticle', 'headline': 'A'}
    >>> load_json("{not json") is None
    True
    """
    text = text.strip()
    if text.startswith(("<", "/")):  # wrapped in an HTML comment or a CDATA section
        text = re.sub(r"^(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)$", "", text).strip()
    try:
        return json.loads(text, strict=False)  # strict=False: raw newlines inside strings
    except (ValueError, RecursionError):
        pass
    try:
        return json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False)  # trailing commas: a common slip
    except (ValueError, RecursionError):
        return None


def walk_jsonld(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every typed or identified object of a JSON-LD document: lists, "@graph" and nested objects
    (but not an article's author or publisher, which are not page-level things)."""
    if depth > MAX_JSONLD_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            yield from walk_jsonld(item, depth + 1)
    elif isinstance(node, dict):
        if "@type" in node or "@id" in node:
            yield node
        for key, value in node.items():
            if key not in ("author", "creator", "publisher") and isinstance(value, dict | list):
                yield from walk_jsonld(value, depth + 1)


def _file_jsonld(page: Page, obj: dict[str, Any]) -> None:
    if isinstance(obj.get("@id"), str) and len(obj) > 1:
        page.ids.setdefault(obj["@id"], obj)
    kinds = types(obj)
    if any(t.endswith("article") for t in kinds) or kinds & ARTICLE_TYPES:
        page.articles.append(obj)
    elif kinds & PAGE_TYPES:
        page.pages.append(obj)


def types(obj: dict[str, Any]) -> set[str]:
    """The lower-cased schema.org types of a JSON-LD object ("NewsArticle", ["Article", "WebPage"])."""
    value = obj.get("@type")
    return {v.rsplit("/", 1)[-1].lower() for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)}


def resolve(page: Page, value: Any) -> Any:
    """A JSON-LD reference ({"@id": ...} alone) replaced by the object it names, when the page has it."""
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
        return page.ids.get(value["@id"], value)
    return value


def ld_text(value: Any) -> str:
    """A JSON-LD value as one string: the first item of a list, the "name" or "@value" of an object."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    return collapse(value) if isinstance(value, str) else ""


def ld_first(page: Page, key: str, articles_only: bool = False) -> str:
    """The first non-empty ``key`` of the article objects (then of the page objects)."""
    objects = page.articles if articles_only else page.articles + page.pages
    return next((text for obj in objects if (text := ld_text(obj.get(key)))), "")


def ld_image(page: Page) -> str:
    """The article's JSON-LD image URL (a string, an ImageObject, or a list of either)."""
    for obj in page.articles:
        image = obj.get("image")
        image = image[0] if isinstance(image, list) and image else image
        if isinstance(image, dict):
            image = image.get("url") or image.get("contentUrl")
        if isinstance(image, str) and image.strip():
            return image.strip()
    return ""


def _ld_sites(page: Page) -> list[str]:
    names = []  # the article's publisher, then the WebSite object
    for obj in page.articles + page.pages:
        names.append(ld_text(resolve(page, obj.get("publisher"))))
    names.extend(ld_text(obj.get("name")) for obj in page.ids.values() if "website" in types(obj))
    return [n for n in names if n]


def first_meta(page: Page, *keys: str) -> str:
    """The first non-empty <meta> content among ``keys``."""
    return next((v for key in keys for v in page.meta.get(key, []) if v), "")


def h1_parts(h1: etree._Element) -> list[str]:
    """The text of an <h1>, then its parts: a kicker or a date in it is not part of the headline
    ("<h1><span>Covid-19</span> <span>Headline</span></h1>", "<h1>Dec 18 2025 Headline</h1>")."""
    text = collapse(" ".join(h1.itertext()))
    parts = [text]
    if h1.text and h1.text.strip():
        parts.append(collapse(h1.text))
    parts.extend(collapse(" ".join(child.itertext())) for child in h1 if isinstance(child.tag, str))
    if (found := find_date(text)) and (found[1].start() == 0 or found[1].end() == len(text)):
        parts.append((text[: found[1].start()] + text[found[1].end():]).strip(" -–|•·,:"))
    return [p for p in parts if p]


def collapse(text: str) -> str:
    """One space for each run of whitespace; HTML entities left escaped in attributes decoded."""
    return " ".join((html.unescape(text) if "&" in text else text).split())


def unique(values: list[str]) -> list[str]:
    """Non-empty ``values`` without repeats, in order."""
    out: list[str] = []
    for value in values:
        if value and value not in out:
            out.append(value)
    return out
