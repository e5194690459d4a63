"""The reviewed digests as a download (export.py writes them)."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, request

from tarjama.review.context import out, store
from tarjama.review.export import FORMATS, export
from tarjama.review.status import STATUSES

bp = Blueprint("export", __name__)


@bp.get("/export")
def download():
    fmt = request.args.get("format", "jsonl")
    status = request.args.get("status", "approved")
    if fmt not in FORMATS or (status and status not in (*STATUSES, "all")):
        abort(400, f"format must be one of {', '.join(FORMATS)}; status one of {', '.join(STATUSES)}, all")
    body, skipped = export(out(), store(), status=None if status in ("", "all") else status, fmt=fmt)
    headers = {"Content-Disposition": f"attachment; filename=digests.{fmt}"}
    if skipped:  # named in the server's log and on the list page; counted here
        for problem in skipped.values():
            current_app.logger.warning("export: skipped unreadable article file %s", problem)
        headers["X-Tarjama-Skipped"] = f"{len(skipped)} unreadable article file(s), listed on the list page"
    mime = {"jsonl": "application/x-ndjson", "md": "text/markdown", "csv": "text/csv"}[fmt]
    return current_app.response_class(body, mimetype=f"{mime}; charset=utf-8", headers=headers)
