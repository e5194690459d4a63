"""Engine name -> class, imported only when asked for, so listing engines costs nothing."""

from __future__ import annotations

from seq2seq.registry import resolve

# The keys are the values `translate.engine` accepts.
ENGINES: dict[str, str] = {
    "transformers": "translate.hf_engine:TransformersTranslator",
    "ctranslate2": "translate.ct2_engine:CTranslate2Translator",
}


def get_engine(name: str) -> type:
    return resolve(ENGINES, name, "translation")
