"""Stopword lists (jusText's ~100 languages) and picking one for a document by coverage.

No language model is needed: the list that covers the largest share of a document's words is
the document's language, and the share of stopwords in a line says whether it is prose.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

import justext
import numpy as np

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


@dataclass(frozen=True)
class _Index:
    """Every list, and which lists hold each word, as a sparse word x list membership (CSR rows)."""

    names: tuple[str, ...]
    lists: tuple[frozenset[str], ...]
    sizes: np.ndarray  # words in each list
    vocabulary: dict[str, int]  # word -> row
    indptr: np.ndarray  # row r's lists are members[indptr[r]:indptr[r + 1]]
    members: np.ndarray


@lru_cache(maxsize=1)
def _index() -> _Index:
    names = tuple(sorted(justext.get_stoplists()))
    lists = tuple(frozenset(w.lower() for w in justext.get_stoplist(name)) for name in names)
    holders: dict[str, list[int]] = {}
    for k, words in enumerate(lists):
        for word in words:
            holders.setdefault(word, []).append(k)
    vocabulary = {word: row for row, word in enumerate(holders)}
    indptr = np.zeros(len(holders) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(ks) for ks in holders.values()])
    members = np.fromiter((k for ks in holders.values() for k in ks), dtype=np.int64, count=int(indptr[-1]))
    return _Index(names, lists, np.array([len(w) for w in lists]), vocabulary, indptr, members)


def pick_stoplist(words: list[str]) -> tuple[str | None, frozenset[str], float]:
    """The stoplist covering most of ``words`` (lower-cased): its name, its words and the coverage.

    Returns ``(None, frozenset(), coverage)`` when no list covers at least MIN_COVERAGE.
    """
    return pick_counted(Counter(words))


def pick_counted(counts: Counter[str]) -> tuple[str | None, frozenset[str], float]:
    """``pick_stoplist`` of the words counted in ``counts`` (a page's words are counted in one
    C-level pass; each distinct word is then looked up once)."""
    n_words = sum(counts.values())
    if not n_words:
        return None, frozenset(), 0.0
    index = _index()
    all_rows = np.fromiter(map(index.vocabulary.get, counts, repeat(-1)), dtype=np.int64, count=len(counts))
    known = all_rows >= 0
    if not known.any():
        return None, frozenset(), 0.0
    rows = all_rows[known]
    starts, lengths = index.indptr[rows], index.indptr[rows + 1] - index.indptr[rows]
    # the members of every found word, one after the other, each weighted by the word's count
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    lists_hit = index.members[offsets + np.arange(int(lengths.sum()))]
    weights = np.repeat(np.fromiter(counts.values(), dtype=np.float64, count=len(counts))[known], lengths)
    scores = np.bincount(lists_hit, weights=weights, minlength=len(index.names))
    # ties (and near-ties between big lists) go to the list whose words are most specific: fewer words
    top = np.flatnonzero(scores == scores.max())
    best = int(top[np.argmin(index.sizes[top])])
    coverage = float(scores[best]) / n_words
    if coverage < MIN_COVERAGE:
        return None, frozenset(), coverage
    return index.names[best], index.lists[best], coverage
