"""The list of articles: filtered by review status, ordered, a page at a time."""

from __future__ import annotations

import re

from flask import Blueprint, render_template, request

from facts.support import THRESHOLD as SUPPORT_THRESHOLD
from tarjama.article_files import UnreadableArticle, load_article
from tarjama.review.context import listing, out
from tarjama.review.export import FORMATS
from tarjama.review.listing import ORDERS, PAGE_ROWS
from tarjama.review.status import STATUSES

bp = Blueprint("list", __name__)


@bp.get("/")
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
            load_article(out(), row.id, {row.id})
        except UnreadableArticle as exc:
            unreadable[row.id] = str(exc)
            continue
        rows.append(row)
    pages = max(1, -(-total // PAGE_ROWS))
    return render_template("review_index.html", rows=rows, counts={s: counts.get(s, 0) for s in STATUSES},
                           wanted=wanted, statuses=STATUSES, formats=FORMATS, unreadable=unreadable,
                           page=page, pages=pages, total=total, first=(page - 1) * PAGE_ROWS + 1, order=order,
                           threshold=SUPPORT_THRESHOLD)


def _page_number(raw: str, last: int) -> int:
    """?page= as a page that exists: past the last page (however long the number) is the last
    page; anything that is not a number, the first."""
    if not re.fullmatch(r"[0-9]+", raw, re.ASCII):
        return 1
    digits = raw.lstrip("0")
    return last if len(digits) > 9 else min(max(int(digits or "1"), 1), last)
