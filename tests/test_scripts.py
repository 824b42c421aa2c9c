"""Chrome in other scripts: time stamps, photo credits and "read also" lists as Russian, Greek, Chinese,
Korean, Arabic and Hindi pages write them."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.strip import features
from newsclean.strip.text import _credit_line, is_caption


@pytest.mark.parametrize("line", ["22 मिनट पहले", "2 часа назад", "3小时前", "5분 전", "vor 5 Minuten",
                                  "πριν από 2 ώρες", "منذ 5 دقائق", "12 phút trước"])
def test_relative_time_stamps_are_date_lines(line: str) -> None:
    assert features.compute_features([line], [True])[0][0].date_time


@pytest.mark.parametrize("line", [
    "Горските служители прекопават ивица над селото. Снимка: БГНЕС",
    "Το λιμάνι του Πειραιά με δεμένα πλοία. (Φωτογραφία αρχείου: ΑΠΕ-ΜΠΕ)",
    "मुंबई के अंधेरी सबवे में भरा पानी। (फोटो: पीटीआई)",
    "8月14日，乘客在上海虹桥国际机场登上C919飞机。 本报记者 张磊 摄",
    "서울 지하철 2호선 열차가 승강장에 들어오고 있다. 사진=연합뉴스",
    "تصور لإحدى محطات الخط الأزرق (من المصدر)",
    "Üçyol–Buca metro hattının tünel kazısında kullanılan TBM makinesi. (Fotoğraf: İzmir Büyükşehir Belediyesi)",
    "Een impressie van de toegang tot de geplande parkeergarage. (Beeld: Gemeente Zwolle)",
    "পদ্মা সেতু দিয়ে যশোরের পথে একটি আন্তনগর ট্রেন। ছবি: প্রথম আলো",
    "สภาพท้องฟ้าเหนือดอยสุเทพถูกปกคลุมด้วยหมอกควัน (ภาพ: ปิยะนุช ศรีสุข)",
])
def test_photo_credits_in_other_scripts(line: str) -> None:
    assert is_caption(line)


@pytest.mark.parametrize("line", ["他们拍摄了一部关于这座城市的电影。", "Der Bildband zeigt Berlin.",
                                  "The photo shows a man on a bridge."])
def test_sentences_are_no_credits(line: str) -> None:
    assert not is_caption(line)


RU = [
    "Администрация Нижегородской области объявила, что с декабря между Нижним Новгородом и Бором будут "
    "ходить суда на воздушной подушке, которые смогут пересекать Волгу и по льду, и по открытой воде.",
    "Сейчас жители Бора добираются до областного центра по мосту или по канатной дороге, которая зимой "
    "часто останавливается из-за сильного ветра и обледенения.",
    "Закупка судов обойдётся областному бюджету примерно в 640 миллионов рублей, сообщили в министерстве "
    "транспорта региона.",
    "Стоимость проезда пока не определена. В министерстве рассчитывают, что она будет сопоставима с ценой "
    "билета на канатную дорогу.",
]


def test_headlines_under_a_read_also_label_are_removed_with_it() -> None:
    page = ["Главная", "Новости", "Общество", "Через Волгу пустят суда на воздушной подушке", "12 ноября 2024, 09:30",
            *RU[:2], "Читайте также:", "Канатную дорогу через Волгу закроют на плановый ремонт в апреле",
            *RU[2:], "Подписывайтесь на наш канал в Telegram", "© 2024 НН.ру"]
    doc = newsclean.clean("\n".join(page))
    assert doc.text.split("\n\n") == RU
    reasons = {ln.text: ln.reason for ln in doc.lines}
    assert reasons["Канатную дорогу через Волгу закроют на плановый ремонт в апреле"] == "pointer:read-also"


def test_a_bracketed_korean_read_also_label() -> None:
    line = "[관련기사] 제주 감귤 열과 피해 역대 최대…농가 \"재해 인정해야\""
    assert features.compute_features([line], [True])[0][0].pointer


@pytest.mark.parametrize("credit, author", [
    ("〔記者蔡佳玲／高雄報導〕", "蔡佳玲"),
    ("作者：记者 林晓雯 通讯员 郑浩", "林晓雯"),
    ("김민준 기자", "김민준"),
])
def test_chinese_and_korean_reporter_credits_name_the_author(credit: str, author: str) -> None:
    body = ["颱風山陀兒持續緩慢向台灣西南部接近，中央氣象署預估颱風中心明日"
            "將在高雄至屏東一帶登陸，市府已宣布停班停課。",
            "氣象署表示，颱風結構完整，移動速度緩慢，預計將帶來長時間的強風豪雨，"
            "山區累積雨量可能超過一千毫米。",
            "高雄市政府災害應變中心已提升為一級開設，並在沿海地區預先撤離居民，"
            "共安置約一千二百人。"]
    page = ["首頁", "社會", "生活", "颱風山陀兒逼近 高屏明天停班停課", "2024/10/02 19:45", credit, *body,
            "延伸閱讀", "© 2024 南方新聞"]
    assert newsclean.clean("\n".join(page)).authors == [author]


def test_names_in_scripts_without_capitals_and_their_months() -> None:
    from newsclean.dates import find_date
    from newsclean.metadata import parse_byline

    assert parse_byline("Written by: राहुल देशमुख | Edited By: प्रिया शर्मा")[0] == ["राहुल देशमुख"]
    assert find_date("نشر في: 19 يونيو 2024 - 09:15")[0] == "2024-06-19"
    assert find_date("08 जुलाई 2024")[0] == "2024-07-08" and find_date("24 юли 2024 г.")[0] == "2024-07-24"


@pytest.mark.parametrize("line", ["수정 2024.06.12 11:47", "更新 2024年6月12日", "最終更新 2024年6月12日",
                                  "Ενημερώθηκε: 12 Ιουνίου 2024"])
def test_update_labels_in_korean_japanese_chinese_and_greek(line: str) -> None:
    from newsclean.dates import labelled_dates

    assert [label for label, _ in labelled_dates(line)] == ["updated"]


def test_armenian_words_glued_at_element_boundaries_are_cut() -> None:
    lines, _ = features.split_lines("Կարդացեք նաևՍևանի ափին ապօրինի կառույցների ապամոնտաժումը կշարունակվի"
                                    "ԳլխավորՆորություններՔաղաքականություն")
    assert "Կարդացեք նաև" in lines


ZH_NODES = ["首页", " > ", "教育", "郑州：课后服务延长至18时30分", "2025-04-16 08:32", "记者15日从", "郑州市教育局",
            "获悉，自今年6月1日起，全市公办中小学课后服务结束时间将由目前的17时30分统一", "延长至18时30分",
            "，以解决部分双职工家庭接娃难的问题。", "根据郑州市教育局发布的《", "关于做好课后服务工作的通知",
            "》，课后服务实行家长自愿申请、学校统筹安排的原则。", "分享到：", "微信", "微博"]


def test_a_chinese_page_one_text_node_a_line_is_joined_back_without_spaces() -> None:
    lines, _ = features.split_lines("\n".join(ZH_NODES))
    assert "记者15日从郑州市教育局获悉，自今年6月1日起，全市公办中小学课后服务结束时间将由目前的17时30分统一延长至" \
           "18时30分，以解决部分双职工家庭接娃难的问题。" in lines
    assert "根据郑州市教育局发布的《关于做好课后服务工作的通知》，" \
           "课后服务实行家长自愿申请、学校统筹安排的原则。" in lines
    assert "2025-04-16 08:32" in lines and "首页" in lines and "微信" in lines


def test_a_browsers_copy_of_a_japanese_page_is_not_joined() -> None:
    page = ["ニュース", "動画", "おくやみ",
            "このサイトではクッキーを使用しています。引き続き閲覧することで、同意したものとみなします。",
            "同意する", "富山市の路面電車、南北延伸ルート決定", "2025年2月8日 19時30分",
            "富山市は8日、市内の路面電車を南北に延伸する新ルートを正式に決定した。"]
    lines, _ = features.split_lines("\n".join(page))
    assert lines == page


@pytest.mark.parametrize("line, credit", [
    ("Das Foto: Wie ein Bild die Welt veränderte", False),
    ("PICTURED: The moment a whale leapt out of the bay", False),
    ("Neuer Blick auf das „Blue Marble“-Foto: ICON simuliert das gekoppelte Klimasystem", False),
    ("পদ্মা সেতু দিয়ে যশোরের পথে একটি আন্তনগর ট্রেন। ছবি: প্রথম আলো", True),
    ("Firefighters at the scene on Monday. (Photo: Reuters)", True),
])
def test_only_a_credit_that_closes_the_line_keeps_it_from_being_the_title(line: str, credit: bool) -> None:
    assert _credit_line(line) is credit


def test_a_thai_word_ending_in_the_word_for_picture_is_no_credit() -> None:
    assert not is_caption("สุขภาพ: วิธีดูแลตัวเองในหน้าร้อน")
