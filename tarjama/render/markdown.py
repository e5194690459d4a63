"""The side-by-side Markdown rendering of an article record. Pure."""

from __future__ import annotations


def _cell(text: str | None) -> str:
    # A table cell cannot hold a pipe or a line break.
    return (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def render_markdown(record: dict) -> str:
    title = record["title"]
    lines = [f"# {_cell(title['en']) or record['id']}", "", f"**{_cell(title['ar'])}**", ""]
    meta = [f"- id: `{record['id']}`", f"- source: `{_cell(record['source']['path'])}`"]
    if record["source"].get("name"):
        meta.append(f"- source name: {_cell(record['source']['name'])}")
    meta.append(f"- published: {record['published'] or 'unknown'}")
    lines += meta + ["", "## Summary", "", record["summary"]["en"] or "_(empty)_", ""]
    if record["flags"]:
        lines += ["## Flags", ""]
        lines += [f"- {_cell(flag.get('type'))}: {_cell(flag.get('message'))}" for flag in record["flags"]]
        lines.append("")
    lines += ["## Translation", "", "| ¶ | العربية | English | score |", "|---|---|---|---|"]
    for seg in record["segments"]:
        score = "" if seg["score"] is None else f"{seg['score']:.2f}"
        lines.append(f"| {seg['paragraph'] + 1} | {_cell(seg['ar'])} | {_cell(seg['en'])} | {score} |")
    return "\n".join(lines) + "\n"
