"""Which glossary files a job reads (the config's, then the output folder's own), read and
checked once, their checked contents remembered in the user cache."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Sequence

from translate.glossary import Entry, Glossary, GlossaryError, parse, read_text

JOB_GLOSSARY = "glossary.tsv"  # terms added on the review page, in the output folder
_REMEMBERED = 200  # glossary contents remembered as checked, in the user cache


def glossary_paths(cfg: dict, out: Path) -> list[Path]:
    """translate.glossary's files in order, then OUT/glossary.tsv, which wins."""
    paths = [Path(p).expanduser() for p in cfg["translate"]["glossary"]]
    job = Path(out) / JOB_GLOSSARY
    if job.is_file():
        paths.append(job)
    return paths


def load_glossary(cfg: dict, out: Path) -> Glossary:
    """The job's glossary, its files read and checked now (a bad line stops the job before
    any work). Contents checked once before are remembered by their hash in the user cache
    with their fingerprint, so a rerun with nothing to translate reads the files' bytes and
    parses nothing: a 200,000-entry glossary costs it milliseconds, not seconds."""
    paths = glossary_paths(cfg, out)
    texts = [(path, read_text(path)) for path in paths]
    digest = hashlib.sha256()
    for path, text in texts:
        # The format follows the suffix, so it is part of what was checked.
        digest.update(f"{path.suffix.lower() == '.csv'}\0{len(text)}\0{text}\0".encode("utf-8"))
    key = digest.hexdigest()[:32]
    store = _store(cfg["job"]["cache_dir"])
    known = _remembered(store).get(key)
    if known is not None:
        return Glossary.deferred(lambda: _parse_all(texts), known["fingerprint"], known["any"])
    glossary = Glossary(_parse_all(texts))
    _remember(store, key, {"fingerprint": glossary.fingerprint(), "any": bool(glossary)})
    return glossary


def _parse_all(texts: Sequence[tuple[Path, str]]) -> list[Entry]:
    return [entry for path, text in texts for entry in parse(text, path)]


def _store(cache_dir: str) -> Path:
    from tarjama.cache import default_dir

    return Path(cache_dir or default_dir()).expanduser() / "glossary-checks.json"


def _remembered(store: Path) -> dict[str, dict]:
    try:
        known = json.loads(store.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


def _remember(store: Path, key: str, value: dict) -> None:
    known = _remembered(store)
    known.pop(key, None)
    known[key] = value  # newest last; the oldest go first
    try:
        from tarjama import atomic

        atomic.write_text(store, json.dumps(dict(list(known.items())[-_REMEMBERED:])))
    except OSError:  # a read-only cache only costs the parse next time
        pass


__all__ = ["JOB_GLOSSARY", "GlossaryError", "glossary_paths", "load_glossary"]
