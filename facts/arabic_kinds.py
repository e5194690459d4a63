"""Figures in Arabic that are not quantities, each read as its own kind: clock times, scores,
decades, compound measures, ordinals and labels; and identifiers (telephone and hotline
numbers), which are claimed so that nothing counts them, and reported as nothing. Pure; each
reader takes the text, its prepared form (facts.arabic_script.prepare) and the spans already
claimed, and claims what it reads."""

from __future__ import annotations

import re

from facts.arabic_script import AFTER, BEFORE, LETTERS, alternation, compile_folded, fold, folded
from facts.arabic_words import HOUR_WORD, HOURS, ORDINAL, SHORT_CHAIN, TENS_ORDINAL, chain_value, ordinal_value
from facts.spans import Claimed
from facts.types import DecadeFact, MeasureFact, OrdinalFact, ScoreFact, TimeFact

_NUMBER = rf"\d{{1,6}}(?:[.,]\d{{1,6}})?|{SHORT_CHAIN}"


def _value(raw: str) -> float:
    raw = raw.strip()
    if raw[:1].isdigit():
        return float(raw.replace(",", "."))
    return chain_value(raw)


# -- identifiers ---------------------------------------------------------------------------------

_IDENTIFIER = compile_folded(
    rf"{BEFORE}(?:[وف]?(?:ال)?(?:هاتف|جوال|موبايل|فاكس|واتساب|خط\s+ساخن|الخط\s+الساخن|ساخن)"
    rf"|[وف]?(?:ال)?رقم\s+(?:ال)?(?:هاتف|جوال|موبايل|فاكس|واتساب|طوارئ|الطوارئ)"
    rf"|[وف]?(?:اتصل|اتصلوا|اتصال|الاتصال|للاتصال|يتصل|تتصل)(?:\s+(?:على|ب|بالرقم|برقم|عبر))?)"
    rf"\s*:?\s*(?:على\s+)?(?:ال)?(?:رقم\s*)?(?P<id>\+?\d+(?:[\s-]\d+)*)(?!\d|[.,]\d)"
)


_IDENTIFIER_WORDS = compile_folded("هاتف|جوال|موبايل|فاكس|واتساب|ساخن|اتصل|اتصال")


def claim_identifiers(mapped: str, claimed: Claimed) -> None:
    """A number after a telephone or hotline word names a line; it counts nothing."""
    if not _IDENTIFIER_WORDS.search(mapped):
        return
    for m in _IDENTIFIER.finditer(mapped):
        claimed.claim(m.start("id"), m.end("id"))


# -- clock times ---------------------------------------------------------------------------------

_PART = compile_folded(
    rf"\s*(?:(?P<am>(?:من\s+)?(?:صباح|فجر)ا?|قبل\s+الظهر|بعد\s+منتصف\s+الليل)|(?P<noon>(?:من\s+)?ظهرا?|بعد\s+(?:ال)?ظهر(?:ية)?)"
    rf"|(?P<pm>(?:من\s+)?(?:مساء|عصر)ا?)|(?P<night>(?:من\s+)?ليلا?|ليلة)"
    rf"|(?P<zone>(?:ب|بال|ال)?توقيت(?:\s+[{LETTERS}]+)?|ت\s?\.?\s?غ|غرينتش|جرينتش)){AFTER}"
)
_MINUTES = compile_folded(
    rf"\s+(?:و\s*(?:ال)?(?P<frac>نصف|ربع|ثلث){AFTER}|إلا\s+(?P<less>ربعا|ربع|ثلثا|ثلث){AFTER}"
    rf"|و\s*(?P<min>\d{{1,2}}|{SHORT_CHAIN})\s+(?:دقيقة|دقائق){AFTER})"
)
_FRACTION_MINUTES = folded({"نصف": 30, "ربع": 15, "ثلث": 20, "ربعا": 15, "ثلثا": 20})
_PART_WORD = r"(?:من\s+)?(?:صباح|مساء|فجر|عصر|ظهر|ليل|بعد\s+الظهر|قبل\s+الظهر|بتوقيت)"
_PART_ADVERB = r"(?:صباحا|مساء|ليلا|فجرا|ظهرا|عصرا)"
_CLOCK = compile_folded(
    rf"{BEFORE}[وفبل]?(?P<at>ال)ساعة\s+(?:ال)?(?:(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}}))?(?!\d|[.,:]\d)"
    rf"|(?P<hhmm>\d{{4}})(?!\d|[.,]\d)|(?P<hw>{HOUR_WORD}))"
    rf"|(?<![\d.,:/])(?P<h2>\d{{1,2}}):(?P<m2>\d{{2}})(?![\d:]|[.,]\d)"
    rf"|(?<![\d.,:/])(?P<h3>\d{{1,2}})(?:[.](?P<m3>\d{{2}}))?(?=\s*{_PART_WORD}{AFTER}|\s*{_PART_ADVERB}{AFTER})"
    rf"|(?<![\d.,:/])(?P<hhmm2>\d{{4}})(?=\s*(?:بتوقيت|بالتوقيت|ت\s?\.?\s?غ|غرينتش|جرينتش))"
    rf"|{BEFORE}(?:في|عند|حتى|منذ|قرابة|حوالي|نحو|بعد|قبل)\s+(?P<hw2>{HOUR_WORD})"
    rf"(?=(?:{_MINUTES.pattern}|{_PART.pattern}))"
    rf"|{BEFORE}(?P<hw3>{HOUR_WORD})(?=\s+(?:{_PART_ADVERB}|من\s+(?:صباح|مساء|فجر|ليل|ظهر|عصر)){AFTER})"
    rf"|{BEFORE}[وفبل]?(?P<midnight>منتصف\s+الليل|منتصف\s+النهار){AFTER}"
)


