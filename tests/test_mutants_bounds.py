"""The bounds that keep fact reading linear (facts/bounds.py) where the mutation run
(bench/mutation.py facts.bounds) found them unheld: where a long text is cut (after a sentence
end, else at a space, else anywhere), the place of each fact read from a later piece, the text
of a fact next to a blanked run, the figures a check compares, and each warning in full."""

from __future__ import annotations

import logging

import pytest

from facts import arabic, bounds
from facts.types import Facts, NumberFact

LIMIT = bounds.PIECE_MAX_CHARS


def test_a_text_within_the_limit_is_one_piece_at_its_start():
    text = "كلمة " * (LIMIT // 5)
    assert len(text) == LIMIT
    assert bounds.pieces(text) == [(0, text)]
    assert bounds.pieces("قال.") == [(0, "قال.")]


def test_a_long_text_is_cut_just_after_its_last_sentence_end(caplog):
    first = "x" * 998 + ". "  # a sentence end at 998, the rest of the window words with spaces
    rest = ("abcd " * 400)[:LIMIT - 1]  # what follows the cut is then exactly the limit: no further cut
    text = first + rest
    with caplog.at_level(logging.WARNING, logger="tarjama"):
        assert bounds.pieces(text) == [(0, text[:999]), (999, text[999:])]
    assert len(text) - 999 == LIMIT
    assert caplog.text == ""  # cut between sentences: nothing to warn of


def test_a_long_sentence_is_cut_at_its_last_space_and_the_warning_counts_the_cuts(caplog):
    text = "words " * 1000  # 6,000 characters, no sentence end; each limit falls inside a word
    with caplog.at_level(logging.WARNING, logger="tarjama"):
        parts = bounds.pieces(text)
    assert [start for start, _ in parts] == [0, 1998, 3996, 5994]  # just after the spaces at 1,997, ...
    assert all(piece.endswith(" ") for _, piece in parts[:-1])
    assert "".join(piece for _, piece in parts) == text
    assert caplog.messages == [
        "facts: a sentence over 2,000 characters was read in pieces (3 cut between words); a figure or date "
        "spanning a cut may be missed"]


def test_a_text_without_any_space_is_cut_at_the_limit():
    text = "x" * (2 * LIMIT + 10)  # only without blank_long_runs
    assert [(start, len(piece)) for start, piece in bounds.pieces(text)] == [(0, LIMIT), (LIMIT, LIMIT),
                                                                              (2 * LIMIT, 10)]


@pytest.mark.parametrize("last", [200, 300])  # two pieces, and more
def test_each_piece_is_read_alone_and_its_facts_keep_their_place_in_the_whole(last):
    text = "".join(f"قال الوزير إن {n} جنديا وصلوا. " for n in range(100, last))
    assert len(bounds.pieces(text)) == (2 if last == 200 else 4)
    seen = []

    def read(piece):
        seen.append(len(piece))
        return arabic.read(piece)

    facts = bounds.extract_bounded(text, read)
    assert len(seen) > 1 and max(seen) <= LIMIT
    assert [n.value for n in facts.numbers] == list(range(100, last))
    assert [n.start for n in facts.numbers] == [text.index(f" {n} ") + 1 for n in range(100, last)]
    assert [n.end for n in facts.numbers] == [text.index(f" {n} ") + 4 for n in range(100, last)]


def test_a_fact_read_across_a_blanked_run_is_given_the_text_as_written(caplog):
    run = "٩" * 300
    text = f"نصت المادة {run} 140 على ذلك"
    with caplog.at_level(logging.WARNING, logger="tarjama"):
        (label,) = arabic.extract(text).ordinals
    assert label.text == text[label.start:label.end].strip() and run in label.text
    assert caplog.messages == [
        "facts: 1 run(s) of over 200 characters without a space (longest 300) not read for facts"]


def _numbers(count: int) -> Facts:
    return Facts(numbers=tuple(NumberFact(str(i), float(i), None, i, i + 1) for i in range(count)))


def test_the_checks_see_at_most_checked_max_figures_of_a_kind(caplog):
    limit = bounds.CHECKED_MAX
    with caplog.at_level(logging.WARNING, logger="tarjama"):
        assert bounds.checkable(_numbers(limit), 0, "source") == _numbers(limit)
    assert caplog.text == ""
    over = Facts(numbers=_numbers(limit + 1).numbers, dates=())
    with caplog.at_level(logging.WARNING, logger="tarjama"):
        assert bounds.checkable(over, 4, "translation") == _numbers(limit)
    assert caplog.messages == [
        f"facts: sentence 5 has {limit + 1} numbers in the translation; only the first {limit} of each kind are checked"]


def test_the_warning_names_each_kind_over_and_the_side(caplog):
    from facts.types import TimeFact

    limit = bounds.CHECKED_MAX
    times = tuple(TimeFact(str(i), i, i, i + 1) for i in range(limit + 2))
    target = Facts(numbers=_numbers(limit + 1).numbers, times=times)
    with caplog.at_level(logging.WARNING, logger="tarjama"):
        bounds.check_sentence(0, Facts(), target)
    assert caplog.messages == [
        f"facts: sentence 1 has {limit + 1} numbers, {limit + 2} times in the translation; only the first {limit} of "
        "each kind are checked"]


@pytest.mark.parametrize("side", ["source", "translation"])
def test_check_sentence_names_the_side_over_the_limit(side, caplog):
    many = _numbers(bounds.CHECKED_MAX + 1)
    source, target = (many, Facts()) if side == "source" else (Facts(), many)
    with caplog.at_level(logging.WARNING, logger="tarjama"):
        bounds.check_sentence(2, source, target)
    assert f"in the {side};" in caplog.text
