"""Line and paragraph clean-up shared by every input format. Pure functions.

What a careful editor strips before translation: navigation and share lines, "read more"
link lists, wire-service footers and trailing clock times, HTML entities left in exported
text, and full stops glued to the next word.
"""

from __future__ import annotations

import html
import re

# Whole lines that are navigation, not text (compared case-folded, bullets stripped).
FURNITURE = frozenset(
    {
        "logo", "menu", "home", "search", "top", "back to top", "skip to content", "share",
        "print", "close", "comments", "advertisement", "الرئيسية", "القائمة", "بحث", "أعلى",
        "اعلى", "إلى الأعلى", "العودة للأعلى", "مشاركة", "طباعة", "إغلاق", "شعار", "الشعار",
        "إعلان", "اعلان", "تعليقات", "التعليقات",
    }
)

# A short line that asks the reader to share, follow or subscribe.
_SOCIAL = re.compile(
    r"^(?:شارك|شاركوا|مشاركة|انشر|تابعونا|تابعنا|اشترك|اشتركوا|للاشتراك|share|follow us|subscribe|tweet|"
    r"فيسبوك|فيس بوك|تويتر|واتساب|تلغرام|تيليغرام|facebook|twitter|whatsapp|telegram|email)\b",
    re.IGNORECASE,
)
# The heading of a list of links to other stories; the list follows it.
_READ_MORE = re.compile(
    r"^(?:اقرأ|إقرأ|اقرا)\s+(?:أيضا|أيضاً|ايضا|ايضاً|المزيد)|^(?:مواضيع|أخبار|اخبار|مقالات)\s+(?:ذات صلة|متعلقة)"
    r"|^(?:read more|read also|related(?: articles| stories)?|see also|more on this)\b",
    re.IGNORECASE,
)
# Wire-service end marks: // يتبع //, /انتهى/, (تتمة), and the desk codes agencies append.
_WIRE = re.compile(r"^[\s/\\(\[-]*(?:يتبع|انتهى|انتهي|تتمة|النهاية|end)[\s/\\)\].-]*$", re.IGNORECASE)
_TRAILING_CLOCK = re.compile(r"[\s/(-]*\d{1,2}[:.]\d{2}\s*(?:ت\s*\.?\s*[غم]\.?|gmt|utc)?[\s)/]*$", re.IGNORECASE)
_WIRE_TAIL = re.compile(r"\s*(?://\s*(?:يتبع|انتهى)\s*//|/\s*انتهى\s*/)\s*$")
_GLUED_STOP = re.compile(r"(?<=[\u0621-\u064a]{2})([.؟!])(?=[\u0621-\u064a]{2})")
_SENTENCE_END = re.compile(r"[.!?؟؛:…\"»”]$")


def key(text: str) -> str:
    """What two lines must share to count as the same line."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def is_furniture(line: str) -> bool:
    stripped = key(line).strip("•·|-–—>» ")
    if stripped in FURNITURE:
        return True
    return len(stripped.split()) <= 6 and bool(_SOCIAL.match(stripped))


def is_wire_mark(line: str) -> bool:
    return bool(_WIRE.match(line.strip()))


def starts_read_more(line: str) -> bool:
    return bool(_READ_MORE.match(line.strip().lstrip("•·|-–—>» ")))


def looks_like_link_title(line: str) -> bool:
    """A line of a "read more" list: a headline, not a sentence."""
    return len(line.split()) <= 20 and not _SENTENCE_END.search(line.strip())


def fix_text(text: str) -> str:
    """Entities decoded, full stops glued to the next Arabic word given their space back
    (two letters on each side, so abbreviations such as ص.ب stay as written)."""
    text = html.unescape(text)
    return _GLUED_STOP.sub(r"\1 ", text)


def strip_wire_tail(paragraph: str) -> str:
    """The wire footer and clock time an agency appends to the last paragraph."""
    previous = None
    while previous != paragraph:
        previous = paragraph
        paragraph = _WIRE_TAIL.sub("", paragraph)
        if re.search(r"[.!?؟…\"»”)]\s*[\s/(-]*\d{1,2}[:.]\d{2}", paragraph):
            paragraph = _TRAILING_CLOCK.sub("", paragraph)
    return paragraph.strip()
