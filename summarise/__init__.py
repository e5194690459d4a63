"""English text -> summary; later, key facts from both languages and the checks."""

from summarise.chunking import chunk
from summarise.types import Summariser, Summary

__all__ = ["Summariser", "Summary", "chunk"]
