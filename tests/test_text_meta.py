"""Metadata from plain-text dumps: made-up pages, one a case."""

from __future__ import annotations

import numpy as np
import pytest

import newsclean
from newsclean import metadata
from newsclean.bylines import names_in_byline
from newsclean.models import Line, Role
from newsclean.strip import Stripped, text
from newsclean.strip.features import compute_features, split_lines
from newsclean.strip.model import feature_matrix, role_cues
from newsclean.strip.text import gather_evidence

PROSE = (
    "The council met on Tuesday evening to discuss the new budget for the coming year, and most members "
    "agreed that the library should stay open longer on weekends.",
    "Several residents spoke during the public session, asking why the repairs to the old bridge had been "
    "delayed again and when the work would finally begin.",
    "The mayor said that the contract would be signed before the end of the month and that the road would "
    "be closed for about six weeks while the crews were on site.",
    "Members will vote on the final version of the budget at their next meeting, which is open to the public "
    "as always and will be streamed on the town's website.",
)


def _page(*header: str) -> str:
    menu = ["Home", "News", "Sport", "Weather", "Contact Us"]
    return "\n\n".join([*menu, *header, *PROSE, "Related stories", "Share this article"])


def test_author_from_lead_line_not_from_a_heading() -> None:
    doc = newsclean.clean(_page("Council keeps the library open on weekends", "Key Takeaways",
                                "Written by Erika Muster", "March 3, 2024"), kind="text")
    assert list(doc.authors) == ["Erika Muster"]
    assert doc.date == "2024-03-03"


def test_author_after_the_date_and_by_inside() -> None:
    doc = newsclean.clean(_page("Council keeps the library open on weekends",
                                "Posted on 3 March 2024 by Jan Novak"), kind="text")
    assert list(doc.authors) == ["Jan Novak"]
    assert doc.date == "2024-03-03"


@pytest.mark.parametrize("dateline, date", [
    ("2025/4/29", "2025-04-29"),
    ("2025/04/29", "2025-04-29"),
    ("29/4/2025", "2025-04-29"),  # day and month orders read as before
    ("4/29/2025", "2025-04-29"),
])
def test_numeric_date_year_first_with_slashes(dateline: str, date: str) -> None:
    doc = newsclean.clean(_page("Council keeps the library open on weekends", "By Erika Muster", dateline),
                          kind="text")
    assert doc.date == date


def test_a_surname_that_is_a_months_name_is_kept() -> None:
    doc = newsclean.clean(_page("Council keeps the library open on weekends", "By Tom May", "March 3, 2024"),
                          kind="text")
    assert list(doc.authors) == ["Tom May"]


def test_title_is_the_line_above_the_byline_not_the_breadcrumb() -> None:
    doc = newsclean.clean(_page("Home > Local > Council keeps the library open on weekends",
                                "Council keeps the library open on weekends", "By Erika Muster", "March 3, 2024"),
                          kind="text")
    assert doc.title == "Council keeps the library open on weekends"


def test_role_cues_mark_bylines_dates_and_breadcrumbs() -> None:
    lines = ["Home > News > Storm hits the coast", "Storm hits the coast", "By Jane Doe", "May 2, 2023",
             "The storm hit the coast with strong winds today, the weather service said in a statement."]
    got, blank = split_lines("\n".join(lines))
    assert got == lines
    ev = gather_evidence(got, blank)
    x = feature_matrix(ev.feats, ev.has_stoplist, ev.rule_span, [v.barrier for v in ev.verdicts],
                       [v.score for v in ev.verdicts])
    cues = role_cues(x, np.array([len(t.split()) for t in lines], dtype=float), lines)
    lead, dated, cue_below, ends, echoed = cues[:, 0], cues[:, 1], cues[:, 7], cues[:, 15], cues[:, 16]
    assert lead.tolist() == [0, 0, 1, 0, 0] and dated.tolist() == [0, 0, 0, 1, 0]
    assert cue_below[1] == 1 and cue_below[4] == 0  # the headline has its byline just below
    assert ends.tolist() == [1, 0, 0, 0, 0] and echoed.tolist() == [0, 1, 0, 0, 0]  # the breadcrumb ends with it


