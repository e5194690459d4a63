"""Reading a scraped text page: the article's title, paragraphs and source, without the
page furniture a scraper leaves around them. Pure: text in, parts out.

The seed page shows the usual shape: a scrape-date header line, a `logo` line, the title
printed twice, blank-line separated paragraphs, then the site's name and a `Top` link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS_EN = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS_EN = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAYS_AR = "الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد"
_BULLET = r"[\s•·▪●◦\-–—*|]*"

# A line that is only a date, as scrapers print the day they fetched a page. It is never
# taken as the publication date: nothing ties it to the article.
_DATE_LINE = re.compile(
    rf"^{_BULLET}(?:(?:{_WEEKDAYS_EN}|{_WEEKDAYS_AR})[,،]?\s*)?"
    rf"(?:\d{{1,2}}\s+(?:{_MONTHS_EN})\.?,?\s+\d{{4}}|(?:{_MONTHS_EN})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})"
    rf"(?:[,،]?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:am|pm|ص|م)?)?{_BULLET}$",
    re.IGNORECASE,
)

# Whole lines that are navigation, not text (compared lower-cased, stripped).
FURNITURE = frozenset(
    {
        "logo", "menu", "home", "search", "top", "back to top", "skip to content", "share",
        "print", "close", "الرئيسية", "القائمة", "بحث", "أعلى", "اعلى", "إلى الأعلى",
        "العودة للأعلى", "مشاركة", "طباعة", "إغلاق", "شعار", "الشعار",
    }
)

_SENTENCE_END = re.compile(r"[.!?؟؛:…\"»”]$")


@dataclass(frozen=True)
class PageParts:
    title: str
    paragraphs: tuple[str, ...]
    source_name: str | None
    scraped: str | None  # the header date line, kept as metadata only


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _is_furniture(line: str) -> bool:
    return _key(line).strip("•·|-–— ") in FURNITURE


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of stripped, non-empty lines."""
    blocks: list[list[str]] = [[]]
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(line)
    return [b for b in blocks if b]


def _looks_like_title(line: str) -> bool:
    return len(line.split()) <= 30 and not _SENTENCE_END.search(line)


def _looks_like_source(line: str) -> bool:
    """A site or agency name: a few words, no digits, no sentence punctuation."""
    return (
        len(line.split()) <= 4
        and not _SENTENCE_END.search(line)
        and not re.search(r"[0-9٠-٩]", line)
        and not _DATE_LINE.match(line)
    )


def parse_text_page(text: str) -> PageParts:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines_in_blocks = _blocks(text)
    # Flatten to lines while remembering block starts: furniture is judged line by line.
    scraped: str | None = None
    kept: list[list[str]] = []
    for block in lines_in_blocks:
        lines = []
        for line in block:
            if _is_furniture(line):
                continue
            if _DATE_LINE.match(line) and not kept and not lines:
                scraped = scraped or line.strip("•·|-–— ")
                continue
            lines.append(line)
        if lines:
            kept.append(lines)

    title = ""
    if kept and len(kept[0]) >= 1 and _looks_like_title(kept[0][0]):
        title = kept[0][0]
        kept[0] = kept[0][1:]
        kept = [b for b in kept if b]
    # The title printed again (before the body or after it) is furniture.
    if title:
        kept = [[line for line in b if _key(line) != _key(title)] for b in kept]
        kept = [b for b in kept if b]

    source_name: str | None = None
    if len(kept) >= 2 and len(kept[-1]) == 1 and _looks_like_source(kept[-1][0]):
        source_name = kept.pop()[0]

    paragraphs: list[str] = []
    seen: set[str] = set()
    for block in kept:
        paragraph = "\n".join(block)
        if _key(paragraph) in seen:
            continue  # scrapers often repeat a paragraph (a pull quote, a teaser)
        seen.add(_key(paragraph))
        paragraphs.append(paragraph)
    if not title and paragraphs:
        # No title line: the first paragraph stands in, and is still translated as body.
        title = paragraphs[0].split("\n")[0][:120]
    return PageParts(title=title, paragraphs=tuple(paragraphs), source_name=source_name, scraped=scraped)
