"""Chunks for the summariser's window, counted as the tokenizer counts their joined text."""

import pytest

from summarise.chunking import chunk


def joined_counter(text: str) -> int:
    """Like a byte-level BPE on words it has not seen: a word after a space costs two tokens,
    at the start of a text one; so pieces counted alone undercount their join."""
    words = text.split()
    return 2 * len(words) - 1 if words else 0


@pytest.mark.parametrize("limit", [3, 5, 8, 13])
def test_every_chunk_fits_when_joining_costs_more_than_the_parts(limit):
    sentences = [f"w{i}" for i in range(40)]
    chunks = chunk(sentences, joined_counter, limit)
    assert all(joined_counter(c) <= limit for c in chunks)
    assert " ".join(chunks).split() == sentences  # every word once, in order


def test_plain_counter_packs_greedily():
    count = lambda text: len(text.split())  # noqa: E731
    assert chunk(["a b", "c d", "e"], count, 4) == ["a b c d", "e"]
