"""Making untrusted text inert where a person reads it: logs, Markdown, CSV cells, pages.

Article text, titles, file names and reviewer notes come from outside. The JSON records keep
them exactly as they came; only the renderings a person looks at are changed, and only by
these pure functions.
"""

from __future__ import annotations

import re

# The embedding and isolate controls that reorder what follows them (LRE, RLE, PDF, LRO, RLO;
# LRI, RLI, FSI, PDI). An RLO placed before "2202" shows a reviewer "2022". The plain marks
# (LRM, RLM, ALM) only nudge neutral characters and are part of ordinary Arabic text.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def show_bidi(text: str) -> str:
    """Each direction control replaced by a visible token such as ⟦U+202E⟧, so the reader
    sees the text in its stored order and sees that something tried to reorder it."""
    return _BIDI.sub(lambda m: f"⟦U+{ord(m.group()):04X}⟧", text)


_SHOWN = re.compile("⟦U\\+(202[A-E]|206[6-9])⟧")


def unshow_bidi(text: str) -> str:
    """show_bidi undone: what a reviewer sends back from a page that showed ⟦U+202E⟧ holds
    the control it stood for, not the token as literal text."""
    return _SHOWN.sub(lambda m: chr(int(m.group(1), 16)), text)


def show_bidi_all(value: object) -> object:
    """show_bidi on every string inside a JSON-like value (an export row)."""
    if isinstance(value, str):
        return show_bidi(value)
    if isinstance(value, dict):
        return {k: show_bidi_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [show_bidi_all(v) for v in value]
    return value


_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029]")


def escape_controls(text: str) -> str:
    """One printable line: control characters (a newline in a file name forging a log line,
    a terminal escape) and direction controls written as Python escapes."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


# OWASP's CSV injection advice: a cell that a spreadsheet would read as a formula (or that
# starts with a tab or carriage return, which some strip before reading one) gets a leading
# apostrophe, which spreadsheets show as text and do not evaluate.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# In Markdown, raw HTML passes through to the rendered page, and [text](url) and <url> make
# links. Escaping the HTML specials and the link brackets leaves only literal text.
_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>&|]")
_MD_ESCAPES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_SCHEME = re.compile(r"\b(javascript|vbscript|data)(\s*):", re.IGNORECASE)


def md_text(text: str | None) -> str:
    """Untrusted text as literal Markdown inline text on one line."""
    text = (text or "").replace("\r", " ").replace("\n", " ")
    text = _MD_SPECIAL.sub(lambda m: _MD_ESCAPES.get(m.group(), "\\" + m.group()), text)
    # No link can form once brackets are escaped; a script scheme is broken anyway, for
    # renderers that autolink bare schemes.
    text = _SCHEME.sub(lambda m: f"{m.group(1)}{m.group(2)}&#58;", text)
    return show_bidi(text).strip()
