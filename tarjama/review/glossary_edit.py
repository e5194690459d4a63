"""Terms a reviewer adds on the review page: checked, then appended to OUT/glossary.tsv,
which a rerun of the job on that folder reads after translate.glossary.

Several reviewers may add terms at the same moment, from the threads of one server or from
two servers on the same folder: the read-modify-write of the file and the row in
review.sqlite's audit record happen together under an flock, so no term is lost and the file
and the record always hold the same terms."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from tarjama import atomic
from tarjama.glossary_files import JOB_GLOSSARY
from tarjama.lock import held
from translate.glossary import TERM_MAX_CHARS, Entry, Glossary, GlossaryError, entry_problem, parse

__all__ = ["JOB_GLOSSARY", "TERM_MAX_CHARS", "GlossaryError", "add", "problem"]


def problem(arabic: str, english: str, sentences: Sequence[str]) -> str | None:
    """Why a term cannot be added, or None. The same rules as for a glossary file, so what
    is added always reads back exactly, and the span must be in the article."""
    if not arabic or not english:
        return "give both the Arabic span and its English"
    why = entry_problem(arabic, english)
    if why:
        return why
    if [(e.arabic, e.english, e.note) for e in parse(_line(arabic, english), Path(JOB_GLOSSARY))] != [(arabic, english, "")]:
        return "this term would not read back as written"  # entry_problem should have said why
    glossary = Glossary([Entry(arabic, english)])
    if not any(glossary.find(sentence) for sentence in sentences):
        return "that Arabic span is not in this article (copy it from the sentences)"
    return None


def _line(arabic: str, english: str) -> str:
    return f"{arabic}\t{english}\n"


def add(out: Path, store, article_id: str, arabic: str, english: str, reviewer: str) -> None:
    """One more line in OUT/glossary.tsv (the file written whole, under a new name, then
    renamed into place) and its row in the review store's audit record: both or neither.
    GlossaryError when the file as it stands does not read (a hand edit broke it): adding to
    it would not make a rerun read it."""
    path = Path(out) / JOB_GLOSSARY
    with held(Path(out) / ".tarjama" / "glossary.lock"):
        existing = path.read_text(encoding="utf-8") if path.is_file() else None
        if existing is not None:
            parse(existing, path)  # raises GlossaryError with the line to fix
        text = (existing or "") + ("\n" if existing and not existing.endswith("\n") else "") + _line(arabic, english)
        written = False

        def write() -> None:
            nonlocal written
            atomic.write_text(path, text)
            written = True

        try:
            store.add_term(article_id, arabic, english, reviewer, then=write)
        except BaseException:
            # The record was not committed: the file must not keep a term it does not hold.
            if written:
                if existing is None:
                    path.unlink(missing_ok=True)
                else:
                    atomic.write_text(path, existing)
            raise

