"""The model machinery translation and summarisation share: loading a hub model or a folder,
CTranslate2 conversion and tokenizer snapshots, batching, and the generation kernels (beam
cache, shared cross-attention, minimum length, oneDNN linear layers). translate/ and
summarise/ import it, never each other; it imports neither."""
