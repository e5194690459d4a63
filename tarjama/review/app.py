"""The review page: a Flask app over one output folder.

It reads the article files the job wrote and never writes them; everything a reviewer does
goes to .tarjama/review.sqlite. Every POST carries a CSRF token tied to the browser's session
and must come from our own pages; every request must name this server as its Host
(guard.py says why); bodies are capped.
"""

from __future__ import annotations

import hmac
import secrets
import sqlite3
from pathlib import Path

from flask import Flask, abort, current_app, request, session
from jinja2 import ChoiceLoader, FileSystemLoader

from tarjama.damaged import DamagedDatabase, explain
from tarjama.render.html import finalize, page_parts, term_pieces
from tarjama.review import routes_article, routes_decisions, routes_export, routes_glossary, routes_list, team
from tarjama.review.context import close_store
from tarjama.review.guard import LOOPBACK_NAMES, host_allowed, post_allowed
from tarjama.review.listing import Listing
from tarjama.review.store import ReviewStore

LOW_SCORE_DEFAULT = -1.5
MAX_REQUEST_BYTES = 1024 * 1024  # larger bodies get 413 before they are read
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# The pages, one module of routes each: the list; an article; its edits and decisions; its
# glossary terms; the export. team.py adds the reviewer's name page.
ROUTES = (routes_list, routes_article, routes_decisions, routes_glossary, routes_export)


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

    @app.teardown_appcontext
    def _close(_exc: object) -> None:
        close_store()

    app.jinja_env.globals["csrf_token"] = _csrf_token
    app.jinja_env.globals["term_pieces"] = term_pieces
    team.install(app, token=token, default_reviewer=reviewer)
    app.before_request(_check_host)
    app.before_request(_check_csrf)
    for routes in ROUTES:
        app.register_blueprint(routes.bp)

    @app.errorhandler(sqlite3.DatabaseError)
    @app.errorhandler(DamagedDatabase)
    def _database_error(exc):
        # Damaged since the server started: every page says which file and what to do.
        problem = exc if isinstance(exc, DamagedDatabase) else explain(out, exc)
        if problem is None:
            raise exc
        return app.response_class(f"{problem}\n", status=503, mimetype="text/plain")

    app.after_request(_headers)
    return app


def _csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def _check_host() -> None:
    if not host_allowed(request.host, current_app.config["HOSTS"], current_app.config["PORT"]):
        abort(421, "this server does not answer to that host name; start it with --allow-host NAME to add one")


def _check_csrf() -> None:
    if request.method == "POST":
        if not post_allowed(request.headers.get("Origin"), request.headers.get("Sec-Fetch-Site"), request.host):
            abort(403, "cross-site request refused: use the review page itself")
        sent = request.form.get("csrf_token", "")
        if not sent or not hmac.compare_digest(sent, session.get("csrf", "")):
            abort(400, "missing or wrong CSRF token: reload the page and try again")


def _headers(response):
    # Scripts and styles only from this app's files, nothing inline; no framing; no
    # sniffing; article ids in our URLs are not sent to other sites.
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"  # no-referrer would make POSTs send "Origin: null"
    return response


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
