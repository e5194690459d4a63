"""Reading a scraped text page: the article's title, paragraphs and source, without the
page furniture a scraper leaves around them. Pure: text in, parts out.

The seed page shows the usual shape: a scrape-date header line, a `logo` line, the title
printed twice, blank-line separated paragraphs, then the site's name and a `Top` link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tarjama.ingest.cleaning import (
    fix_text,
    is_furniture,
    is_wire_mark,
    key,
    looks_like_link_title,
    starts_read_more,
    strip_wire_tail,
)

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

_SENTENCE_END = re.compile(r"[.!?؟؛:…\"»”]$")


@dataclass(frozen=True)
class PageParts:
    title: str
    paragraphs: tuple[str, ...]
    source_name: str | None
    scraped: str | None  # the header date line, kept as metadata only


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


def _drop_noise(blocks: list[list[str]]) -> tuple[list[list[str]], str | None]:
    """Furniture, the scrape-date header, wire marks and "read more" lists, line by line.
    Returns the kept blocks and the header date, if any."""
    scraped: str | None = None
    kept: list[list[str]] = []
    in_read_more = False
    for block in blocks:
        lines = []
        for line in block:
            if starts_read_more(line):
                in_read_more = True
                continue
            if in_read_more:
                if looks_like_link_title(line):
                    continue
                in_read_more = False
            if is_furniture(line) or is_wire_mark(line):
                continue
            if _DATE_LINE.match(line) and not kept and not lines:
                scraped = scraped or line.strip("•·|-–— ")
                continue
            lines.append(line)
        if lines:
            kept.append(lines)
    return kept, scraped


def parse_text_page(text: str, *, title: str | None = None, lines_are_paragraphs: bool = False) -> PageParts:
    """Title, paragraphs, source and scrape date of a page of text.

    `title` is given when the input's metadata states it (HTML, JSON); otherwise the first
    short line without sentence punctuation is taken. `lines_are_paragraphs` is for text
    extracted from HTML or exports, where each line is a paragraph; in a scraped text page
    paragraphs are separated by blank lines."""
    text = fix_text(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    if lines_are_paragraphs:
        text = "\n\n".join(text.split("\n"))
    kept, scraped = _drop_noise(_blocks(text))

    title = fix_text(title).strip() if title else ""
    if not title and kept and _looks_like_title(kept[0][0]):
        title = kept[0][0]
        kept[0] = kept[0][1:]
        kept = [b for b in kept if b]
    # The title printed again (before the body or after it) is furniture.
    if title:
        kept = [[line for line in b if key(line) != key(title)] for b in kept]
        kept = [b for b in kept if b]

    source_name: str | None = None
    if len(kept) >= 2 and len(kept[-1]) == 1 and _looks_like_source(kept[-1][0]):
        source_name = kept.pop()[0]

    paragraphs: list[str] = []
    seen: set[str] = set()
    for block in kept:
        paragraph = "\n".join(block)
        if key(paragraph) in seen:
            continue  # scrapers often repeat a paragraph (a pull quote, a teaser)
        seen.add(key(paragraph))
        paragraphs.append(paragraph)
    if paragraphs:
        paragraphs[-1] = strip_wire_tail(paragraphs[-1])
        if not paragraphs[-1]:
            paragraphs.pop()
    if not title and paragraphs:
        # No title line: the first paragraph stands in, and is still translated as body.
        title = paragraphs[0].split("\n")[0][:120]
    return PageParts(title=title, paragraphs=tuple(paragraphs), source_name=source_name, scraped=scraped)
