"""The side-by-side Markdown rendering of an article record. Pure.

Every piece of article text goes through `md_text`: a source page's raw HTML or a
`[x](javascript:...)` link must come out as literal text, never as markup."""

from __future__ import annotations

from tarjama.article_json import machine_summary, machine_support
from tarjama.inert import md_text


def support_lines(support: dict) -> list[str]:
    """Each summary sentence with its support and the article sentences it comes from."""
    if not support["sentences"]:
        return []
    lines = [f"Support {support['score']:.2f} (a sentence is supported from {support['threshold']}):", "",
             "| # | summary sentence | support | from sentences |", "|---|---|---|---|"]
    for n, s in enumerate(support["sentences"], start=1):
        score = f"{s['score']:.2f}" + ("" if s["supported"] else " **unsupported**")
        lines.append(f"| {n} | {md_text(s['text'])} | {score} | {', '.join(str(j + 1) for j in s['sources']) or '-'} |")
    return lines + [""]


def render_markdown(record: dict) -> str:
    title = record["title"]
    lines = [f"# {md_text(title['en']) or md_text(record['id'])}", "", f"**{md_text(title['ar'])}**", ""]
    meta = [f"- id: {md_text(record['id'])}", f"- source: {md_text(record['source']['path'])}"]
    if record["source"].get("name"):
        meta.append(f"- source name: {md_text(record['source']['name'])}")
    meta.append(f"- published: {md_text(record['published']) or 'unknown'}")
    summary = machine_summary(record)
    lines += meta + ["", "## Summary", "", md_text(summary) or "_(empty)_", ""]
    lines += support_lines(machine_support(record))
    if record["flags"]:
        lines += ["## Flags", ""]
        lines += [f"- {md_text(flag.get('type'))}: {md_text(flag.get('message'))}" for flag in record["flags"]]
        lines.append("")
    lines += ["## Translation", "", "| ¶ | العربية | English | score |", "|---|---|---|---|"]
    for seg in record["segments"]:
        score = "" if seg["score"] is None else f"{seg['score']:.2f}"
        lines.append(f"| {seg['paragraph'] + 1} | {md_text(seg['ar'])} | {md_text(seg['en'])} | {score} |")
    return "\n".join(lines) + "\n"
