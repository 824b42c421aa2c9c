"""Readers' comments under an article: prose, but not the article."""

from __future__ import annotations

import newsclean

ARTICLE = [
    "The city council approved the new budget on Tuesday after a long debate about the cost of repairs "
    "to the old harbour bridge, which has been closed to lorries since the spring.",
    "Officials said the work would begin in September and last about eighteen months, although several "
    "residents told the meeting that they doubted the timetable could be kept.",
    "The mayor said the bridge was the most important link between the two halves of the town and that "
    "every month of delay cost local businesses a great deal of money.",
    "A final vote on the contract for the repairs is expected at the next meeting of the council in June.",
]
COMMENTS = [
    "3 responses to “Council approves harbour bridge budget”",
    "harbourwatcher says:",
    "May 3, 2024 at 6:34 am",
    "It is about time they did something about that bridge, it has been falling apart for twenty years now.",
    "Reply",
    "annaK says:",
    "May 3, 2024 at 7:02 am",
    "Eighteen months is wildly optimistic for a job like this, I would expect it to take at least three years.",
    "Reply",
    "oldsalt says:",
    "May 3, 2024 at 8:15 am",
    "The lorries will just keep using the coast road and nobody will enforce the weight limit anyway.",
]
PAGE = ["Home", "News", "Council approves harbour bridge budget", "By Jane Smith", "May 2, 2024", *ARTICLE,
        "Share this:", "Facebook", "Twitter", *COMMENTS, "Leave a Reply", "© 2024 Harbour Times"]


def test_comment_section_is_removed_with_its_reason() -> None:
    doc = newsclean.clean("\n\n".join(PAGE))
    assert doc.text.split("\n\n") == ARTICLE
    reasons = {ln.text: ln.reason for ln in doc.lines}
    assert reasons[COMMENTS[3]] == "comments:section"
    assert reasons[COMMENTS[7]] == "comments:section"


STAMPED = [  # a site that prints no "says:": each comment under its author's name and time stamp
    "[ 3 comments ]", "Top Rated Comments", "(View all)",
    "harbourwatcher", "2 days ago at 07:52 am", COMMENTS[3], "Rating: 36 Votes",
    "annaK", "2 days ago at 08:10 am", COMMENTS[7], "Rating: 25 Votes",
    "oldsalt", "2 days ago at 09:41 am", COMMENTS[11], "Rating: 17 Votes",
]


def test_comments_under_names_and_time_stamps_are_a_comment_section() -> None:
    page = ["Home", "News", "Council approves harbour bridge budget", "By Jane Smith", "May 2, 2024", *ARTICLE,
            "Share this:", *STAMPED, "© 2024 Harbour Times"]
    doc = newsclean.clean("\n\n".join(page))
    assert doc.text.split("\n\n") == ARTICLE
    assert {ln.text: ln.reason for ln in doc.lines}[COMMENTS[7]] == "comments:section"


def test_speaker_lines_with_the_comments_date_in_them() -> None:
    dated = [line for comment in range(3) for line in (
        f"{['Catherine (GiveWell)', 'Alex', 'Gary M'][comment]} on September {13 + comment}, 2018 at 5:23 pm said:",
        COMMENTS[3 + 4 * comment])]
    page = ["Council approves harbour bridge budget", "By Jane Smith", "May 2, 2024", *ARTICLE, *dated]
    doc = newsclean.clean("\n\n".join(page))
    assert doc.text.split("\n\n") == ARTICLE


def test_a_titled_comment_header_starts_a_comment_section() -> None:
    # "10 thoughts on “<the headline>”", however long, and comments under bare names
    title = "Council approves harbour bridge budget after a long debate about the cost of its repairs"
    named = [line for who, i in (("Gaye", 3), ("Jan Smith", 7), ("Anita DeSousa", 11)) for line in (who, COMMENTS[i])]
    page = [title, "By Jane Smith", "May 2, 2024", *ARTICLE, f"3 thoughts on “{title}”", *named]
    doc = newsclean.clean("\n\n".join(page))
    assert doc.text.split("\n\n") == ARTICLE


def test_one_speaker_line_is_not_a_comment_section() -> None:
    # "says:" ending a short line inside an article (an interview) does not start a comment section
    page = ["Council approves harbour bridge budget", "By Jane Smith", ARTICLE[0], "The mayor says:",
            *ARTICLE[1:]]
    assert newsclean.clean("\n\n".join(page)).text.split("\n\n")[-3:] == ARTICLE[1:]


