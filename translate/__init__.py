"""Arabic text -> English sentences. Knows nothing of jobs, files or outputs."""

from seq2seq.loading import ModelLoadError
from translate.segment import normalise, split_long, split_sentences
from translate.types import Translation, Translator

__all__ = ["ModelLoadError", "Translation", "Translator", "normalise", "split_long", "split_sentences"]
