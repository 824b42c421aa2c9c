"""textutil.words lower-cases a whole text before splitting it: the same words as lower-casing each."""

import sys

from newsclean.textutil import LOWER_CHANGES_WORDS, UNSPACED, WORD, words


def test_lower_casing_keeps_every_other_character_in_its_class():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or char in LOWER_CHANGES_WORDS:
            continue
        low = char.lower()
        assert len(low) == 1 and bool(WORD.fullmatch(char)) == bool(WORD.fullmatch(low)), hex(code)


def test_words_as_lower_casing_each_word():
    for text in ("Ünïcode WÖRTER, und Straße", "ΟΔΟΣ.ΑΘΗΝΑ ΣΑΣ", "İstanbul'da BÜYÜK", "東京で会談 Tokyo ÉTÉ"):
        spaced = UNSPACED.sub(lambda m: f" {m.group(0)} ", text)
        assert words(text) == [w.lower() for w in WORD.findall(spaced)]
