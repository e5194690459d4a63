"""House terminology: Arabic terms and the English a desk wants for them. Pure text
processing; no model.

Matching looks through what varies in written Arabic: diacritics and tatweel, the alef forms
(أ إ آ ٱ ا), hamza seats (ؤ ئ), ta marbuta and ha (ة ه), alef maqsura and ya (ى ي), and the
clitics and article a word takes (و ف, ب ل ك, ال, لل): البيشمركة matches للبيشمركة,
وبالبيشمركة and بيشمركه. A term of several words matches as a phrase, each later word with
or without its article.

How matching runs: the text is folded once and cut into words (runs of letters and digits);
every term sits in one trie keyed by whole words, so a sentence costs a few dictionary
look-ups per word whatever the size of the glossary (200,000 entries included), and a text
is read once, never once per term. The trie is built on first use: a finished job's rerun,
which translates nothing, only reads and checks the files.

How a term is enforced: before translation the Arabic span is replaced by the term's English,
inline. MT models trained on news copy Latin-script names and acronyms through (that is how
"NATO" survives Arabic text), so the model writes the English in place with its own grammar
around it. Nothing forces a model to copy it: every sentence is checked afterwards, and one
whose English lacks a term gets a `term_missing` flag. Because the replaced text is what the
model sees, a sentence's cache key already holds the entries that apply to it and no others.

A glossary file is read strictly, line by line, with no quoting: one bad line stops the job
with FILE:LINE and the reason, rather than a quote that swallows the lines after it or a term
that can never match (or matches everywhere).
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

# Harakat, superscript alef and tatweel: dropped before matching.
_DROPPED = dict.fromkeys([*range(0x064B, 0x0653), 0x0670, 0x0640])
# Also the Persian letters Kurdish names are often typed with (گ ک ی).
_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه",
            "گ": "ك", "ک": "ك", "ی": "ي"}
_FOLD = str.maketrans({**{chr(c): None for c in _DROPPED}, **_LETTERS})
_DROPPED_RE = re.compile("[\u064b-\u0652\u0670\u0640]")
# Letters and digits: Arabic punctuation (، ؛ ؟) ends a word.
_WORD = re.compile(r"[\w\u0621-\u064a\u066e-\u06d3]+")
_WHITESPACE = re.compile(r"\s+")
_PLAIN_TERM = re.compile(r"[\w\u0621-\u064a\u066e-\u06d3]+(?:\s+[\w\u0621-\u064a\u066e-\u06d3]+)*")
# An Arabic letter: not tatweel, not a diacritic, which alone would match nothing.
_ARABIC_LETTER = re.compile("[\u0621-\u063f\u0641-\u064a\u066e-\u066f\u0671-\u06d3]")
# Clitics before a term's first word: a conjunction, then a preposition with the article (بال,
# كال, لل for ل + ال), the article alone, or a preposition alone.
_CLITICS = tuple(sorted({c + p for c in ("", "و", "ف") for p in ("", "ال", "بال", "كال", "لل", "ب", "ك", "ل")},
                        key=len, reverse=True))
_CLITIC_START = frozenset(c[0] for c in _CLITICS if c)
_ARTICLE = "ال"

TERM_MAX_CHARS = 200  # a term, Arabic or English; longer is not a term
NOTE_MAX_CHARS = 1000
# What a term may never hold: control characters (NUL, line ends), the Unicode bidi controls
# (marks, embeddings, overrides, isolates: invisible, and they would stop a term matching
# the text it was copied from), a byte-order mark (dropped at the start of a file, so a term
# would not read back as written), line and paragraph separators.
_ANY_WORD = re.compile(r"\w")
_NEVER = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029"
_FORBIDDEN = re.compile(f"[{_NEVER}\n\r]")
_FORBIDDEN_IN_FILE = re.compile(f"[{_NEVER}]")  # line ends are where lines end


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
    if not _DROPPED_RE.search(text):
        return text.translate(_FOLD), list(range(len(text) + 1))
    kept = [i for i, ch in enumerate(text) if ord(ch) not in _DROPPED]
    return text.translate(_FOLD), kept + [len(text)]


def _kept(clitics: str) -> str:
    """The clitics without the article: وبال -> وب, لل -> ل."""
    if clitics.endswith("لل"):
        return clitics[:-1]
    return clitics[:-2] if clitics.endswith(_ARTICLE) else clitics


def _core(word: str) -> str:
    """A term's first word without its article, so that the clitics can supply it."""
    return word[2:] if word.startswith(_ARTICLE) and len(word) > 3 else word


def _separator(gap: str) -> str:
    """Between two words: any run of spaces is one space; other characters (a hyphen, a
    slash, a dot) must be there as written."""
    return _WHITESPACE.sub(" ", gap)


