"""HTML metadata (htmlmeta, htmlpage, bylines) on small hand-written pages."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from lxml import html as lxml_html

from newsclean import htmlmeta
from newsclean.bylines import names_in_byline
from newsclean.htmlpage import read_page
from newsclean.models import Metadata


def page(head: str = "", body: str = "", lang: str = "en", jsonld: object | str | None = None) -> object:
    """A parsed page with ``head`` and ``body`` markup, and a JSON-LD script when given."""
    if jsonld is not None:
        text = jsonld if isinstance(jsonld, str) else json.dumps(jsonld)
        head += f'<script type="application/ld+json">{text}</script>'
    return lxml_html.fromstring(f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>')


def meta(head: str = "", body: str = "", **kwargs: object) -> Metadata:
    fallback = kwargs.pop("fallback", None)
    return htmlmeta.extract(page(head, body, **kwargs), url=None, fallback=fallback)  # type: ignore[arg-type]


# --- JSON-LD ---------------------------------------------------------------------------------------------

ARTICLE = {"@type": "NewsArticle", "headline": "Blinken meets Lavrov", "datePublished": "2021-12-02T20:45:00+02:00",
           "dateModified": "2021-12-03T09:00:00+02:00", "author": {"@type": "Person", "name": "Igor Kossov"},
           "publisher": {"@type": "Organization", "name": "The Kyiv Independent"}}


@pytest.mark.parametrize("jsonld", [
    ARTICLE,
    [ARTICLE],
    {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "The Kyiv Independent"}, ARTICLE]},
    {"@type": "WebPage", "mainEntity": ARTICLE},
    json.dumps(ARTICLE)[:-1] + ",}",  # a trailing comma
    "<!--" + json.dumps(ARTICLE) + "-->",
])
def test_jsonld_shapes(jsonld: object) -> None:
    m = meta(jsonld=jsonld)
    assert (m.title, m.authors, m.date, m.modified) == (
        "Blinken meets Lavrov", ("Igor Kossov",), "2021-12-02T20:45:00+02:00", "2021-12-03T09:00:00+02:00")
    assert m.site == "The Kyiv Independent"


def test_jsonld_graph_references_are_resolved() -> None:
    graph = {"@graph": [
        {"@type": "Article", "@id": "#article", "headline": "Tram line opens",
         "author": [{"@id": "#jane"}, {"@id": "#john"}], "publisher": {"@id": "#org"}},
        {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
        {"@type": "Person", "@id": "#john", "name": "John Roe"},
        {"@type": "Organization", "@id": "#org", "name": "City Post"},
    ]}
    m = meta(jsonld=graph)
    assert m.authors == ("Jane Doe", "John Roe")
    assert m.site == "City Post"


def test_jsonld_organisation_author_is_not_a_person() -> None:
    article = dict(ARTICLE, author={"@type": "Organization", "name": "Kyiv Independent News Desk"})
    assert meta(jsonld=article).authors == ()


def test_invalid_jsonld_is_ignored() -> None:
    m = meta('<meta property="og:title" content="Tram line opens">', jsonld='{"@type": "NewsArticle", "headline": ')
    assert m.title == "Tram line opens"


def test_jsonld_without_a_type_and_odd_values_do_not_raise() -> None:
    odd = [None, 3, "text", {"@type": ["Article", "WebPage"], "headline": ["Two", "headlines"], "author": [None, 5]},
           {"@type": "BlogPosting", "author": {"@id": "#missing"}, "datePublished": ["2020-01-02"]}]
    m = meta(jsonld=odd)
    assert m.title == "Two"
    assert m.date == "2020-01-02"


# --- title -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("declared, site, expected", [
    ("Tram line opens | City Post", "City Post", "Tram line opens"),
    ("City Post - Tram line opens", "City Post", "Tram line opens"),
    ("Tram line opens – City Post News", "City Post", "Tram line opens"),
    ("Tram line opens :: citypost.com", "citypost.com", "Tram line opens"),
    ("City Post: Tram line opens", "City Post", "Tram line opens"),
    ("Ukraine: what next?", "City Post", "Ukraine: what next?"),
])
def test_site_name_is_removed_from_the_title(declared: str, site: str, expected: str) -> None:
    head = f'<title>{declared}</title><meta property="og:site_name" content="{site}">'
    assert meta(head).title == expected


def test_the_h1_that_matches_a_declared_title_wins() -> None:
    head = '<meta property="og:title" content="Tram line opens | City Post"><meta property="og:site_name" ' \
           'content="City Post">'
    body = "<h1>City Post</h1><h1>Tram line opens</h1><h1>Most read</h1>"
    assert meta(head, body).title == "Tram line opens"


def test_a_kicker_inside_the_h1_is_dropped() -> None:
    head = '<meta property="og:title" content="Tram line opens">'
    body = '<h1><span class="kicker">Transport</span> <span>Tram line opens</span></h1>'
    assert meta(head, body).title == "Tram line opens"


def test_the_only_h1_is_the_headline_a_reader_sees() -> None:
    head = '<title>Trams: all you need to know | City Post</title>'
    assert meta(head, "<h1>The new tram line opens on Monday</h1>").title == "The new tram line opens on Monday"


# --- authors ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("byline, names", [
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("By Jane Doe, John Roe", ["Jane Doe", "John Roe"]),
    ("Jane Doe | John Roe", ["Jane Doe", "John Roe"]),
    ("Jane Doe, Staff Writer", ["Jane Doe"]),
    ("Written By: Catherine Boeckmann Executive Digital Editor", ["Catherine Boeckmann"]),
    ("Von Hanna Schmidt und Tom Berg, 19. Oktober 2019", ["Hanna Schmidt", "Tom Berg"]),
    ("ByDaryl Austin", ["Daryl Austin"]),
    ("Rebecca Lake, CEPF® | Edited by Marie White", ["Rebecca Lake"]),
    ("Finian Cunningham. Sputnik International", ["Finian Cunningham"]),
    ("Dr. A. J. Neal", ["Dr. A. J. Neal"]),
    ("The Russian and Syrian defense ministries", []),
    ("jane@example.com", []),
    ("https://www.facebook.com/cityposts", []),
    ("admin", []),
    ("Vanessa Mendez, MD, gastroenterologist", ["Vanessa Mendez"]),  # a lower-case description ends the names
    ("Stadtkurier Verlag GmbH", []),
    ("Photo: Jane Doe", []),
    ("Tom May", ["Tom May"]),  # a surname that is a month's name
    ("By Alyssa Maio on January 21, 2023", ["Alyssa Maio"]),
    ("Written By: Ann March", ["Ann March"]),
    ("By Luke Kim December 2, 2021", ["Luke Kim"]),  # the month of the date after the name
    ("Supermove February 3, 2025", ["Supermove"]),
    ("Von Hanna Schmidt, Samstag, 19. Oktober 2019", ["Hanna Schmidt"]),
    ("Von Hanna Schmidt am Samstag", ["Hanna Schmidt"]),
    ("Posted by David at December 16, 2025 11:15 AM", ["David"]),
    ("Von Hanna Schmidt um 10:45 Uhr", ["Hanna Schmidt"]),
    ("Autori: Anna Ūdre (LTV Ziņu dienesta redaktore)", ["Anna Ūdre"]),
    ("Авторы: Анна Иванова", ["Анна Иванова"]),
    ("By NOC Admin", []),
    ("ByJ.R. Stone", ["J.R. Stone"]),
    ("Von Mat\xadthi\xadas Lau\u200berer", ["Matthias Lauerer"]),  # soft hyphens and a zero-width space
    ("Por Mariano Martín mmartin@ambito.com.ar", ["Mariano Martín"]),  # the author's e-mail address
    ("Por Williams Perdomo @wperdomod -", ["Williams Perdomo"]),  # and handle
    ("Von Katharina Schmidt Kategorien: Mode", ["Katharina Schmidt"]),  # the categories glued after the name
    ("Words: Rudolf Fischer, Simon Kohler Photos: Simon Kohler", ["Rudolf Fischer", "Simon Kohler"]),
    ("By Ben Tags", ["Ben Tags"]), ("By Maria Themen", ["Maria Themen"]),  # labels end a name with their colon
    ("Von Mehdi Ali\u200czadeh", ["Mehdi Ali\u200czadeh"]),  # a zero-width non-joiner spells Persian names
])
def test_names_in_byline(byline: str, names: list[str]) -> None:
    assert names_in_byline(byline) == names


def test_meta_author_is_split_and_the_site_is_not_an_author() -> None:
    head = ('<meta property="og:site_name" content="City Post"><meta name="author" content="Jane Doe and John Roe">'
            '<meta name="author" content="City Post">')
    assert meta(head).authors == ("Jane Doe", "John Roe")


def test_a_lower_case_declared_author_is_capitalised() -> None:
    assert meta('<meta name="author" content="kirstin boatto">').authors == ("Kirstin Boatto",)
    assert meta('<meta name="author" content="admin">').authors == ()


@pytest.mark.parametrize("head, body, authors", [
    ('<meta name="author" content="Tom">', "<h1>Tram</h1><p>By Tom May</p>", ("Tom May",)),
    ("", '<h1>Tram</h1><p class="byline">Todd Bates</p>', ("Todd Bates",)),  # JSON-LD's "Todd" below
    ('<meta name="author" content="Tom">', "<h1>Tram</h1><p>By Ann Roe</p>", ("Tom",)),  # not the same person
    ('<meta name="author" content="Tom">', "<h1>Tram</h1><p>Tomorrow</p>", ("Tom",)),
    ('<meta name="author" content="Bates">', "<h1>Tram</h1><p>By Todd Bates</p>", ("Bates",)),  # a surname alone
    ('<meta name="citation_author" content="Bates, Todd">', "<h1>Tram</h1><p>By Todd Bates</p>", ("Todd Bates",)),
    ('<meta name="author" content="Jane Doe">', "<h1>Tram</h1><p>By Jane A. Doe</p>", ("Jane Doe",)),
])
def test_a_one_word_declared_author_takes_the_fuller_name_the_byline_shows(head: str, body: str,
                                                                           authors: tuple[str, ...]) -> None:
    jsonld = {"@type": "NewsArticle", "author": "Todd"} if not head else None
    assert meta(head, body, jsonld=jsonld).authors == authors


def test_twitter_written_by_label() -> None:
    head = ('<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="5 minutes">'
            '<meta name="twitter:label2" content="Written by"><meta name="twitter:data2" content="Jane Doe">')
    assert meta(head).authors == ("Jane Doe",)


def test_site_name_from_meta_is_not_an_author() -> None:
    head = '<meta property="og:site_name" content="City Post"><meta name="author" content="City Post">'
    assert meta(head).authors == ()


@pytest.mark.parametrize("site, authors", [
    ("Sam Bossley", ("Sam Bossley",)),  # a personal site, named after the one who writes it
    ("Eat What Tonight", ()),  # a brand, no given name first
    ("Sam Bossley Media", ()),  # ... unless the page shows someone else's byline (below)
])
def test_site_named_author_is_kept_only_for_a_person_named_nowhere_else(site: str, authors: tuple[str, ...]) -> None:
    head = f'<meta property="og:site_name" content="{site}"><meta name="author" content="{site}">'
    body = "<h1>Thoughts on Zig</h1><p>Zig has the syntax of C.</p>"
    if site.endswith("Media"):
        body = "<h1>Thoughts on Zig</h1><p>By Jane Doe</p><p>Zig has the syntax of C.</p>"
        authors = ("Jane Doe",)
    assert meta(head, body).authors == authors


@pytest.mark.parametrize("url, authors", [
    ("https://anil.recoil.org/notes/ocaml-html5", ("Anil Madhavapeddy",)),  # the site's address is his name
    ("https://example.org/notes/ocaml-html5", ()),  # "Anil" is no given name of the lexicon: a brand?
])
def test_site_named_author_whose_name_is_the_sites_address(url: str, authors: tuple[str, ...]) -> None:
    head = '<meta property="og:site_name" content="Anil Madhavapeddy"><meta name="author" content="Anil Madhavapeddy">'
    body = "<h1>An HTML5 parser in OCaml</h1><p>It passes the whole html5lib test suite.</p>"
    assert htmlmeta.extract(page(head, body), url=url).authors == authors  # type: ignore[arg-type]


@pytest.mark.parametrize("box, authors", [
    ("<h3>Alban Brooke</h3><p>Alban Brooke is the Head of Marketing at Buzzsprout. He has hosted 500 episodes.</p>",
     ("Alban Brooke",)),
    ("<h3>Liberty Tax</h3><p>Liberty Tax is a tax preparation service. It also has offices.</p>", ()),
    ("<p>Tim Green <em>Systems Theorist</em></p><p>Tim explores how people and machines think. He writes weekly.</p>",
     ("Tim Green",)),
])
def test_an_author_box_names_the_author_when_nothing_else_does(box: str, authors: tuple[str, ...]) -> None:
    body = f"<h1>Podcast gear for beginners</h1><p>A good microphone matters more than anything.</p>{box}"
    assert meta("", body).authors == authors


def test_an_author_box_far_below_the_name_and_not_the_person_the_headline_names() -> None:
    bio = "<p>Julia Gralberg is a freelance travel writer. She lives in Hong Kong.</p>"
    body = "<p>Julia Gralberg</p><h1>Hotel travel hacks</h1>" + "<p>Pack light and book early.</p>" * 5 + bio
    assert meta("", body).authors == ("Julia Gralberg",)
    profile = ("<h1>Taylor Swift breaks a record</h1><h2>Taylor Swift</h2>"
               "<p>Taylor Swift is a singer. She has sold a lot.</p>")
    assert meta("", profile).authors == ()


def test_browse_menu_is_no_byline() -> None:
    menu = "".join(f"<li>{item}</li>" for item in ("Solutions", "By Event Type", "Conferences", "Webinars",
                                                   "By Industry", "For Media", "By Ann Roe"))
    body = f"<ul>{menu}</ul><h1>Event planning skills</h1><p>Planning an event takes many skills.</p>"
    assert meta(body=body).authors == ("Ann Roe",)
    assert meta(body="<h1>Event planning skills</h1><p>By Industry Week</p>").authors == ("Industry Week",)


def test_the_byline_under_the_headline_beats_a_menu_heading_above_it() -> None:
    menu = "".join(f"<li>{item}</li>" for item in ("Cut Surprise Churn", "Grow Accounts", "Forecast", "Pricing"))
    body = (f"<nav><p>BY USE CASE</p><ul>{menu}</ul></nav><h1>Testing Go services</h1>"
            "<p>Mocks are not the enemy; bad tests are.</p><p>By Preetam Jinka</p><p>Co-founder</p>")
    m = meta("<title>Testing Go services</title>", body)
    assert m.authors == ("Preetam Jinka",)


def test_trafilaturas_guess_that_is_one_word_of_the_site_name_is_no_author() -> None:
    head = '<meta property="og:site_name" content="Human in the Loop">'
    body = "<h1>Why evals matter</h1><p>Human judgement still decides.</p>"
    assert meta(head, body, fallback=SimpleNamespace(author="Human")).authors == ()
    head = '<meta property="og:site_name" content="wolfgangmichal.de">'
    body = "<h1>Sommer</h1><p>Wolfgang Michal schreibt.</p>"
    assert meta(head, body, fallback=SimpleNamespace(author="Wolfgang Michal")).authors == ("Wolfgang Michal",)


def test_byline_element_holding_the_headline_is_no_byline() -> None:
    body = ('<h1>My Top 23 Herbs and Flowers for Organic Pest Control</h1><div itemprop="author">Top 23 Herbs '
            'And Flowers For Organic Pest Control</div><p>We are huge fans of an organic life.</p>')
    head = '<meta property="og:site_name" content="Annette Thurmon"><meta name="author" content="annette thurmon">'
    assert meta(head, body).authors == ("Annette Thurmon",)


def test_declared_title_shown_as_a_heading_beats_a_section_h1() -> None:
    body = ("<h2>What do people love about Rust?</h2><p>Dec. 19, 2025 · Niko Matsakis</p>"
            "<h1 id='but-what-they-love'>But what they love is the sense of empowerment</h1><p>Rust is loved.</p>")
    m = meta("<title>What do people love about Rust? | Rust Blog</title>", body)
    assert m.title == "What do people love about Rust?"
    lone = meta("<title>Rust Blog | Home</title>", "<h1>But what they love is the sense of empowerment</h1>")
    assert lone.title == "But what they love is the sense of empowerment"


def test_byline_element_with_author_link() -> None:
    body = '<h1>Tram line opens</h1><div class="byline">By <a href="/author/jane-doe">Jane Doe</a>, Senior ' \
           'Editor</div><aside><div class="author">Someone Else</div></aside>'
    assert meta(body=body).authors == ("Jane Doe",)


def test_byline_line_in_the_text() -> None:
    body = "<h1>Tram line opens</h1><p>By Jane Doe</p><p>By using this site you agree to our cookie policy.</p>"
    assert meta(body=body).authors == ("Jane Doe",)


@pytest.mark.parametrize("body, authors", [
    ("<h1>Tram line opens</h1><p>Written by</p><p>Jane Doe</p><p>The council met.</p>", ("Jane Doe",)),
    ("<h1>Tram line opens</h1><p>Author</p><p>Jane Doe</p>", ("Jane Doe",)),
    ("<h1>Tram line opens</h1><p>ByJane Doe</p>", ("Jane Doe",)),
    # a menu: "Authors" then another menu item; a search form's "Von:"; a one-word "name" under a label
    ("<ul><li>Sections</li><li>Authors</li><li>About Us</li></ul><h1>Tram line opens</h1>", ()),
    ("<form><p>Von:</p><p>Erweiterte Suche</p></form><h1>Tram</h1>", ()),
    ("<ul><li>Autor</li><li>Newsletter</li></ul><h1>Tram line opens</h1>", ()),
])
def test_byline_label_on_its_own_line(body: str, authors: tuple[str, ...]) -> None:
    assert meta(body=body).authors == authors


@pytest.mark.parametrize("body, authors", [
    ("<h1>Tram line opens</h1><p>Dec 26, 2025 • Jane Doe in Transport</p><p>The council met.</p>", ("Jane Doe",)),
    ("<h1>Tram line opens</h1><p>Dec. 19, 2025 · Jane Doe on behalf of the Docs team</p>", ("Jane Doe",)),
    ("<h1>Tram line opens</h1><p>2 Dec 2021 · News</p>", ()),  # a section, not a name
    ("<p>Dec 26, 2025 • Jane Doe</p><p>" + "Filler line.</p><p>" * 30 + "</p><h1>Tram line opens</h1>", ()),
])
def test_byline_that_begins_with_the_date_by_the_headline(body: str, authors: tuple[str, ...]) -> None:
    assert meta(body=body).authors == authors


def test_jsonld_author_list_inside_a_list() -> None:
    article = dict(ARTICLE, author=[[{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}]])
    assert meta(jsonld=article).authors == ("Jane Doe", "John Roe")


def test_trafilatura_author_is_the_last_resort_if_the_page_shows_it() -> None:
    fallback = SimpleNamespace(author="Jane Doe; John Roe")
    body = "<p>Jane Doe and John Roe report from the harbour.</p>"
    assert meta(body=body, fallback=fallback).authors == ("Jane Doe", "John Roe")
    assert meta(body="<p>The harbour.</p>", fallback=fallback).authors == ()


# --- dates -----------------------------------------------------------------------------------------------

def test_jsonld_publication_date_before_meta_and_never_the_modification_date() -> None:
    head = ('<meta property="article:published_time" content="2021-12-01T10:00:00Z">'
            '<meta property="article:modified_time" content="2021-12-05T10:00:00Z">')
    article = {"@type": "Article", "datePublished": "2021-12-02T20:45:00+02:00", "dateModified": "2021-12-04"}
    m = meta(head, jsonld=article)
    assert (m.date, m.modified) == ("2021-12-02T20:45:00+02:00", "2021-12-04")
    m = meta(head)
    assert (m.date, m.modified) == ("2021-12-01T10:00:00+00:00", "2021-12-05T10:00:00+00:00")


def test_the_date_shown_by_the_headline_is_the_pages_own_statement() -> None:
    head = '<meta property="article:published_time" content="2021-12-03T01:30:00Z">'
    body = "<h1>Tram line opens</h1><p>December 2, 2021 8:30 PM</p><p>Text of the article.</p>"
    assert meta(head, body).date == "2021-12-02T20:30"


def test_a_shown_update_date_is_not_the_publication_date() -> None:
    head = ('<meta property="article:published_time" content="2021-12-02T10:00:00+01:00">'
            '<meta property="article:modified_time" content="2022-03-01T10:00:00+01:00">')
    body = "<h1>Tram line opens</h1><p>Updated March 1, 2022</p><p>Text.</p>"
    m = meta(head, body)
    assert (m.date, m.modified) == ("2021-12-02T10:00:00+01:00", "2022-03-01T10:00:00+01:00")
    # both dates shown by the headline, the update's unlabelled: the other one is the publication date
    body = "<h1>Tram line opens</h1><p>March 1, 2022 · December 2, 2021</p><p>Text.</p>"
    assert meta(head, body).date == "2021-12-02T10:00:00+01:00"


def test_the_only_date_shown_is_the_date_even_when_declared_as_the_modification() -> None:
    # "20. März 2021 - 15:00 Uhr" under rtl.de's headline, declared dateModified, datePublished 4 days before
    head = ('<meta property="article:published_time" content="2021-03-16T16:16:10+00:00">'
            '<meta property="article:modified_time" content="2021-03-20T15:00:00+01:00">')
    body = "<h1>Lockdown verlängert</h1><p>20. März 2021 - 15:00 Uhr</p><p>Bund und Länder wollen...</p>"
    assert meta(head, body).date == "2021-03-20"


def test_the_dateline_below_the_headline_before_a_date_above_it() -> None:
    body = ("<p>30.01.2020 20:00 Stammtisch</p><h1>Wir unterstützen Fridays for Future</h1><p>von flerche</p>"
            "<p>21. September 2019</p><p>Text.</p>")
    assert meta(body=body).date == "2019-09-21"


def test_a_date_labelled_published_below_the_article() -> None:
    paragraphs = "".join(f"<p>Absatz {i} des Artikels.</p>" for i in range(20))
    body = f"<h1>Vom Boden aus gedacht</h1>{paragraphs}<p>Erschienen am: 01.11.2023</p>"
    assert meta(body=body).date == "2023-11-01"


def test_htmldate_is_the_fallback_but_a_year_alone_is_no_date() -> None:
    assert meta(fallback=SimpleNamespace(date="2021-12-02", markup_date="2021-12-02")).date == "2021-12-02"
    assert meta(fallback=SimpleNamespace(date="2019-01-01", markup_date="2019-01-01")).date is None


@pytest.mark.parametrize("body, url, date", [
    ("<p>Nothing here says when.</p>", None, None),  # found in a script or a file name: no reader sees it
    ("<p>Posted on 2 Dec 2021 in Gardening.</p>", None, "2021-12-02"),  # written in the page
    ("<p>Nothing here says when.</p>", "https://citypost.example/2021/12/tram", "2021-12-02"),  # in its URL
])
def test_htmldate_extensive_guess_only_when_the_page_shows_it(body: str, url: str | None, date: str | None) -> None:
    fallback = SimpleNamespace(date="2021-12-02", markup_date=None)
    assert htmlmeta.extract(page(body=body), url=url, fallback=fallback).date == date


@pytest.mark.parametrize("body, date, modified", [
    ('<h1>Tram</h1><div class="meta"><time datetime="2021-12-02T20:45:00+02:00">Thursday</time></div>',
     "2021-12-02T20:45:00+02:00", None),
    # a permalink around the date (WordPress), with the update beside it
    ('<h1>Tram</h1><a href="/tram"><time class="entry-date published" datetime="2021-12-02">Dec 2</time>'
     '<time class="updated" datetime="2021-12-05">Dec 5</time></a>', "2021-12-02", "2021-12-05"),
    # other articles' teasers and the comments have dates too
    ('<h1>Tram</h1><a href="/bus"><h3>Bus line closes</h3><time datetime="2020-01-01T10:00">1 Jan</time></a>'
     '<div class="comments"><time datetime="2022-03-01T10:00">1 Mar</time></div>'
     '<footer><time datetime="2023-01-01T10:00">2023</time></footer>', None, None),
])
def test_time_elements_when_nothing_else_declares_a_date(body: str, date: str | None, modified: str | None) -> None:
    m = meta(body=body)
    assert (m.date, m.modified) == (date, modified)


def test_microdata_and_written_dates() -> None:
    body = '<h1>Tram</h1><time itemprop="datePublished" datetime="2022-05-14T10:00:00+02:00">14 May</time>'
    assert meta(body=body).date == "2022-05-14T10:00:00+02:00"
    head = '<meta name="pubdate" content="Sat, 14 May 2022 08:00:00 GMT">'
    assert meta(head).date == "2022-05-14T08:00:00+00:00"


def test_american_numeric_dates_are_month_first() -> None:
    body = "<h1>Tram line opens</h1><p>Posted 05/04/2022</p>"
    assert meta(body=body, lang="en-US").date == "2022-05-04"
    assert meta(body=body, lang="en-GB").date == "2022-04-05"


@pytest.mark.parametrize("shown, lang, date", [
    ("2025/4/29", "en-GB", "2025-04-29"),
    ("2025/04/29", "en-US", "2025-04-29"),  # year first: the month follows, American page or not
    ("2025/04/05", "en-US", "2025-04-05"),
    ("2025/04/29 10:30", "ja", "2025-04-29T10:30"),
    ("29/4/2025", "en-GB", "2025-04-29"),  # day and month orders read as before
    ("4/29/2025", "en-GB", "2025-04-29"),
    ("05/04/2025", "en-US", "2025-05-04"),
])
def test_numeric_dates_year_first_with_slashes(shown: str, lang: str, date: str) -> None:
    assert meta(body=f"<h1>Tram line opens</h1><p>Posted {shown}</p>", lang=lang).date == date


def test_a_date_in_a_links_path_is_not_a_written_date() -> None:
    assert meta(body="<h1>Tram line opens</h1><p>See citypost.example/2025/04/29/bus</p>").date is None


# --- the rest ----------------------------------------------------------------------------------------------

def test_language_url_site_description_tags_image() -> None:
    head = ('<link rel="canonical" href="https://citypost.example/tram"><meta property="og:site_name" '
            'content="City Post"><meta property="og:description" content="A new line."><meta property="og:image" '
            'content="https://citypost.example/tram.jpg"><meta property="article:tag" content="Transport">'
            '<meta name="keywords" content="ignored, when, tags, exist">')
    m = meta(head, lang="de-DE")
    assert (m.language, m.url, m.site, m.description, m.tags, m.image) == (
        "de", "https://citypost.example/tram", "City Post", "A new line.", ("Transport",),
        "https://citypost.example/tram.jpg")


@pytest.mark.parametrize("declared, expected", [("en_US", "en"), ("pt-BR", "pt"), ("english", None), ("", None)])
def test_language_is_iso_639_1(declared: str, expected: str | None) -> None:
    assert htmlmeta.pick_language(read_page(page(lang=declared))) == expected


def test_a_given_url_wins_over_the_canonical_link() -> None:
    tree = page('<link rel="canonical" href="https://citypost.example/tram">')
    assert htmlmeta.extract(tree, url="https://example.org/given").url == "https://example.org/given"


def test_broken_urls_and_empty_pages_give_empty_metadata() -> None:
    m = meta('<link rel="canonical" href="http://[broken">', lang="")
    assert (m.title, m.authors, m.date, m.url, m.site, m.language) == (None, (), None, "http://[broken", None, None)


# --- trafilatura's metadata, field by field ----------------------------------------------------------------

FIELDS = ("title", "author", "url", "date", "sitename", "categories", "tags", "description", "image")


@pytest.mark.parametrize("head, body", [
    ('<title>Harbour wall repaired | Coast News</title><meta property="og:site_name" content="@coastnews">'
     '<meta name="description" content="The council voted.">',
     '<h1>Harbour wall repaired</h1><div class="entry-meta"><a href="/category/local/">Local</a></div>'
     '<p class="byline">By Jane Doe</p><time datetime="2021-12-02">2 Dec 2021</time><p>The council met.</p>'
     '<div class="tags"><a href="/tag/harbour/">harbour</a></div>'),
    ('<title>No declarations</title><meta property="article:section" content="Sport">',
     '<p>Text only, 03.04.2019, and <a href="/about">a link</a>.</p>'),
])
def test_lazy_trafilatura_metadata_matches_extract_metadata(head: str, body: str) -> None:
    from trafilatura.metadata import extract_metadata
    from trafilatura.settings import set_date_params

    from newsclean.strip.html import TrafilaturaMetadata

    tree = page(head, body)
    eager = extract_metadata(tree, "https://www.example.org/a/b", set_date_params(True))
    lazy = TrafilaturaMetadata(tree, "https://www.example.org/a/b")  # type: ignore[arg-type]
    assert {f: getattr(lazy, f) for f in FIELDS} == {f: getattr(eager, f) for f in FIELDS}


COMMENTED_PAGE = """<html><head><title>Harbour plan approved</title></head><body><article>
<h1>Council approves harbour plan</h1>
<p>The city council on Tuesday approved a plan to rebuild the old harbour, ending a debate that has divided
residents for more than a decade.</p>
<p>The plan, which will cost an estimated 40 million euros, includes a new ferry terminal, a public park along
the water and housing for around 600 families.</p>
<div class="box sf_comment_list"><div class="borde"><span class="sf_comment_author">Alcalino</span><br />
<span class="date">Hace 28 minutos</span><div class="sf_comment_text"><p>What a waste of money, they should
fix the roads first before building anything new down by the water.</p></div></div></div>
</article></body></html>"""


def test_a_commenters_name_is_not_the_author() -> None:
    # trafilatura's metadata names the commenter (its guess is the fallback when the page names nobody)
    import trafilatura

    assert trafilatura.extract_metadata(COMMENTED_PAGE).author == "Alcalino"
    tree = lxml_html.fromstring(COMMENTED_PAGE)
    fallback = SimpleNamespace(author="Alcalino")
    assert htmlmeta.extract(tree, fallback=fallback).authors == ()
    shown = COMMENTED_PAGE.replace('<div class="box sf_comment_list">', '<p class="lead">By Alcalino</p><div>')
    assert htmlmeta.extract(lxml_html.fromstring(shown), fallback=fallback).authors == ("Alcalino",)


def test_a_number_in_brackets_after_a_name_is_a_commenters_user_id() -> None:
    assert names_in_byline("by ozmartian (4321)") == []
    assert names_in_byline("Jean-Luc Aufranc (CNXSoft)") == ["Jean-Luc Aufranc"]


def test_a_date_in_a_sentence_below_the_headline_does_not_beat_the_dateline_above() -> None:
    body = ("<p>News</p><p>December 2, 2021</p><h1>Tram line opens</h1><p>By Jane Doe</p>"
            "<p>The first tram ran on the old line on May 3, 1995.</p><p>Text of the article.</p>")
    assert meta(body=body).date == "2021-12-02"


def test_a_readers_posted_date_far_below_is_not_the_publication_date() -> None:
    head = '<meta property="article:published_time" content="2021-12-02T10:00:00+01:00">'
    paragraphs = "".join(f"<p>Paragraph {i} of the article.</p>" for i in range(18))
    body = f"<h1>Tram line opens</h1>{paragraphs}<p>Posted on March 3, 2023 at 10:00</p><p>Jane wrote: great</p>"
    assert meta(head, body).date == "2021-12-02T10:00:00+01:00"