def test_url_slug_words() -> None:
    from newsclean.strip.text import url_slug_words
    assert url_slug_words("https://example.com/2024/05/city-council-approves-budget.html") == {
        "city", "council", "approves", "budget"}
    assert url_slug_words("https://example.com/news/12345") == frozenset()
    assert url_slug_words(None) == frozenset()
    # the page's own name ends the path; the sections it is filed under come before it
    assert url_slug_words("https://example.com/travel-tips/trip-planning/travel-insurance") == {"travel", "insurance"}
    assert url_slug_words("https://example.com/life-style/meditation-heals-the-brain/articleshow/126041363.cms") == {
        "meditation", "heals", "the", "brain"}
    # a last segment of one word is the page's name (or an id): only a headline's long slug before it counts
    assert url_slug_words("https://example.ch/wohnen/angenehmes-raumklima/kondenswasser.html") == frozenset()
    assert url_slug_words("https://example.cl/politica/la-agenda-con-que-interior-busca/DHCHJTT5TNE/") == {
        "la", "agenda", "con", "que", "interior", "busca"}


def test_a_section_named_in_the_url_is_not_taken_for_the_headline() -> None:
    page = "\n\n".join(["Home", "Destinations", "Travel Tips", "Tours", "Shop", "Travel Tips", "Trip Planning",
                        "What Travel Insurance Covers in Europe", "By Erika Muster", *PROSE, "Related stories",
                        "Share this article"])
    doc = newsclean.clean(page, kind="text", url="https://example.com/travel-tips/trip-planning/travel-insurance")
    assert doc.title == "What Travel Insurance Covers in Europe"


def test_url_slug_picks_the_headline_among_teasers() -> None:
    page = "\n\n".join(["Home", "News", "Bridge repairs delayed until spring", "Library opens on Sundays",
                        "Council approves the budget for next year", "By Erika Muster", *PROSE,
                        "Related stories", "Share this article"])
    url = "https://example.com/2024/03/council-approves-budget-next-year"
    doc = newsclean.clean(page, kind="text", url=url)
    assert doc.title == "Council approves the budget for next year"


def test_no_date_or_author_from_readers_comments() -> None:
    comments = ["34 responses to this story", "joetoronto says:", "November 19, 2019 at 6:34 am",
                "I do not agree with the council at all, the library was fine as it was before.",
                "mary_k says:", "November 19, 2019 at 8:02 am",
                "Great news for the families in our part of town, thank you for reporting it."]
    page = "\n\n".join(["Home", "News", "Council keeps the library open on weekends", *PROSE, *comments])
    doc = newsclean.clean(page, kind="text")
    assert doc.date is None or not doc.date.startswith("2019-11-19")
    assert "joetoronto" not in " ".join(doc.authors)


def test_one_line_dump_gives_no_sentence_as_title() -> None:
    page = " ".join(["Home News Sport Weather", "Council keeps the library open on weekends", *PROSE])
    doc = newsclean.clean(page, kind="text")
    assert doc.title is None
    assert "library should stay open" in doc.text


def test_date_from_a_line_removed_for_its_comment_counter() -> None:
    # the page's only date sits on a line the lexicon removes ("Comments", "Share"): still the date
    doc = newsclean.clean(_page("Council keeps the library open on weekends", "By Erika Muster",
                                "March 3, 2024 | 5 Comments | Share"), kind="text")
    assert doc.date == "2024-03-03"
    assert "5 Comments" not in doc.text
    line = next(ln for ln in doc.lines if ln.text.startswith("March 3"))
    assert line.reason == "byline:date"  # chosen by the date head, not only by the removed-line fallback


