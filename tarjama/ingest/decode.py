"""Bytes -> text, without being told the encoding."""

from __future__ import annotations

import codecs


class DecodeError(Exception):
    pass


# (BOM, the codec of the text after it, the name given). UTF-32-LE's BOM begins with
# UTF-16-LE's (FF FE), so the UTF-32 entries come first.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# The BOMs of the encodings whose text holds NUL bytes: a file that starts with one is not binary.
WIDE_BOMS = tuple(bom for bom, _, name in _BOMS if name != "utf-8")


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic script (base block and supplement)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in letters) / len(letters)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding). A BOM decides; else UTF-8 if it decodes; else the single-byte
    Arabic code page (Windows-1256 or ISO-8859-6) whose reading has the most Arabic."""
    if b"\x00" in data[:4096] and not data.startswith(WIDE_BOMS):
        raise DecodeError("binary file (NUL bytes), not text")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), f"{name} with BOM"
            except UnicodeDecodeError as exc:  # the offset in the file, its BOM counted
                raise DecodeError(f"undecodable bytes for {name} at offset {len(bom) + exc.start}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        best: tuple[float, str, str] | None = None
        for encoding in ("cp1256", "iso-8859-6"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            share = arabic_share(text)
            if best is None or share > best[0]:
                best = (share, text, encoding)
        if best and best[0] >= 0.5:
            return best[1], best[2]
        raise DecodeError(
            f"not UTF-8 (bad byte at offset {utf8_error.start}) nor Arabic Windows-1256/ISO-8859-6 text"
        ) from None
