"""Two small tools every fact reader stands on, tested directly: facts.trie (many words as one
regex alternation) and facts.spans (the characters a reading has claimed). The readers call
trie() while their module is imported, where the mutation run cannot reach it, so these are
what measure it (bench/mutation.py facts.trie, facts.spans)."""

from __future__ import annotations

import re

import pytest

from facts.spans import Claimed
from facts.trie import trie


@pytest.mark.parametrize("words,pattern", [
    ([], ""),
    (["a"], "a"),
    (["ab", "ac"], "a(?:b|c)"),
    (["three", "thirteen", "thirty"], "th(?:irt(?:een|y)|ree)"),  # thirt- shared
    (["may", "mayor"], "may(?:or)?"),  # a word that ends inside a longer one: the longer first
    (["in", "inch", "inches"], "in(?:ch(?:es)?)?"),
    (["ab", "a", "ac"], "a(?:b|c)?"),
    (["a.m", "a+b"], r"a(?:\+b|\.m)"),  # regex signs escaped
    (["per cent"], r"per\s+cent"),  # a space matches any run of white space
])
def test_the_pattern_of_a_word_list(words, pattern):
    assert trie(words) == pattern


# Each list, its pattern used the way the readers use it: the whole of a word, the longest
# word where one is the start of another, nothing that is not one of the words.
@pytest.mark.parametrize("words,text,found", [
    (["three", "thirteen", "thirty"], "thirteen", "thirteen"),
    (["three", "thirteen", "thirty"], "thirty", "thirty"),
    (["three", "thirteen", "thirty"], "three", "three"),
    (["three", "thirteen", "thirty"], "thir", None),
    (["may", "mayor"], "mayor", "mayor"),
    (["may", "mayor"], "may", "may"),
    (["in", "inch", "inches"], "inches", "inches"),
    (["in", "inch", "inches"], "inch", "inch"),
    (["per cent", "percent"], "per   cent", "per   cent"),
    (["per cent", "percent"], "per\ncent", "per\ncent"),
    (["per cent", "percent"], "percent", "percent"),
    (["a.m"], "aXm", None),
    (["كانون الثاني", "كانون الأول"], "كانون  الأول", "كانون  الأول"),
])
def test_a_pattern_matches_the_words_and_only_them(words, text, found):
    m = re.fullmatch(trie(words), text)
    assert (m.group() if m else None) == found


def test_every_word_of_a_long_list_and_no_other():
    words = [f"{a}{b}{c}" for a in "abc" for b in "ab" for c in ("", "x", "xy")]
    pattern = re.compile(trie(words))
    assert all(pattern.fullmatch(w) for w in words)
    assert not any(pattern.fullmatch(w) for w in ["", "d", "ax", "abyx", "cc", "aab"])


def test_a_claimed_span_is_not_free_and_its_neighbours_are():
    claimed = Claimed(10)
    claimed.claim(3, 6)
    assert [claimed.free(s, e) for s, e in [(0, 3), (6, 10), (2, 4), (5, 7), (3, 6), (4, 5), (0, 10)]] == [
        True, True, False, False, False, False, False]


def test_an_empty_span_is_free_unless_its_place_is_claimed():
    claimed = Claimed(5)
    claimed.claim(2, 3)
    assert claimed.free(2, 2) is False
    assert claimed.free(1, 1) is True and claimed.free(3, 3) is True
    assert claimed.free(5, 5) is True  # the end of the text


def test_take_claims_only_a_free_span():
    claimed = Claimed(8)
    assert claimed.take(2, 5) is True
    assert claimed.take(4, 7) is False
    assert claimed.free(5, 8) is True  # the refused span was not claimed
    assert claimed.take(5, 8) is True and not claimed.free(7, 8)
