"""A reviewer's edits and decisions: each a new summary version or decision row, refused
(409, the draft kept) when the summary changed since the page was opened."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for

from tarjama.article_json import support_for
from tarjama.inert import unshow_bidi
from tarjama.review import team
from tarjama.review.context import record_or_404, store
from tarjama.review.routes_article import NOTE_MAX_CHARS, SUMMARY_MAX_CHARS, render_article
from tarjama.review.store import StaleVersion

bp = Blueprint("decisions", __name__)


def _base_version() -> int:
    try:
        return int(request.form.get("version", ""))
    except ValueError:
        abort(400, "missing summary version: reload the page")


def _note() -> str:
    note = request.form.get("note", "")
    if len(note) > NOTE_MAX_CHARS:
        abort(400, f"the note is {len(note):,} characters; at most {NOTE_MAX_CHARS:,}")
    return note


@bp.post("/article/<article_id>/summary")
def save_summary(article_id: str):
    record = record_or_404(article_id)
    # The box showed direction controls as ⟦U+202E⟧ tokens: saved, they are the controls again.
    text = unshow_bidi(request.form.get("summary", "")).strip()
    if not text:
        return render_article(article_id, error="The summary is empty; nothing was saved.", code=400)
    if len(text) > SUMMARY_MAX_CHARS:
        return render_article(
            article_id, code=400, draft=text[:SUMMARY_MAX_CHARS],
            error=f"The summary is {len(text):,} characters, over the limit of {SUMMARY_MAX_CHARS:,}; "
                  "nothing was saved. The box below holds its first part.",
        )
    support = support_for(record, text)
    try:
        store().edit(article_id, text, team.current_reviewer(), _base_version(), _note(), support)
    except StaleVersion as exc:
        # Refused, not merged; the reviewer's text stays in the box so nothing is lost.
        return render_article(article_id, error=str(exc), draft=text, code=409)
    held = sum(s["supported"] for s in support["sentences"])
    flash(f"Summary saved as a new version: {held} of {len(support['sentences'])} sentences supported by the "
          f"article (support {support['score']:.2f}).")
    return redirect(url_for("article.show", article_id=article_id), 303)


@bp.post("/article/<article_id>/decision")
def decide(article_id: str):
    record_or_404(article_id)
    status = request.form.get("status")
    if status not in ("approved", "rejected"):
        abort(400, "status must be approved or rejected")
    try:
        store().decide(article_id, status, team.current_reviewer(), _base_version(), _note())
    except StaleVersion as exc:
        return render_article(article_id, error=str(exc), code=409)
    flash(f"Summary {status}.")
    return redirect(url_for("article.show", article_id=article_id), 303)