def _minutes(hour: int, minute: int, part: str | None, padded: bool) -> tuple[int, bool]:
    """(minutes after midnight, whether the half of the day is unknown)."""
    if part == "am":
        return (hour % 12) * 60 + minute, hour == 12
    if part == "pm":
        return (hour % 12 + 12) * 60 + minute, hour == 12
    if part == "noon":  # ظهرا: 11 and 12 as they are, 1 to 5 in the afternoon
        return ((hour if hour >= 11 else hour + 12) % 24) * 60 + minute, False
    if part == "night":  # ليلا: 6 to 11 in the evening, 12 to 5 in the small hours
        return ((hour + 12 if 6 <= hour <= 11 else hour % 12)) * 60 + minute, False
    return hour * 60 + minute, not (padded or hour == 0 or hour > 12)


# Each reader first looks for a word or sign its figures cannot be written without, a search
# the regex engine runs far faster than the full pattern, and skips a text that has none.
_TIME_WORDS = compile_folded("ساعة|صباح|مساء|فجر|عصر|ظهر|ليل|توقيت|منتصف|غرينتش|جرينتش|:")


def read_times(text: str, mapped: str, claimed: Claimed) -> list[TimeFact]:
    found = []
    if not _TIME_WORDS.search(mapped):
        return found
    for m in _CLOCK.finditer(mapped):
        end, padded = m.end(), False
        if m.group("midnight"):
            minutes = 0 if fold("الليل") in m.group("midnight") else 12 * 60
            if claimed.take(m.start("midnight"), end):
                found.append(TimeFact(text[m.start("midnight"):end], minutes, m.start("midnight"), end))
            continue
        if m.group("hhmm") or m.group("hhmm2"):
            raw = m.group("hhmm") or m.group("hhmm2")
            hour, minute, padded = int(raw[:2]), int(raw[2:]), True
            if hour > 24 or minute > 59:
                continue
        elif m.group("hw") or m.group("hw2") or m.group("hw3"):
            hour, minute = HOURS[" ".join((m.group("hw") or m.group("hw2") or m.group("hw3")).split())], 0
        else:
            digits = m.group("h") or m.group("h2") or m.group("h3")
            hour, minute = int(digits), int(m.group("m") or m.group("m2") or m.group("m3") or 0)
            padded = len(digits) == 2 and digits.startswith("0")
            if hour > 24 or minute > 59:
                continue
        more = _MINUTES.match(mapped, end)
        if more:
            if more.group("frac"):
                minute += _FRACTION_MINUTES[more.group("frac")]
            elif more.group("less"):
                # The hour before: الواحدة إلا ربعا is 12:45; on the 24-hour clock 14 إلا ربعا is 13:45.
                hour, minute = 12 if hour == 1 else (hour - 1) % 24, 60 - _FRACTION_MINUTES[more.group("less")]
            else:
                minute += int(_value(more.group("min")))
            end = more.end()
        part = None
        after = _PART.match(mapped, end)
        if after:
            part = next((p for p in ("am", "noon", "pm", "night") if after.group(p)), None)
            end = after.end()
        minutes, twelve = _minutes(hour, minute % 60, part, padded)
        start = next((m.start(g) for g in ("at", "hw2", "hw3") if m.group(g)), m.start())
        if claimed.take(start, end):
            found.append(TimeFact(text[start:end].strip(), minutes % (24 * 60), start, end, twelve))
    return found


