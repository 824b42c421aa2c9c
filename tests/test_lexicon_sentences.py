"""An everyday word of the chrome lexicon ("comment", "shares", "search") inside a sentence of the
article does not make the sentence chrome; the same word in a prompt or a label still does."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.strip import features, lexicon
from newsclean.textutil import words

PARAGRAPHS = [
    "The city council on Tuesday approved a plan to rebuild the old harbour, ending a debate that has "
    "divided residents for more than a decade and split the council itself down the middle.",
    "The plan, which will cost an estimated 40 million euros, includes a new ferry terminal, a public park "
    "along the water and housing for around 600 families on land now used by warehouses.",
    "Opponents say the project will push up rents in the surrounding streets and drive out the small "
    "workshops that have been there since the 1950s, a claim the council disputes.",
    "Work on the ferry terminal is expected to take two years, after which the old quay will be turned into "
    "a promenade with cafes, benches and a small museum about the history of the port.",
    "The first works are due to begin in the spring of next year, and the council expects the terminal to "
    "open in 2027 if the financing holds.",
    "Several local businesses welcomed the decision, saying that the harbour had been neglected for too long "
    "and that the new terminal would bring more visitors to the town centre.",
]
SENTENCES = ["The developer declined to comment.", "Shares in the company rose 4% on Wednesday.",
             "The search for a new harbour master has been going on since March."]
PROMPTS = ["Sign up for our newsletter.", "Advertisement. Scroll to continue reading."]


def page(body: list[str]) -> str:
    lines = ["Skip to main content", "Home | World | Business | Sport", "Search",
             "Council approves new harbour plan after long debate", "By Jane Smith", "March 3, 2024", *body,
             "Related", "Council budget passes", "Share this article", "Sign up for our newsletter.",
             "© 2024 Harbour News. All rights reserved."]
    return "\n\n".join(lines)


def test_everyday_words_in_article_sentences_are_kept() -> None:
    body = [*PARAGRAPHS[:2], SENTENCES[0], PARAGRAPHS[2], *SENTENCES[1:], *PARAGRAPHS[3:]]
    doc = newsclean.clean(page(body), kind="text")
    assert doc.text.split("\n\n") == body
    removed = {ln.text: ln.reason for ln in doc.lines if not ln.role.kept}
    assert removed["Share this article"] == "lexicon:share"
    assert removed["Sign up for our newsletter."] == "lexicon:newsletter"


def test_prompts_between_paragraphs_are_still_removed() -> None:
    doc = newsclean.clean(page([*PARAGRAPHS[:2], *PROMPTS, *PARAGRAPHS[2:]]), kind="text")
    assert doc.text.split("\n\n") == PARAGRAPHS
    reasons = {ln.text: ln.reason for ln in doc.lines}
    assert reasons["Advertisement. Scroll to continue reading."] == "lexicon:advertisement"


@pytest.mark.parametrize("line, weak", [
    ("The developer declined to comment.", True),
    ("Shares in the company rose 4% on Wednesday.", True),
    ("Police declined to comment", False),  # no sentence end: a label as much as a sentence
    ("Subscribe to our newsletter.", False),  # a newsletter word is never an everyday one
    ("Leave a comment below.", False),  # a phrase of several words
    ("Advertisement. Scroll to continue reading.", False),  # a one-word label first
    ("Comment.", False),  # too short to read as a sentence
])
def test_lexicon_weak(line: str, weak: bool) -> None:
    assert features._intrinsic(line)[1]["lexicon_weak"] is weak


def test_phrases_of_gives_each_phrase_with_its_length() -> None:
    assert lexicon.phrases_of(words("Leave a comment or share this")) == [("comments", 3), ("share", 2)]
    assert lexicon.categories_of(words("Leave a comment or share this")) == ["comments", "share"]


@pytest.mark.parametrize("line, category", [
    ("Čtěte také: Vláda schválila nový rozpočet", "related"),  # Czech, a pointer
    ("Baca juga: Harga BBM naik mulai besok", "related"),  # Indonesian, a pointer
    ("Всички права запазени", "legal"),  # Bulgarian
    ("Tilaa uutiskirje", "newsletter"),  # Finnish
    ("Piesakies LSM pasta saņemšanai!", "newsletter"),  # Latvian
    ("Bình luận", "comments"),  # Vietnamese
    ("جميع الحقوق محفوظة", "legal"),  # Arabic
    ("כל הזכויות שמורות", "legal"),  # Hebrew
    ("यह भी पढ़ें", "related"),  # Hindi
    ("อ่านเพิ่มเติม", "related"),  # Thai
    ("More Must-Reads From TIME", "related"),
    ("Ähnliche Beiträge", "related"), ("Temas relacionados", "related"), ("Похожие статьи", "related"),
    ("Articles liés", "related"), ("← vorheriger Beitrag", "navigation"), ("Next post", "navigation"),
    ("Show more", "navigation"), ("Mehr anzeigen …", "navigation"), ("もっと見る", "navigation"),
    ("Das Thema könnte dich auch interessieren", "related"), ("NOTAS RELACIONADAS", "related"),
    ("Die meistgelesenen Artikel bei SWR.de/Sport", "related"), ("getaggt mit: Grundeinkommen", "navigation"),
    ("Follow us on Twitter", "share"), ("(Alle Angaben ohne Gewähr)", "legal"), ("Externer Inhalt", "cookie"),
    ("Unterstützen Sie unsere Arbeit", "donation"), ("Wie bewerten Sie diesen Artikel?", "navigation"),
    ("Was this article helpful?", "navigation"),
    ("Vláda schválila nový rozpočet", None), ("We will see more storms like this one", None),
])
def test_lexicon_languages_beyond_the_bench(line: str, category: str | None) -> None:
    assert lexicon.lexicon_category(line) == category
    if category == "related" and ":" in line:
        assert lexicon.is_pointer(line)


JAPANESE = [
    "市議会は火曜日、古い港を再建する計画を承認した。住民の間で十年以上にわたって意見が分かれてきた問題に、ようやく決着がついた形だ。",
    "計画には新しいフェリーターミナルと水辺の公園、倉庫が並ぶ土地に建てる約六百世帯分の住宅が含まれ、総事業費は四千万ユーロと見込まれている。",
    "反対する住民は、周辺の家賃が上がり、一九五〇年代から続く小さな工房が立ち退きを迫られると訴えているが、市はこれを否定している。",
    "ターミナルの工事には二年ほどかかる見通しで、その後、古い岸壁はカフェやベンチ、港の歴史を伝える小さな博物館のある遊歩道に生まれ変わる。",
]
PAYWALL = ["記事保存", "有料会員の方のみご利用になれます。保存した記事はスマホやタブレットでもご覧いただけます。",
           "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。", "会員の方はこちら",
           "Already a subscriber? Log in to continue reading."]


def test_paywall_prompts_are_removed_in_japanese_and_english() -> None:
    lines = ["ログイン", "検索", "港の再建計画を市議会が承認", "2024年3月3日", *PAYWALL[:2], *JAPANESE[:2],
             *PAYWALL[2:4], *JAPANESE[2:], PAYWALL[4], "関連記事", "無断転載を禁じます"]
    doc = newsclean.clean("\n\n".join(lines), kind="text")
    assert doc.text.split("\n\n") == JAPANESE
    removed = {ln.text: ln.reason for ln in doc.lines if not ln.role.kept}
    assert all(removed[line].startswith("lexicon:") for line in PAYWALL[2:]), removed  # inside the article
    assert PAYWALL[1] in removed and not doc.captions  # above it: chrome, not an image's caption


@pytest.mark.parametrize("widget", [
    "Нашли ошибку?", "Сообщить об ошибке", "Kļūda rakstā?", "Ziņot par kļūdu", "Press Ctrl+Enter",
    "Found a typo? Report an error",
])
def test_error_report_widgets_are_removed(widget: str) -> None:
    doc = newsclean.clean(page([*PARAGRAPHS[:3], widget, *PARAGRAPHS[3:]]), kind="text")
    assert doc.text.split("\n\n") == PARAGRAPHS
    assert next(ln.reason for ln in doc.lines if ln.text == widget) == "lexicon:navigation"


THAI = [
    "สภาเมืองอนุมัติแผนการสร้างท่าเรือเก่าขึ้นใหม่เมื่อวันอังคาร หลังจากที่ชาวบ้านถกเถียงกันมานานกว่าสิบปี และสมาชิกสภาเองก็มีความเห็นแตกต่างกันมาก",
    "แผนนี้มีมูลค่าประมาณสี่สิบล้านยูโร ประกอบด้วยท่าเรือข้ามฟากแห่งใหม่ สวนสาธารณะริมน้ำ และที่อยู่อาศัยสำหรับประมาณหกร้อยครอบครัว",
    "ฝ่ายคัดค้านกล่าวว่าโครงการจะทำให้ค่าเช่าในถนนรอบข้างสูงขึ้น และทำให้โรงงานเล็ก ๆ ที่อยู่มาตั้งแต่ทศวรรษ 1950 ต้องย้ายออกไป",
    "งานก่อสร้างท่าเรือคาดว่าจะใช้เวลาประมาณสองปี หลังจากนั้นท่าเทียบเรือเก่าจะกลายเป็นทางเดินเล่นที่มีร้านกาแฟและพิพิธภัณฑ์เล็ก ๆ",
]


def test_thai_donation_and_share_lines_are_removed() -> None:
    chrome = ["สนับสนุนเรา", "บริจาค", "โอนเงิน พร้อมเพย์ PromptPay 0993000060423", "แชร์", "เฟซบุ๊ก"]
    lines = ["หน้าแรก", "สภาเมืองอนุมัติแผนสร้างท่าเรือใหม่", *THAI[:2], *chrome[:2], *THAI[2:], *chrome[2:]]
    doc = newsclean.clean("\n\n".join(lines), kind="text")
    assert doc.text.split("\n\n") == THAI
    removed = {ln.text: ln.reason for ln in doc.lines if not ln.role.kept}
    assert {removed[line] for line in chrome} <= {"lexicon:donation", "lexicon:share"}, removed


@pytest.mark.parametrize("line", ["weiterlesen 5 Minuten", "Lire la suite »", "Czytaj dalej", "続きを読む"])
def test_a_teasers_read_more_link_is_chrome(line: str) -> None:
    assert lexicon.lexicon_category(line) == "related"


def test_continue_reading_is_no_section_heading() -> None:
    # it labels an advertisement inside an article ("Continue Reading Below") as often as a teaser's link
    assert lexicon.lexicon_category("Continue Reading Below") is None


CHINESE = [
    "市议会周二批准了重建旧港口的计划，结束了一场让居民争论了十多年的辩论，议会内部对此也曾意见分歧。",
    "该计划预计耗资约四千万欧元，包括一个新的渡轮码头、一座滨水公园，以及在目前仓库所占土地上为约六百户家庭建造的住房。",
    "反对者表示，这个项目将推高周边街道的租金，并迫使自上世纪五十年代以来一直在那里经营的小作坊搬走，市议会对此予以否认。",
    "渡轮码头的工程预计需要两年时间，之后旧码头将被改造成一条设有咖啡馆、长椅和一座港口历史小博物馆的步行道。",
]
# what news sites print under every article (the wording is this test's own)
CHINESE_NOTICE = ("本网版权说明：凡注明来源为本网的所有文字、图片和音视频作品，本网版权所有，"
                  "未经允许禁止转载、摘编或以其他方式使用上述作品。已经授权使用作品的，应在授权范围内使用，"
                  "并注明来源，违者必究。")


def test_a_chinese_copyright_notice_after_the_article_is_removed() -> None:
    lines = ["首页", "登录", "市议会批准旧港口重建计划", "2024年3月3日", *CHINESE, "（编辑：张三）", "相关新闻",
             "港口城市的预算获得通过", CHINESE_NOTICE]
    doc = newsclean.clean("\n\n".join(lines), kind="text")
    assert doc.text.split("\n\n") == CHINESE
    assert lexicon.lexicon_hits(CHINESE_NOTICE) >= 3
