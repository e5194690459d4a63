"""Engine name -> class, imported only when asked for."""

from __future__ import annotations

from seq2seq.registry import resolve

# The keys are the values `summarise.engine` accepts.
ENGINES: dict[str, str] = {
    "transformers": "summarise.hf_engine:TransformersSummariser",
    "ctranslate2": "summarise.ct2_engine:CTranslate2Summariser",
}


def get_engine(name: str) -> type:
    return resolve(ENGINES, name, "summarisation")