# -- scores ----------------------------------------------------------------------------------

_GOALS = folded({"هدف": 1, "هدفا": 1, "هدفين": 2, "هدفان": 2})
_SIDE = rf"(?:\d{{1,3}}|{SHORT_CHAIN}|{alternation(_GOALS)}{AFTER}|صفر{AFTER}|لا\s+شيء)"
_SCORE_CONTEXT = compile_folded(
    r"(?:فاز|فوز|فوزه|فوزا|تغلب|هزم|هزيمة|خسر|خسارة|تعادل|التعادل|مباراة|المباراة|الشوط|أهداف|هدف|النتيجة|بنتيجة"
    r"|الدوري|كأس|منتخب|نادي|فريق|لقاء|اللقاء|مواجهة|المواجهة|نهائي|النهائي|الجولة|بطولة|البطولة|مجموع)"
)
_SCORE = compile_folded(
    rf"{BEFORE}(?:ب|ال)?نتيجة\s*\(?\s*(?P<a>\d{{1,3}})\s*[-–:/]\s*(?P<b>\d{{1,3}})(?!\d|[.,:/]\d)"
    rf"|(?<![\d.,:/&-])(?P<a2>\d{{1,3}})\s*[-–]\s*(?P<b2>\d{{1,3}})(?!\d|[.,:/]\d|[%٪]|\s*[-–]\s*\d)"
    rf"|(?<![\d.,&])(?P<a3>\d{{1,3}})\s*&\s*(?P<b3>\d{{1,3}})(?!\d|[.,]\d)"
    rf"|{BEFORE}[وبل]?(?P<a4>{_SIDE})(?:\s+(?:أهداف|اهداف|هدفا|هدف){AFTER})?\s+مقابل\s+(?P<b4>{_SIDE})(?!\d|[.,]\d)"
    rf"|{BEFORE}[وبل]?(?P<a5>{_SIDE})(?:\s+(?:أهداف|هدفا|هدف){AFTER})?"
    rf"\s+(?:نظيف|نظيفة|نظيفين|نظيفا|دون\s+رد|بلا\s+رد|مقابل\s+لا\s+شيء){AFTER}"
    rf"|{BEFORE}[وبل]?(?P<nil>(?:ال)?تعادل(?:ا|ت)?\s+(?:ال)?سلبي(?:ا)?){AFTER}"
)


def _side(raw: str) -> int | None:
    raw = " ".join(raw.split())
    if raw[:1].isdigit():
        return int(raw)
    if raw in _GOALS:
        return _GOALS[raw]
    if raw in (fold("صفر"), fold("لا شيء")):
        return 0
    value = chain_value(raw)
    return int(value) if value.is_integer() else None


_DIGIT_PAIR = re.compile(r"\d\s*[-–:/&]\s*\d")
_SCORE_WORDS = compile_folded("مقابل|نظيف|دون رد|بلا رد|سلبي")


def read_scores(text: str, mapped: str, claimed: Claimed) -> list[ScoreFact]:
    found = []
    if not (_DIGIT_PAIR.search(mapped) or _SCORE_WORDS.search(mapped)):
        return found
    for m in _SCORE.finditer(mapped):
        if m.group("nil"):
            score = (0, 0)
        elif m.group("a"):
            score = (int(m.group("a")), int(m.group("b")))
        elif m.group("a2"):
            # A pair of numbers with a dash is a score only where the sentence is about a match;
            # elsewhere it is a range (10-15 شخصا).
            window = mapped[max(0, m.start() - 60):m.end() + 30]
            if not _SCORE_CONTEXT.search(window):
                continue
            score = (int(m.group("a2")), int(m.group("b2")))
        elif m.group("a3"):
            score = (int(m.group("a3")), int(m.group("b3")))
        elif m.group("a4"):
            a, b = _side(m.group("a4")), _side(m.group("b4"))
            if a is None or b is None:
                continue
            score = (a, b)
        else:
            a = _side(m.group("a5"))
            if a is None:
                continue
            score = (a, 0)
        start = m.start("a4") if m.group("a4") else m.start("a5") if m.group("a5") else m.start()
        if claimed.take(start, m.end()):
            found.append(ScoreFact(text[start:m.end()].strip(), score, start, m.end()))
    return found


# -- decades ---------------------------------------------------------------------------------

_DECADE_WORDS: dict[str, int] = {}
for _stem, _n in {"عشرين": 20, "ثلاثين": 30, "أربعين": 40, "خمسين": 50, "ستين": 60, "سبعين": 70, "ثمانين": 80,
                  "تسعين": 90}.items():
    for _suffix in ("يات", "ات"):
        _DECADE_WORDS[_stem + _suffix] = _n