def test_get_text_dump_title_is_its_first_line_without_the_site_name() -> None:
    """BeautifulSoup's get_text(): the <title> first, then the page's text nodes as the source lays
    them out, paragraphs glued where the markup had no line break between them (a run-on line). The
    site's name goes where the headline is also a line of its own (its <h1>), or the URL names it."""
    glued = "".join(PROSE * 5)  # over 400 words: run-on
    page = ("\n\n\n\tCouncil keeps the library open on weekends | Harbour Gazette\n\n\n"
            "\t\tHome\n\t\tNews\n\t\tSport\n\n\tCouncil keeps the library open on weekends\n"
            + glued + "\n\n\tRelated stories\n\tShare this article\n")
    doc = newsclean.clean(page, kind="text")
    assert doc.title == "Council keeps the library open on weekends"
    assert "library should stay open" in doc.text and "Harbour Gazette" not in doc.text
    with_url = newsclean.clean(page.replace("| Harbour Gazette", "- Harbour Gazette"), kind="text",
                               url="https://www.harbourgazette.co.uk/news/library")
    assert with_url.title == "Council keeps the library open on weekends"


def test_a_dash_in_a_headline_stays_when_its_first_part_is_a_menu_item() -> None:
    page = _page("Windenergie", "Windenergie – Sauberer Strom vom Meer", "By Erika Muster")
    assert newsclean.clean(page, kind="text").title == "Windenergie – Sauberer Strom vom Meer"


def test_run_on_page_byline_and_date_after_their_labels() -> None:
    """On a page glued into one line, the byline runs into its neighbours; a capitalised name after
    "By" is the author, a date right after a "Published" label the date (not one after "unpublished")."""
    page = ("Home News Sport Council keeps the library open By Erika MusterPublished: Jan 29, 2025Photo: "
            "Harbour Gazette " + " ".join(PROSE * 4))
    doc = newsclean.clean(page, kind="text")
    assert (doc.date, doc.authors) == ("2025-01-29", ["Erika Muster"])
    assert newsclean.clean(page.replace("Published", "An unpublished"), kind="text").date is None


def test_a_nickname_in_quotes_and_a_cms_label_are_not_taken_for_names() -> None:
    from newsclean.bylines import names_in_byline

    assert names_in_byline('By Amanda "Tania Mae" Tan November 19, 2023 7:18 pm') == ["Amanda Tan"]
    assert names_in_byline("By Lee “Faker” Sang-hyeok") == ["Lee Sang-hyeok"]
    assert names_in_byline('The "Best" Guide To Life') == []  # a headline with a word in quotes
    assert names_in_byline("Submitted on Mon, 2019-01-21 13:49") == []  # Drupal's label, no name
    from newsclean.metadata import parse_byline
    assert parse_byline("Eine Kolumne von Nils Pickert")[0] == ["Nils Pickert"]  # "a column by"
    assert parse_byline("A column by Jane Doe")[0] == ["Jane Doe"]
    assert parse_byline("Christoph von Eichhorn")[0] == ["Christoph von Eichhorn"]  # a particle, not a "by"


def test_a_long_byline_kept_in_the_body_still_gives_the_authors() -> None:
    # CNN's "By ..., CNN November 28, 2013 -- Updated 0203 GMT (1003 HKT)": more words than a body line
    # that merely names someone, but it opens with "By"
    from newsclean.models import Role
    from newsclean.strip import text

    lines = ["By Dana A. Ford, Tom Watkins and Jane Roe, CNN November 28, 2013 -- Updated 0203 GMT (1003 HKT)",
             "CNN's Jason Carroll and Ben Brumfield contributed to this report."]
    ev = text.gather_evidence(lines, [True, True])
    roles = [(Role.BODY, ""), (Role.BODY, "")]
    assert ev.feats[0].words > text.ROLE_MAX_BODY_WORDS
    assert text._pick_author(ev.feats, ev.verdicts, np.array([0.9, 0.95]), roles, top=0) == 0


