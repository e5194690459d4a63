"""A regex alternation of many words written as a trie ("th(?:irt(?:een|y)|ree)"), so that
the regex engine, which tries the branches of an alternation one by one, fails at a word that
is none of them after one character instead of after trying every word. A space inside a
word matches any run of white space. Pure."""

from __future__ import annotations

import re
from typing import Iterable


def trie(words: Iterable[str]) -> str:
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(root)


def _pattern(node: dict) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: the longer words first (greedy), then this one
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body
