"""The chrome lexicon: phrases that mark a *short* line as page furniture, in many languages.

Short lines cannot be judged by their own words (a five-word line has no stopword statistics), so
a phrase from this list is strong evidence that a short line is chrome. It is never applied to long
lines on its own: a paragraph that says "subscribe" is still a paragraph.

Phrases are matched case-insensitively as whole words (CJK phrases character by character). Each category is
the reason reported for the lines it removes (``lexicon:<category>``). The lists were written from
the chrome of news sites in each language, not from any benchmark page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..textutil import words

# The tag labels that are page furniture alone on a line too (navigation, below); ``TAG_LABELS`` adds the
# ones that are labels only before a colon ("Themen:", "Topics:": "Themen" alone heads German menus).
TAG_WORDS: tuple[str, ...] = (
    "tags", "tagi", "etiquetas", "étiquettes", "mots-clés", "mots clés", "argomenti", "теги", "метки", "тагови",
    "ознаке", "етикети", "ετικέτες", "タグ", "标签", "標籤", "태그", "etiketler", "štítky", "címkék", "etichete",
    "taggar", "trefwoorden", "תגיות", "برچسب ها", "แท็ก", "แท็กที่เกี่ยวข้อง", "ট্যাগ", "თეგები", "ტეგები",
    "պիտակներ", "từ khóa", "kata kunci", "témata", "teemat", "žymės", "tematy", "թեգեր", "onderwerpen",
)

LEXICON: dict[str, tuple[str, ...]] = {
    "navigation": (
        "skip to content", "skip to main content", "skip to navigation", "jump to", "main menu", "toggle navigation",
        "open menu", "close menu", "back to top", "go to top", "sign in", "log in", "login", "log out", "sign up",
        "register", "my account", "edit post", "search", "home page", "homepage", "breadcrumb", "menu",
        "zum inhalt springen", "anmelden", "abmelden", "startseite", "suche", "aller au contenu", "se connecter",
        "connexion", "accueil", "recherche", "ir al contenido", "iniciar sesión", "inicio", "buscar",
        "vai al contenuto", "accedi", "cerca", "ir para o conteúdo", "entrar", "pesquisar", "войти", "вход",
        "регистрация", "главная", "поиск", "меню", "увійти", "головна", "пошук", "zaloguj", "szukaj",
        "strona główna", "σύνδεση", "αναζήτηση", "αρχική", "ログイン", "検索", "メニュー", "登录", "注册", "首页",
        "搜索", "로그인", "검색", "giriş yap", "ara", "anasayfa", "inloggen", "zoeken",
        # "Found a mistake? Select the text and press Ctrl+Enter": error-report widgets
        "ctrl enter", "report an error", "report a typo", "found a typo", "fehler melden", "signaler une erreur",
        "reportar un error", "segnala un errore", "нашли ошибку", "сообщить об ошибке", "знайшли помилку",
        "повідомити про помилку", "zgłoś błąd", "ziņot par kļūdu", "kļūda rakstā", "pranešti apie klaidą",
        "teata veast",
        # "Was this article helpful?": a rating widget
        "was this article helpful", "was this helpful", "rate this article", "how would you rate",
        "war dieser artikel hilfreich", "wie bewerten sie diesen artikel", "artikel bewerten",
        "cet article vous a-t-il été utile", "te ha resultado útil", "ti è stato utile", "оцените статью",
        "оцініть статтю", "oceń artykuł",
        # the links to the blog's neighbouring posts
        "next post", "previous post", "older post", "older posts", "newer post", "newer posts", "nächster beitrag",
        "vorheriger beitrag", "article suivant", "article précédent", "artículo anterior", "artículo siguiente",
        "следующая статья", "предыдущая статья", "наступна стаття", "попередня стаття",
        # the labels of a post's tags and categories ("getaggt mit: Grundeinkommen Berlin")
        "getaggt mit", "tagged with", "schlagwörter", "schlagworte",
        # a list's button for more of its items (none of the bench's 162 such lines is the article's; not
        # "see more", "ver más", "voir plus", which news prose says too: "we will see more storms")
        "show more", "view more", "load more", "mehr anzeigen", "mehr laden", "mostrar más", "cargar más",
        "mostrar mais", "mostra di più", "carica altri", "показать ещё", "показать еще", "показати ще",
        "pokaż więcej", "もっと見る", "查看更多", "加载更多", "더보기",
        # more languages (Serbian, Bengali, Hebrew, Thai, traditional Chinese, Georgian, Armenian, Hungarian,
        # Czech, Romanian, Swedish), and the labels of a post's tags ("Тагови:", "תגיות:", ``TAG_WORDS``)
        "почетна", "претрага", "пријава", "прескочи на садржај", "প্রচ্ছদ", "লগইন", "অনুসন্ধান", "דלג לתוכן",
        "התחברות", "חיפוש", "עמוד הבית", "หน้าแรก", "เข้าสู่ระบบ", "ค้นหา", "首頁", "登入", "搜尋", "會員登入",
        "მთავარი", "ძებნა", "შესვლა", "գլխավոր", "որոնում", "մուտք", "főoldal", "keresés", "bejelentkezés",
        "ugrás a tartalomra", "hlavní stránka", "hledat", "přihlásit se", "přeskočit na obsah", "căutare",
        "autentificare", "startsida", "logga in", "hoppa till innehåll", "naar inhoud", "থিমস", *TAG_WORDS,
    ),
    "newsletter": (
        "newsletter", "subscribe", "subscribed", "unsubscribe", "sign up for", "in your inbox", "to your inbox",
        "enter your email", "email address", "e-mail address", "your email", "indicates required",
        "required field", "confirmation email", "thank you for signing up", "thanks for signing up",
        "abonnieren", "abonnement", "e-mail-adresse", "s'abonner", "abonnez-vous", "inscrivez-vous",
        "suscríbete", "suscribirse", "boletín", "iscriviti", "assine", "inscreva-se", "подписаться",
        "подпишитесь", "рассылка", "підписатися", "підпишіться", "розсилка", "zapisz się", "subskrybuj",
        "εγγραφή", "newsletter", "メールマガジン", "購読", "订阅", "구독", "abone ol", "aanmelden",
        "přihlaste se k odběru", "odebírat novinky", "hírlevél", "feliratkozás", "abonează-te", "abonați-vă",
        "prenumerera", "nyhetsbrev", "nyhedsbrev", "tilaa uutiskirje", "uutiskirje", "pretplatite se", "абонирай се",
        "абонирайте се", "piesakies", "prenumeruoti", "telli uudiskiri", "berlangganan", "اشترك", "النشرة البريدية",
        "הירשמו", "ניוזלטר", "सब्सक्राइब करें", "สมัครสมาชิก",
        # paywalls: what a subscription unlocks
        "subscribers only", "for subscribers", "already a subscriber", "subscriber-only", "to continue reading",
        "create a free account", "unlock this article", "premium article", "members only",
        "nur für abonnenten", "bereits abonnent", "jetzt weiterlesen", "réservé aux abonnés", "déjà abonné",
        "exclusivo para suscriptores", "ya eres suscriptor", "riservato agli abbonati", "sei già abbonato",
        "только для подписчиков", "тільки для передплатників", "tylko dla prenumeratorów",
        "会員限定", "有料会員", "無料会員", "有料プラン", "会員の方", "続きをお読み", "会员专享", "付费会员", "유료 회원",
        "пријавите се", "билтен", "নিউজলেটার", "訂閱", "電子報", "გამოიწერე", "բաժանորդագրվել", "nieuwsbrief",
        "schrijf je in", "iscriviti alla newsletter", "melden sie sich an",
    ),
    "donation": (
        "donate", "donation", "support us", "become a member", "become a supporter", "become a patron",
        "support independent journalism", "support our journalism", "support journalism", "contribute now",
        "make a contribution", "just once", "monthly", "one-time", "paypal", "patreon",
        "jetzt unterstützen", "spenden", "soutenez", "faire un don", "donar", "apóyanos", "dona ora",
        "sostienici", "doe agora", "apoie", "unterstütze uns", "unterstützen sie uns", "unterstütze unsere arbeit",
        "unterstützen sie unsere arbeit", "поддержать", "пожертвовать", "підтримати", "задонатити",
        "wesprzyj", "στηρίξτε", "寄付", "捐赠", "후원", "บริจาค", "สนับสนุนเรา", "การสนับสนุนจากคุณ", "โอนเงิน",
        "พร้อมเพย์", "promptpay", "تبرع", "ادعمنا",
        "подржите", "подржите нас", "донирај", "донирајте", "podržite nas", "donirajte", "támogass minket",
        "támogasson minket", "adományozz", "podpořte nás", "přispějte", "susține-ne", "donează", "stöd oss",
        "steun ons", "doneer", "贊助", "支持我們", "תרמו", "תמכו בנו", "поддержите нас", "підтримайте нас",
        "მხარი დაგვიჭირეთ", "աջակցեք մեզ",
    ),
    "share": (
        "share", "shares", "share this", "share on", "tweet", "facebook", "twitter", "whatsapp", "linkedin",
        "pinterest", "telegram", "reddit", "email this", "print this", "print", "copy link", "link copied",
        "teilen", "drucken", "partager", "imprimer", "compartir", "imprimir", "condividi", "stampa",
        "compartilhar", "поделиться", "поширити", "поділитися", "udostępnij", "κοινοποίηση", "シェア", "分享",
        "記事保存", "保存した記事", "evernote", "はてなブックマーク", "收藏",
        "공유", "paylaş", "delen",
        "sdílet", "zdieľať", "megosztás", "distribuie", "podijeli", "сподели", "dalīties", "dalintis", "bagikan",
        "chia sẻ", "شارك", "שתפו", "اشتراک گذاری", "शेयर करें", "เฟซบุ๊ก", "แชร์",
        "follow us", "folgen sie uns", "folge uns", "suivez-nous", "síguenos", "seguici", "siga-nos", "nos siga",
        "obserwuj nas", "подписывайтесь на нас", "слідкуйте за нами",
        "пратите нас", "pratite nas", "подели", "ফলো করুন", "শেয়ার করুন", "עקבו אחרינו", "הצטרפו לערוץ",
        "ติดตามเรา", "เพิ่มเพื่อน", "追蹤我們", "分享到", "フォローする", "팔로우", "следите за нами", "стежте за нами",
        "ακολουθήστε μας", "kövess minket", "kövessen minket", "sledujte nás", "urmărește-ne", "urmăriți-ne",
        "följ oss", "volg ons", "bizi takip edin", "ما را دنبال کنید", "ikuti kami", "theo dõi chúng tôi",
        "გააზიარე", "გაზიარება", "կիսվել", "deel op", "kopieer link", "del på", "kopiraj poveznicu",
    ),
    "advertisement": (
        "advertisement", "advertising", "sponsored", "sponsored content", "ad", "ads", "promoted",
        "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "publicidade", "реклама", "reklama",
        "διαφήμιση", "広告", "广告", "광고", "reklam", "advertentie",
        "hirdetés", "publicitate", "annons", "mainos", "reklāma", "reklaam", "iklan", "quảng cáo", "إعلان", "פרסומת",
        "تبلیغات", "विज्ञापन", "โฆษณา",
        "огласи", "оглас", "বিজ্ঞাপন", "廣告", "რეკლამა", "գովազդ",
    ),
    "related": (
        "read also", "read more", "see also", "also read", "related", "related articles", "related stories",
        "related posts", "related news", "more news", "more stories", "news feed", "latest news", "most read",
        "must read", "must reads", "most popular", "trending", "editors' picks", "editor's picks", "recommended", "you may also like",
        "you might also like", "read next", "up next", "top stories", "more from", "more on this",
        "lesen sie auch", "auch interessant", "mehr zum thema", "meistgelesen",
        "weitere artikel", "lire aussi", "à lire aussi", "les plus lus", "sur le même sujet", "leer también",
        "lea también", "lo más leído", "noticias relacionadas", "leggi anche", "più letti", "articoli correlati",
        "leia também", "leia mais", "mais lidas", "notícias relacionadas", "читайте также", "читайте також",
        "популярное", "новости по теме", "по теме", "популярне", "czytaj także", "czytaj też", "zobacz też",
        "najczęściej czytane", "διαβάστε επίσης", "δημοφιλή", "σχετικά άρθρα", "関連記事", "人気記事",
        "相关阅读", "相关新闻", "延伸阅读", "热门", "관련기사", "관련 기사", "많이 본", "ayrıca okuyun",
        "lees ook", "meest gelezen",
        "čtěte také", "související články", "nejčtenější", "čítajte aj", "súvisiace články", "najčítanejšie",
        "kapcsolódó cikkek", "legolvasottabb", "citește și", "articole similare", "cele mai citite", "läs också",
        "relaterade artiklar", "mest läst", "læs også", "les også", "mest læste", "mest lest", "lue myös",
        "luetuimmat", "pročitajte još", "pročitajte i", "povezani članci", "najčitanije", "прочетете още",
        "още по темата", "най-четени", "lasiet arī", "saistītie raksti", "taip pat skaitykite", "susiję straipsniai",
        "loe ka", "baca juga", "berita terkait", "terpopuler", "xem thêm", "tin liên quan", "đọc nhiều", "اقرأ أيضا",
        # a teaser's "read more" link ("weiterlesen 5 Minuten", "Lire la suite »"; as navigation, which
        # ends no article, traf's browser dumps gained 0.001 less); not "continue reading", which labels an
        # advertisement inside the article ("Continue Reading Below": aeb lost 0.001)
        "weiterlesen", "mehr lesen", "lire la suite", "seguir leyendo", "continuar leyendo", "continua a leggere",
        "leggi tutto", "continuar lendo", "ler mais", "читать далее", "читати далі", "czytaj dalej", "czytaj więcej",
        "διαβάστε περισσότερα", "続きを読む", "阅读全文", "더 보기", "devamını oku", "lees verder", "číst dál",
        "čítať ďalej", "citește mai mult", "läs mer", "læs mere", "les mer", "lue lisää", "pročitaj više",
        "lasīt vairāk", "skaityti daugiau", "loe edasi", "baca selengkapnya", "đọc tiếp", "اقرأ المزيد", "קרא עוד",
        "اقرأ أيضاً", "مقالات ذات صلة", "الأكثر قراءة", "קראו עוד", "כתבות נוספות", "بیشتر بخوانید", "مطالب مرتبط",
        "यह भी पढ़ें", "संबंधित खबरें", "อ่านเพิ่มเติม", "ข่าวที่เกี่ยวข้อง",
        # lists of other articles under their common headings
        "similar articles", "related content", "related topics", "ähnliche artikel",
        "ähnliche beiträge", "ähnliche themen", "verwandte artikel", "verwandte themen", "weitere beiträge",
        "articles similaires", "articles liés", "à lire également",
        "artículos relacionados", "temas relacionados", "artigos relacionados",
        "você também pode gostar", "notizie correlate", "potrebbe interessarti", "podobne artykuły",
        "похожие статьи", "похожие новости", "схожі новини", "схожі статті", "σχετικές ειδήσεις",
        "gerelateerde artikelen",
        # "you might be interested in" (with or without "das" / "también" before it), "most read" in its
        # inflected forms, "explore further", a feed's next-article preview
        "könnte dich auch interessieren", "könnte sie auch interessieren", "könnten sie auch interessieren",
        "an folgenden artikeln interessiert", "meistgelesenen", "meistgelesene", "nächster artikel",
        "themen in diesem artikel", "notas relacionadas", "más noticias", "otras noticias", "te puede interesar",
        "vous aimerez aussi", "mais notícias", "zobacz również", "przeczytaj również", "explore further",
        "more from this section", "more in this section", "nächsten artikel",
        # more languages (Serbian, Bengali, Hebrew, Thai, traditional Chinese, Georgian, Armenian, Hungarian,
        # Czech, Romanian, Swedish, Dutch, Korean, Greek, Russian, Ukrainian)
        "прочитајте и", "прочитајте још", "повезане вести", "најчитаније", "из минута у минут", "погледајте и",
        "আরও পড়ুন", "আরো পড়ুন", "সর্বাধিক পঠিত", "পরবর্তী খবর", "קראו גם", "הכי נקראים", "ข่าวแนะนำ",
        "ข่าวยอดนิยม", "延伸閱讀", "相關新聞", "相關閱讀", "熱門新聞", "最新新聞", "即時新聞", "看更多",
        "ასევე წაიკითხეთ", "მსგავსი სიახლეები", "ყველაზე კითხვადი", "կարդացեք նաև", "նմանատիպ նորություններ",
        "ամենաընթերցված", "ամենաընթերցվածը", "նմանատիպ նյութեր", "legfrissebb", "friss hírek", "nejnovější zprávy", "přečtěte si také", "citiți și",
        "ultimele știri", "știri similare", "läs även", "senaste nytt", "mest lästa", "meer nieuws",
        "ultime notizie", "dernières actualités", "neueste artikel", "последние новости", "самое читаемое",
        "останні новини", "많이 본 뉴스", "인기 기사", "최신 뉴스", "τελευταίες ειδήσεις", "διαβάστε ακόμα",
    ),
    "cookie": (
        "cookie", "cookies", "accept all", "reject all", "manage preferences", "privacy settings",
        "we use cookies", "consent", "datenschutz", "alle akzeptieren", "tout accepter", "aceptar todo",
        "accetta tutto", "aceitar", "файлы cookie", "приватності", "prywatności", "απόρρητο",
        # an embed shown only with the reader's consent ("Externer Inhalt: ... Ich bin damit einverstanden")
        "externer inhalt", "externe inhalte", "empfohlener externer inhalt",
        "колачиће", "колачићи", "কুকি", "עוגיות", "คุกกี้", "ქუქი", "թխուկներ", "sütiket", "sütik", "kakor",
    ),
    "legal": (
        "ohne gewähr", "all rights reserved", "copyright", "terms of use", "terms of service", "privacy policy",
        "terms and conditions",
        "impressum", "alle rechte vorbehalten", "mentions légales", "tous droits réservés", "aviso legal",
        "todos los derechos reservados", "tutti i diritti riservati", "todos os direitos reservados",
        "все права защищены", "всі права захищені", "wszelkie prawa zastrzeżone", "με επιφύλαξη παντός δικαιώματος",
        "無断転載", "転載・複製", "版权所有", "版權所有", "版权说明", "版權說明", "禁止转载", "禁止轉載", "无权转载",
        "무단 전재", "저작권자", "재배포 금지",
        "všechna práva vyhrazena", "všetky práva vyhradené", "minden jog fenntartva", "toate drepturile rezervate",
        "alla rättigheter förbehållna", "alle rettigheder forbeholdes", "alle rettigheter reservert",
        "kaikki oikeudet pidätetään", "sva prava pridržana", "sva prava zadržana", "всички права запазени",
        "visas tiesības aizsargātas", "visos teisės saugomos", "kõik õigused kaitstud", "hak cipta dilindungi",
        "جميع الحقوق محفوظة", "כל הזכויות שמורות", "کلیه حقوق محفوظ است", "सर्वाधिकार सुरक्षित", "สงวนลิขสิทธิ์",
        "сва права задржана", "স্বত্ব", "ყველა უფლება დაცულია", "բոլոր իրավունքները պաշտպանված են",
    ),
    "comments": (
        "comments", "comment", "leave a comment", "leave a reply", "post a comment", "add a comment",
        "join the conversation", "view comments", "show comments", "kommentare", "kommentieren", "commentaires",
        "commenter", "comentarios", "comentar", "commenti", "comentários", "комментарии", "коментарі",
        "komentarze", "σχόλια", "コメント", "评论", "댓글", "yorumlar", "reacties",
        "komentáře", "komentáre", "hozzászólások", "comentarii", "kommentarer", "kommentit", "komentari", "коментари",
        "komentāri", "komentarai", "kommentaarid", "komentar", "bình luận", "تعليقات", "תגובות", "نظرات",
        "टिप्पणियां", "แสดงความคิดเห็น",
        "коментариши", "মন্তব্য", "মন্তব্য করুন", "კომენტარები", "մեկնաբանություններ",
        # (German "Antworten", Hungarian "válasz", Swedish "svara" are answers too, "Fragen und Antworten":
        # only alone on their line, as a reply button, are they the comments', REPLY_BUTTONS)
        "diskuse", "diskuze", "diskusia", "reply", "odpovědět", "odpovedať", "rispondi",
        "відповісти", "odpowiedz", "yanıtla", "beantwoorden", "返信",
        "回复", "답글",
    ),
    "audio": (
        "listen to this article", "listen to article", "audio is created", "this audio", "audio version",
        "artikel anhören", "écouter cet article", "escuchar", "ascolta", "ouvir", "слушать", "прослухати",
    ),
}

# Phrases that, at the very start of a line, make the whole line a pointer to another article
# ("Read also: <headline>"), however long it is. Removed anywhere, without ending the article.
POINTER_PREFIXES: tuple[str, ...] = (
    "прочитајте и", "прочитајте још", "погледајте и", "আরও পড়ুন", "আরো পড়ুন", "קראו גם", "延伸閱讀", "相關新聞",
    "相關閱讀", "ასევე წაიკითხეთ", "կարդացեք նաև", "přečtěte si také", "citiți și", "läs även", "olvasd el", "อ่านข่าวที่เกี่ยวข้อง", "leé también", "mirá también",
    "read also", "read more", "see also", "also read", "related", "recommended", "watch", "listen",
    "more:", "also:", "read:", "related story", "related article", "related content", "read next",
    "lesen sie auch", "lesen sie mehr", "auch interessant", "mehr zum thema", "mehr dazu", "siehe auch",
    "lire aussi", "à lire aussi", "a lire aussi", "lire également", "voir aussi", "leer también",
    "lea también", "lee también", "ver también", "leggi anche", "leggi pure", "vedi anche", "leia também",
    "leia mais", "veja também", "читайте также", "читайте також", "читайте тоже", "смотрите также",
    "дивіться також", "по теме", "czytaj także", "czytaj też", "przeczytaj też", "zobacz też",
    "zobacz także", "διαβάστε επίσης", "διαβάστε ακόμη", "διαβαστε επισης", "διαβαστε ακομη", "関連記事", "あわせて読みたい", "相关阅读",
    "延伸阅读", "阅读更多", "相关新闻", "관련기사", "관련 기사", "ayrıca okuyun", "ilgili haber", "lees ook",
    "lees meer", "čtěte také", "čítajte aj", "olvassa el", "citește și", "läs också", "læs også", "les også",
    "lue myös", "pročitajte još", "pročitajte i", "прочетете още", "lasiet arī", "taip pat skaitykite", "loe ka",
    "baca juga", "xem thêm", "اقرأ أيضا", "اقرأ أيضاً", "קראו עוד", "بیشتر بخوانید", "यह भी पढ़ें", "อ่านเพิ่มเติม",
)
# The pointer prefix must be followed by one of these (or be the whole line) to count.
POINTER_SEPARATORS = ":：-–—|>»›]】"


@lru_cache(maxsize=1)
def _phrase_index() -> tuple[dict[tuple[str, ...], str], dict[str, tuple[int, ...]]]:
    """Phrases as word tuples -> category, and for each first word the phrase lengths to try.

    Matching word n-grams against a dict is ~20x faster than one big regular expression, and
    tokenising phrases and lines the same way makes the match case- and punctuation-insensitive.
    """
    phrases: dict[tuple[str, ...], str] = {}
    for category, items in LEXICON.items():
        for phrase in items:
            key = tuple(words(phrase))
            if key:
                phrases.setdefault(key, category)
    lengths: dict[str, set[int]] = {}
    for key in phrases:
        lengths.setdefault(key[0], set()).add(len(key))
    return phrases, {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}


def _matches(text: str) -> list[str]:
    """The categories of the lexicon phrases in ``text``, left to right, longest phrase first."""
    return categories_of(words(text))


def categories_of(toks: list[str] | tuple[str, ...]) -> list[str]:
    """The categories of the lexicon phrases in a line's words (``textutil.words``), as ``_matches``."""
    return [category for category, _ in phrases_of(toks)]


