import pytest

from translate.segment import normalise, split_long, split_sentences

CASES = [
    # (paragraph, expected sentences)
    ("جملة أولى. جملة ثانية.", ["جملة أولى.", "جملة ثانية."]),
    ("هل جاء؟ نعم جاء! ثم ذهب.", ["هل جاء؟", "نعم جاء!", "ثم ذهب."]),
    ("قال الوزير؛ ثم غادر.", ["قال الوزير؛", "ثم غادر."]),
    ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
    ("بلغ النمو 4.5 في المئة هذا العام.", ["بلغ النمو 4.5 في المئة هذا العام."]),
    ("وقع الاتفاق في 27.09.2022 في أربيل.", ["وقع الاتفاق في 27.09.2022 في أربيل."]),
    ("التقى د. أحمد بالوزير. ثم تحدثا.", ["التقى د. أحمد بالوزير.", "ثم تحدثا."]),
    ("زار الوفد U.S. Army base أمس. وعاد.", ["زار الوفد U.S. Army base أمس.", "وعاد."]),
    ('قال: "سنواصل العمل." ثم غادر.', ['قال: "سنواصل العمل."', "ثم غادر."]),
    ("1. البند الأول يتعلق بالدعم.", ["1. البند الأول يتعلق بالدعم."]),
    ("انتهى الأمر... ثم بدأ غيره.", ["انتهى الأمر...", "ثم بدأ غيره."]),
    ("جملة بلا نهاية", ["جملة بلا نهاية"]),
    ("   ", []),
]


@pytest.mark.parametrize("paragraph,expected", CASES)
def test_split_sentences(paragraph, expected):
    assert split_sentences(paragraph) == expected


def test_split_sentences_keeps_every_character_of_content():
    text = "أكدت الوزارة، يوم الثلاثاء (27 أيلول 2022)، أنها ستواصل. وقال: نعم؟ ثم؛ انتهى"
    assert "".join(split_sentences(text)).replace(" ", "") == text.replace(" ", "")


def _words(text):
    return len(text.split())


@pytest.mark.parametrize(
    "sentence,limit,expected",
    [
        ("قصيرة جدا", 5, ["قصيرة جدا"]),
        ("أ ب ج، د ه و، ز ح ط", 4, ["أ ب ج،", "د ه و،", "ز ح ط"]),
        ("واحد اثنان ثلاثة أربعة خمسة", 2, ["واحد اثنان", "ثلاثة أربعة", "خمسة"]),
    ],
)
def test_split_long_by_clause_then_word(sentence, limit, expected):
    assert split_long(sentence, _words, limit) == expected


def test_split_long_never_drops_text_even_inside_one_word():
    word = "ا" * 50
    pieces = split_long(word, len, 8)
    assert "".join(pieces) == word
    assert all(len(p) <= 8 for p in pieces)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("العـــربية", "العربية"),  # tatweel
        ("كلمة\u200fأخرى\u200b", "كلمةأخرى"),  # direction mark, zero-width space
        ("\ufefbبد", "لابد"),  # presentation form of lam-alef folded
        ("مُحَمَّد", "مُحَمَّد"),  # diacritics kept
        ("٤٫٥  مليون", "٤٫٥ مليون"),  # Arabic-Indic digits and separator kept, spaces collapsed
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected
