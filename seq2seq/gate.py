"""The fast paths that reach into private internals of torch and transformers, each used only
on the versions it was tested on, and all of them off when job.fast_paths is false.

A private name can change meaning in any release without notice; a fast path that read it
wrongly would give other tokens, not an error. So each one is allowed only on the library
versions its equality tests (fast path output == public path output) ran on: the ones
constraints.txt pins, which a test checks these ranges agree with. Outside them, and with the
switch off, the engines take the public path, and the log says why at debug level.
"""

from __future__ import annotations

import logging
import re
from importlib import metadata

log = logging.getLogger(__name__)

# The versions the fast paths were tested on, as [first, past) of major.minor.
TESTED: dict[str, tuple[str, str]] = {
    "transformers": ("5.24", "5.25"),
    "torch": ("2.13", "2.14"),
}
# Each fast path, the library whose internals it relies on, and which internals.
FAST_PATHS: dict[str, tuple[str, str]] = {
    "shared_source": ("transformers", "config._attn_implementation, sdpa_attention_forward, cache.is_updated"),
    "beam_cache": ("transformers", "EncoderDecoderCache's layers, keys and values"),
    "min_length": ("transformers", "the order generate() runs its logits processors in"),
    "onednn_linear": ("torch", "torch.ops.mkldnn._linear_pointwise, nn.Linear's __class__ swapped"),
}

_enabled = True
_said: set[tuple[str, str]] = set()


def configure(enabled: bool) -> None:
    """job.fast_paths: process-wide, like the thread count; set before models are loaded."""
    global _enabled
    _enabled = enabled


def installed(library: str) -> str | None:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return None


def _major_minor(version: str) -> tuple[int, int]:
    found = re.match(r"(\d+)\.(\d+)", version)
    return (int(found[1]), int(found[2])) if found else (0, 0)


def allowed(path: str) -> bool:
    """Whether fast path `path` may run here; if not, one debug line per reason says why."""
    library, internals = FAST_PATHS[path]
    if not _enabled:
        return _refuse(path, "job.fast_paths = false")
    found = installed(library)
    first, past = TESTED[library]
    if found is None or not _major_minor(first) <= _major_minor(found) < _major_minor(past):
        return _refuse(path, f"{library} {found} is not a version it was tested on ({first}.x; it reads {internals})")
    return True


def _refuse(path: str, why: str) -> bool:
    if (path, why) not in _said:
        _said.add((path, why))
        log.debug("fast path %s off, the public path instead: %s", path, why)
    return False