def phrases_of(toks: list[str] | tuple[str, ...]) -> list[tuple[str, int]]:
    """(category, number of words) of each lexicon phrase in a line's words, left to right, the
    longest phrase first."""
    phrases, lengths = _phrase_index()
    found = []
    free = 0  # the first word not inside a phrase already found
    for i in [i for i, tok in enumerate(toks) if tok in lengths]:  # words that may start a phrase
        if i < free:
            continue
        for n in lengths[toks[i]]:
            category = phrases.get(tuple(toks[i : i + n]))
            if category:
                found.append((category, n))
                free = i + n
                break
    return found


# Single words of these categories are everyday words of news prose too ("The developer declined to
# comment.", "Shares rose 4%.", "The search went on.", "He made a donation."): in a sentence they are
# weak evidence (``weak_in_sentence``). Newsletter, cookie, legal and audio words rarely are.
PROSE_WORD_CATEGORIES = frozenset({"comments", "share", "related", "navigation", "donation", "advertisement"})


def weak_in_sentence(found: list[tuple[str, int]]) -> bool:
    """Whether a line's lexicon phrases (``phrases_of``) are all single everyday words."""
    return bool(found) and all(n == 1 and category in PROSE_WORD_CATEGORIES for category, n in found)


@lru_cache(maxsize=1)
def _pointer_pattern() -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, sorted(set(POINTER_PREFIXES), key=len, reverse=True)))
    seps = re.escape(POINTER_SEPARATORS)
    return re.compile(rf"^\W*(?:{alternatives})(?:\s*[{seps}]|\s*$)", re.I)


