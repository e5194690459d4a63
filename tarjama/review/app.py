"""The review page: a Flask app over one output folder.

It reads the article files the job wrote and never writes them; everything a reviewer does
goes to .tarjama/review.sqlite. Every POST carries a CSRF token tied to the browser's session
and must come from our own pages; every request must name this server as its Host
(guard.py says why); bodies are capped.
"""

from __future__ import annotations

import hmac
import re
import secrets
import sqlite3
from pathlib import Path

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for
from jinja2 import ChoiceLoader, FileSystemLoader

from tarjama.damaged import DamagedDatabase, explain
from tarjama.inert import unshow_bidi
from tarjama.render.html import finalize, page_parts, term_pieces
from tarjama.review import glossary_edit, team
from tarjama.review.export import FORMATS, export
from tarjama.review.guard import LOOPBACK_NAMES, host_allowed, post_allowed
from facts.support import THRESHOLD as SUPPORT_THRESHOLD
from tarjama.article_json import support_for
from tarjama.review.listing import ORDERS, PAGE_ROWS, Listing
from tarjama.article_files import UnreadableArticle, load_article
from tarjama.review.store import STATUSES, ReviewStore, StaleVersion, version_support

LOW_SCORE_DEFAULT = -1.5
MAX_REQUEST_BYTES = 1024 * 1024  # larger bodies get 413 before they are read
SUMMARY_MAX_CHARS = 20_000  # about ten times distilbart's longest summary
NOTE_MAX_CHARS = 2_000
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def create_app(out: Path, reviewer: str | None, low_score: float = LOW_SCORE_DEFAULT, *,
               hosts: frozenset[str] = frozenset(LOOPBACK_NAMES), port: int | None = None,
               token: str | None = None) -> Flask:
    """`reviewer`: the name a browser uses until it gives its own (None: each browser is
    asked); `hosts`: the names a request's Host may give (guard.host_names); `port`: the
    port served, also checked in Host (None: any, for the in-process test client); `token`:
    required of every request when set (team.py)."""
    out = Path(out).resolve()
    if not (out / "articles").is_dir():
        raise FileNotFoundError(f"{out} has no articles/ folder; run `tarjama run INPUT -o {out}` first")
    check_databases(out)  # a damaged review.sqlite or ledger.sqlite: one line before serving, not a 500 a page
    app = Flask(__name__, static_folder="static")
    # The review pages first, then the parts they share with the static pages (a flag, ...).
    app.jinja_loader = ChoiceLoader([FileSystemLoader(Path(__file__).parent / "templates"), page_parts()])
    # Before jinja_env is first built: direction controls are shown, never obeyed.
    app.jinja_options = {**app.jinja_options, "finalize": finalize}
    app.secret_key = team.session_secret(out)
    app.config.update(OUT=out, LOW_SCORE=low_score, HOSTS=hosts, PORT=port,
                      MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES, MAX_FORM_MEMORY_SIZE=MAX_REQUEST_BYTES,
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
    app.jinja_env.globals["term_pieces"] = term_pieces
    team.install(app, token=token, default_reviewer=reviewer)

    @app.before_request
    def _check_host() -> None:
        if not host_allowed(request.host, app.config["HOSTS"], app.config["PORT"]):
            abort(421, "this server does not answer to that host name; start it with --allow-host NAME to add one")

    @app.before_request
    def _check_csrf() -> None:
        if request.method == "POST":
            if not post_allowed(request.headers.get("Origin"), request.headers.get("Sec-Fetch-Site"), request.host):
                abort(403, "cross-site request refused: use the review page itself")
            sent = request.form.get("csrf_token", "")
            if not sent or not hmac.compare_digest(sent, session.get("csrf", "")):
                abort(400, "missing or wrong CSRF token: reload the page and try again")

    def listing() -> Listing:
        if "listing" not in g:
            g.listing = Listing(out, store())
        return g.listing

    def record_or_404(article_id: str) -> dict:
        try:
            return listing().record(article_id)
        except KeyError:
            abort(404)
        except UnreadableArticle as exc:
            abort(404, f"articles/{exc} — the file is damaged. Delete it and run the job on this folder again "
                       "to write it anew.")

    @app.get("/")
    def index():
        wanted = request.args.get("status", "")
        counts = listing().counts()
        total = counts.get(wanted, 0) if wanted else sum(counts.values())
        order = request.args.get("order", "flags")
        order = order if order in ORDERS else "flags"
        page = _page_number(request.args.get("page", "1"), max(1, -(-total // PAGE_ROWS)))
        found = listing().page(wanted, page, PAGE_ROWS, order)
        # Only this page's files are opened, to list those a hand or a disk damaged.
        rows, unreadable = [], {}
        for row in found:
            try:
                load_article(out, row.id, {row.id})
            except UnreadableArticle as exc:
                unreadable[row.id] = str(exc)
                continue
            rows.append(row)
        pages = max(1, -(-total // PAGE_ROWS))
        return render_template("review_index.html", rows=rows, counts={s: counts.get(s, 0) for s in STATUSES},
                               wanted=wanted, statuses=STATUSES, formats=FORMATS, unreadable=unreadable,
                               page=page, pages=pages, total=total, first=(page - 1) * PAGE_ROWS + 1, order=order,
                               threshold=SUPPORT_THRESHOLD)

    def render_article(article_id: str, *, error: str | None = None, draft: str | None = None, code: int = 200):
        record = record_or_404(article_id)
        previous, following = listing().neighbours(article_id)
        flagged = {f.get("segment") for f in record.get("flags", []) if f.get("segment") is not None}
        state = store().state(article_id)
        page = render_template(
            "review_article.html", r=record, state=state, history=store().history(article_id),
            support=version_support(record, state.latest),
            decisions=store().decisions(article_id), flagged=flagged, low_score=app.config["LOW_SCORE"],
            previous=previous, next=following, error=error, draft=draft,
            summary_max=SUMMARY_MAX_CHARS, note_max=NOTE_MAX_CHARS,
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

    def _note() -> str:
        note = request.form.get("note", "")
        if len(note) > NOTE_MAX_CHARS:
            abort(400, f"the note is {len(note):,} characters; at most {NOTE_MAX_CHARS:,}")
        return note

    @app.post("/article/<article_id>/summary")
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
        return redirect(url_for("article", article_id=article_id), 303)

    @app.post("/article/<article_id>/decision")
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
        return redirect(url_for("article", article_id=article_id), 303)

    @app.post("/article/<article_id>/term")
    def add_term(article_id: str):
        record = record_or_404(article_id)
        arabic = " ".join(request.form.get("arabic", "").split())
        english = " ".join(request.form.get("english", "").split())
        problem = glossary_edit.problem(arabic, english, [s["ar"] for s in record["segments"]])
        if problem:
            return render_article(article_id, error=f"Term not added: {problem}", code=400)
        try:
            glossary_edit.add(out, store(), article_id, arabic, english, team.current_reviewer())
        except glossary_edit.GlossaryError as exc:
            return render_article(article_id, error=f"Term not added: {exc}", code=409)
        flash(f"«{arabic}» → «{english}» added to {glossary_edit.JOB_GLOSSARY}; a rerun of the job on this folder "
              "applies it.")
        return redirect(url_for("article", article_id=article_id), 303)

    @app.get("/export")
    def download():
        fmt = request.args.get("format", "jsonl")
        status = request.args.get("status", "approved")
        if fmt not in FORMATS or (status and status not in (*STATUSES, "all")):
            abort(400, f"format must be one of {', '.join(FORMATS)}; status one of {', '.join(STATUSES)}, all")
        body, skipped = export(out, store(), status=None if status in ("", "all") else status, fmt=fmt)
        headers = {"Content-Disposition": f"attachment; filename=digests.{fmt}"}
        if skipped:  # named in the server's log and on the list page; counted here
            for problem in skipped.values():
                app.logger.warning("export: skipped unreadable article file %s", problem)
            headers["X-Tarjama-Skipped"] = f"{len(skipped)} unreadable article file(s), listed on the list page"
        mime = {"jsonl": "application/x-ndjson", "md": "text/markdown", "csv": "text/csv"}[fmt]
        return app.response_class(body, mimetype=f"{mime}; charset=utf-8", headers=headers)

    @app.errorhandler(sqlite3.DatabaseError)
    @app.errorhandler(DamagedDatabase)
    def _database_error(exc):
        # Damaged since the server started: every page says which file and what to do.
        problem = exc if isinstance(exc, DamagedDatabase) else explain(out, exc)
        if problem is None:
            raise exc
        return app.response_class(f"{problem}\n", status=503, mimetype="text/plain")

    @app.after_request
    def _headers(response):
        # Scripts and styles only from this app's files, nothing inline; no framing; no
        # sniffing; article ids in our URLs are not sent to other sites.
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # no-referrer would make POSTs send "Origin: null"
        return response

    return app


def _page_number(raw: str, last: int) -> int:
    """?page= as a page that exists: past the last page (however long the number) is the last
    page; anything that is not a number, the first."""
    if not re.fullmatch(r"[0-9]+", raw, re.ASCII):
        return 1
    digits = raw.lstrip("0")
    return last if len(digits) > 9 else min(max(int(digits or "1"), 1), last)


def check_databases(out: Path) -> None:
    """Open the review store and the job's ledger as a request would; DamagedDatabase naming
    the file when one cannot be read."""
    try:
        store = ReviewStore(out)
        try:
            Listing(out, store)
        finally:
            store.close()
    except sqlite3.DatabaseError as exc:
        problem = explain(out, exc)
        if problem is None:
            raise
        raise problem from None
