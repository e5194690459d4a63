"""`tarjama export`: the reviewed digests, with the edited summary where there is one, each
with its source, facts and who decided on it."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

from tarjama.article_json import machine_summary
from tarjama.inert import csv_cell, md_text, show_bidi, show_bidi_all
from tarjama.render.markdown import support_lines
from tarjama.review.listing import Listing
from tarjama.article_files import UnreadableArticle
from tarjama.review.store import ReviewStore, version_support

FORMATS = ("jsonl", "md", "csv")


def digests(out: Path, store: ReviewStore, status: str | None) -> tuple[list[dict], dict[str, str]]:
    """The rows to export, and the article files that could not be read (skipped)."""
    rows, unreadable = [], {}
    listing = Listing(out, store)
    for article_id in listing.ids(status or ""):
        try:
            record = listing.record(article_id)
        except UnreadableArticle as exc:
            unreadable[article_id] = str(exc)
            continue
        state = store.state(article_id)
        if status and state.status != status:  # changed by the sync of this very file
            continue
        decision = state.decision
        rows.append({
            "id": article_id,
            "status": state.status,
            "title": record["title"],
            "published": record.get("published"),
            "source": record["source"],
            "summary": state.summary,
            "summary_version": state.latest.version,
            "summary_edited": state.latest.origin == "edit",
            "machine_summary": machine_summary(record),
            "support": version_support(record, state.latest),
            "facts": record.get("facts", {}),
            "flags": record.get("flags", []),
            "decision": None if decision is None else {
                "status": decision.status,
                "reviewer": decision.reviewer,
                "note": decision.note,
                "at": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(decision.created)) + "Z",
                "version": decision.version,
            },
        })
    return rows, unreadable


def export(out: Path, store: ReviewStore, *, status: str | None, fmt: str) -> tuple[str, dict[str, str]]:
    """The export's text, and the unreadable article files it skipped."""
    rows, unreadable = digests(out, store, status)
    return _format(rows, fmt), unreadable


def _format(rows: list[dict], fmt: str) -> str:
    # Direction controls shown as tokens (⟦U+202E⟧), as the pages show them: a spreadsheet
    # or a viewer would otherwise obey them and reorder what a reader sees.
    if fmt == "jsonl":
        return "".join(json.dumps(show_bidi_all(row), ensure_ascii=False) + "\n" for row in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["id", "status", "title_ar", "title_en", "published", "source_path", "summary",
                         "edited", "reviewer", "decided_at", "note", "flags", "dates", "numbers", "support",
                         "unsupported_sentences"])
        for row in rows:
            d = row["decision"] or {}
            facts = row["facts"].get("source", {})
            writer.writerow([csv_cell(show_bidi(cell) if isinstance(cell, str) else cell) for cell in [
                row["id"], row["status"], row["title"]["ar"], row["title"]["en"], row["published"] or "",
                row["source"]["path"], row["summary"], row["summary_edited"], d.get("reviewer", ""),
                d.get("at", ""), d.get("note") or "", len(row["flags"]),
                "; ".join(x["iso"] or x["text"] for x in facts.get("dates", [])),
                "; ".join(x["text"] for x in facts.get("numbers", [])),
                "" if row["support"]["score"] is None else row["support"]["score"],
                " | ".join(x["text"] for x in row["support"]["sentences"] if not x["supported"]),
            ]])
        return buffer.getvalue()
    parts = []
    for row in rows:
        d = row["decision"] or {}
        source = row["source"]
        parts.append(
            f"## {md_text(row['title']['en']) or md_text(row['id'])}\n\n**{md_text(row['title']['ar'])}**\n\n"
            f"- id: {md_text(row['id'])} · status: {row['status']}"
            + (f" by {md_text(d['reviewer'])} at {d['at']}" if d else "") + "\n"
            f"- source: {md_text(source['path'])}" + (f" ({md_text(source['name'])})" if source.get("name") else "")
            + f"\n- published: {md_text(row['published']) or 'unknown'}\n"
            + (f"- note: {md_text(d['note'])}\n" if d.get("note") else "")
            + f"\n{md_text(row['summary'])}\n\n" + "\n".join(support_lines(row["support"]))
        )
    return "\n".join(parts)
