"""Small text helpers shared by the stages: word counts and lengths that work for every script."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Scripts written without spaces between words: Han, Hiragana, Katakana, Thai, Lao, Myanmar, Khmer.
# (Hangul is written with spaces and counts like Latin.)
UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)


# Where combining marks are: planes 0 and 1 and the variation selectors of plane 14 (planes 2 and 3 hold
# Han ideographs only, 15 and 16 are for private use). tests/test_textutil.py checks that a scan of all of
# Unicode finds no other mark.
MARK_PLANES = (range(0x300, 0x20000), range(0xE0000, 0xE1000))


def mark_class(planes: tuple[range, ...] = MARK_PLANES) -> str:
    """A character class of every combining mark (Unicode categories Mn, Mc, Me) in ``planes``, as ranges."""
    marks = [c for plane in planes for c in plane if unicodedata.category(chr(c)).startswith("M")]
    ranges, start = [], marks[0]
    for before, code in zip(marks, marks[1:] + [-1], strict=True):
        if code != before + 1:
            ranges.append(f"\\U{start:08x}" + (f"-\\U{before:08x}" if before != start else ""))
            start = code
    return "[" + "".join(ranges) + "]"


# A word: letters and digits, and the combining marks written on them. Indic vowel signs are marks
# (Devanagari "भारत" is भ, ा, र, त): without them a Hindi word fell into pieces, which inflated word
# counts and matched no stoplist. The class of marks is slow to build (~0.05 s) and to test, so it is
# built on the first text that holds a mark, and a text is split by the plain pattern unless one of its
# non-ASCII characters that are no word characters (marks are among them, rare otherwise: "„", "–") is a
# mark.
PLAIN_WORD = re.compile(r"[^\W_]+")
_NON_WORD_NON_ASCII = re.compile(r"[^\w\x00-\x7f]")


@lru_cache(maxsize=1)
def marked_word() -> re.Pattern[str]:
    """The pattern that splits a text holding combining marks into words."""
    return re.compile(rf"[^\W_]+(?:{mark_class()}+[^\W_]*)*")


def word_pattern(text: str) -> re.Pattern[str]:
    """The pattern that splits ``text`` into words: ``marked_word()`` if it holds a combining mark."""
    if text.isascii() or not any(unicodedata.category(c)[0] == "M" for c in set(_NON_WORD_NON_ASCII.findall(text))):
        return PLAIN_WORD
    return marked_word()


# What ends a sentence, in every script: Latin's and CJK's stops, and the danda of Hindi, Bengali and
# other Indic scripts (।, ॥), the Urdu full stop (۔), the Arabic question mark (؟), the Burmese (။),
# Ethiopic (።) and Armenian (։) full stops.
SENTENCE_STOPS = ".!?…。！？।॥۔؟။።։"

# In unspaced scripts, this many characters carry about as much as one word of English
# (the usual 1.5-2 chars per word estimate for Chinese and Japanese news text).
CHARS_PER_UNSPACED_WORD = 2


def count_words(text: str) -> int:
    """Words in ``text``, counting runs of unspaced script as one word per two characters.

    >>> count_words("Blinken met Lavrov in Stockholm.")
    5
    >>> count_words("東京で会談した"), count_words("मुंबई में भारी बारिश")
    (3, 4)
    """
    word = word_pattern(text)
    if not UNSPACED.search(text):  # the common case, without the substitution
        return len(word.findall(text))
    unspaced = len(UNSPACED.findall(text))
    spaced = len(word.findall(UNSPACED.sub(" ", text)))
    return spaced + unspaced // CHARS_PER_UNSPACED_WORD


# Lower-casing maps every character to one character of the same class for WORD, but these two: "İ"
# becomes two characters, and "Σ" becomes "σ" or "ς" as its neighbours say. A text without them is
# split the same way lower-cased whole as word by word (tests/test_textutil.py checks all of Unicode).
LOWER_CHANGES_WORDS = ("\u0130", "\u03a3")


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (unspaced scripts split per character)."""
    if text.isascii():  # lower-casing ASCII changes no character class: one pass
        return PLAIN_WORD.findall(text.lower())
    if UNSPACED.search(text):
        text = UNSPACED.sub(r" \g<0> ", text)
    word = word_pattern(text)
    if any(c in text for c in LOWER_CHANGES_WORDS):
        return [w.lower() for w in word.findall(text)]
    return word.findall(text.lower())


def has_any(text: str, parts: str | tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of the characters (or strings) of ``parts``: the cheap test before
    a pattern that needs one of them."""
    return any(part in text for part in parts)


def count_bytes(raw: bytes, chars: bytes) -> int:
    """How many bytes of ``raw`` are among ``chars`` (counted in C: what an ASCII text's characters
    of a class come to, without a Python loop)."""
    return len(raw) - len(raw.translate(None, chars))


def visible_length(text: str) -> int:
    """Length in 'Latin characters': a character of an unspaced script counts as 3.

    A 40-character Chinese sentence says about what a 120-character English one does, so
    length thresholds written for Latin text apply to both.
    """
    return len(text) + 2 * len(UNSPACED.findall(text))


def collapse_spaces(text: str) -> str:
    """One space for every run of horizontal whitespace, and no space at either end."""
    return " ".join(text.split())


def is_punctuation(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")