def _path(arabic: str) -> str:
    """A term's key in the trie: its first word's core, then for each later word the
    separator before it and the word (its core when spaces separate them, since the article
    may be there or not), joined by \x01."""
    folded = arabic.translate(_FOLD).strip()
    if _PLAIN_TERM.fullmatch(folded):  # words and spaces, as nearly every term is
        first, *rest = folded.split()
        return "\x01 \x00".join([_core(first), *map(_core, rest)])
    words = list(_WORD.finditer(folded))
    if not words:  # only tatweel, diacritics or punctuation: a key no word can reach
        return "\x02"
    keys = [_core(words[0].group())]
    for before, word in zip(words, words[1:]):
        gap = _separator(folded[before.end():word.start()])
        keys.append(f"{gap}\x00{_core(word.group()) if gap == ' ' else word.group()}")
    return "\x01".join(keys)


def entry_problem(arabic: str, english: str, note: str = "") -> str | None:
    """Why a term cannot be a glossary entry (read from a file, or added on the review page),
    or None. What passes is written as `arabic<TAB>english` and reads back exactly."""
    for label, text in (("the Arabic term", arabic), ("the English", english), ("the note", note)):
        bad = _FORBIDDEN.search(text)
        if bad:
            return _forbidden(label, bad.group())
        if "\t" in text:
            return f"{label} holds a tab"
        if text != text.strip():
            return f"{label} begins or ends with a space"
    return _field_problem(arabic, english, note)


def _forbidden(label: str, char: str) -> str:
    return f"{label} holds {unicodedata.name(char, 'a control character')} (U+{ord(char):04X})"


def _field_problem(arabic: str, english: str, note: str) -> str | None:
    """entry_problem for fields already free of forbidden characters, tabs and edge spaces."""
    if arabic.startswith('"') or english.startswith('"') or note.startswith('"'):
        return "a field begins with a quote; quoting is not supported (a quote would join lines): remove it"
    if arabic.startswith("#"):
        return "the Arabic term starts with '#', which marks a comment line"
    if len(arabic) > TERM_MAX_CHARS or len(english) > TERM_MAX_CHARS:
        return f"a term is {max(len(arabic), len(english)):,} characters; at most {TERM_MAX_CHARS:,}"
    if len(note) > NOTE_MAX_CHARS:
        return f"the note is {len(note):,} characters; at most {NOTE_MAX_CHARS:,}"
    if not _ARABIC_LETTER.search(arabic):
        return f"the first field {arabic!r} has no Arabic letters (tatweel and diacritics alone match nothing)"
    if not _ANY_WORD.search(english):
        return f"the English {english!r} has no letters or digits"
    return None


class Glossary:
    """Entries, matched by one trie that is built on first use."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._given: list[Entry] | None = list(entries)
        self._read: Callable[[], list[Entry]] | None = None
        self._fingerprint: str | None = None
        self._any = bool(self._given)
        self._in_force: list[tuple[Entry, str]] | None = None
        self._entries: list[Entry] | None = None
        self._trie: dict[str, int] | None = None

    @classmethod
    def deferred(cls, read: Callable[[], list[Entry]], fingerprint: str, any_entries: bool) -> Glossary:
        """A glossary whose files were read and checked before, with this fingerprint: read
        again only when a sentence is matched (a rerun with nothing to translate never is)."""
        glossary = cls([])
        glossary._given, glossary._read = None, read
        glossary._fingerprint, glossary._any = fingerprint, any_entries
        return glossary

    def given(self) -> list[Entry]:
        """Every entry as read, in order, overridden ones included."""
        if self._given is None:
            self._given = self._read()
        return self._given

    def _entries_and_paths(self) -> list[tuple[Entry, str]]:
        if self._in_force is None:
            by_key: dict[str, Entry] = {}
            for entry in self.given():
                by_key[_path(entry.arabic)] = entry
            self._in_force = sorted(((e, k) for k, e in by_key.items()), key=lambda item: len(item[0].arabic),
                                    reverse=True)
        return self._in_force

    @property
    def entries(self) -> list[Entry]:
        """The entries in force: a later entry for the same (folded) term wins; longer terms
        first, so a phrase is preferred to a word inside it."""
        if self._entries is None:
            self._entries = [entry for entry, _ in self._entries_and_paths()]
        return self._entries

    def __bool__(self) -> bool:
        return self._any

    def fingerprint(self) -> str:
        """A hash of every entry as given, in order: what a job's outputs depend on."""
        if self._fingerprint is None:
            self._fingerprint = fingerprint(self.given())
        return self._fingerprint

    def _built(self) -> tuple[dict[str, int], list[Entry]]:
        """The trie, flat: every path and every prefix of one, each mapped to the rank of the
        entry that ends there (-1: none, the path goes on)."""
        if self._trie is None:
            trie: dict[str, int] = {}
            for rank, (_, path) in enumerate(self._entries_and_paths()):
                cut = path.find("\x01")
                while cut != -1:
                    trie.setdefault(path[:cut], -1)
                    cut = path.find("\x01", cut + 1)
                trie[path] = rank
            self._trie = trie
        return self._trie, self.entries

    def find(self, text: str) -> list[Match]:
        """Every term occurrence, not overlapping, in order. Linear in the text: each word
        starts at most a trie walk as deep as the longest term."""
        if not self._any:
            return []
        trie, entries = self._built()
        folded, positions = fold(text)
        found_words = list(_WORD.finditer(folded))
        # (start, end, word, separator before it), the separator as trie keys spell it.
        words = [(m.start(), m.end(), m.group(), _separator(folded[found_words[i - 1].end():m.start()]) if i else "")
                 for i, m in enumerate(found_words)]
        candidates = []  # (rank, first word, last word, clitics)
        for i, (_, _, word, _) in enumerate(words):
            for clitics in _clitic_splits(word):
                core = word[len(clitics):]
                if core in trie:
                    candidates += ((rank, i, j, clitics) for rank, j in _walk(trie, core, words, i))
        # Longer terms first, then left to right; a word belongs to one term at most.
        candidates.sort()
        taken = bytearray(len(words))
        found = []
        for rank, i, j, clitics in candidates:
            if any(taken[i:j + 1]):
                continue
            taken[i:j + 1] = b"\x01" * (j + 1 - i)
            found.append(Match(positions[words[i][0]], positions[words[j][1] - 1] + 1, entries[rank], _kept(clitics)))
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


