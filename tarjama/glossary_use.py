"""The job's side of the glossary: which files, where the terms fall in each sentence, and
the flags for terms the English lacks."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from tarjama.records import Segment
from translate.glossary import Glossary, honoured, load

JOB_GLOSSARY = "glossary.tsv"  # terms added on the review page, in the output folder


def load_glossary(cfg: dict, out: Path) -> Glossary:
    """translate.glossary's files in order, then OUT/glossary.tsv, which wins."""
    paths = list(cfg["translate"]["glossary"])
    job = Path(out) / JOB_GLOSSARY
    if job.is_file():
        paths.append(job)
    return load(paths)


def term_spans(glossary: Glossary, ar: str, en: str) -> list[dict]:
    return [{"start": m.start, "end": m.end, "en": m.entry.english, "honoured": honoured(en, m.entry)}
            for m in glossary.find(ar)]


def term_flags(segments: Sequence[Segment], title_ar: str, summary_en: str) -> list[dict]:
    """`term_missing` for each term occurrence whose English the sentence lacks, and
    `summary_term_missing` for a term the article is about (in its title, or in two sentences
    or more) that the summary does not name as the glossary says."""
    flags, seen = [], {}
    for index, segment in enumerate(segments):
        for span in segment.terms or ():
            ar = segment.ar[span["start"]:span["end"]]
            seen.setdefault(span["en"], []).append(ar)
            if not span["honoured"]:
                flags.append({
                    "type": "term_missing", "segment": index, "term": {"ar": ar, "en": span["en"]},
                    "message": f"«{ar}» should be «{span['en']}» (glossary); the English does not say it",
                })
    if summary_en:
        from translate.glossary import Entry

        for english, spellings in seen.items():
            central = len(spellings) >= 2 or any(s in title_ar for s in spellings)
            if central and not honoured(summary_en, Entry(spellings[0], english)):
                flags.append({
                    "type": "summary_term_missing", "segment": None, "term": {"ar": spellings[0], "en": english},
                    "message": f"the summary does not name «{spellings[0]}» as the glossary says, «{english}»",
                })
    return flags