def lexicon_category(text: str) -> str | None:
    """The category of the first lexicon phrase that occurs in ``text``, or None.

    >>> lexicon_category("Enter your email to subscribe")
    'newsletter'
    >>> lexicon_category("The subscription economy") is None
    True
    """
    found = _matches(text)
    return found[0] if found else None


def lexicon_hits(text: str) -> int:
    """How many lexicon phrases occur in ``text`` (all categories together)."""
    return len(_matches(text))


def is_pointer(text: str) -> bool:
    """True for lines like "Read also: <headline>" that point to another article.

    >>> is_pointer("Read also: If Russia launches blitzkrieg into Ukraine, how would it look?")
    True
    >>> is_pointer("Related reading suggests otherwise, he said.")
    False
    """
    return bool(_pointer_pattern().match(text))


# The labels of a post's tag list, alone on their line or before the tags on it ("Tags: Berlin, Mieten",
# "Тагови:", "תגיות: חיפה רכבת קלה"): the tags are no article text (``text._drop_tag_lists``).
TAG_LABELS: tuple[str, ...] = (
    *TAG_WORDS, "tagged", "tagged with", "schlagwörter", "schlagworte", "getaggt mit", "برچسب‌ها", "বিষয়",
    "topics", "themen", "témy", "temas", "emner", "oznake", "теми", "słowa kluczowe", "キーワード", "关键词",
    "關鍵字", "chủ đề", "وسوم", "टैग",
)


