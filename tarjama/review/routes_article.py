"""One article's review page: its summary and versions, sentences, checks, facts and history.
The routes that change an article (routes_decisions, routes_glossary) answer with this page
when they refuse, with the reason and the reviewer's draft."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from tarjama.review.context import listing, record_or_404, store
from tarjama.review.store import version_support

SUMMARY_MAX_CHARS = 20_000  # about ten times distilbart's longest summary
NOTE_MAX_CHARS = 2_000

bp = Blueprint("article", __name__)


@bp.get("/article/<article_id>")
def show(article_id: str):
    return render_article(article_id)


def render_article(article_id: str, *, error: str | None = None, draft: str | None = None, code: int = 200):
    record = record_or_404(article_id)
    previous, following = listing().neighbours(article_id)
    flagged = {f.get("segment") for f in record.get("flags", []) if f.get("segment") is not None}
    state = store().state(article_id)
    page = render_template(
        "review_article.html", r=record, state=state, history=store().history(article_id),
        support=version_support(record, state.latest),
        decisions=store().decisions(article_id), flagged=flagged, low_score=current_app.config["LOW_SCORE"],
        previous=previous, next=following, error=error, draft=draft,
        summary_max=SUMMARY_MAX_CHARS, note_max=NOTE_MAX_CHARS,
    )
    return page, code
