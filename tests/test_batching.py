import pytest

from summarise.chunking import chunk
from seq2seq.batching import plan_batches, split_for_workers


@pytest.mark.parametrize(
    "lengths,budget,max_items,expected",
    [
        ([5, 1, 3], 100, 10, [[0, 2, 1]]),
        ([5, 1, 3, 4], 10, 10, [[0, 3], [2, 1]]),
        ([5, 1, 3, 4], 9, 10, [[0], [3, 2], [1]]),
        ([2, 2, 2, 2, 2], 100, 2, [[0, 1], [2, 3], [4]]),
        ([50, 1], 10, 10, [[0], [1]]),  # longer than the budget: a batch of its own
        ([], 10, 10, []),
    ],
)
def test_plan_batches(lengths, budget, max_items, expected):
    assert plan_batches(lengths, budget, max_items) == expected


@pytest.mark.parametrize(
    "batches,workers,expected",
    [
        ([[0, 1, 2, 3, 4]], 2, [[0, 1, 2], [3, 4]]),
        ([[0, 1, 2, 3], [4]], 2, [[0, 1, 2, 3], [4]]),  # already enough
        ([[0, 1, 2, 3], [4]], 3, [[0, 1], [2, 3], [4]]),
        ([[7]], 4, [[7]]),  # one item cannot be split
        ([], 2, []),
        ([[0, 1, 2]], 1, [[0, 1, 2]]),
    ],
)
def test_split_for_workers(batches, workers, expected):
    assert split_for_workers(batches, workers) == expected


def test_plan_batches_covers_every_item_once_within_budget():
    lengths = [(i * 37) % 23 + 1 for i in range(200)]
    batches = plan_batches(lengths, 60, 8)
    assert sorted(i for b in batches for i in b) == list(range(200))
    for batch in batches:
        assert len(batch) <= 8
        assert len(batch) == 1 or max(lengths[i] for i in batch) * len(batch) <= 60


def _words(text):
    return len(text.split())


def test_chunk_packs_whole_sentences_and_loses_none():
    sentences = [f"s{i} " + "w " * (i % 5) for i in range(30)]
    chunks = chunk(sentences, _words, 10)
    assert all(_words(c) <= 10 for c in chunks)
    assert " ".join(chunks).split() == " ".join(sentences).split()
    assert len(chunks) > 1


def test_chunk_splits_a_sentence_longer_than_the_window():
    chunks = chunk(["a " * 25], _words, 10)
    assert [_words(c) for c in chunks] == [10, 10, 5]
