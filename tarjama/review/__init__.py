"""Reviewing the English summaries: a local web page, decisions in SQLite, and export."""
