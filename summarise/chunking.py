"""Cutting a document into window-sized chunks on sentence boundaries. Pure."""

from __future__ import annotations

from typing import Callable, Sequence

from seq2seq.pieces import split_long


def chunk(sentences: Sequence[str], count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """Greedily pack whole sentences into chunks of at most `limit` tokens (as counted
    alone, without the model's special tokens); a sentence longer than `limit` is split at
    clause commas or between words first. Every word lands in exactly one chunk.

    Pieces are counted alone, but a tokenizer may count their join differently (a byte-level
    BPE gives a word after a space other tokens than at the start of a text), so each chunk
    is counted again as joined and, while over the limit, gives its last piece to the next."""
    pieces = [p for s in sentences if s.strip() for p in split_long(s.strip(), count_tokens, limit)]
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    queue = list(reversed(pieces))
    while queue:  # a stack: the next piece is at the end
        piece = queue.pop()
        n = count_tokens(piece)
        if current and used + n > limit:
            queue.append(piece)
            chunks.append(_close(current, queue, count_tokens, limit))
            current, used = [], 0
            continue
        current.append(piece)
        used += n
    if current:
        last = _close(current, queue, count_tokens, limit)
        chunks.append(last)
        if queue:  # the last chunk gave pieces back: pack them too
            chunks.extend(chunk(list(reversed(queue)), count_tokens, limit))
    return chunks


def _close(current: list[str], queue: list[str], count_tokens: Callable[[str], int], limit: int) -> str:
    """The chunk of `current`, handing trailing pieces back to `queue` while the joined text
    is over the limit (a lone piece always stays: split_long already sized it)."""
    back = []
    while len(current) > 1 and count_tokens(" ".join(current)) > limit:
        back.append(current.pop())
    queue.extend(back)  # the last piece given back ends up on top: next in order
    return " ".join(current)
