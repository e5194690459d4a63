"""What a request of the review page works with: the review store and the listing, each opened
once per request (app.py closes the store when the request ends), and the article it asks for."""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, g

from tarjama.article_files import UnreadableArticle
from tarjama.review.listing import Listing
from tarjama.review.store import ReviewStore


def out() -> Path:
    return current_app.config["OUT"]


def store() -> ReviewStore:
    if "store" not in g:
        g.store = ReviewStore(out())
    return g.store


def close_store() -> None:
    s = g.pop("store", None)
    if s is not None:
        s.close()


def listing() -> Listing:
    if "listing" not in g:
        g.listing = Listing(out(), store())
    return g.listing


def record_or_404(article_id: str) -> dict:
    """The article's JSON; 404 when the job did not finish it or its file is damaged."""
    try:
        return listing().record(article_id)
    except KeyError:
        abort(404)
    except UnreadableArticle as exc:
        abort(404, f"articles/{exc} — the file is damaged. Delete it and run the job on this folder again "
                   "to write it anew.")