def fingerprint(entries: Iterable[Entry]) -> str:
    digest = hashlib.sha256()
    for e in entries:
        digest.update(f"{e.arabic}\t{e.english}\n".encode("utf-8"))
    return digest.hexdigest()[:16]


def _clitic_splits(word: str) -> Iterable[str]:
    """Each clitic prefix the word may carry, the empty one included, leaving a core."""
    yield ""
    if word[0] in _CLITIC_START:
        for clitics in _CLITICS:
            if clitics and len(word) > len(clitics) and word.startswith(clitics):
                yield clitics


def _walk(trie: dict[str, int], path: str, words: list[tuple[int, int, str, str]],
          first: int) -> Iterable[tuple[int, int]]:
    """(rank, last word) of each term whose path starts with `path` (the first word matched)."""
    active, j = [path], first
    while active:
        for p in active:
            if trie[p] >= 0:
                yield trie[p], j
        if j + 1 >= len(words):
            return
        _, _, word, gap = words[j + 1]
        keys = [f"{gap}\x00{word}"]
        if gap == " " and word.startswith(_ARTICLE):
            keys.append(f" \x00{word[2:]}")
        active = [q for p in active for key in keys if (q := f"{p}\x01{key}") in trie]
        j += 1


def honoured(english: str, entry: Entry) -> bool:
    """Whether an English text carries the term's English (case and spacing aside)."""
    words = [re.escape(w) for w in entry.english.split()]
    return bool(re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", english, re.IGNORECASE))


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GlossaryError(f"{path}: no such glossary file") from None
    except IsADirectoryError:
        raise GlossaryError(f"{path}: a folder, not a glossary file") from None
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read: {exc.strerror}") from None


def read_file(path: str | Path) -> list[Entry]:
    """A glossary file's entries, in order: `arabic<TAB>english[<TAB>note]` a line (a .csv
    file takes commas); blank lines and lines starting with # skipped. GlossaryError
    with FILE:LINE for the first line that is not an entry."""
    path = Path(path).expanduser()
    return parse(read_text(path), path)


def parse(text: str, path: Path) -> list[Entry]:
    """read_file on a file's text; `path` gives the format (.csv or not) and the messages."""
    delimiter, sep = (",", "a comma") if path.suffix.lower() == ".csv" else ("\t", "a tab")
    # Only line ends end a line: no quoting, so nothing can carry a line into the next.
    lines = re.split(r"\r\n|\r|\n", text)
    # One search of the whole file for what no line may hold, rather than one per line.
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    bad: dict[int, str] = {}
    for m in _FORBIDDEN_IN_FILE.finditer(text):
        bad.setdefault(bisect.bisect_right(starts, m.start()), m.group())
    entries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if number in bad:
            raise GlossaryError(f"{path}:{number}: {_forbidden('the line', bad[number])}")
        cells = [c.strip() for c in line.split(delimiter)]
        if len(cells) < 2 or len(cells) > 3 or not cells[0] or not cells[1]:
            raise GlossaryError(f"{path}:{number}: expected ARABIC, ENGLISH and an optional note, separated by "
                                f"{sep}; got {len(cells)} field(s)")
        arabic, english, note = cells[0], cells[1], cells[2] if len(cells) == 3 else ""
        problem = _field_problem(arabic, english, note)
        if problem:
            raise GlossaryError(f"{path}:{number}: {problem}")
        entries.append(Entry(arabic, english, note, f"{path}:{number}"))
    return entries


def load(paths: Sequence[str | Path]) -> Glossary:
    """Entries from TSV or CSV files (arabic, english, optional note), read in order; a later
    file wins on the same term."""
    return Glossary([entry for path in paths for entry in read_file(path)])