@pytest.mark.parametrize("crumbs", ["Home » Local » Council keeps the library open on weekends",
                                    "News/Local news/Council keeps the library open on weekends"])
def test_a_breadcrumb_taken_for_the_headline_gives_its_last_crumb(crumbs: str) -> None:
    doc = newsclean.clean(_page(crumbs, "By Erika Muster", "March 3, 2024"), kind="text")
    assert doc.title == "Council keeps the library open on weekends"


@pytest.mark.parametrize("line, authors", [
    ("Key Takeaways", ()),  # a heading: its words are written in lower case in the article
    ("Erika Muster", ("Erika Muster",)),  # a name on a line of its own, no "By"
    ("Zorvath Quenby", ("Zorvath Quenby",)),  # no given name known, but no word of it in lower case elsewhere
])
def test_a_line_without_by_is_an_author_only_if_it_reads_as_a_name(line: str, authors: tuple[str, ...]) -> None:
    aside = ("The key takeaways from the meeting were posted on the town's website the next morning for "
             "everyone to read.")
    page = _page("Council keeps the library open", line, "March 3, 2024").replace(PROSE[1], f"{PROSE[1]}\n\n{aside}")
    assert tuple(newsclean.clean(page, kind="text").authors) == authors


@pytest.mark.parametrize("line, is_date", [
    ("segunda-feira, 22 de janeiro de 2018 às 0:13", True),
    ("Monday, January 22, 2018 at 0:13", True),
    ("Δευτέρα, 22 Ιανουαρίου 2018, 00:13", True),
    ("Published on March 3, 2020", True),
    ("2018年1月22日 0:13", True),
    ("Metasploit Wrap-Up 12/19/2025", False),  # a headline with a date in it
    ("Trump wins on November 3, 2020", False),
    ("Council keeps the library open on weekends", False),
])
def test_a_date_line_is_never_the_headline(line: str, is_date: bool) -> None:
    feats, _ = compute_features([line], [True])
    assert text.is_date_line(feats[0]) is is_date


@pytest.mark.parametrize("line", ["Last Updated: December 15th 2025", "15th December 2025",
                                  "segunda-feira, 22 de janeiro de 2018", "22 de enero de 2018"])
def test_dates_with_ordinals_and_de_are_dates(line: str) -> None:
    feats, _ = compute_features([line], [True])
    assert feats[0].has_date



@pytest.mark.parametrize("dateline, date", [
    ("Essay - Published: 2024.03.03 | politics | local | budget |", "2024-03-03"),
    ("Local Desk / example.com / Updated: Mar 3, 2024, 21:47 IST", "2024-03-03T21:47"),
])
def test_a_date_line_set_as_a_menu_is_the_date_line(dateline: str, date: str) -> None:
    # (removed as a menu for its separators; the teasers' dates below the article are not the date)
    teasers = "\n\n".join(["Related stories", "Storm closes the coast road for a week", "March 20, 2024",
                           "New bakery opens in the old station", "March 18, 2024"])
    page = _page("Council keeps the library open on weekends", dateline).replace("Related stories", teasers)
    assert newsclean.clean(page, kind="text").date == date


@pytest.mark.parametrize("headline", ["Full Unicode Search at Fifty Times the Speed of ICU",
                                      "How to write a good newsletter with the help of AI",
                                      "Search engines change how small newsrooms find their readers"])
def test_a_headline_holding_one_lexicon_word_is_the_title(headline: str) -> None:
    page = "\n\n".join(["Home", "Blog", "Search", headline, "By Erika Muster", *PROSE, "Related stories",
                        "Share this article"])
    assert newsclean.clean(page, kind="text").title == headline


