"""What sits under an article's last paragraph: its tag list, the box about its author; and pages whose
blocks a scraper joined with runs of spaces."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.strip import features, lexicon, text
from newsclean.strip.text import AFTER_TAGS_REASON, AUTHOR_BOX_REASON, TAGS_REASON

SR = [
    "Градско веће Новог Сада усвојило је у уторак пројекат уређења новог парка на обали Дунава, први такав "
    "пројекат у граду после више од пола века.",
    "Парк ће заузимати око четрнаест хектара и обухватиће шетну стазу уз реку, игралишта за децу и два "
    "нова пристана за мале чамце.",
    "Вредност радова процењена је на скоро две милијарде динара, а средства ће бити обезбеђена из градског "
    "буџета и из фондова Европске уније.",
    "Према плану, прва фаза парка требало би да буде завршена до краја следеће године, рекли су у градској "
    "управи.",
    "Део јавности изразио је забринутост због судбине неуређених плажа и рибарских насеља, а удружења "
    "грађана затражила су јавну расправу о пројекту пре почетка радова.",
]
HEAD = ["Почетна", "Вести", "Нови Сад", "Нови Сад добија први градски парк на обали Дунава",
        "Јелена Марковић", "17. април 2024."]


def reasons(doc: newsclean.Document) -> dict[str, str]:
    return {line.text: line.reason for line in doc.lines}


def test_a_tag_list_under_its_label_is_removed() -> None:
    page = [*HEAD, *SR, "Тагови:", "Дунав", "парк", "урбанизам", "© 2024 Дневник"]
    doc = newsclean.clean("\n".join(page))
    assert doc.text.split("\n\n") == SR
    texts = [line.text for line in doc.lines]
    tail = doc.lines[texts.index(SR[-1]) + 1 : -1]  # (the tags may be read as one line)
    assert " ".join(line.text for line in tail) == "Тагови: Дунав парк урбанизам"
    assert {line.reason for line in tail} == {TAGS_REASON}


def test_tags_on_the_labels_line_are_removed() -> None:
    page = [*HEAD, *SR, "Etiketler: Novi Sad, Dunav, park", "© 2024 Dnevnik"]
    doc = newsclean.clean("\n".join(page))
    assert doc.text.split("\n\n") == SR
    assert reasons(doc)["Etiketler: Novi Sad, Dunav, park"] == TAGS_REASON


@pytest.mark.parametrize("line", ["Tags of the trade are old.", "Themen wie Klima und Verkehr prägten den Tag",
                                  "Topics we cover"])
def test_lines_that_only_begin_like_a_label_are_no_tag_labels(line: str) -> None:
    assert lexicon.tag_label(line) is None


BIO = "Новинарка градске рубрике. Пише о урбанизму, комуналним темама и локалној самоуправи."


def test_the_author_box_under_the_article_is_removed() -> None:
    page = [*HEAD, *SR, "Јелена Марковић", BIO, "Повезане вести", "© 2024 Дневник"]
    doc = newsclean.clean("\n".join(page))
    assert doc.authors == ["Јелена Марковић"]
    assert doc.text.split("\n\n") == SR
    assert reasons(doc)[BIO] == AUTHOR_BOX_REASON


def test_a_last_line_that_begins_with_the_authors_name_is_the_author_box() -> None:
    bio = "Јелена Марковић је новинарка градске рубрике и пише о урбанизму и локалној самоуправи."
    doc = newsclean.clean("\n".join([*HEAD, *SR, bio, "© 2024 Дневник"]))
    assert doc.text.split("\n\n") == SR
    assert reasons(doc)[bio] == AUTHOR_BOX_REASON


def test_a_last_paragraph_about_someone_else_stays() -> None:
    last = "Марко Петровић, члан градског већа, рекао је да ће грађани моћи да дају предлоге до краја маја."
    doc = newsclean.clean("\n".join([*HEAD, *SR, last, "© 2024 Дневник"]))
    assert doc.text.split("\n\n") == [*SR, last]


HE_BODY = [
    "מועצת העיר חיפה אישרה אמש ברוב של 21 חברים מול ארבעה את תוואי הקו הסגול של הרכבת הקלה, שיחבר את "
    "שכונת בת גלים לקריית מוצקין.",
    "לפי התוכנית, לאורך הקו ייבנו 34 תחנות, מהן חמש תחנות תת-קרקעיות באזור הדר ומרכז הכרמל, והרכבות "
    "יפעלו בתדירות של כל שש דקות בשעות השיא.",
    "ראש העיר אמר לאחר ההצבעה כי מדובר בהחלטה ההיסטורית ביותר של חיפה בעשור האחרון, וכי העבודות יחלו "
    "ברבעון הראשון של 2026.",
]


def test_a_page_whose_blocks_are_joined_by_runs_of_spaces_is_read_block_by_block() -> None:
    gap = " " * 12
    page = "\n".join([
        "    דלג לתוכן     חדשות     פוליטיקה     כלכלה     ספורט     תרבות",
        "        מבזקים     פודקאסטים     הירשמו     התחברות",
        "            חדשות   >   צפון   >   חיפה",
        "   רכבת קלה בחיפה: העירייה אישרה את התוואי לקריות     הקו הסגול באורך 22 ק\"מ יחבר את בת גלים לקריות",
        "    נועה לוי" + gap + "05.06.2024 | 08:14",
        "שתפו     וואטסאפ     פייסבוק     טוויטר",
        HE_BODY[0] + gap + HE_BODY[1],
        "   " + HE_BODY[2] + "   ",
        "אודות     צור קשר     תנאי שימוש     נגישות",
    ])
    lines, _ = features.split_lines(page)
    assert HE_BODY[0] in lines and HE_BODY[1] in lines and "נועה לוי" in lines
    doc = newsclean.clean(page)
    assert doc.text.split("\n\n") == HE_BODY


def test_a_text_browsers_table_is_not_cut_into_cells() -> None:
    rows = [f"   Team {k}        {k + 10}        {k + 3}        {k * 2}" for k in range(8)]
    lines, _ = features.split_lines("\n".join(["   Results of the week", *rows]))
    assert len(lines) >= len(rows)  # (a row may be read as one line or unwrapped, never cut into its cells)
    assert not any(line in {"Team 1", "11"} for line in lines)


def test_what_is_kept_below_the_articles_tags_is_the_pages() -> None:
    teaser = ("Градско зеленило засадиће пет хиљада нових стабала ове године, највише на Лиману и у "
              "Новом насељу, рекли су у предузећу.")
    page = [*HEAD, *SR, "Тагови: Дунав, парк, урбанизам", "Повезане вести", teaser, "© 2024 Дневник"]
    doc = newsclean.clean("\n".join(page))
    assert doc.text.split("\n\n") == SR
    assert reasons(doc)[teaser] in {AFTER_TAGS_REASON, "after-article"}


def test_tags_above_a_short_start_do_not_end_the_article() -> None:
    page = [*HEAD, "Тагови: Дунав, парк", *SR, "© 2024 Дневник"]
    doc = newsclean.clean("\n".join(page))
    assert doc.text.split("\n\n") == SR


@pytest.mark.parametrize("line, label", [("Advertisement", True), ("— REKLAMA —", True), ("Реклама", True),
                                         ("Sponsored Content", False), ("Promoted", False),
                                         ("The advertisement ran twice", False)])
def test_advertisement_labels_but_not_sponsors(line: str, label: bool) -> None:
    assert lexicon.ad_label(line) is label


def test_an_advertisement_label_is_read_as_no_line_by_the_model() -> None:
    page = [*HEAD, *SR[:2], "Реклама", *SR[2:], "© 2024 Дневник"]
    lines, blank = features.split_lines("\n".join(page))
    ev = text.gather_evidence(lines, blank)
    predicted = text.predict_lines(ev)
    assert predicted is not None
    probs, heads = predicted
    label = lines.index("Реклама")
    assert len(probs) == len(lines) and probs[label] == 0.0 and heads["title"][label] == 0.0
    alone = [line for line in lines if line != "Реклама"]
    p_alone, _ = text.predict_lines(text.gather_evidence(alone, [blank[i] for i, t in enumerate(lines)
                                                                     if t != "Реклама"])) or (None, None)
    assert p_alone is not None
    assert list(probs[label + 1 :]) == pytest.approx(list(p_alone[label:]))


EN = [
    "The city council approved the new harbour wall on Monday after a four-hour debate, and work is to "
    "begin in the spring once a contractor has been chosen for the job.",
    "Residents of the harbour district had asked for the wall for years, and dozens of them came to the "
    "meeting, where several spoke about the floods of the last two winters.",
    "The council expects the first part of the wall to be finished within thirteen months, officials "
    "said in a statement issued late in the evening.",
    "Opponents said the cost had doubled since the plan was first drawn up, and asked for an independent "
    "review of the figures before any money is spent.",
]
APPEAL = ("Support independent journalism in our town. Join us in this fight. Reporting costs money. "
          "Support us for as little as $1, and it only takes a minute.")


def test_a_donation_appeal_under_the_article_is_removed() -> None:
    page = ["Council approves harbour wall", "By Maria Lopez", *EN, "Read also: Harbour festival returns",
            APPEAL, "© 2024 The Gazette"]
    doc = newsclean.clean("\n".join(page))
    assert doc.text.split("\n\n") == EN
    assert reasons(doc)[APPEAL] == "lexicon:donation"


@pytest.mark.parametrize("last", [
    "The harbour trust said it would support us in the fight against the floods, and donate land for the "
    "new dykes, the mayor told reporters.",
    "Organisers asked people to donate what they can, said every donation helps, and the church pledged to "
    "support us and to donate blankets, the mayor told reporters.",  # (a report on a fundraiser)
])
def test_a_last_paragraph_that_mentions_support_and_donations_stays(last: str) -> None:
    doc = newsclean.clean("\n".join(["Council approves harbour wall", "By Maria Lopez", *EN, last,
                                     "© 2024 The Gazette"]))
    assert doc.text.split("\n\n") == [*EN, last]


def test_a_pull_quote_and_its_speaker_are_removed() -> None:
    said = ("\"We cannot wait for another winter of floods, and the wall is the only plan that protects the "
            "whole district,\" the mayor said at the end of the meeting.")
    quote = "\"We cannot wait for another winter of floods, and the wall is the only plan\""
    page = ["Council approves harbour wall", "By Maria Lopez", EN[0], said, quote, "Ana Ruiz, the mayor", *EN[1:],
            "© 2024 The Gazette"]
    doc = newsclean.clean("\n".join(page))
    assert doc.text.split("\n\n") == [EN[0], said, *EN[1:]]
    assert reasons(doc)[quote] == "pull-quote"


@pytest.mark.parametrize("line, tags", [("Themen: Berlin, Mieten", "Berlin, Mieten"), ("关键词：北京", "北京")])
def test_tag_labels_the_lexicon_does_not_list(line: str, tags: str) -> None:
    assert lexicon.tag_label(line) == tags
    assert text._drop_tag_lists(features.compute_features([line], [True])[0], [(newsclean.Role.BODY, "")])
