"""Summary sentences where the mutation run (bench/mutation.py facts.sentences) found the rules
unheld: initials inside brackets and quotes, dotted abbreviations the list does not name, a
one-letter word or a digit before a full stop, a lower-case word after one, an ellipsis, and a
stray full stop left by a summariser."""

from __future__ import annotations

import pytest

from facts.sentences import split_sentences


@pytest.mark.parametrize("text,expected", [
    # An initial is no sentence end, bracketed or quoted, or the letter X.
    ("The letter was signed (J. Smith) yesterday.", ["The letter was signed (J. Smith) yesterday."]),
    ("The note was signed “J. Smith” on Monday.", ["The note was signed “J. Smith” on Monday."]),
    ("He met X. Li there.", ["He met X. Li there."]),
    # A listed abbreviation inside quotes.
    ('The note read "Dr. Ahmed is away" on Monday.', ['The note read "Dr. Ahmed is away" on Monday.']),
    # Dotted letters the list does not name, before a capital.
    ("He joined the U.A.E. Team in May.", ["He joined the U.A.E. Team in May."]),
    # A one-letter word that is not an initial, and a digit, end the sentence before a capital.
    ("They chose plan b. Next came the vote.", ["They chose plan b.", "Next came the vote."]),
    ("They met in room 5. Next day they left.", ["They met in room 5.", "Next day they left."]),
    # A word the list does not name, before a lower-case word: the same sentence.
    ("Prices rose 3 pct. in March.", ["Prices rose 3 pct. in March."]),
    # An ellipsis always ends a sentence, whatever follows.
    ("He paused... then he left.", ["He paused...", "then he left."]),
    # A stray full stop (a summariser's " . .") is dropped, not glued to the next sentence.
    ("Floods hit Basra . . The governor closed schools .", ["Floods hit Basra.", "The governor closed schools."]),
    (". Next one.", ["Next one."]),
    (". . .", []),
])
def test_summary_sentences_where_the_rules_meet(text, expected):
    assert split_sentences(text) == expected
