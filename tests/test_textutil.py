"""textutil.words lower-cases a whole text before splitting it: the same words as lower-casing each."""

import sys
import unicodedata

from newsclean.textutil import (
    LOWER_CHANGES_WORDS,
    PLAIN_WORD,
    UNSPACED,
    count_words,
    mark_class,
    marked_word,
    word_pattern,
    words,
)


def test_lower_casing_keeps_every_other_character_in_its_class():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or char in LOWER_CHANGES_WORDS:
            continue
        low = char.lower()
        assert len(low) == 1 and bool(PLAIN_WORD.fullmatch(char)) == bool(PLAIN_WORD.fullmatch(low)), hex(code)
        assert bool(marked_word().fullmatch("a" + char)) == bool(marked_word().fullmatch("a" + low)), hex(code)


def test_words_as_lower_casing_each_word():
    for text in ("Ünïcode WÖRTER, und Straße", "ΟΔΟΣ.ΑΘΗΝΑ ΣΑΣ", "İstanbul'da BÜYÜK", "東京で会談 Tokyo ÉTÉ",
                 "मुंबई में भारी बारिश Mumbai"):
        spaced = UNSPACED.sub(lambda m: f" {m.group(0)} ", text)
        assert words(text) == [w.lower() for w in word_pattern(spaced).findall(spaced)]


def test_indic_words_keep_their_vowel_signs():
    # the vowel signs and the virama of Devanagari, Bengali and Tamil are combining marks, not breaks
    assert words("भारत समाचार टाइम्स") == ["भारत", "समाचार", "टाइम्स"]
    assert count_words("বাংলাদেশের রাজধানী ঢাকা") == 3 and count_words("தமிழ் நாடு") == 2


def test_every_combining_mark_is_where_the_class_looks_and_is_seen_in_a_text():
    assert mark_class() == mark_class((range(0x300, sys.maxunicode + 1),))
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)).startswith("M"):
            assert word_pattern("a" + chr(code)) is marked_word(), hex(code)
