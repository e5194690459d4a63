"""`tarjama check`: the job's checks on translations and summaries that already exist (a
human's, a vendor's, another system's), without loading a model. One JSON object per record on
stdout as each is read, counts by flag type on stderr; exit 1 when anything is flagged.

A record is an Arabic sentence and its English ({"ar", "en"}), an English article and its
summary ({"en": TEXT or [SENTENCES], "summary"}, with "ar" beside it optionally), or both."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from facts import english
from facts.pairs import check_pair
from facts.sentences import split_sentences
from facts.support import summary_support
from facts.types import to_json
from tarjama.cli.common import UsageError, check_published
from tarjama.textfile import json_object, read_utf8, split_lines


class CheckInputError(Exception):
    """The input cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class CheckRecord:
    """What one output object checks: a pair (ar and en strings), the support of a summary in
    English sentences, or both (ar and en lists of one length and a summary)."""

    en: str | tuple[str, ...]
    ar: str | tuple[str, ...] | None = None
    summary: str | None = None
    en_given_whole: bool = False  # "en" was one text, split here: its sentences are printed


def _lines(name: str) -> list[str]:
    return split_lines(read_utf8(name, "", CheckInputError))


def records_from_files(source: str | None, translation: str, summary: str | None = None) -> list[CheckRecord]:
    """Line-aligned --source and --translation: a pair per line. With --summary, the
    translation's lines are one article's sentences and the summary file its summary: one
    more record after the pairs (--source may then be left out)."""
    names = [n for n in (source, translation, summary) if n is not None]
    if names.count("-") > 1:
        raise CheckInputError("only one of --source, --translation and --summary can read standard input")
    en = _lines(translation)
    records = []
    if source is not None:
        ar = _lines(source)
        if len(ar) != len(en):
            raise CheckInputError(f"--source {source} has {len(ar)} lines but --translation {translation} has "
                                  f"{len(en)}; they must be line-aligned")
        records = [CheckRecord(e, a) for a, e in zip(ar, en)]
    if summary is not None:
        text = read_utf8(summary, "--summary", CheckInputError)
        records.append(CheckRecord(tuple(en), None, text))
    return records


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


def record_from_json(record: dict, where: str) -> CheckRecord:
    ar, en, summary = record.get("ar"), record.get("en"), record.get("summary")
    if summary is not None and not isinstance(summary, str):
        raise CheckInputError(f"{where}: \"summary\" must be a string")
    if summary is None:
        if not isinstance(ar, str) or not isinstance(en, str):
            raise CheckInputError(f"{where}: expected an object with \"ar\" and \"en\" strings, or \"en\" and "
                                  "\"summary\"")
        return CheckRecord(en, ar)
    if not (isinstance(en, str) or _strings(en)):
        raise CheckInputError(f"{where}: \"en\" must be a string or a list of sentences")
    if ar is not None and not (isinstance(ar, str) and isinstance(en, str)
                               or _strings(ar) and _strings(en) and len(ar) == len(en)):
        raise CheckInputError(f"{where}: \"ar\" must be what \"en\" is, a string or a list of as many sentences")
    if isinstance(en, str):
        return CheckRecord(en, ar, summary, en_given_whole=True)
    return CheckRecord(tuple(en), tuple(ar) if ar is not None else None, summary)


def records_from_jsonl(name: str) -> Iterator[CheckRecord]:
    """One record per non-blank line, read as the lines come (standard input included), so
    each result is printed before the next line is read."""
    stream = sys.stdin.buffer if name == "-" else None
    try:
        handle = stream if stream is not None else Path(name).open("rb")
    except FileNotFoundError:
        raise CheckInputError(f"{name}: no such file") from None
    except OSError as exc:
        raise CheckInputError(f"{name}: cannot read: {exc.strerror}") from None
    try:
        for n, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                raise CheckInputError(f"{name} line {n}: not UTF-8 text") from None
            if line.strip():
                yield record_from_json(json_object(line, f"{name} line {n}", CheckInputError), f"{name} line {n}")
    finally:
        if stream is None:
            handle.close()


def check_one(n: int, record: CheckRecord, published: str | None) -> dict:
    """The output object of the n-th record (1-based)."""
    out: dict = {"pair": n, "flags": []}
    sentences = list(split_sentences(record.en) if record.en_given_whole else (
        [record.en] if isinstance(record.en, str) else record.en))
    if record.ar is not None:
        pairs = [(record.ar, record.en)] if isinstance(record.ar, str) else list(zip(record.ar, record.en))
        checked = [check_pair(ar, en, published, index=(n - 1 if record.summary is None else i))
                   for i, (ar, en) in enumerate(pairs)]
        out["flags"] = [flag for c in checked for flag in c.flags]
        if len(checked) == 1 and record.summary is None:
            out["facts"] = {"ar": to_json(checked[0].source), "en": to_json(checked[0].translation)}
        else:
            out["facts"] = {"ar": [to_json(c.source) for c in checked], "en": [to_json(c.translation) for c in checked]}
    if record.summary is not None:
        if record.en_given_whole:
            out["en_sentences"] = sentences
        support = summary_support(record.summary, sentences, "en", published,
                                  [english.extract(s, published) for s in sentences])
        out["support"] = support.to_json()
        out["flags"] += list(support.flags)
    return out


def check(records: Iterable[CheckRecord], published: str | None) -> Iterator[dict]:
    for n, record in enumerate(records, start=1):
        yield check_one(n, record, published)


def run(records: Iterable[CheckRecord], published: str | None) -> int:
    """Prints each record's result as it is checked; raises CheckInputError at a bad record,
    after the results of those before it."""
    counts: Counter = Counter()
    flagged = total = 0
    for result in check(records, published):
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        total += 1
        counts.update(flag["type"] for flag in result["flags"])
        flagged += bool(result["flags"])
    by_type = ", ".join(f"{kind} {count}" for kind, count in sorted(counts.items())) or "nothing flagged"
    print(f"tarjama: {total} pairs, {flagged} flagged: {by_type}", file=sys.stderr)
    return 1 if flagged else 0


def command(args: argparse.Namespace) -> int:
    if bool(args.jsonl) == bool(args.source or args.translation or args.summary):
        raise UsageError("check: give --source AR.txt --translation EN.txt [--summary SUMMARY.txt], or --jsonl FILE")
    check_published(args.published)
    try:
        if args.jsonl:
            records = records_from_jsonl(args.jsonl)
        elif not args.translation or not (args.source or args.summary):
            raise UsageError("check: --translation goes with --source, --summary or both")
        else:
            records = records_from_files(args.source, args.translation, args.summary)
        given = (f"--jsonl {args.jsonl} holds" if args.jsonl else
                 f"--source {args.source} and --translation {args.translation} hold")
        return run(_with_text(records, f"check: {given} no text: nothing to check"), args.published)
    except CheckInputError as exc:
        raise UsageError(str(exc)) from None


def _with_text(records, nothing: str):
    """The records as they come, but those before the first with any text held back: when no
    record holds text, the result is the usage error alone, with nothing printed before it."""
    held: list = []
    for record in records:
        if held is not None:
            texts = [t for t in (record.en, record.ar, record.summary) if t]
            if not any(t.strip() if isinstance(t, str) else any(x.strip() for x in t) for t in texts):
                held.append(record)
                continue
            yield from held
            held = None
        yield record
    if held is not None:
        raise UsageError(nothing)
