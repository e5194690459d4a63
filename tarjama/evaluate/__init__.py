"""`tarjama eval`: translation quality per config (sacrebleu), summaries (ROUGE), how well
numbers and dates survive, and the fact extractors against gold files."""
