"""A minimum output length that costs one column write per step, not copies of all scores.

transformers enforces min_new_tokens (and min_length) with two processors that, at every
step, clone the whole score matrix, build a vocabulary-sized mask and write a third matrix
with torch.where, even after the minimum is reached: for beam-4 Marian on 64 sentences that
is three 64 MB arrays per step. py-spy put the two at 5.7% of a default-engine bench job;
distilbart's model card sets min_length = 56, so every summary pays it. Here one processor
sets the end token's score to -inf, in place, while the output is too short.

It runs last (generate() appends processors it did not make), so at the step where
forced_eos_token_id forces the end it stands aside, as the stock order lets the forced end
win. Sampling and remove_invalid_values keep transformers' own processors: there, order
changes the result.
"""

from __future__ import annotations

from typing import Any


def lighter_min_length(model: Any, generation: dict[str, Any]) -> dict[str, Any]:
    """`generation` with its minimum length enforced by EosBan instead of transformers'
    processors, or unchanged where that would not give the same tokens."""
    defaults = model.generation_config

    def setting(name: str) -> Any:
        return generation[name] if name in generation else getattr(defaults, name, None)

    min_new, min_length = setting("min_new_tokens"), setting("min_length") or 0
    # As generate(): min_new_tokens, when set (even to 0), replaces min_length.
    minimum = min_new if min_new is not None else min_length
    eos = setting("eos_token_id")
    if not minimum or eos is None or setting("do_sample") or setting("remove_invalid_values"):
        return dict(generation)
    forced_eos = setting("forced_eos_token_id") is not None
    if "logits_processor" in generation or (forced_eos and not setting("max_new_tokens")):
        return dict(generation)  # where the forced end falls depends on generate()'s length rules
    ban = EosBan(
        eos=[eos] if isinstance(eos, int) else list(eos),
        min_new=min_new,
        min_length=min_length,
        max_new=setting("max_new_tokens"),
        forced_eos=forced_eos,
    )
    return {**generation, "min_new_tokens": None, "min_length": 0, "logits_processor": _processor_list(ban)}


def _processor_list(ban: EosBan) -> Any:
    from transformers import LogitsProcessorList

    return LogitsProcessorList([ban])


class EosBan:
    """Bans the end token(s) while the output is shorter than the minimum. The decoder's
    prompt length is read at the first step, as generate() measures it."""

    def __init__(self, *, eos: list[int], min_new: int | None, min_length: int, max_new: int | None,
                 forced_eos: bool) -> None:
        self.eos, self.min_new, self.min_length = eos, min_new, min_length
        self.max_new, self.forced_eos = max_new, forced_eos
        self.start: int | None = None

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        length = input_ids.shape[-1]
        if self.start is None:
            self.start = length
        # As generate(): min_new_tokens, when set, replaces min_length.
        limit = self.start + self.min_new if self.min_new is not None else self.min_length
        if length >= limit:
            return scores
        if self.forced_eos and self.max_new and length == self.start + self.max_new - 1:
            return scores  # ForcedEOSTokenLogitsProcessor already made the end the only choice
        scores[:, self.eos] = -float("inf")
        return scores
