"""Article record -> files a person reads: Markdown table, self-contained HTML, the index."""
