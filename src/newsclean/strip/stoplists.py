"""Stopword lists (jusText's ~100 languages) and picking one for a document by coverage.

No language model is needed: the list that covers the largest share of a document's words is
the document's language, and the share of stopwords in a line says whether it is prose.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import justext

# Below this share of a document's words found in its best list, stopword features say nothing
# (scripts without lists, such as Chinese, Japanese and Thai, or lists of names and numbers).
MIN_COVERAGE = 0.12

# jusText's list names -> ISO 639-1 codes, for the `language` field.
ISO_639_1 = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Armenian": "hy", "Azerbaijani": "az", "Basque": "eu",
    "Belarusian": "be", "Bengali": "bn", "Bosnian": "bs", "Breton": "br", "Bulgarian": "bg", "Catalan": "ca",
    "Croatian": "hr", "Czech": "cs", "Danish": "da", "Dutch": "nl", "English": "en", "Simple_English": "en",
    "Esperanto": "eo", "Estonian": "et", "Finnish": "fi", "French": "fr", "Galician": "gl", "Georgian": "ka",
    "German": "de", "Greek": "el", "Gujarati": "gu", "Haitian": "ht", "Hebrew": "he", "Hindi": "hi",
    "Hungarian": "hu", "Icelandic": "is", "Indonesian": "id", "Irish": "ga", "Italian": "it", "Javanese": "jv",
    "Kannada": "kn", "Kazakh": "kk", "Korean": "ko", "Kurdish": "ku", "Kyrgyz": "ky", "Latin": "la",
    "Latvian": "lv", "Lithuanian": "lt", "Luxembourgish": "lb", "Macedonian": "mk", "Malay": "ms",
    "Malayalam": "ml", "Maltese": "mt", "Marathi": "mr", "Nepali": "ne", "Norwegian_Bokmal": "nb",
    "Norwegian_Nynorsk": "nn", "Occitan": "oc", "Persian": "fa", "Polish": "pl", "Portuguese": "pt",
    "Quechua": "qu", "Romanian": "ro", "Russian": "ru", "Serbian": "sr", "Serbo_Croatian": "sh", "Slovak": "sk",
    "Slovenian": "sl", "Spanish": "es", "Sundanese": "su", "Swahili": "sw", "Swedish": "sv", "Tagalog": "tl",
    "Tamil": "ta", "Telugu": "te", "Turkish": "tr", "Turkmen": "tk", "Ukrainian": "uk", "Urdu": "ur",
    "Uzbek": "uz", "Vietnamese": "vi", "Welsh": "cy", "West_Frisian": "fy", "Yoruba": "yo",
}


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    lists = {name: frozenset(w.lower() for w in justext.get_stoplist(name)) for name in justext.get_stoplists()}
    inverted: dict[str, list[str]] = {}
    for name, words in lists.items():
        for word in words:
            inverted.setdefault(word, []).append(name)
    return lists, {w: tuple(names) for w, names in inverted.items()}


def pick_stoplist(words: list[str]) -> tuple[str | None, frozenset[str], float]:
    """The stoplist covering most of ``words`` (lower-cased): its name, its words and the coverage.

    Returns ``(None, frozenset(), coverage)`` when no list covers at least MIN_COVERAGE.
    """
    if not words:
        return None, frozenset(), 0.0
    lists, inverted = _index()
    scores: Counter[str] = Counter()
    for word, n in Counter(words).items():
        for name in inverted.get(word, ()):
            scores[name] += n
    if not scores:
        return None, frozenset(), 0.0
    # ties (and near-ties between big lists) go to the list whose words are most specific: fewer words
    best = max(scores, key=lambda name: (scores[name], -len(lists[name])))
    coverage = scores[best] / len(words)
    if coverage < MIN_COVERAGE:
        return None, frozenset(), coverage
    return best, lists[best], coverage
