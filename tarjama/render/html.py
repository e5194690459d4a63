"""HTML pages through Jinja2 with autoescaping on: article text is data, never markup."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import BaseLoader, Environment, PackageLoader, select_autoescape

from tarjama.inert import show_bidi
from tarjama.article_json import machine_support


def term_pieces(text: str, terms: list[dict] | None) -> list[tuple[str, dict | None]]:
    """The Arabic of a sentence cut at its glossary terms: (piece, term or None)."""
    pieces, at = [], 0
    for term in sorted(terms or [], key=lambda t: t["start"]):
        if term["start"] < at or term["end"] > len(text):
            continue
        if term["start"] > at:
            pieces.append((text[at:term["start"]], None))
        pieces.append((text[term["start"]:term["end"]], term))
        at = term["end"]
    if at < len(text) or not pieces:
        pieces.append((text[at:], None))
    return pieces


def finalize(value: object) -> object:
    """Applied to every {{ }} output: direction controls in article text are shown, not obeyed."""
    return show_bidi(value) if isinstance(value, str) else value


def page_parts() -> BaseLoader:
    """The templates of the static pages, whose parts (a flag, a sentence's glossary terms)
    the review app's pages include too: one copy of each part."""
    return PackageLoader("tarjama.render", "templates")


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=page_parts(),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
    )
    env.globals["term_pieces"] = term_pieces
    return env


def render_article(record: dict, low_score: float) -> str:
    flagged = {flag.get("segment") for flag in record["flags"]}
    return _env().get_template("article.html").render(r=record, low_score=low_score, flagged=flagged,
                                                      support=machine_support(record))


def render_index(rows: list[dict], failures: list[dict], generated: str, *, total: int | None = None, page: int = 1,
                 first: int = 1, links: dict | None = None) -> str:
    return _env().get_template("index.html").render(
        rows=rows, failures=failures, generated=generated, total=len(rows) if total is None else total, page=page,
        first=first, links=links or {"previous": None, "next": None, "pages": []})