_DECADE_WORDS = folded(_DECADE_WORDS)
_PARTS = folded({"أوائل": "early", "مطلع": "early", "بداية": "early", "بدايات": "early", "منتصف": "mid",
                 "أواسط": "mid", "أواخر": "late", "نهاية": "late", "نهايات": "late"})
_CENTURIES = folded({"الماضي": 1900, "العشرين": 1900, "20": 1900, "ال20": 1900, "التاسع عشر": 1800, "19": 1800,
                     "ال19": 1800, "الحادي والعشرين": 2000, "الواحد والعشرين": 2000, "21": 2000, "ال21": 2000,
                     "الحالي": 2000})
_DECADE = compile_folded(
    rf"{BEFORE}(?:[وفبل]?(?P<part>{alternation(_PARTS)})\s+)?(?:(?:ال)?عقد\s+)?"
    rf"[وفبلك]?(?P<decade>(?:ال)?{alternation(_DECADE_WORDS)})"
    rf"{AFTER}(?:\s+(?:من\s+)?(?:ال)?قرن\s+(?P<century>{alternation(_CENTURIES)})(?![{LETTERS}\d]))?"
)


_DECADE_ENDINGS = compile_folded("ينيات|ينات")


def read_decades(text: str, mapped: str, claimed: Claimed) -> list[DecadeFact]:
    """ثمانينيات القرن الماضي (the 1980s: news is written in the 21st century), أواخر
    الثمانينيات (the late '80s, the century unsaid), في الثلاثينيات من عمره (in his thirties)."""
    found = []
    if not _DECADE_ENDINGS.search(mapped):
        return found
    for m in _DECADE.finditer(mapped):
        decade = _DECADE_WORDS[m.group("decade").removeprefix(fold("ال"))]
        if m.group("century"):
            decade += _CENTURIES[" ".join(m.group("century").split())]
        start = m.start("part") if m.group("part") else m.start("decade")
        if claimed.take(start, m.end()):
            found.append(DecadeFact(text[start:m.end()].strip(), decade, start, m.end(),
                                    _PARTS[m.group("part")] if m.group("part") else None))
    return found


# -- compound measures -----------------------------------------------------------------------

# (larger unit, smaller unit, SI unit, SI per larger unit, SI per smaller unit)
_MEASURES = [
    ("قدم|أقدام|اقدام", "بوصة|بوصات|إنش|انش|إنشات|إنشا", "m", 0.3048, 0.0254, "ft+in"),
    ("ساعة|ساعات", "دقيقة|دقائق", "s", 3600, 60, "h+min"),
    ("دقيقة|دقائق", "ثانية|ثوان|ثواني|ثوانٍ", "s", 60, 1, "min+s"),
    ("متر|مترا|أمتار", "سنتيمتر|سنتيمترا|سنتيمترات|سم|سنتيمترًا", "m", 1, 0.01, "m+cm"),
    ("كيلوغرام|كيلوغراما|كيلوغرامات|كغ|كلغ|كيلوجرام|كيلو", "غرام|غراما|غرامات|جرام|غ", "kg", 1, 0.001, "kg+g"),
]
_DUAL_UNITS = folded({"ساعتين": ("s", 7200, "h+min"), "ساعتان": ("s", 7200, "h+min"), "دقيقتين": ("s", 120, "min+s"),
                      "دقيقتان": ("s", 120, "min+s"), "قدمين": ("m", 0.6096, "ft+in"), "مترين": ("m", 2, "m+cm"),
                      "كيلوغرامين": ("kg", 2, "kg+g")})
_MEASURE = re.compile("|".join(
    rf"{BEFORE}(?:(?P<a{i}>{_NUMBER})\s*(?:{fold(big)}){AFTER}|(?P<lone{i}>{fold(big.split('|')[0])}){AFTER})"
    rf"\s*و\s*(?P<b{i}>{_NUMBER})\s*(?:{fold(small)})(?![{LETTERS}])"
    for i, (big, small, *_) in enumerate(_MEASURES)
) + rf"|{BEFORE}(?P<dual>{alternation(_DUAL_UNITS)})\s*و\s*(?P<bd>{_NUMBER})"
    rf"\s*(?P<small>{fold('دقيقة|دقائق|سم|سنتيمترا?|بوصات|بوصة|غرام|غراما')}){AFTER}")
