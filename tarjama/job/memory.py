"""Giving freed memory back to the system between stages.

glibc keeps what a stage freed in its heaps (one per thread that allocated, and
CTranslate2's worker threads each get one), so the resident size after translating stays at
its peak while the summariser's beams allocate on top. malloc_trim(0) returns those free
pages; on the quick fast-cpu bench it took the job's peak from 1,072 MB to 975 MB.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys


@functools.cache
def _libc():
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def release_free_memory() -> bool:
    """Return the heaps' free pages to the system; False where that is not possible (not
    glibc). Cheap: milliseconds."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
