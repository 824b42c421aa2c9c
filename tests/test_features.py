"""compute_features builds LineFeatures positionally: the values must land in the right fields."""

import pytest

from newsclean.strip import features


def test_positional_features_match_keywords():
    lines = ["Home | News | Sport", "The council met on Tuesday evening to vote.", "12 comments", "joe says:",
             "Home | News | Sport", "Posted 2 May 2023 (185)"]
    blank = [True, False, True, False, True, False]
    feats, _ = features.compute_features(lines, blank)
    for i, (got, line) in enumerate(zip(feats, lines, strict=True)):
        own = features._intrinsic(line)[1]
        assert got == features.LineFeatures(index=i, text=line, stop_share=got.stop_share, repeats=got.repeats,
                                            blank_before=blank[i], **own)
    assert [f.repeats for f in feats] == [2, 1, 1, 1, 2, 1]


@pytest.mark.parametrize("line", [
    "प्रधानमंत्री ने मंगलवार को संसद में नए बजट की घोषणा की और कहा कि इससे किसानों को लाभ होगा।",  # Hindi danda
    "وزیر اعظم نے منگل کو پارلیمنٹ میں نئے بجٹ کا اعلان کیا۔",  # Urdu full stop
    "အစိုးရက ဒီနေ့ ဘတ်ဂျက်အသစ်ကို ကြေညာခဲ့ပါတယ်။",  # Burmese full stop
])
def test_sentences_end_with_their_scripts_own_full_stop(line: str) -> None:
    feats, _ = features.compute_features([line], [True])
    assert feats[0].terminal