_SMALL_OF_DUAL = folded({"دقيقة": 60, "دقائق": 60, "سم": 0.01, "سنتيمتر": 0.01, "سنتيمترا": 0.01, "بوصات": 0.0254,
                         "بوصة": 0.0254, "غرام": 0.001, "غراما": 0.001})


_SMALL_UNIT_WORDS = compile_folded("بوص|إنش|انش|دقيق|دقائق|ثاني|ثوان|سنتيمتر|سم|غرام|جرام")


def read_measures(text: str, mapped: str, claimed: Claimed) -> list[MeasureFact]:
    """A figure in two units joined by و: 5 أقدام و9 بوصات, ساعتين و30 دقيقة."""
    found = []
    if not _SMALL_UNIT_WORDS.search(mapped):
        return found
    for m in _MEASURE.finditer(mapped):
        if m.group("dual"):
            unit, big, units = _DUAL_UNITS[m.group("dual")]
            value = big + _value(m.group("bd")) * _SMALL_OF_DUAL[m.group("small")]
        else:
            i = next(i for i in range(len(_MEASURES)) if m.group(f"b{i}"))
            _, _, unit, big, small, units = _MEASURES[i]
            count = 1.0 if m.group(f"lone{i}") else _value(m.group(f"a{i}"))
            value = count * big + _value(m.group(f"b{i}")) * small
        if claimed.take(m.start(), m.end()):
            found.append(MeasureFact(text[m.start():m.end()].strip(), value, unit, m.start(), m.end(), units))
    return found


# -- ordinals and labels ---------------------------------------------------------------------

# Nouns after which a number names a thing or a place in a sequence: المادة 140, الجولة 14,
# المنطقة 9, القرار رقم 2334. A number after them is never a count, and never a year.
LABEL_NOUNS = ("مادة|فقرة|بند|فصل|باب|صفحة|قرار|قانون|مرسوم|جولة|دقيقة|شوط|حلقة|طابق|مرحلة|أسبوع|منطقة|حي|قطاع"
               "|بوابة|مبنى|كيلو|طريق|خط|رحلة|قرن|مركز|مرتبة|غرفة|محطة|رقم")
_LABEL = compile_folded(
    rf"{BEFORE}[وفبل]?(?:ال)?(?:{LABEL_NOUNS})(?:\s+رقم)?\s*:?\s*(?P<n>\d{{1,6}})(?!\d|[.,:/]\d|\s*(?:[-–]\s*\d|%|٪))"
)
_ARTICLE_DIGITS = compile_folded(rf"{BEFORE}[وفبل]?ال\s?(?P<n>\d{{1,4}})(?!\d|[.,:/]\d|[%٪])")
_WORD_ORDINAL = compile_folded(rf"{BEFORE}[وفبلك]?(?P<w>{ORDINAL})")
_TENS_ORDINAL = compile_folded(rf"{BEFORE}(?P<w>{TENS_ORDINAL})")
_DEFINITE_BEFORE = compile_folded(rf"(?:^|\s)[وفبل]?ال[{LETTERS}]+\s+$")


def read_ordinals(text: str, mapped: str, claimed: Claimed, counted_after) -> list[OrdinalFact]:
    """Ordinal words (الحادي عشر, الثالثة والعشرون, ثالث أكبر), الـ14, and labels
    (المادة 140). `counted_after(end)` says whether a scale or unit follows (ال3 ملايين is a
    count)."""
    found = []
    for m in _LABEL.finditer(mapped):
        start = m.start()
        if claimed.take(start, m.end()):
            found.append(OrdinalFact(text[start:m.end()].strip(), int(m.group("n")), start, m.end(), label=True))
    for m in _ARTICLE_DIGITS.finditer(mapped):
        if counted_after(m.end()):
            continue
        if claimed.take(m.start(), m.end()):
            found.append(OrdinalFact(text[m.start():m.end()].strip(), int(m.group("n")), m.start(), m.end()))
    for m in _WORD_ORDINAL.finditer(mapped):
        if claimed.take(m.start("w"), m.end("w")):
            found.append(OrdinalFact(text[m.start("w"):m.end("w")], ordinal_value(m.group("w")), m.start("w"),
                                     m.end("w")))
    for m in _TENS_ORDINAL.finditer(mapped):
        if not _DEFINITE_BEFORE.search(mapped[max(0, m.start() - 30):m.start()]):
            continue
        if claimed.take(m.start("w"), m.end("w")):
            found.append(OrdinalFact(text[m.start("w"):m.end("w")], ordinal_value(m.group("w")), m.start("w"),
                                     m.end("w")))
    return sorted(found, key=lambda o: o.start)
