"""A batch that raises is retried input by input; only what fails alone is reported failed."""

from __future__ import annotations

import logging

import pytest

from seq2seq.isolation import error_text, run_isolated


def _run_with_calls(bad: set[str]):
    calls: list[list[str]] = []

    def run(batch: list[str]) -> list[str]:
        calls.append(batch)
        if bad & set(batch):
            raise ValueError(f"cannot take {sorted(bad & set(batch))[0]}")
        return [s.upper() for s in batch]

    return run, calls


CASES = [
    # inputs, bad inputs, outputs, calls made
    (["a", "b", "c"], set(), ["A", "B", "C"], [["a", "b", "c"]]),
    (["a", "b", "c"], {"b"}, ["A", "ValueError: cannot take b", "C"], [["a", "b", "c"], ["a"], ["b"], ["c"]]),
    (["a", "b"], {"a", "b"}, ["ValueError: cannot take a", "ValueError: cannot take b"], [["a", "b"], ["a"], ["b"]]),
    (["b"], {"b"}, ["ValueError: cannot take b"], [["b"]]),
]


@pytest.mark.parametrize("items,bad,outputs,calls", CASES)
def test_a_failing_batch_is_retried_one_input_at_a_time(items, bad, outputs, calls):
    run, made = _run_with_calls(bad)
    assert run_isolated(run, items, error_text, "translation") == outputs
    assert made == calls


def test_the_log_says_what_failed(caplog):
    run, _ = _run_with_calls({"b"})
    with caplog.at_level(logging.WARNING, logger="seq2seq.isolation"):
        run_isolated(run, ["a", "b"], error_text, "summarisation")
    assert [r.getMessage() for r in caplog.records] == [
        "summarisation of a batch of 2 failed (cannot take b); retrying its inputs one by one",
        "summarisation failed for one input: cannot take b",
    ]
