"""House terminology: Arabic terms and the English a desk wants for them. Pure text
processing; no model.

Matching looks through what varies in written Arabic: diacritics and tatweel, the alef forms
(أ إ آ ٱ ا), hamza seats (ؤ ئ), ta marbuta and ha (ة ه), alef maqsura and ya (ى ي), and the
clitics and article a word takes (و ف, ب ل ك, ال, لل): البيشمركة matches للبيشمركة,
وبالبيشمركة and بيشمركه. A term of several words matches as a phrase.

How a term is enforced: before translation the Arabic span is replaced by the term's English,
inline. MT models trained on news copy Latin-script names and acronyms through (that is how
"NATO" survives Arabic text), so the model writes the English in place with its own grammar
around it. Nothing forces a model to copy it: every sentence is checked afterwards, and one
whose English lacks a term gets a `term_missing` flag. Because the replaced text is what the
model sees, a sentence's cache key already holds the entries that apply to it and no others.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel
# Also the Persian letters Kurdish names are often typed with (گ ک ی).
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه",
                          "گ": "ك", "ک": "ك", "ی": "ي"})
# Letters only: Arabic punctuation (، ؛ ؟) ends a word.
_WORD_CHAR = r"[\w\u0621-\u064a\u066e-\u06d3]"
# Clitics before a word: a conjunction, then a preposition with the article (بال, كال, لل for
# ل + ال), the article alone, or a preposition alone.
_CLITICS = r"(?:[وف])?(?:[بك]?ال|لل|[بكل])?"


class GlossaryError(Exception):
    """A glossary file or row that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    arabic: str
    english: str
    note: str = ""
    source: str = ""  # file:line, for messages


@dataclass(frozen=True)
class Match:
    start: int  # in the text as given, clitics included
    end: int
    entry: Entry
    prefix: str = ""  # the clitics that carry meaning (و, ب, ل): kept before the English


def fold(text: str) -> tuple[str, list[int]]:
    """The text as matching sees it, and for each of its characters the index in `text`."""
    kept = [(i, ch) for i, ch in enumerate(text) if not _DIACRITICS.match(ch)]
    folded = "".join(ch for _, ch in kept).translate(_LETTERS)
    return folded, [i for i, _ in kept] + [len(text)]


def _kept(clitics: str) -> str:
    """The clitics without the article: وبال -> وب, لل -> ل."""
    if clitics.endswith("لل"):
        return clitics[:-1]
    return clitics[:-2] if clitics.endswith("ال") else clitics


def _core(word: str) -> str:
    """A term word without its article, so that the clitic pattern can supply it."""
    folded = fold(word)[0]
    return folded[2:] if folded.startswith("ال") and len(folded) > 3 else folded


def _pattern(arabic: str) -> re.Pattern:
    words = arabic.split()
    first = f"(?P<clitics>{_CLITICS})" + re.escape(_core(words[0]))
    rest = "".join(r"\s+(?:ال)?" + re.escape(_core(w)) for w in words[1:])
    return re.compile(rf"(?<!{_WORD_CHAR}){first}{rest}(?!{_WORD_CHAR})")


class Glossary:
    def __init__(self, entries: Sequence[Entry]) -> None:
        # A later entry for the same (folded) term wins; longer terms are tried first, so a
        # phrase is preferred to a word inside it.
        by_key: dict[str, Entry] = {}
        for entry in entries:
            by_key[" ".join(_core(w) for w in entry.arabic.split())] = entry
        self.entries = sorted(by_key.values(), key=lambda e: len(e.arabic), reverse=True)
        self._patterns = [(_pattern(e.arabic), e) for e in self.entries]

    def __bool__(self) -> bool:
        return bool(self.entries)

    def fingerprint(self) -> str:
        blob = "\n".join(f"{e.arabic}\t{e.english}" for e in sorted(self.entries, key=lambda e: e.arabic))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    def find(self, text: str) -> list[Match]:
        """Every term occurrence, not overlapping, in order."""
        folded, positions = fold(text)
        found: list[Match] = []
        taken: list[tuple[int, int]] = []
        for pattern, entry in self._patterns:
            for m in pattern.finditer(folded):
                if any(m.start() < b and m.end() > a for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append(Match(positions[m.start()], positions[m.end() - 1] + 1, entry, _kept(m.group("clitics"))))
        return sorted(found, key=lambda m: m.start)

    def apply(self, text: str) -> tuple[str, list[Match]]:
        """The text with each term replaced by its English (what the model is given); a
        conjunction or preposition glued to the term stays, set apart: للبيشمركة -> ل Peshmerga."""
        matches = self.find(text)
        out, at = [], 0
        for m in matches:
            out.append(text[at:m.start])
            out.append(f"{m.prefix} {m.entry.english}" if m.prefix else m.entry.english)
            at = m.end
        out.append(text[at:])
        return "".join(out), matches


def honoured(english: str, entry: Entry) -> bool:
    """Whether an English text carries the term's English (case and spacing aside)."""
    words = [re.escape(w) for w in entry.english.split()]
    return bool(re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", english, re.IGNORECASE))


def _rows(path: Path) -> Iterable[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GlossaryError(f"{path}: no such glossary file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"{path}: cannot read as UTF-8 text: {exc}") from None
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        yield number, row


def load(paths: Sequence[str | Path]) -> Glossary:
    """Entries from TSV or CSV files (arabic, english, optional note), read in order; blank
    lines and lines starting with # are skipped; a later file wins on the same term."""
    entries = []
    for raw in paths:
        path = Path(raw).expanduser()
        for number, row in _rows(path):
            if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            where = f"{path}:{number}"
            cells = [c.strip() for c in row]
            if len(cells) < 2 or len(cells) > 3 or not cells[0] or not cells[1]:
                sep = "a comma" if path.suffix.lower() == ".csv" else "a tab"
                raise GlossaryError(f"{where}: expected ARABIC, ENGLISH and an optional note, separated by {sep}; "
                                    f"got {len(cells)} field(s)")
            if not re.search("[\u0621-\u064a]", cells[0]):
                raise GlossaryError(f"{where}: the first field {cells[0]!r} has no Arabic letters")
            entries.append(Entry(cells[0], cells[1], cells[2] if len(cells) == 3 else "", where))
    return Glossary(entries)
