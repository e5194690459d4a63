"""Input formats: each reader turns one decoded file into raw records. The format is chosen
by content first (a .txt holding HTML is HTML), the extension breaking ties."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

FORMATS = ("text", "html", "json", "jsonl", "markdown")


@dataclass(frozen=True)
class Raw:
    """One article as the input states it, before cleaning."""

    # The file path, plus "#id:ID" (a record with its own id) or "#text:HASH" (one without)
    # for a record of a multi-article file: never its position, which changes whenever a
    # newest-first feed gains or loses a record at the top.
    key: str
    name: str  # id proposal: the file stem, or the record's id
    text: str
    title: str | None = None
    published: str | None = None  # as written in the input; normalised later
    source_name: str | None = None
    url: str | None = None
    lines_are_paragraphs: bool = False
    # Hash of the record's own input (JSON records), "" for a one-article file.
    record_sha: str = ""
    # 1-based line (JSON Lines) or record (JSON array) number, 0 for a one-article file: for
    # messages only, never for identity.
    position: int = 0
    label: str = "line"  # what `position` counts: "line" or "record"


class RecordError(Exception):
    """One record of a multi-article file is unusable; the others go on."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(reason)
        self.key = key
        self.reason = reason


_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|p|div)\b", re.IGNORECASE)


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _json_lines(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line.lstrip().startswith("{") and _parses(line) for line in lines)


def sniff(path: Path, text: str) -> str:
    head = text.lstrip()[:4096]
    suffix = path.suffix.lower()
    if head[:1] in ("[", "{"):
        # A .json/.jsonl file is JSON by name, and says so in its error if it does not
        # parse. Any other file is JSON only when it parses: an Arabic breaking-news text
        # may open with "[عاجل]" or "{تحديث}".
        if suffix in (".jsonl", ".ndjson"):
            return "jsonl"
        if suffix == ".json":
            return "json" if head.startswith("[") or _parses(text) else "jsonl"
        if _parses(text):
            return "json"
        if _json_lines(text):
            return "jsonl"
    if _HTML_HINT.search(head):
        return "html"
    if suffix in (".md", ".markdown") or re.match(r"(?:---\n[\s\S]*?\n---\n\s*)?#\s", head):
        return "markdown"
    return "text"


def read(path: Path, text: str, fields: dict[str, Any]) -> Iterator[Raw | RecordError]:
    fmt = sniff(path, text)
    key, name = str(path), path.stem
    if fmt == "html":
        yield from _html(key, name, text)
    elif fmt in ("json", "jsonl"):
        yield from _records(key, name, text, fmt, fields)
    elif fmt == "markdown":
        yield _markdown(key, name, text)
    else:
        yield Raw(key, name, text)


# -- HTML ------------------------------------------------------------------------------------

# A page that is only navigation still yields "main text" from trafilatura: its menu items,
# one short line each. An article has sentences; a line of five words or more counts as one.
MIN_HTML_PROSE_WORDS = 12
_PROSE_LINE_WORDS = 5


def prose_words(text: str) -> int:
    counts = (len(line.split()) for line in text.splitlines())
    return sum(n for n in counts if n >= _PROSE_LINE_WORDS)



def _html(key: str, name: str, page: str) -> Iterator[Raw | RecordError]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only dates the page's markup states; no guessing from the text or the URL.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        yield RecordError(key, "no article text found in the HTML")
        return
    prose = prose_words(doc.text)
    if prose < MIN_HTML_PROSE_WORDS:
        yield RecordError(key, f"no article text: the page's main text has {prose} words in sentences "
                               f"(menus, links and scripts aside), under the {MIN_HTML_PROSE_WORDS} an article needs")
        return
    yield Raw(key, name, doc.text, title=doc.title, published=doc.date, source_name=doc.sitename,
              url=doc.url, lines_are_paragraphs=True)


def html_fragment_text(body: str) -> str:
    """Text of an HTML body stored in an export: one line per block element."""
    from lxml import html as lxml_html

    root = lxml_html.fragment_fromstring(body, create_parent="div")
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"):
        element.tail = "\n" + (element.tail or "")
    return root.text_content()


# -- JSON and JSON Lines ---------------------------------------------------------------------


def _field(record: dict, names: str | list[str]) -> Any:
    for name in [names] if isinstance(names, str) else names:
        node: Any = record
        for part in name.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node not in (None, ""):
            return node
    return None