def test_a_prompt_with_lexicon_words_is_no_title() -> None:
    page = "\n\n".join(["Home", "Sign up for our newsletter to get the latest news", *PROSE])
    assert newsclean.clean(page, kind="text").title != "Sign up for our newsletter to get the latest news"


def test_the_date_labelled_published_is_the_date() -> None:
    page = "\n\n".join(["Home", "News", "Council approves the harbour budget", "By Erika Muster",
                        "Updated November 9, 2023 at 1:10 a.m.", "Published November 8, 2023 at 4:56 p.m.", *PROSE])
    assert newsclean.clean(page, kind="text").date.startswith("2023-11-08")


def test_a_title_case_line_far_below_the_article_start_is_no_author() -> None:
    import numpy as np

    from newsclean.models import Role
    from newsclean.strip.features import compute_features
    from newsclean.strip.text import AUTHOR_SURE_REACH, Verdict, _pick_author
    texts = ["Council approves the harbour budget", *PROSE * 4, "Grüne Jobs"]
    feats, _ = compute_features(texts, [True] * len(texts))
    verdicts = [Verdict(0.0, "")] * len(texts)
    roles = [(Role.TITLE, "title")] + [(Role.BODY, "")] * (len(texts) - 2) + [(Role.REMOVED, "after-article")]
    probs = np.zeros(len(texts))
    probs[-1] = 0.95  # the head is sure of it
    assert len(texts) - 1 > AUTHOR_SURE_REACH
    assert _pick_author(feats, verdicts, probs, roles, top=1) is None
    assert _pick_author(feats[:3] + feats[-1:], verdicts[:4], probs[[0, 1, 2, -1]],
                        roles[:3] + roles[-1:], top=1) == 3  # close to the article, it is taken


def test_a_published_date_in_a_sentence_is_not_the_date() -> None:
    page = "\n\n".join(["Home", "News", "Council approves the harbour budget", "By Erika Muster", "March 3, 2024",
                        "The report, published on 12 January 2023, found that the harbour needs new quays.",
                        *PROSE])
    assert newsclean.clean(page, kind="text").date.startswith("2024-03-03")


def test_an_advertisement_line_is_no_title() -> None:
    page = "\n\n".join(["Home", "Advertisement continues below this short message here",
                        "Council approves the harbour budget", *PROSE])
    assert newsclean.clean(page, kind="text").title != "Advertisement continues below this short message here"


def test_date_from_the_address_when_the_text_gives_none() -> None:
    page = _page("Council keeps the library open on weekends", "By Erika Muster")
    url = "https://news.example.com/local/2024/03/03/council-library-weekends/"
    assert newsclean.clean(page, kind="text").date is None
    assert newsclean.clean(page, kind="text", url=url).date == "2024-03-03"
    # the text's own date comes first
    dated = _page("Council keeps the library open on weekends", "By Erika Muster", "March 4, 2024")
    assert newsclean.clean(dated, kind="text", url=url).date == "2024-03-04"


@pytest.mark.parametrize("dateline, date", [
    ("September 1, 2016September 8, 2016Autumn Adams", "2016-09-01"),  # two dates glued: published first
    ("May 21, 2025April 24, 2025 by The Ritualist", "2025-04-24"),  # ... or updated first
    ("Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026", "2022-12-22"),
    ("Updated November 11, 2022 Originally published November 9, 2022", "2022-11-09"),
    ("By Erika Muster | EditorialNovember 22, 2018", "2018-11-22"),  # a month glued to the word before it
    ("By Erika Muster | December 19. 2025", "2025-12-19"),
    # a long line whose label and date come first
    ("Posted on November 25, 2024December 3, 2024 in College of Health Sciences, General, Healthcare, "
     "Master of Science in Applied Nutrition, Master of Science in Human Performance", "2024-11-25"),
    # a byline glued to the end of a deck
    ("The town's library will open longer on weekends from next year, the council decided on Tuesday. "
     "By Erika Muster on Dec. 19, 2025", "2025-12-19"),
])
def test_the_publication_date_among_the_dates_of_a_date_line(dateline: str, date: str) -> None:
    page = _page("Council keeps the library open on weekends", dateline)
    assert (newsclean.clean(page, kind="text").date or "")[:10] == date


