"""A review server for a team: an access token when it is reachable beyond this machine, and
each browser's own reviewer name, kept in its session cookie, so every edit says who made it.

The token is shown once, in the link printed at start; opening that link stores proof of it
in the browser's session and drops it from the address bar. Scripts send it as
`Authorization: Bearer TOKEN`.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import re
import secrets
import unicodedata
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from flask import Flask, abort, current_app, redirect, render_template, request, session, url_for

from tarjama.inert import BIDI_CONTROLS

REVIEWER_MAX_CHARS = 80
# Reading without a name is fine for these: the name page itself, styles and scripts, and
# the export (often fetched by a script).
_OPEN_ENDPOINTS = {"static", "reviewer", "export.download"}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def session_secret(out: Path) -> bytes:
    """The key that signs session cookies, kept in the output folder (mode 600) so that a
    restarted server still knows its browsers' names."""
    path = out / ".tarjama" / "review-secret"
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        key = secrets.token_bytes(32)
        path.parent.mkdir(parents=True, exist_ok=True)  # a folder of article files copied on their own
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key.hex())
        return key


def _proof(token: str) -> str:
    return hashlib.sha256(f"tarjama-review:{token}".encode()).hexdigest()


def clean_name(raw: str) -> str | None:
    """A reviewer's name as recorded: spaces folded; None unless it has a visible character
    (a letter, digit, mark of punctuation or symbol: not only format or direction
    characters) and no control character, direction controls included (a name recorded
    with an override would read as another in the history)."""
    name = " ".join(raw.split())
    if not name or len(name) > REVIEWER_MAX_CHARS or re.search(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]", name):
        return None
    if not any(unicodedata.category(ch)[0] in "LNPS" for ch in name):
        return None
    return name


TOKEN_MIN_CHARS = 16
_TOKEN = re.compile(r"[A-Za-z0-9._~-]+")


def token_problem(token: str) -> str | None:
    """Why a token given with --token cannot be used, or None: it must be hard to guess, and
    travel in the printed link as it is (letters, digits, . _ ~ -)."""
    if len(token) < TOKEN_MIN_CHARS:
        return f"at least {TOKEN_MIN_CHARS} characters, so that it cannot be guessed (this one has {len(token)})"
    if not _TOKEN.fullmatch(token):
        return "only letters, digits and . _ ~ - (it travels in the link as it is)"
    return None


def current_reviewer() -> str | None:
    """This browser's name, else the server's default (None: the browser must give one)."""
    return session.get("reviewer") or current_app.config["DEFAULT_REVIEWER"]


def install(app: Flask, *, token: str | None, default_reviewer: str | None) -> None:
    """`token`: required of every request when set. `default_reviewer`: the name used by a
    browser that has not given one (a server on loopback, used by the person who started
    it); None makes every browser ask."""
    app.config.update(TOKEN=token, DEFAULT_REVIEWER=default_reviewer)

    reviewer = current_reviewer
    app.jinja_env.globals["current_reviewer"] = current_reviewer

    @app.before_request
    def _check_token():
        token = app.config["TOKEN"]
        if not token:
            return None
        if hmac.compare_digest(session.get("access", ""), _proof(token)):
            return None
        sent = request.args.get("token") or request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if sent and hmac.compare_digest(sent, token):
            if request.args.get("token"):
                session["access"] = _proof(token)
                # The token leaves the address bar; the rest of the query stays.
                rest = urlencode([(k, v) for k, v in request.args.items(multi=True) if k != "token"])
                return redirect(request.path + (f"?{rest}" if rest else ""), 303)
            return None
        abort(401, "this review server needs its access token: open the link it printed when it started "
                   "(or send Authorization: Bearer TOKEN)")

    @app.before_request
    def _ask_name():
        if request.endpoint == "reviewer" or (request.endpoint in _OPEN_ENDPOINTS and request.method == "GET") \
                or reviewer():
            return None
        if request.method == "POST":
            abort(403, "say who you are first: open /reviewer")
        return redirect(url_for("reviewer", next=request.full_path.rstrip("?")), 303)

    @app.route("/reviewer", methods=["GET", "POST"], endpoint="reviewer")
    def reviewer_form():
        error = None
        target = request.values.get("next", "/")
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or not target.startswith("/"):
            target = "/"  # never redirect off this server
        if request.method == "POST":
            name = clean_name(request.form.get("name", ""))
            if name:
                session["reviewer"] = name
                return redirect(target, 303)
            error = (f"Give a name of 1 to {REVIEWER_MAX_CHARS} characters, at least one of them visible, and no "
                     "control or direction characters.")
        return render_template("review_name.html", error=error, next=target, name=reviewer() or "",
                               limit=REVIEWER_MAX_CHARS), (400 if error else 200)

