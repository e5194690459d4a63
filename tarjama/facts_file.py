"""The key facts of one input file, read as the job reads it: an HTML page's main text, one
result per JSON record, input.max_bytes. Used by `tarjama facts` and `tarjama eval facts`."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger("tarjama")


class FactsInputError(Exception):
    """The file cannot be read for facts; the message names it and why."""


def _records(name: str, section: dict) -> list:
    from tarjama.ingest import load_bytes, read_bytes
    from tarjama.ingest.formats import RecordError

    # Standard input is read by content (it has no extension).
    path = Path("stdin" if name == "-" else name)
    try:
        if name == "-":
            data = sys.stdin.buffer.read(section["max_bytes"] + 1)
            if len(data) > section["max_bytes"]:
                raise RecordError("-", f"standard input is over input.max_bytes = {section['max_bytes']}")
        else:
            data = load_bytes(path, section)
        return list(read_bytes(path, data, section))
    except OSError as exc:
        raise FactsInputError(f"{name}: cannot read: {exc.strerror}") from None
    except RecordError as exc:
        raise FactsInputError(f"{name}: {exc.reason}") from None


def facts_of(name: str, cfg: dict[str, Any], *, lang: str | None = None, published: str | None = None,
             entities: bool | None = None) -> list[tuple[str, dict]]:
    """(record key, facts as JSON) for each record of the file; `entities` defaults to
    facts.entities."""
    from facts import extract, to_json
    from tarjama.ingest.decode import arabic_share
    from tarjama.ingest.formats import RecordError
    from tarjama.ingest.metadata import normalise_date
    from tarjama.ingest.text_page import parse_text_page

    use_entities = cfg["facts"]["entities"] if entities is None else entities
    results, taggers = [], {}
    for raw in _records(name, cfg["input"]):
        if isinstance(raw, RecordError):
            log.warning("%s: %s", raw.key, raw.reason)
            continue
        text = raw.text
        language = lang or ("ar" if arabic_share(text) >= 0.3 else "en")
        if language == "ar":
            # A scraped page's header date is when it was fetched, not a fact of the story.
            page = parse_text_page(text, title=raw.title, lines_are_paragraphs=raw.lines_are_paragraphs)
            title = [page.title] if page.title and page.title not in page.paragraphs else []
            text = "\n\n".join((*title, *page.paragraphs))
        elif raw.title:
            text = f"{raw.title}\n\n{text}"
        facts = extract(text, language, published or normalise_date(raw.published))
        if use_entities:
            facts = _with_entities(facts, text, language, cfg, taggers)
        results.append((raw.key, to_json(facts)))
    if not results:
        raise FactsInputError(f"{name}: no text to read facts from")
    return results


def _with_entities(facts, text: str, lang: str, cfg: dict, taggers: dict):
    """Entities when the NER model loads; dates and numbers need no model, so a missing one
    costs a warning here, not the whole answer. `taggers` keeps each language's model
    (or None, once it failed to load) for the next record."""
    from facts.article import with_entities
    from facts.entities import EntityTagger
    from translate import split_sentences
    from seq2seq.loading import ModelLoadError

    section = cfg["facts"]
    if lang not in taggers:
        try:
            taggers[lang] = EntityTagger(model=section[f"{lang}_model"], revision=section[f"{lang}_revision"],
                                         device=section["device"], batch_size=section["batch_size"],
                                         key=f"facts.{lang}_model")
        except ModelLoadError as exc:
            log.warning("entities skipped: %s (or --set facts.entities=false)", exc)
            taggers[lang] = None
    tagger = taggers[lang]
    if tagger is None:
        return facts
    sentences = [s for paragraph in text.split("\n\n") for s in split_sentences(paragraph)]
    return with_entities(facts, [pair for found in tagger.tag(sentences) for pair in found])