@pytest.mark.parametrize("url, date", [
    (None, "2023-10-12"),  # English text: American order
    ("https://www.example.com/a", "2023-10-12"),
    ("https://www.example.co.uk/a", "2023-12-10"),  # a day-first country's domain
    ("https://www.example.com/en-gb/news/a", "2023-12-10"),  # ... or locale
])
def test_numeric_dates_of_english_pages_are_read_month_first(url: str | None, date: str) -> None:
    page = _page("Council keeps the library open on weekends", "By Erika Muster", "10/12/2023 7:38:01 PM")
    assert (newsclean.clean(page, kind="text", url=url).date or "")[:10] == date


def test_a_published_line_below_a_long_menu_beats_the_mastheads_date() -> None:
    menu = [f"Section {name}" for name in ("Local", "Crime", "Politics", "Nation", "World", "Business",
                                          "Health", "Sports", "Opinion", "Weather", "Traffic", "Obituaries")]
    page = "\n\n".join(["Thursday, November 9th 2023", *menu * 4, "Council keeps the library open on weekends",
                        "By Erika Muster", "PUBLISHED: November 8, 2023 at 4:56 p.m. | UPDATED: November 8, 2023",
                        *PROSE])
    assert newsclean.clean(page, kind="text").date.startswith("2023-11-08")


def test_a_date_months_away_from_the_addresss_month_gives_way_to_one_of_that_month() -> None:
    page = _page("Council keeps the library open on weekends", "By Erika Muster", "December 19, 2025",
                 "Editorial November 22, 2018")
    dated = "https://news.example.com/2018/11/council-library-weekends/"
    assert newsclean.clean(page, kind="text", url=dated).date == "2018-11-22"
    # a month apart is a page updated after it was filed: its own date stays
    assert newsclean.clean(page, kind="text", url=dated.replace("2018/11", "2025/11")).date == "2025-12-19"


@pytest.mark.parametrize("byline, authors", [
    ("By Evan HalperStaff Writer", ["Evan Halper"]),  # a role glued to the name
    ("Richard Adams Education editor", ["Richard Adams"]),  # a section the page shows as a line of its own
    ("17. Februar 2020 Frau Sabienes Kommentare 4 Kommentare", ["Frau Sabienes"]),  # a comment counter's noun
    ("Von Jule Radeck Vom 3. Februar 2022", ["Jule Radeck"]),
    ("By Peter Maahn/SP-X", ["Peter Maahn"]),  # through an agency
    ("By Celeste Longacre, Gardener, Astrologer", ["Celeste Longacre"]),  # one-word roles after a full name
    ("By Inga HoeltmannFollow", ["Inga Hoeltmann"]),  # a button glued to the name
])
def test_names_without_what_the_page_ran_into_them(byline: str, authors: list[str]) -> None:
    page = "\n\n".join(["Home", "News", "Education", "Sport", "Council keeps the library open on weekends",
                        byline, *PROSE, "Related stories"])
    assert list(newsclean.clean(page, kind="text").authors) == authors


def test_a_removed_byline_below_the_title_beats_a_dated_card_far_below() -> None:
    cards = [f"Another story about the town, number {n}" for n in range(60)]
    page = "\n\n".join(["Home", "News", "Council keeps the library open on weekends",
                        "ByErika MusterMar 5, 2025 | 6 comments", *PROSE, *cards, "By Erika Muster |",
                        "Jan 2, 2025", "Another story about the harbour"])
    assert newsclean.clean(page, kind="text").date == "2025-03-05"


