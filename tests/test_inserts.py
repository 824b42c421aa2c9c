"""An article cut into parts by the same widget set again and again between its paragraphs."""

from __future__ import annotations

import numpy as np

import newsclean
from newsclean.strip import text

PARTS = [
    [
        "On Sunday the regional government gave permission for the old mine to reopen for the first time in "
        "twenty years, a decision that surprised many of the people who have campaigned against it.",
        "The mine closed in 2004 after a collapse that killed three workers, and the valley below it has "
        "depended since then on farming, tourism and the jobs of a small furniture factory.",
    ],
    [
        "The company that wants to reopen it says modern methods make the work far safer than it was, and "
        "that it will hire about two hundred people from the valley within its first three years.",
        "Residents who oppose the plan say the water of the river is only now clean again and fear that "
        "the mine would poison it a second time, whatever the company promises about its new methods.",
    ],
    [
        "A public hearing on the environmental report is planned for the spring, and the regional court "
        "is still to rule on a complaint that two villages filed against the permit last year.",
        "Until then no work may begin, the government said, and the company has agreed to pay for an "
        "independent study of the river that will be published before the hearing takes place.",
    ],
]
WIDGET = ["Most Popular", "Gear", "The 30 Essential Tools for Every Home", "Culture",
          "Why Everyone Is Suddenly Talking About Board Games", "Science", "The Moon Has a New Neighbour", "•"]
HEAD = ["Skip to main content", "Newsletters", "Sign In", "Old mine in the valley may reopen after twenty years",
        "By Ana Lopes", "Nov 7, 2023 2:00 AM"]
FOOT = ["You Might Also Like …", "The best travel adapters for your summer trips",
        "How a small town rebuilt its railway station", "© 2023 Valley Media. All rights reserved."]


def test_article_goes_on_across_a_repeated_widget() -> None:
    lines = [*HEAD, *PARTS[0], *WIDGET, *PARTS[1], *WIDGET, *PARTS[2], *WIDGET, *FOOT]
    doc = newsclean.clean("\n\n".join(lines), kind="text")
    assert doc.text.split("\n\n") == [p for part in PARTS for p in part]
    assert all(not ln.role.kept for ln in doc.lines if ln.text in WIDGET)


MORE = ["Local councillors met on Monday evening to discuss what the decision means for the valley, and most "
        "of them said they had learned of it from the newspaper rather than from the government itself.",
        "The mayor of the largest village said she would ask the regional parliament to hold a debate on the "
        "permit before the end of the year, and that she expected the neighbouring villages to join her."]


def test_a_photo_caption_and_credit_after_the_widget_are_passed_over() -> None:
    # the caption reads as a sentence, its credit does not: both are passed over, and the article goes on
    caption, credit = "A miner's lamp on display at the valley museum on November 4, 2023.", "Photograph: Ana Lopes"
    first = [*PARTS[0], *MORE]
    lines = [*HEAD, *first, *WIDGET, caption, credit, *PARTS[1], *WIDGET, *PARTS[2], *WIDGET, *FOOT]
    doc = newsclean.clean("\n\n".join(lines), kind="text")
    assert doc.text.split("\n\n") == [*first, *PARTS[1], *PARTS[2]]


def test_the_widget_once_after_the_article_is_where_it_ends() -> None:
    # the same block met only once (or, before, above the headline) is no insert: what follows it is
    # not taken for the article
    teaser = ("A long read about the history of mining in the region, from the first pits dug by hand in the "
              "eighteenth century to the great strikes of the nineteen-eighties and the closures that followed.")
    lines = [*WIDGET, *HEAD, *PARTS[0], *PARTS[1], *WIDGET, teaser, *FOOT]
    doc = newsclean.clean("\n\n".join(lines), kind="text")
    assert teaser not in doc.text
    assert doc.text.split("\n\n") == [*PARTS[0], *PARTS[1]]



def test_wordless_lines_and_a_line_repeating_the_one_before_are_not_kept() -> None:
    # a photo gallery inside the article (each caption, the gallery's title twice, arrows), all of it
    # likely to a model reading the captions around it
    lines = [*PARTS[0], "Valley divided over mine", "Valley divided over mine", "<<", "•", *PARTS[1]]
    ev = text.gather_evidence(lines, [True] * len(lines))
    _, keep = text.decode(np.full(len(lines), 0.9), ev)
    text._drop_wordless_and_doubled(ev.feats, keep)
    assert keep == [True, True, True, False, False, False, True, True]


def test_a_percent_encoded_address_among_the_paragraphs_is_not_kept() -> None:
    # w3m shows an image's file name as it is: percent-encoded Burmese, among the article's paragraphs
    encoded = "%E1%80%94%E1%80%AD%E1%80%AF%E1%80%84%E1%80%BA%E1%80%84%E1%80%B6%E1%80%90%E1%80%B1%E1%80%AC"
    lines = [*PARTS[0], encoded, "Prices rose by 5% in May and by 10% in June, the agency said.", *PARTS[1]]
    ev = text.gather_evidence(lines, [True] * len(lines))
    _, keep = text.decode(np.full(len(lines), 0.9), ev)
    text._drop_wordless_and_doubled(ev.feats, keep)
    assert keep == [True, True, False, True, True, True]


def test_the_articles_first_part_above_the_widget_is_taken_back() -> None:
    # a short first part: the span found starts at the second part, below the widget's first copy, which
    # is met again inside the article; the first part and its headline above it are the article's
    caption, credit = "A miner's lamp on display at the valley museum on November 4, 2023.", "Photograph: Ana Lopes"
    lines = [*HEAD, *PARTS[0], *WIDGET, caption, credit, *PARTS[1], *WIDGET, *PARTS[2], *WIDGET, *FOOT]
    doc = newsclean.clean("\n\n".join(lines), kind="text")
    assert doc.text.split("\n\n") == [p for part in PARTS for p in part]
    assert doc.title == HEAD[3]


FEED = ["[img_8961-crop]", "รัฐบาลจีนลดความสำคัญในการปฏิบัติต่อตระกูลชินวัตรช่วงเยือนจีน", "2019-01-22 20:44",
        "[cats-crop]", "แก้คอร์รัปชันหลังเลือกตั้ง ชูทุกภาคส่วนสร้างระบบการเมืองเศรษฐกิจโปร่งใส", "2019-01-22 19:44",
        "กสม. เสนอ 4 ข้อถึงประยุทธ์และประธาน สนช. ปมร่าง กม.ปราบปรามการทรมาน-อุ้มหาย", "2019-01-21 17:00"]


def feats_of(lines: list[str]) -> list:
    return text.gather_evidence(lines, [True] * len(lines)).feats


def test_headlines_each_followed_by_their_date_are_a_feed() -> None:
    # a Thai page's feed of other articles, an image's name between some of them
    assert text.dated_feed_items(feats_of(FEED), [1, 4, 6]) == {1, 4, 6}


def test_two_dated_headlines_or_entries_stamped_with_times_are_no_feed() -> None:
    assert text.dated_feed_items(feats_of(FEED[:6]), [1, 4]) == set()
    # a live blog's entries, each under the time of the next: times of day, no calendar date
    live = [line if not line.startswith("2019") else line.split()[1] for line in FEED]
    assert text.dated_feed_items(feats_of(live), [1, 4, 6]) == set()
