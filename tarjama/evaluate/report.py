"""The table `tarjama eval` prints: one row per config, the columns a reader compares."""

from __future__ import annotations

from typing import Sequence

COLUMNS = [("row", "name"), ("BLEU", "bleu"), ("chrF++", "chrf"), ("TER", "ter"), ("sent/s", "sentences_per_second"),
           ("peak MB", "peak_rss_mb"), ("facts kept", "facts_kept"), ("flagged", "flag_rate")]


def _cell(entry: dict, key: str) -> str:
    value = entry.get(key, entry.get("facts", {}).get(key))
    if value is None:
        return "-"
    if key in ("facts_kept", "flag_rate"):
        return f"{100 * value:.1f}%"
    return str(value)


def _marker(entry: dict, metric: str) -> str:
    test = entry.get("significance", {}).get(metric)
    return "" if not test else ("*" if test["significant"] else " ")


def table(rows: Sequence[dict]) -> str:
    body = []
    for entry in rows:
        if entry.get("status") != "ok":
            body.append([entry["name"], f"FAILED: {entry.get('error', '')}"])
            continue
        cells = []
        for title, key in COLUMNS:
            cell = _cell(entry, key)
            if key in ("bleu", "chrf", "ter"):
                cell += _marker(entry, key)
            cells.append(cell)
        body.append(cells)
    widths = [max(len(title), *(len(r[i]) for r in body if len(r) == len(COLUMNS))) for i, (title, _) in
              enumerate(COLUMNS)]
    lines = ["  ".join(title.ljust(w) for (title, _), w in zip(COLUMNS, widths)).rstrip()]
    for cells in body:
        if len(cells) == len(COLUMNS):
            lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip())
        else:
            lines.append(f"{cells[0].ljust(widths[0])}  {cells[1]}")
    if any("significance" in r for r in rows):
        first = next(r for r in rows if r.get("status") == "ok")["name"]
        lines.append(f"* differs from {first} at p < 0.05 (sacrebleu paired bootstrap, 1000 samples)")
    return "\n".join(lines) + "\n"


def signatures(rows: Sequence[dict]) -> str:
    seen = {}
    for entry in rows:
        for metric, signature in entry.get("signatures", {}).items():
            seen.setdefault(metric, signature)
    return "".join(f"{metric}: {signature}\n" for metric, signature in seen.items())