def _records(key: str, name: str, text: str, fmt: str, fields: dict[str, Any]) -> Iterator[Raw | RecordError]:
    if fmt == "json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            yield RecordError(key, f"not valid JSON: {exc}")
            return
        except RecursionError:
            yield RecordError(key, "not readable JSON: nested too deeply")
            return
        items = data if isinstance(data, list) else [data]
        numbered = [(i + 1, item, None) for i, item in enumerate(items)]
    else:
        numbered = []
        for i, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                numbered.append((i, json.loads(line), None))
            except ValueError as exc:
                numbered.append((i, None, f"line {i} is not valid JSON: {exc.msg} at column {exc.colno}"))
            except RecursionError:
                numbered.append((i, None, f"line {i} is JSON nested too deeply to read"))
    label = "record" if fmt == "json" else "line"
    for n, item, error in numbered:
        yield record(key, name, n, item, error, label, fields)


def json_line(key: str, name: str, n: int, line: str, fields: dict[str, Any]) -> Raw | RecordError:
    """One line of a JSON Lines file, read on its own (the stream reader's unit)."""
    try:
        item, error = json.loads(line), None
    except ValueError as exc:
        item, error = None, f"line {n} is not valid JSON: {exc.msg} at column {exc.colno}"
    except RecursionError:
        item, error = None, f"line {n} is JSON nested too deeply to read"
    return record(key, name, n, item, error, "line", fields)


def position_key(key: str, label: str, n: int) -> str:
    """The key of a record that cannot be read: only its position names it."""
    return f"{key}#{label}:{n}"


def content_id(title: str | None, body: str) -> str:
    """A record's identity when it has no id of its own: its title and text, whitespace
    runs folded so that re-indenting a feed does not make new articles of old ones."""
    blob = " ".join(f"{title or ''}\n{body}".split())
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def record(key: str, name: str, n: int, item: Any, error: str | None, label: str,
           fields: dict[str, Any]) -> Raw | RecordError:
    if error:
        return RecordError(position_key(key, label, n), error)
    if not isinstance(item, dict):
        return RecordError(position_key(key, label, n), f"{label} {n} is not a JSON object")
    body = _field(item, fields["text"])
    if not isinstance(body, str) or not body.strip():
        return RecordError(position_key(key, label, n),
                           f"{label} {n} has no text (looked in: {', '.join(_names(fields['text']))})")
    title = _text(_field(item, fields["title"]))
    record_id = _field(item, fields["id"])
    if isinstance(record_id, (dict, list, bool)):
        record_id = None  # not an id a person would give; the content names it instead
    if record_id not in (None, "") and str(record_id).strip():
        record_key, proposal = f"{key}#id:{str(record_id).strip()}", str(record_id).strip()
    else:
        digest = content_id(title, body)
        record_key, proposal = f"{key}#text:{digest}", f"{name}-{digest[:10]}"
    lines = False
    if re.search(r"</?(?:p|div|br)\b", body, re.IGNORECASE):
        body, lines = html_fragment_text(body), True
    return Raw(
        record_key,
        proposal,
        body,
        title=title,
        published=_text(_field(item, fields["date"])),
        source_name=_text(_field(item, fields["source"])),
        url=_text(_field(item, fields["url"])),
        lines_are_paragraphs=lines or ("\n\n" not in body.strip()),
        record_sha=hashlib.sha256(json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest(),
        position=n,
        label=label,
    )


def _names(names: str | list[str]) -> list[str]:
    return [names] if isinstance(names, str) else list(names)


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


# -- Markdown --------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(?P<body>[\s\S]*?)\n---\n")
_MD_RULES = [
    (re.compile(r"^```[\s\S]*?^```\s*$", re.MULTILINE), ""),  # code blocks
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+", re.MULTILINE), ""),  # list markers
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
]


def _markdown(key: str, name: str, text: str) -> Raw:
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group("body").splitlines():
            k, sep, v = line.partition(":")
            if sep:
                meta[k.strip().lower()] = v.strip().strip("\"'")
        text = text[front.end():]
    title = meta.get("title")
    heading = re.search(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", text, re.MULTILINE)
    if heading and not title:
        title = heading.group(1)
    if heading:
        text = text[: heading.start()] + text[heading.end():]
    text = re.sub(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", r"\1", text, flags=re.MULTILINE)
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return Raw(key, name, text, title=title, published=meta.get("date"), source_name=meta.get("source"),
               url=meta.get("url"))
