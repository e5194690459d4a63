"""`tarjama eval OUT --reference refs.jsonl`: a finished output folder scored against reference
translations and summaries keyed by article id, without running a model.

A reference record: {"id": ..., "translation": [one English sentence per segment] or "the
whole English text", "summary": "..."}; either may be left out."""

from __future__ import annotations

import logging
from pathlib import Path

from tarjama.article_json import machine_summary
from tarjama.evaluate import metrics
from tarjama.evaluate.compare import EvalInputError
from tarjama.evaluate.support import folder_support
from tarjama.article_files import UnreadableArticle, load_article
from tarjama.textfile import json_objects, read_utf8, split_lines

log = logging.getLogger("tarjama")


def read_references(path: Path, label: str) -> dict[str, dict]:
    lines = split_lines(read_utf8(path, label, EvalInputError))
    refs: dict[str, dict] = {}
    for n, record in json_objects(lines, f"{label} {path}", EvalInputError):
        if not isinstance(record.get("id"), (str, int)):
            raise EvalInputError(f"{label} {path} line {n}: expected an object with an \"id\"")
        refs.setdefault(str(record["id"]), {}).update(record)
    if not refs:
        raise EvalInputError(f"{label} {path}: empty file")
    return refs


def score_folder(out: Path, references: dict[str, dict]) -> dict:
    folder = out / "articles"
    if not folder.is_dir():
        raise EvalInputError(f"{out} has no articles/ folder; run `tarjama run INPUT -o {out}` first")
    # An id is looked up among the files there, never joined into a path as given: a
    # reference id such as "../../x" cannot read outside OUT.
    known = {path.stem for path in folder.glob("*.json")}
    hyps, refs, sources, summaries, missing, unreadable = [], [], [], [], [], []
    for article_id, ref in sorted(references.items()):
        try:
            record = load_article(out, article_id, known)
        except KeyError:
            missing.append(article_id)
            continue
        except UnreadableArticle as exc:
            log.warning("eval: skipped unreadable article file %s", exc)
            unreadable.append(article_id)
            continue
        segments = record["segments"]
        translation = ref.get("translation")
        if isinstance(translation, list) and len(translation) == len(segments):
            hyps += [s["en"] for s in segments]
            refs += [str(t) for t in translation]
            sources += [s["ar"] for s in segments]
        elif translation:
            if isinstance(translation, list):
                log.warning("eval: %s: %d reference sentences for %d segments; scored as one document",
                            article_id, len(translation), len(segments))
            hyps.append(" ".join(s["en"] for s in segments))
            refs.append(" ".join(translation) if isinstance(translation, list) else str(translation))
            sources.append(" ".join(s["ar"] for s in segments))
        if ref.get("summary"):
            summary = machine_summary(record)
            summaries.append((summary, str(ref["summary"])))
    result: dict = {"name": str(out), "status": "ok", "articles_missing": missing, "articles_unreadable": unreadable,
                    "support": folder_support(out)}
    if hyps:
        result.update(metrics.translation_scores(hyps, refs), facts=metrics.facts_preservation(sources, hyps),
                      segments=len(hyps))
    if summaries:
        result["summary"] = metrics.rouge(summaries)
    if not hyps and not summaries:
        raise EvalInputError(f"no reference matches an article of {out} (ids: {', '.join(sorted(references)[:5])}…)")
    return {"rows": [result]}