@lru_cache(maxsize=1)
def _tag_label_pattern() -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, sorted(set(TAG_LABELS), key=len, reverse=True)))
    return re.compile(rf"^\W*(?:{alternatives})\s*(?:[:：՝]\s*(.*)|$)", re.I)


def tag_label(text: str) -> str | None:
    """The tags after a tag label on ``text`` ("" for a bare label), None when ``text`` is no tag label.

    >>> tag_label("Tags: Berlin, Mieten"), tag_label("Тагови:"), tag_label("Tags of the trade are old.")
    ('Berlin, Mieten', '', None)
    """
    found = _tag_label_pattern().match(text)
    return None if found is None else (found.group(1) or "")


# An advertisement's label says where an advertisement stands, which a text dump does not show (it is an
# image or a frame); a sponsor's label heads text that is the advertisement ("Sponsored Content" and the
# teaser under it).
AD_LABEL_MAX_WORDS = 3
SPONSOR_LABELS = frozenset({("sponsored",), ("sponsored", "content"), ("promoted",)})


@lru_cache(maxsize=4096)
def ad_label(text: str) -> bool:
    """Is the line an advertisement's label and nothing else ("Advertisement", "— REKLAMA —", "Реклама"),
    not a sponsor's ("Sponsored Content")?"""
    toks = tuple(words(text))
    return 0 < len(toks) <= AD_LABEL_MAX_WORDS and _phrase_index()[0].get(toks) == "advertisement" \
        and toks not in SPONSOR_LABELS


# A comment's reply button, alone on its line: in a phrase these words are answers ("Fragen und Antworten").
REPLY_BUTTONS = frozenset({("antworten",), ("válasz",), ("svara",), ("svar",), ("vastaa",), ("répondre",),
                           ("ответить",), ("răspunde",)})
