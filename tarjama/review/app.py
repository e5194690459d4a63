"""The review page: a Flask app over one output folder.

It reads the article files the job wrote and never writes them; everything a reviewer does
goes to .tarjama/review.sqlite. Every POST carries a CSRF token tied to the browser's session.
"""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for

from tarjama.review.export import FORMATS, export
from tarjama.review.store import STATUSES, ReviewStore, StaleVersion, sync_all

LOW_SCORE_DEFAULT = -1.5


def create_app(out: Path, reviewer: str, low_score: float = LOW_SCORE_DEFAULT) -> Flask:
    out = Path(out).resolve()
    if not (out / "articles").is_dir():
        raise FileNotFoundError(f"{out} has no articles/ folder; run `tarjama run INPUT -o {out}` first")
    app = Flask(__name__, template_folder="templates")
    app.secret_key = secrets.token_bytes(32)
    app.config.update(OUT=out, REVIEWER=reviewer, LOW_SCORE=low_score,
                      SESSION_COOKIE_SAMESITE="Strict", SESSION_COOKIE_HTTPONLY=True)

    def store() -> ReviewStore:
        if "store" not in g:
            g.store = ReviewStore(out)
        return g.store

    @app.teardown_appcontext
    def _close(_exc: object) -> None:
        s = g.pop("store", None)
        if s is not None:
            s.close()

    def csrf_token() -> str:
        if "csrf" not in session:
            session["csrf"] = secrets.token_urlsafe(32)
        return session["csrf"]

    app.jinja_env.globals["csrf_token"] = csrf_token

    @app.before_request
    def _check_csrf() -> None:
        if request.method == "POST":
            sent = request.form.get("csrf_token", "")
            if not sent or not hmac.compare_digest(sent, session.get("csrf", "")):
                abort(400, "missing or wrong CSRF token: reload the page and try again")

    def articles() -> tuple[dict[str, dict], dict]:
        records = sync_all(out, store())
        states = {s.article_id: s for s in store().states(list(records))}
        return records, states

    @app.get("/")
    def index():
        records, states = articles()
        wanted = request.args.get("status", "")
        rows = []
        for article_id, record in records.items():
            state = states[article_id]
            if wanted and state.status != wanted:
                continue
            rows.append({"id": article_id, "record": record, "state": state, "flags": len(record.get("flags", []))})
        # Flagged articles first, then those still to review.
        rows.sort(key=lambda r: (-r["flags"], r["state"].status not in ("to review", "stale", "edited"), r["id"]))
        counts = {s: sum(1 for st in states.values() if st.status == s) for s in STATUSES}
        return render_template("review_index.html", rows=rows, counts=counts, wanted=wanted, statuses=STATUSES,
                               reviewer=app.config["REVIEWER"], formats=FORMATS)

    def render_article(article_id: str, *, error: str | None = None, draft: str | None = None, code: int = 200):
        records, states = articles()
        if article_id not in records:
            abort(404)
        ids = list(records)
        position = ids.index(article_id)
        record = records[article_id]
        flagged = {f.get("segment") for f in record.get("flags", []) if f.get("segment") is not None}
        page = render_template(
            "review_article.html", r=record, state=states[article_id], history=store().history(article_id),
            decisions=store().decisions(article_id), flagged=flagged, low_score=app.config["LOW_SCORE"],
            previous=ids[position - 1] if position > 0 else None,
            next=ids[position + 1] if position + 1 < len(ids) else None,
            reviewer=app.config["REVIEWER"], error=error, draft=draft,
        )
        return page, code

    @app.get("/article/<article_id>")
    def article(article_id: str):
        return render_article(article_id)

    def _base_version() -> int:
        try:
            return int(request.form.get("version", ""))
        except ValueError:
            abort(400, "missing summary version: reload the page")

    @app.post("/article/<article_id>/summary")
    def save_summary(article_id: str):
        records, _ = articles()
        if article_id not in records:
            abort(404)
        text = request.form.get("summary", "").strip()
        if not text:
            return render_article(article_id, error="The summary is empty; nothing was saved.", code=400)
        try:
            store().edit(article_id, text, app.config["REVIEWER"], _base_version(), request.form.get("note"))
        except StaleVersion as exc:
            # Refused, not merged; the reviewer's text stays in the box so nothing is lost.
            return render_article(article_id, error=str(exc), draft=text, code=409)
        flash("Summary saved as a new version.")
        return redirect(url_for("article", article_id=article_id), 303)

    @app.post("/article/<article_id>/decision")
    def decide(article_id: str):
        records, _ = articles()
        if article_id not in records:
            abort(404)
        status = request.form.get("status")
        if status not in ("approved", "rejected"):
            abort(400, "status must be approved or rejected")
        try:
            store().decide(article_id, status, app.config["REVIEWER"], _base_version(), request.form.get("note"))
        except StaleVersion as exc:
            return render_article(article_id, error=str(exc), code=409)
        flash(f"Summary {status}.")
        return redirect(url_for("article", article_id=article_id), 303)

    @app.get("/export")
    def download():
        fmt = request.args.get("format", "jsonl")
        status = request.args.get("status", "approved")
        if fmt not in FORMATS or (status and status not in STATUSES):
            abort(400, f"format must be one of {', '.join(FORMATS)}; status one of {', '.join(STATUSES)}")
        body = export(out, store(), status=status or None, fmt=fmt)
        mime = {"jsonl": "application/x-ndjson", "md": "text/markdown", "csv": "text/csv"}[fmt]
        return app.response_class(body, mimetype=f"{mime}; charset=utf-8",
                                  headers={"Content-Disposition": f"attachment; filename=digests.{fmt}"})

    @app.after_request
    def _headers(response):
        # Inline scripts only from this app; no framing; no sniffing.
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    return app
