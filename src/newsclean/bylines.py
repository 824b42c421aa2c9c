"""Authors' names in bylines and author fields: "By Jane Doe and John Roe, Staff Writers | Updated ...",
"Von Hanna Schmidt am Samstag", "Cara Dumaplin RN, BSN, Certified Pediatric Sleep Consultant".

Pure string functions. A byline gives people's names, or a collective that signs ("The Upwork Team");
never role words, credentials, dates, placeholders ("admin", "Unknown"), organisations, URLs or e-mails.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources

from .dates import MONTH_BY_NAME

# What follows the authors in a byline and is not an author: editors, reviewers, dates, "Updated".
BYLINE_END = re.compile(
    r"\b(?:(?:edited|reviewed|fact[- ]?checked|illustrated|produced|updated|translated)\s+by|medically reviewed|"
    r"(?:last\s+)?updated|published|posted(?!\s+by)|veröffentlicht(?!\s+von)|publiziert|aktualisiert|"
    r"erschienen|mis à jour|publié|actualizado|publicado|view|read more|learn more|see all|alle artikel|"
    r"more from|follow|stand)\b.*|\b(?:kategorien?|categor(?:y|ies)|tags|themen|photos?|fotos?|bilder)\s*:.*|\d.*",
    re.I)
# Weekdays, which end a name as months do ("Hanna Schmidt am Samstag").
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
                      "wed", "thu", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
                      "samstag", "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so", "lundi", "mardi", "mercredi",
                      "jeudi", "vendredi", "samedi", "dimanche"})
# A date after the names: a weekday or a month, then a number ("Supermove February 3, 2025",
# "Hanna Schmidt am Samstag, 19. Oktober").
_DATE_WORD = "|".join(sorted((re.escape(w) for w in MONTH_BY_NAME), key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
DATE_AFTER_NAME = re.compile(rf"\b(?=[^\W\d_]+\.?,?\s*(?:[^\W\d_]+\.?\s*)?\d)(?:{_DATE_WORD}|{_WEEKDAY})\b"
                             rf"\.?,?\s*(?:(?:{_DATE_WORD})\b\.?\s*)?\d.*", re.I)
# What comes before the authors: "By", "Written by", "Von", "Article by:", "Text & Fotos:". (Not a
# Romanian byline's "de": "de Buenos Aires", "de Gaulle" begin lines too, and the model reads this pattern.)
BYLINE_LEAD = re.compile(
    r"^(?:(?:written|posted|published|reported|article|story|words|photos?|text|more\s+articles|this\s+post\s+was"
    r"\s+written|a\s+post|artikel|beitrag|veröffentlicht|geschrieben|verfasst|eingestellt|gepostet)\s+)?(?:by|von|vom|par|por|di|door|"
    r"av|af|przez|от|від|автор)\b\s*:?\s*|^(?:authors?|authored by|autor(?:in|/in|en)?|auteur|autore|autori|"
    r"autors|autorzy|autorius|авторы|автори|författare|forfatter|szerző|text|"
    r"fotos?|photos?|interview|words|artikel von|contributors?|reporting)(?:\s*(?:&|und|and)\s*\w+)?\s*:\s*", re.I)
# "ByDaryl Austin", "Written ByReyan Perumal", "ByJ.R. Stone": the lead glued to the name by the page's markup.
GLUED_LEAD = re.compile(r"^(?:Written\s+|Posted\s+)?(?:By|BY|Von|Par|Por)(?=[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]|\.[A-Z]))")
# What is no part of a name: characters that do not show (soft hyphens: "Mat\xadthi\xadas"), and the
# author's e-mail address or social handle after it ("Por Mariano Martín mmartin@ambito.com.ar",
# "Por Williams Perdomo @wperdomod").
# (not the zero-width joiners U+200C/U+200D, which Persian and Indic names are spelt with)
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
CONTACT = re.compile(r"(?<!\S)\S+@\S+\.\w+|(?<!\S)@\w+")
# A credit for a source, a picture or a translation, not an author: "Quelle: SLF Davos", "Photo: Jane
# Doe", "Übersetzung Sarah-Indra Jungblut".
CREDIT = re.compile(r"(?:quelle|source|foto|photo|bild|image|credit|crédit|fuente|fonte|übersetzung|translation|"
                    r"traduction|traducción|traduzione|tradução)s?\b", re.I)
# Between names, or between a name and what describes it ("Jane Doe | Senior Editor", "Jane Doe • 5 min").
# ("Finian Cunningham. Sputnik": a full stop after a word, not after an initial or "Dr", "Prof", "Mrs", "St")
LIST_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:[|•·⋅—–]|-)\s+|\s*\|\s*|"
                            r"(?<=[a-z]{3})(?<!Prof)(?<!Mrs)\.\s+(?=[A-Z])")
NAME_SEPARATOR = re.compile(r"\s*&\s*|\s+(?:and|und|et|y|e|i|oraz|и|і|/)\s+", re.I)
# A byline signed by a group: "The Upwork Team", "Camphouse editors", "Redaktion Polizeiticker Schweiz".
COLLECTIVE = re.compile(r"(?:the\s+)?(?:[\w.'’-]+\s+){1,4}(?:team|editors|staff|desk|newsroom|redaktion)|"
                        r"(?:redaktion|team)\s+(?:[\w.'’-]+\s*){1,3}", re.I)
CREDENTIAL = re.compile(r"[A-Z]{2,5}®?|Ph\.?\s?D\.?|M\.?D\.?|M\.?S\.?|R\.?N\.?")
# Job titles and the words that qualify them: where they start, the name has ended.
ROLE_WORD = re.compile(  # (cut from the role word on)
    r"\b(?:staff|senior|sr|junior|chief|lead|head|executive|managing|contributing|deputy|associate|assistant|"
    r"digital|social|verified|certified|guest|founder|co-founder|ceo|cto|cfo|vp|president|director|manager|"
    r"former|tech|technology|science|health|business|sports?|politics|political|entertainment|lifestyle|"
    r"content|marketing|coordinator|trial|attorney|licensed|"
    r"editor|editors|writer|writers|reporter|reporters|correspondent|columnist|contributor|journalist|author|"
    r"expert|engineer|consultant|specialist|analyst|strategist|researcher|professor|student|editorial|"
    r"redakteur|redakteurin|redaktion|chefredakteur|korrespondent|autor|autorin|experte|expertin|"
    r"rédacteur|rédactrice|journaliste|correspondant|redactor|redactora|periodista|corresponsal|redattore|"
    r"giornalista|team|desk|newsroom|"
    r"корреспондент|кореспондент|редактор|журналист|журналіст|обозреватель|оглядач|колумнист|"
    r"συντάκτης|συντάκτρια|δημοσιογράφος|ανταποκριτής|αρθρογράφος)\b", re.I)
# A trailing run of credentials ("RN", "MD", "PhD", "CEPF®") is not part of the name.
CREDENTIALS = re.compile(r"(?:\s+(?:[A-Z]{2,5}|Ph\.?D\.?|M\.?D\.?)®?)+$")
# Not names: placeholders CMSs put in author fields, and words of organisations.
PLACEHOLDER = frozenset({"admin", "administrator", "null", "none", "unknown", "anonymous", "anonym", "guest",
                         "name", "no author", "webmaster", "redaktion", "editor", "editorial", "staff", "autor",
                         "author", "unbenannt", "gast", "user", "by", "von", "rebloggt", "allgemein", "imago",
                         "dpa", "afp", "reuters", "ap", "getty images", "shutterstock", "submitted", "posted",
                         "published", "updated", "written", "contributed"})
ACCOUNT_WORDS = frozenset({"admin", "administrator", "webmaster", "moderator", "sysadmin"})  # "NOC Admin"
# The verbs of a page's buttons, which dumps set beside bylines ("Enlarge Image", "Link Kopieren").
BUTTON_WORDS = frozenset({"enlarge", "vergrößern", "kopieren", "copy", "teilen", "drucken", "download",
                          "herunterladen", "agrandir", "copier", "ampliar", "copiar"})
ORGANISATION_WORD = re.compile(
    r"\b(?:gmbh|ag|e\.\s?v|eg|kg|inc|llc|ltd|plc|corp|co|s\.?a|media|médias?|verlag|zeitung|magazin|magazine|"
    r"news|nachrichten|press|presse|stiftung|verband|foundation|association|institute|institut|university|"
    r"universität|group|gruppe|network|agency|agentur|online|official|company|international|clinic|klinik|"
    r"klinikum|hospital|school|schule|college|academy|akademie|center|centre|zentrum|museum|bank|store|shop|"
    r"wiki|club|hotels?|studios?|blog)\b", re.I)
# URLs, e-mails, dates, sentences, and CSS class names ("wp-block-post").
NOT_A_NAME = re.compile(r"https?:|www\.|@|\d|[!?:()\[\]{}<>\"“”«»⋅]|\.(?:com|org|net|de)\b|\w[._]\w\w|"
                        r"^[a-z]+(?:-[a-z]+)+$")
# A nickname in quotes between a first and a last name ('Amanda "Tania Mae" Tan', 'Lee “Faker”
# Sang-hyeok'; e-sports and sports writers): the name is read without it.
NICKNAMED_WORDS = 3  # the name left; a longer run is a headline with a word in quotes
NICKNAME = re.compile(r"(?<=[^\W\d_])\s+[\"“„][^\"“”„]{1,25}[\"”“]\s+(?=[A-ZÀ-ÖØ-Þ])")
NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del", "della", "dos",
                            "das", "bin", "ibn", "al", "el", "ten", "ter", "zu", "y"})
MAX_NAME_WORDS = 5  # longer "names" are sentences or job descriptions
# The names come first in a byline; reading further only costs (DATE_AFTER_NAME is quadratic on a long
# run of glued words: 8,000 characters took 2.6 s).
MAX_BYLINE_CHARS = 500
# A job title glued to the name by the page's markup ("By Evan HalperStaff Writer"): a capitalised word
# right after a lower-case letter, set apart as what describes the name when it is a role word, or as
# the byline's end ("Follow", "Updated").
GLUED_WORD = re.compile(r"(?<=[a-zà-öø-ÿа-яёіїєґά-ώ]{3})([A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐΑ-ΩΆ-Ώ][a-zà-öø-ÿа-яёіїєґά-ώ]+)\b")
# (not "McEditor", "DeLead"; Latin, Cyrillic and Greek letters: "Иван ПетровКорреспондент")


def _unglue(glued: re.Match[str]) -> str:
    word = glued[1]
    if ROLE_WORD.fullmatch(word):
        return " | " + word  # what describes the name
    return " " + word if BYLINE_END.match(word) else word  # "Inga HoeltmannFollow", "…MillerPublished"


def names_in_byline(text: str, min_words: int = 1) -> list[str]:
    """The authors' names in a byline or an author field; ``min_words=2`` where a lone word is more
    likely a label than a pen name.

    >>> names_in_byline("By Jane Doe and John Roe, Staff Writers | Updated Dec. 2, 2021")
    ['Jane Doe', 'John Roe']
    >>> names_in_byline("Written By: Catherine Boeckmann Executive Digital Editor")
    ['Catherine Boeckmann']
    >>> names_in_byline("Von Hanna Schmidt am Samstag, 19. Oktober 2019")
    ['Hanna Schmidt']
    >>> names_in_byline("Cara Dumaplin RN, BSN, Certified Pediatric Sleep Consultant")
    ['Cara Dumaplin']
    >>> names_in_byline("Jane Doe | John Roe"), names_in_byline("Jane Doe | Senior Editor | Dec 2")
    (['Jane Doe', 'John Roe'], ['Jane Doe'])
    >>> names_in_byline("By The Currency editors")
    ['The Currency editors']
    >>> names_in_byline("Vanessa Mendez, MD, gastroenterologist")
    ['Vanessa Mendez']
    >>> names_in_byline("https://www.facebook.com/someone")
    []
    >>> names_in_byline('By Amanda "Tania Mae" Tan November 19, 2023'), names_in_byline("Submitted on Mon")
    (['Amanda Tan'], [])
    >>> names_in_byline("By Evan HalperStaff Writer"), names_in_byline("Ben Applebaum-Bauch, Review")
    (['Evan Halper'], ['Ben Applebaum-Bauch'])
    >>> names_in_byline("Inga HoeltmannFollow"), names_in_byline("Enlarge Image"), names_in_byline("Link Kopieren")
    (['Inga Hoeltmann'], [], [])
    >>> names_in_byline("Markus M. Haefliger, London, Beat Bumbacher")
    ['Markus M. Haefliger', 'Beat Bumbacher']
    >>> names_in_byline("Por Juliana Ferreira, de Corumbá (MS)")
    ['Juliana Ferreira']
    >>> names_in_byline("HLNF Staff Report"), names_in_byline("Agencia EFE"), names_in_byline("Heiko")
    ([], [], ['Heiko'])
    >>> names_in_byline("Автор: Иван ПетровКорреспондент"), names_in_byline("Μαρία Παππά, Συντάκτρια")
    (['Иван Петров'], ['Μαρία Παππά'])
    """
    text = " ".join(CONTACT.sub(" ", INVISIBLE.sub("", html.unescape(text[:MAX_BYLINE_CHARS]))).split())
    text = GLUED_WORD.sub(_unglue, text)
    if CREDIT.match(text):
        return []
    text = DATE_AFTER_NAME.sub("", PARENTHESIS.sub("", text))
    text = BYLINE_LEAD.sub("", BYLINE_END.sub("", BYLINE_LEAD.sub("", GLUED_LEAD.sub("", text))))
    out: list[str] = []
    for chunk in LIST_SEPARATOR.split(text):
        chunk = chunk.strip(" .:-–—|•·/")
        if out and CREDIT.match(chunk):
            break  # "Jane Doe | Übersetzung Sarah-Indra Jungblut": the rest credits others
        if ('"' in chunk or "“" in chunk) and len(unquoted := NICKNAME.sub(" ", chunk).split()) <= NICKNAMED_WORDS:
            chunk = " ".join(unquoted)
        if COLLECTIVE.fullmatch(chunk) and not NOT_A_NAME.search(chunk):
            if out:
                break  # "Jane Doe | The Paper's Newsroom": her team, not another author
            out.append(chunk)  # "The Currency editors", "Redaktion Polizeiticker": a stated collective author
            continue
        if CREDENTIAL.fullmatch(chunk):
            continue
        role = ROLE_WORD.search(chunk)
        if out and (role or chunk[:1].islower()):
            break  # "Jane Doe, Senior Editor, The Paper", "Jane Doe, MD, gastroenterologist", "Juliana Ferreira,
            # de Corumbá (MS)": the rest describes her
        parts = [_tidy_name(n) for n in NAME_SEPARATOR.split(chunk[: role.start()] if role else chunk)]
        names = [n for n in parts if is_person_name(n) and len(n.split()) >= min_words]
        if len(names) == 1 and " " not in names[0] and len(_drop_date_words(chunk).split()) > 1:
            names = []  # one word left of several ("Human in the Loop", "HLNF Staff Report"): a fragment
        if len(names) < len([p for p in parts if p]):
            names = []  # "The Russian and Syrian defense ministries": one bad part spoils the list
        if out and not names:
            break
        if out and len(out[0].split()) >= 2 and names and all(len(n.split()) == 1 for n in names):
            continue  # "Celeste Longacre, Gardener, Astrologer", "Markus Haefliger, London, Beat Bumbacher"
        out.extend(names)
    return out


# What a byline says in brackets is about the author: a role, an affiliation, a handle ("Anna Ūdre (LTV news
# editor)", "Jean-Luc Aufranc (CNXSoft)"); but a web address in them makes the whole an organisation's
# credit ("Deutsche Welle (www.dw.com)"), and a number alone in them is a commenter's user id ("by ozmartian
# (4321)").
PARENTHESIS = re.compile(r"\s*\((?![^()]*(?:www\.|://|\w\.[a-z]{2,}\b))(?=[^()]*[^\W\d_])[^()]*\)")


# A portrait's alt text, which text-mode browsers show beside the byline: "Nina Pineda Image",
# "Picture of Andrew King" (the name keeps two words at least).
POSSESSIVE = re.compile(r"['’]s$", re.I)
AGENCY = re.compile(r"(?<=[a-zà-öø-ÿ])/[A-Z][A-Z-]+$")  # (not a co-author: "Anna Müller/Meier")
PORTRAIT_WORDS = frozenset({"picture", "photo", "image", "portrait", "avatar", "headshot", "foto", "bild"})


def _tidy_name(name: str) -> str:
    """The name without what surrounds it; a name said twice (a photo's alt text, then the name, as
    text-mode browsers show a byline) once.

    >>> _tidy_name("Andrei Zakhareuski Andrei Zakhareuski"), _tidy_name("SHANA NYS DAMBROT")
    ('Andrei Zakhareuski', 'Shana Nys Dambrot')
    >>> _tidy_name("Nina Pineda Image"), _tidy_name("Picture of Andrew King"), _tidy_name("Ann Photo")
    ('Nina Pineda', 'Andrew King', 'Ann Photo')
    >>> _tidy_name("Derek Seaman's"), _tidy_name("Peter Maahn/SP-X"), _tidy_name("Agnès")
    ('Derek Seaman', 'Peter Maahn', 'Agnès')
    """
    name = name.strip(" .,;:-–—|•·/'’")
    name = POSSESSIVE.sub("", name) if " " in name else name  # "Derek Seaman's" (blog)
    name = AGENCY.sub("", name)  # "Peter Maahn/SP-X": his text, through an agency
    name = name.title() if name.isupper() and len(name) > 4 else name  # "SHANA NYS DAMBROT"
    words = name.split()
    if len(words) >= 4 and words[0].casefold() in PORTRAIT_WORDS and words[1].casefold() == "of":
        words = words[2:]
    if len(words) >= 3 and words[-1].casefold() in PORTRAIT_WORDS:
        words = words[:-1]
    name = " ".join(words)
    half = len(words) // 2
    if half >= 2 and len(words) == 2 * half and words[:half] == words[half:]:
        name = " ".join(words[:half])
    return _drop_date_words(CREDENTIALS.sub("", name))


def _drop_date_words(name: str) -> str:
    """ "Luke Kim December" -> "Luke Kim"; "Hanna Schmidt am Samstag" -> "Hanna Schmidt"; but a month's
    name that is a surname ("Tom May", "Alyssa Maio", "Ann March") stays: a name keeps two words.

    >>> _drop_date_words("Luke Kim December"), _drop_date_words("Hanna Schmidt am Samstag")
    ('Luke Kim', 'Hanna Schmidt')
    >>> _drop_date_words("Tom May"), _drop_date_words("Jane on May"), _drop_date_words("David at")
    ('Tom May', 'Jane', 'David')
    >>> _drop_date_words("ServiceTitan November"), _drop_date_words("April March")
    ('ServiceTitan', 'April March')
    >>> _drop_date_words("Jule Radeck Vom"), _drop_date_words("Sara Harberson In"), _drop_date_words("Yoon-ah Im")
    ('Jule Radeck', 'Sara Harberson', 'Yoon-ah Im')
    """
    words = name.split()
    while words:
        last = words[-1].lower()
        date_word = last.rstrip(".,") in MONTH_BY_NAME or last.rstrip(".,") in WEEKDAYS
        if last in ("on", "at", "am", "um", "vom", "le", "à", "el", "il", "on:", "said") or (
                last in NO_SURNAME_MONTHS and len(words) > 1) or (
                (date_word or last in ("in", "im")) and len(words) > MIN_WORDS_BEFORE_DATE_WORD):
            words.pop()
        else:
            break
    return " ".join(words)


# English months nobody is named after: after a single word too, they begin a date ("ServiceTitan
# November", trafilatura's guess of a byline "ServiceTitan November 12, 2025" cut at the number).
NO_SURNAME_MONTHS = frozenset({"january", "february", "september", "october", "november", "december"})
# A month or a weekday after a single word, with no number after it, is a surname ("Tom May"); one
# followed by a number begins a date (DATE_AFTER_NAME: "Supermove February 3, 2025").
MIN_WORDS_BEFORE_DATE_WORD = 2


def is_person_name(name: str) -> bool:
    """Could ``name`` be a person's name (or a pen name)? Not a placeholder, an organisation, a URL,
    a sentence or a date."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or name.lower() in PLACEHOLDER:
        return False
    if NOT_A_NAME.search(name) or ORGANISATION_WORD.search(name) or any(
            w.lower() in ACCOUNT_WORDS or w.lower() in BUTTON_WORDS for w in words):
        return False
    if len(words) == 1:
        return not (name.lower() in MONTH_BY_NAME or name.lower() in WEEKDAYS) and len(name) > 1
    # every word of a several-word name is capitalised, but for particles ("van der", "de"), in the
    # scripts that have capitals (Devanagari, Arabic and Han have none: "राहुल देशमुख")
    return all(not w[0].islower() or w.lower() in NAME_PARTICLES for w in words)


def begins_with_given_name(name: str) -> bool:
    """Does ``name`` read as a person's name of two words or more, the first a given name in the lexicon
    (``data/given_names.txt``: Faker's first names of its 80-odd locales, built by
    ``training/given_names.py``)? Evidence that a site named so is a person's own ("Sam Bossley"), which
    a brand ("Eat What Tonight", "Computer Overhauls") is not, and that a dump's line without "By" names
    someone; a name missing from the lexicon proves nothing.

    >>> begins_with_given_name("Sam Bossley"), begins_with_given_name("Eat What Tonight"), begins_with_given_name("Sam")
    (True, False, False)
    """
    words = name.split()
    return 2 <= len(words) <= MAX_NAME_WORDS and is_person_name(name) and not name.isupper() \
        and words[0].casefold() in given_names()


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The lexicon of given names, case-folded."""
    text = (resources.files("newsclean") / "data" / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.casefold() for line in text.split("\n") if line)