def _html_page(comment_class: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in ARTICLE)
    comments = "".join(f'<div class="entry"><p class="author">reader{i}</p><p class="date">Hace {i + 2} minutos</p>'
                       f'<div class="{comment_class}"><p>{text}</p></div></div>'
                       for i, text in enumerate(COMMENTS[3:4] + ARTICLE_LIKE_COMMENTS))
    return (f"<html><head><title>Harbour bridge budget</title></head><body><article>"
            f"<h1>Council approves harbour bridge budget</h1>{paras}<h2>Comentar</h2>"
            f'<div class="box sf_comment_list">{comments}</div></article></body></html>')


ARTICLE_LIKE_COMMENTS = [
    "The bridge was built in 1962 and the council has known about the cracks in its piers since at least 2015.",
    "A weight limit of 7.5 tonnes has applied since the spring, and the detour adds twelve kilometres to a trip.",
]


def test_html_comment_section_below_the_article_is_removed() -> None:
    doc = newsclean.clean(_html_page("sf_comment_text"), kind="html")
    assert doc.text.split("\n\n") == ARTICLE
    reasons = {ln.text: ln.reason for ln in doc.lines}
    assert reasons[ARTICLE_LIKE_COMMENTS[0]] == "comments:html"


def test_html_forum_posts_in_comment_elements_are_kept() -> None:
    # the whole thread in elements named for replies, below a short first post: the posts are the content
    posts = "".join(f'<div class="reply"><p>{text}</p></div>' for text in ARTICLE[1:] + ARTICLE_LIKE_COMMENTS)
    page = (f"<html><body><h1>Harbour bridge budget</h1><div class='first'><p>{ARTICLE[0]}</p></div>"
            f"<div class='replies'>{posts}</div></body></html>")
    doc = newsclean.clean(page, kind="html")
    assert ARTICLE_LIKE_COMMENTS[1] in doc.text


_POST = ("Ingo said he had not written this text. Still, here it is now, as if it had been planned all along. "
         "But what for? Only so that Petra writes a text with Ingo's name over it and it becomes truer? Nobody knows.")
_LONG_COMMENT = [
    "I am not from Berlin myself, but I listen to every episode anyway:",
    "You make a big fuss about your photo feed here, and then for this episode there is no picture at all, "
    "which I found a bit strange to be honest with you.",
    "Still a very entertaining episode once again, apart from the intro, which went on and on for far too long.",
    "I would have liked to hear more stories from the holiday. Maybe next time, when Heiko or Ingo has been "
    "away somewhere again for a few weeks.",
]
_EPISODE = "Episode 82 - Eighty-two reasons to keep listening"
SHORT_POST_PAGE = [
    "Skip to content", "Home", "About", _EPISODE, "Posted on 21 July 2019 by Realiberry", _POST,
    "This entry was posted in General. Bookmark the permalink.", f"3 Responses to “{_EPISODE}”",
    "Baschurr says:", "22 July 2019 at 16:25", "Nice episode. Enjoyed it.", "Reply",
    "Anonymous says:", "23 July 2019 at 05:00", *_LONG_COMMENT, "Keep it up!", "Reply",
    "schreibwaise says:", "2 August 2019 at 17:00", "You are probably right. The stories will come one day.", "Reply",
    "Leave a Reply", "Your email address will not be published.",
]


def test_a_one_paragraph_post_is_the_article_not_a_longer_comment_below_it() -> None:
    doc = newsclean.clean("\n".join(SHORT_POST_PAGE))  # a dump without blank lines, as get_text() gives it
    assert doc.text.split("\n\n")[0] == _POST
    assert not any(line in doc.text for line in _LONG_COMMENT)
    assert {ln.reason for ln in doc.lines if ln.text in _LONG_COMMENT} == {"comments:section"}


_CALL = ("Our goal with these quarterly open threads is to give readers a chance to raise comments or questions "
         "about our work or related topics in the comments section below. As always, you are also welcome to "
         "email us at info@example.org or to request a call with our staff if you have feedback or questions "
         "you would prefer to discuss privately. We will try to respond promptly.")
OPEN_THREAD = [
    "Home", "Blog", "About us", "Donate", "The Example Blog", "March 2024 open thread", "Previous Post",
    "Next Post", "March 4, 2024 | by Catherine", _CALL, "Posted in Open thread | Permalink | 3 Comments",
    "Comments",
    *[line for who, i in (("Milan G", 3), ("Catherine (Example)", 7), ("Alex", 11)) for line in (
        f"{who} on March {4 + i // 4}, 2024 at 4:47 pm said:", COMMENTS[i], ARTICLE_LIKE_COMMENTS[i % 2])],
]


def test_a_doubted_call_for_comments_is_the_article_not_the_comments_under_it() -> None:
    # the model doubts a post that speaks of comments and gives an email address; the comments are surer
    doc = newsclean.clean("\n".join(OPEN_THREAD))
    assert doc.text == _CALL