def test_a_date_glued_to_the_headline_is_the_date_and_not_part_of_the_title() -> None:
    def meta(title: str) -> tuple[str | None, str | None]:
        lines = (Line("Home", Role.REMOVED, "lexicon:navigation"), Line(title, Role.TITLE),
                 *(Line(p, Role.BODY) for p in PROSE))
        found = metadata.from_text(Stripped(lines), "\n\n".join(PROSE))[0]
        return found.title, found.date

    assert meta("Council keeps the library open on weekendsJuly 2, 2025") == (
        "Council keeps the library open on weekends", "2025-07-02")
    # a date after a space belongs to the headline
    assert meta("Storms of 5 May 2020 remembered by the town") == ("Storms of 5 May 2020 remembered by the town", None)


def test_the_addresss_day_shown_at_the_top_beats_a_later_update() -> None:
    page = _page("Council keeps the library open on weekends", "Updated November 11, 2022 8:23 PM ET",
                 "Originally published November 9, 202211:01 AM ET")
    url = "https://news.example.com/2022/11/09/council-library-weekends"
    assert newsclean.clean(page, kind="text", url=url).date.startswith("2022-11-09")
    # a day the page does not show near its top leaves the page's date alone
    assert newsclean.clean(page, kind="text", url=url.replace("/09/", "/07/")).date.startswith("2022-11-")


def test_a_date_alone_below_the_title_is_read_even_when_kept() -> None:
    lines = (Line("Home", Role.REMOVED, "lexicon:navigation"), Line("What is a hot-swappable keyboard?", Role.TITLE),
             Line("📅Jul. 11. 2025", Role.HEADING), *(Line(p, Role.BODY) for p in PROSE))
    assert metadata.from_text(Stripped(lines), "\n\n".join(PROSE))[0].date == "2025-07-11"


def test_the_author_lines_date_beats_a_readers_comment_far_below() -> None:
    byline = "Posted by BeauHD on Friday December 19, 2025 @08:00PM from the skewed-job-market dept."
    comment = "by Tschaine ( 10502969 ) on Saturday December 20, 2025 @01:16AM (#65870655)"
    filler = [Line(f"Another story about the town, number {n}", Role.REMOVED, "after-article") for n in range(60)]
    lines = (Line("Grads find their degrees no longer guarantee jobs", Role.TITLE), Line(byline, Role.BYLINE),
             *(Line(p, Role.BODY) for p in PROSE), *filler, Line(comment, Role.BYLINE))
    found = Stripped(lines, {"metadata_lines": {"author": byline, "date": comment}})
    assert metadata.from_text(found, "\n\n".join(PROSE))[0].date.startswith("2025-12-19")
    # the same date line near the top stays the date
    near = Stripped(lines[:3] + lines[-1:] + lines[3:-1], {"metadata_lines": {"author": byline, "date": comment}})
    assert metadata.from_text(near, "\n\n".join(PROSE))[0].date.startswith("2025-12-20")


@pytest.mark.parametrize("line", ["Enlarge Image", "Link Kopieren", "Übersetzung Sarah-Indra Jungblut"])
def test_buttons_and_translators_are_no_authors(line: str) -> None:
    assert names_in_byline(line) == []
    assert metadata.parse_byline(f"By Ian Mohr | {line}")[0] == ["Ian Mohr"]


@pytest.mark.parametrize("byline, names", [
    ("By Yoon-ah Im", ["Yoon-ah Im"]),  # "Im" and "In" end a name only after two words
    ("By Anne McEditor", ["Anne McEditor"]),  # a capital inside a name is not a glued role
    ("Jane Doe | Übersetzung Sarah-Indra Jungblut", ["Jane Doe"]),  # a translator credited after the author
    ("By Jane Doe and Tom Click", ["Jane Doe", "Tom Click"]),
])
def test_names_the_tidying_leaves_alone(byline: str, names: list[str]) -> None:
    assert names_in_byline(byline) == names


