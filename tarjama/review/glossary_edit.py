"""Terms a reviewer adds on the review page: checked, then appended to OUT/glossary.tsv,
which a rerun of the job on that folder reads after translate.glossary."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from tarjama import atomic
from tarjama.glossary_use import JOB_GLOSSARY
from translate.glossary import Entry, Glossary

TERM_MAX_CHARS = 120


def problem(arabic: str, english: str, sentences: Sequence[str]) -> str | None:
    """Why a term cannot be added, or None."""
    if not arabic or not english:
        return "give both the Arabic span and its English"
    if len(arabic) > TERM_MAX_CHARS or len(english) > TERM_MAX_CHARS:
        return f"a term is at most {TERM_MAX_CHARS} characters"
    if not re.search("[\u0621-\u064a]", arabic):
        return "the Arabic span has no Arabic letters"
    if re.search(r"[\t\x00-\x1f\x7f]", arabic + english):
        return "a term cannot hold tabs or control characters"
    glossary = Glossary([Entry(arabic, english)])
    if not any(glossary.find(sentence) for sentence in sentences):
        return "that Arabic span is not in this article (copy it from the sentences)"
    return None


def append(out: Path, arabic: str, english: str) -> None:
    """One more line in OUT/glossary.tsv, written whole (a new file, renamed into place)."""
    path = Path(out) / JOB_GLOSSARY
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if existing and not existing.endswith("\n"):
        existing += "\n"
    atomic.write_text(path, f"{existing}{arabic}\t{english}\n")
