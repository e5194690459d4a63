"""The job's side of the glossary in each article: where the terms fall in each sentence, and
the flags for terms the English lacks."""

from __future__ import annotations

from typing import Sequence

from tarjama.job.stage_records import Segment
from translate.glossary import Entry, Glossary, honoured


def term_spans(glossary: Glossary, ar: str, en: str) -> list[dict]:
    said: dict[int, bool] = {}  # each term's English looked for once per sentence
    spans = []
    for m in glossary.find(ar):
        if id(m.entry) not in said:
            said[id(m.entry)] = honoured(en, m.entry)
        spans.append({"start": m.start, "end": m.end, "en": m.entry.english, "honoured": said[id(m.entry)]})
    return spans


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
        for english, spellings in seen.items():
            central = len(spellings) >= 2 or any(s in title_ar for s in spellings)
            if central and not honoured(summary_en, Entry(spellings[0], english)):
                flags.append({
                    "type": "summary_term_missing", "segment": None, "term": {"ar": spellings[0], "en": english},
                    "message": f"the summary does not name «{spellings[0]}» as the glossary says, «{english}»",
                })
    return flags


__all__ = ["term_flags", "term_spans"]
