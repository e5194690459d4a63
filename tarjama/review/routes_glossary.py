"""A term a reviewer adds to the job's glossary from an article's page."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for

from tarjama.review import glossary_edit, team
from tarjama.review.context import out, record_or_404, store
from tarjama.review.routes_article import render_article

bp = Blueprint("glossary", __name__)


@bp.post("/article/<article_id>/term")
def add_term(article_id: str):
    record = record_or_404(article_id)
    arabic = " ".join(request.form.get("arabic", "").split())
    english = " ".join(request.form.get("english", "").split())
    problem = glossary_edit.problem(arabic, english, [s["ar"] for s in record["segments"]])
    if problem:
        return render_article(article_id, error=f"Term not added: {problem}", code=400)
    try:
        glossary_edit.add(out(), store(), article_id, arabic, english, team.current_reviewer())
    except glossary_edit.GlossaryError as exc:
        return render_article(article_id, error=f"Term not added: {exc}", code=409)
    flash(f"«{arabic}» → «{english}» added to {glossary_edit.JOB_GLOSSARY}; a rerun of the job on this folder "
          "applies it.")
    return redirect(url_for("article.show", article_id=article_id), 303)