def test_the_page_words_cut_from_names_are_its_removed_lines_and_never_a_collectives() -> None:
    lines = (Line("Team", Role.REMOVED), Line("Parker", Role.BODY), Line("Kultur", Role.REMOVED))
    found = metadata.without_page_words(["The Upwork Team", "Sarah Jessica Parker", "Carola Pönisch Kultur"],
                                        Stripped(lines))
    assert found == ["The Upwork Team", "Sarah Jessica Parker", "Carola Pönisch"]


def test_a_deadline_ending_a_paragraph_is_no_date_and_a_headline_in_cjk_keeps_its_own() -> None:
    page = _page("Council keeps the library open on weekends",
                 "The council agreed on the new rules after a long debate. By January 5, 2026, all residents "
                 "must register.")
    assert newsclean.clean(page, kind="text").date is None
    assert metadata.headline_and_date("东京奥运会开幕定于2021年7月23日") == ("东京奥运会开幕定于2021年7月23日", None)


def test_a_declared_date_is_kept_whatever_the_lines_say() -> None:
    filler = [Line(f"Another story about the town, number {n}", Role.REMOVED, "after-article") for n in range(60)]
    lines = (Line("By Jane Doe on Dec 19, 2025", Role.REMOVED), Line("Council keeps the library open", Role.TITLE),
             *(Line(p, Role.BODY) for p in PROSE), *filler, Line("March 3, 2024", Role.BYLINE))
    hints = {"date": "2020-01-01", "declared_date": True, "metadata_lines": {"date": "March 3, 2024"}}
    assert metadata.from_text(Stripped(lines, hints), "\n\n".join(PROSE))[0].date == "2020-01-01"


def test_a_byline_is_read_from_its_first_characters() -> None:
    # the names come first; a long run of glued words after them is not read (it took seconds)
    assert names_in_byline("By Jane Doe | " + "aB" * 20000) == ["Jane Doe"]


def test_a_sure_headline_below_the_first_kept_line_starts_the_article() -> None:
    """A shop's disclosure kept above the headline made the headline 'body', so a menu item above it
    ('Newsletters') was taken for the title; the title head's sure headline now starts the article."""
    sentence = "The harbour reopened on Monday after a week of repairs, the city council said in a statement. "
    dump = "\n".join(["Home", "News", "Deals", "Newsletters", "",
                      "When you purchase through links in our articles, we may earn a small commission. "
                      "This doesn't affect our editorial independence.", "", "Best Picks", "",
                      "Harbour reopens after a week of repairs", "", "By Jane Doe", "Nov 25, 2025", "",
                      sentence * 3, "", sentence * 2, "", "More from the harbour", "Sign up"]) + "\n"
    doc = newsclean.clean(dump, kind="text")
    assert doc.title == "Harbour reopens after a week of repairs"
    assert "commission" not in doc.text and doc.text.startswith("The harbour reopened")
    assert [line.reason for line in doc.lines if "commission" in line.text] == ["before-article:above-headline"]


def test_a_headline_about_advertising_may_be_the_title() -> None:
    """One word of the advertisement lexicon in a long line is what the headline is about ("Werbung",
    "Anzeige" = a complaint too), not an ad's label: such a line may be the title."""
    sentence = ("Der Browser blockiert nun standardmäßig viele Skripte, die Nutzer über Webseiten hinweg verfolgen, "
                "teilte der Hersteller am Montag mit. ")
    dump = "\n".join(["Start", "Technik", "Blog", "", "Firefox – Weniger Werbung, mehr Tempo und mehr Sicherheit", "",
                      "Von Anna Schmidt", "12. März 2024", "", sentence * 3, "", sentence * 2, "",
                      "Das könnte Sie auch interessieren", "Impressum"]) + "\n"
    assert newsclean.clean(dump, kind="text").title == "Firefox – Weniger Werbung, mehr Tempo und mehr Sicherheit"
    assert newsclean.clean("Anzeige\n\n" + dump, kind="text").title != "Anzeige"
