"""Linear layers through oneDNN on the CPU: the same float32 arithmetic, a faster kernel.

torch sends a float32 nn.Linear to MKL's sgemm. On the AMD EPYC machines we measured, MKL
takes a slow path for the few-row products of beam search: distilbart's output projection
(50,264 x 1,024) with 4 rows took 77 ms through MKL and 23 ms through oneDNN, which ships
inside torch; with 256 rows 343 ms and 253 ms (`/tmp` micro-benchmark, 2 cores, torch 2.13).
A beam-4 distilbart decode step went from 0.176 s to 0.089 s. Results differ from MKL's only
in the order of float32 sums (about 1e-6 relative), as they do between two batch sizes.

`job.cpu_linear` picks it: "auto" and "onednn" use oneDNN for float32 models on the CPU
("onednn" is an error where torch lacks it), "torch" keeps torch's own choice. oneDNN's
entry point is private to torch, so seq2seq/gate.py allows it only on the torch versions it
was tested on, and not at all with job.fast_paths = false. The setting
is process-wide, like the thread count, and applies to models loaded after it is set.

oneDNN compiles a kernel for every input shape it meets and keeps up to 1,024 of them (in
two caches, oneDNN's and torch's ideep), about 0.6 MB each. Sentence batches come in ever
new lengths, so a job's memory grew with its size: 424 MB peak for 10 articles, 712 MB for
1,000 (bench/memory.py, tiny models).
`limit_kernel_caches()` bounds both to 64 entries before torch is imported (the CLI calls it
first thing; a program driving tarjama's Runner itself should call it before importing
torch): 1,000 new shapes then add 35 MB instead of 580 MB. Beam search meets a handful of shapes per batch, so the
bound costs a recompile (~5 ms) per shape per batch at most.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from seq2seq import gate

log = logging.getLogger(__name__)

KERNEL_CACHE = "64"
_CACHE_VARIABLES = ("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "LRU_CACHE_CAPACITY")  # oneDNN's, ideep's

CHOICES = ("auto", "onednn", "torch")
_mode = "auto"


class CpuLinearError(Exception):
    """job.cpu_linear asks for a kernel this torch does not have."""


def limit_kernel_caches() -> bool:
    """Bound oneDNN's kernel caches, unless the user set them; effective only before torch is
    imported (both are read when the library loads). Returns whether it was in time."""
    if "torch" in sys.modules:
        return False
    for name in _CACHE_VARIABLES:
        os.environ.setdefault(name, KERNEL_CACHE)
    return True


def configure(mode: str) -> None:
    global _mode
    if mode not in CHOICES:
        raise CpuLinearError(f"job.cpu_linear = {mode!r}; choose one of {', '.join(CHOICES)}")
    _mode = mode


def onednn_available() -> bool:
    import torch

    return bool(torch.backends.mkldnn.is_available()) and hasattr(torch.ops.mkldnn, "_linear_pointwise")


def apply(model: Any, device: str, dtype: str) -> int:
    """Route `model`'s plain nn.Linear layers through oneDNN when the mode and the model
    allow it; returns how many were switched. Weights are not copied: tied output layers
    stay tied."""
    if _mode == "torch" or device != "cpu" or dtype != "float32" or not gate.allowed("onednn_linear"):
        return 0
    if not onednn_available():
        if _mode == "onednn":
            raise CpuLinearError(
                'job.cpu_linear = "onednn" but this torch was built without oneDNN; set it to "auto" or "torch"'
            )
        return 0
    import torch

    linear_class = _onednn_linear_class()
    switched = 0
    for module in model.modules():
        # Exactly nn.Linear: subclasses (quantised, LoRA, ...) carry their own forward.
        if type(module) is torch.nn.Linear:
            module.__class__ = linear_class
            switched += 1
    log.info("%d linear layers on oneDNN", switched)
    return switched


_CLASS = None


def _onednn_linear_class() -> type:
    global _CLASS
    if _CLASS is None:
        import torch

        op = torch.ops.mkldnn._linear_pointwise

        class OneDNNLinear(torch.nn.Linear):
            """nn.Linear whose inference runs on oneDNN; with autograd on, or for an
            input it was not measured on, torch's own kernel."""

            def forward(self, x: torch.Tensor) -> torch.Tensor:
                if torch.is_grad_enabled() or x.dim() < 2 or x.dtype != torch.float32 or x.device.type != "cpu":
                    return torch.nn.functional.linear(x, self.weight, self.bias)
                return op(x, self.weight, self.bias, "none", [], "")

        _CLASS = OneDNNLinear
    return _CLASS
