"""Every input format in every encoding a newsroom's files come in, with and without a
byte-order mark: the same article comes out of each, or the file's one-line reason.

The text is written for these tests (a bridge opened in Mosul); the encodings are Python's own
codecs, the BOMs those of the Unicode standard (codecs.BOM_*)."""

from __future__ import annotations

import codecs
import html
import json

import pytest

from tarjama.config import load
from tarjama.ingest import Article, IngestFailure, read_inputs
from tarjama.ingest.decode import DecodeError, arabic_share, decode

TITLE = "افتتاح جسر جديد على نهر دجلة في الموصل"
PARAS = (
    "افتتحت السلطات المحلية في مدينة الموصل صباح الأحد جسرا جديدا يربط ضفتي نهر دجلة بعد عامين من العمل.",
    "وقال محافظ نينوى إن الجسر سيخفف الازدحام في وسط المدينة ويسهل وصول الطلاب إلى الجامعة.",
)
SECOND = ("سوق الكتب في شارع المتنبي يستعيد زواره",
          "عاد باعة الكتب في شارع المتنبي ببغداد إلى بسطاتهم يوم الجمعة بعد أسابيع من أعمال الترميم في الشارع.")

# Each format as a file holds it. The JSON formats hold two records, so that a record split on
# the wrong byte (a UTF-16 line end) shows.
FORMATS = {
    "text": ("txt", f"{TITLE}\n\n{PARAS[0]}\n\n{PARAS[1]}\n"),
    "markdown": ("md", f"# {TITLE}\n\n{PARAS[0]}\n\n{PARAS[1]}\n"),
    "html": ("html", f"<!doctype html><html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>{TITLE}</title>"
                     f"</head><body><article><h1>{TITLE}</h1>"
                     + "".join(f"<p>{html.escape(p)}</p>" for p in PARAS) + "</article></body></html>"),
    "json": ("json", json.dumps([{"id": "mosul-bridge", "title": TITLE, "text": "\n\n".join(PARAS)},
                                 {"id": "mutanabbi", "title": SECOND[0], "text": SECOND[1]}], ensure_ascii=False)),
    "jsonl": ("jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (
        {"id": "mosul-bridge", "title": TITLE, "text": "\n\n".join(PARAS)},
        {"id": "mutanabbi", "title": SECOND[0], "text": SECOND[1]}))),
}
MULTI = {"json", "jsonl"}

# Encoding name -> the file's bytes for a text. A BOM is the one the Unicode standard gives.
ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le with BOM": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-le with BOM": lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
    "utf-32-be with BOM": lambda t: codecs.BOM_UTF32_BE + t.encode("utf-32-be"),
    "windows-1256": lambda t: t.encode("cp1256"),
}
# What decode() names each encoding it reads.
NAMED = {"utf-8": "utf-8", "utf-8 with BOM": "utf-8 with BOM", "utf-16-le with BOM": "utf-16 with BOM",
         "utf-16-be with BOM": "utf-16 with BOM", "utf-32-le with BOM": "utf-32 with BOM",
         "utf-32-be with BOM": "utf-32 with BOM", "windows-1256": "cp1256"}


def _read(path) -> list[Article | IngestFailure]:
    return list(read_inputs([path], load([], [], check=False)))


def _expected(fmt: str) -> list[tuple[str, tuple[str, ...]]]:
    first = (TITLE, PARAS)
    return [first, (SECOND[0], (SECOND[1],))] if fmt in MULTI else [first]


# JSON Lines in a code page: the test after this one.
@pytest.mark.parametrize("fmt,encoding", [(f, e) for f in sorted(FORMATS) for e in sorted(ENCODINGS)
                                          if (f, e) != ("jsonl", "windows-1256")])
def test_every_format_in_every_encoding_reads_the_same_article(tmp_path, fmt, encoding):
    suffix, text = FORMATS[fmt]
    path = tmp_path / f"story.{suffix}"
    path.write_bytes(ENCODINGS[encoding](text))
    found = _read(path)
    assert [(a.title, a.paragraphs) for a in found if isinstance(a, Article)] == _expected(fmt), found
    assert [f for f in found if isinstance(f, IngestFailure)] == []


def test_json_lines_in_a_single_byte_code_page_fail_each_line_by_name(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(ENCODINGS["windows-1256"](FORMATS["jsonl"][1]))
    assert [(f.key, f.reason) for f in _read(path)] == [
        (f"{path}#line:1", "line 1 is not UTF-8 (JSON Lines must be)"),
        (f"{path}#line:2", "line 2 is not UTF-8 (JSON Lines must be)"),
    ]


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_decode_names_each_encoding_and_gives_the_text_back(encoding):
    text = FORMATS["text"][1]
    assert decode(ENCODINGS[encoding](text)) == (text, NAMED[encoding])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_text_without_a_bom_is_refused_as_binary(codec):
    # Without its BOM nothing tells UTF-16 or UTF-32 from a binary file full of NUL bytes.
    with pytest.raises(DecodeError, match=r"^binary file \(NUL bytes\), not text$"):
        decode(FORMATS["text"][1].encode(codec))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"jsonl"}))
def test_a_file_in_wide_text_without_a_bom_fails_with_its_reason(tmp_path, fmt, codec):
    suffix, text = FORMATS[fmt]
    path = tmp_path / f"story.{suffix}"
    path.write_bytes(text.encode(codec))
    assert [(f.key, f.reason) for f in _read(path)] == [(str(path), "binary file (NUL bytes), not text")]


def test_a_bom_whose_text_does_not_follow_is_named_with_its_offset():
    with pytest.raises(DecodeError, match=r"^undecodable bytes for utf-32 at offset 4$"):
        decode(codecs.BOM_UTF32_BE + b"\xff\xff\xff\xff")
    with pytest.raises(DecodeError, match=r"^undecodable bytes for utf-16 at offset 6$"):
        decode(codecs.BOM_UTF16_LE + "نص".encode("utf-16-le") + b"\x00\xdc")  # a lone low surrogate
    with pytest.raises(DecodeError, match=r"^undecodable bytes for utf-8 at offset 3$"):
        decode(codecs.BOM_UTF8 + b"\xff" + "نص".encode("utf-8"))


def test_a_nul_byte_after_the_first_4096_bytes_is_not_taken_for_binary():
    text = "ن" * 2100  # 4,200 bytes of UTF-8
    assert decode(text.encode("utf-8") + b"\x00") == (text + "\x00", "utf-8")
    with pytest.raises(DecodeError, match="binary file"):
        decode(("ن" * 2047).encode("utf-8") + b"\x00")


def test_the_code_page_with_more_arabic_wins_and_too_little_arabic_is_refused():
    # Windows-1256 and ISO-8859-6 put Arabic letters on different bytes: each file reads as
    # Arabic only in its own code page.
    assert decode("مدينة الموصل".encode("cp1256")) == ("مدينة الموصل", "cp1256")
    assert decode("مدينة الموصل".encode("iso-8859-6")) == ("مدينة الموصل", "iso-8859-6")
    with pytest.raises(DecodeError, match=r"^not UTF-8 \(bad byte at offset 0\) nor Arabic Windows-1256/ISO-8859-6 "
                                          r"text$"):
        decode("éèà ù".encode("latin-1"))


def test_only_the_first_4096_bytes_are_searched_for_nul():
    assert decode(("ن" * 2048).encode("utf-8") + b"\x00") == ("ن" * 2048 + "\x00", "utf-8")  # NUL at byte 4096
    with pytest.raises(DecodeError, match="binary file"):
        decode(("ن" * 2047 + "a").encode("utf-8") + b"\x00")  # NUL at byte 4095


@pytest.mark.parametrize("text,share", [
    ("ۿ", 1.0),  # U+06FF, the last letter of the Arabic block
    ("ݐ", 1.0), ("ݿ", 1.0),  # U+0750 and U+077F, the ends of the Arabic Supplement
    ("ab مد", 0.5), ("abc د", 0.25), ("123 !؟", 0.0), ("", 0.0),
])
def test_arabic_share_counts_letters_of_both_arabic_blocks(text, share):
    assert arabic_share(text) == share


def test_a_code_page_text_half_arabic_is_still_arabic():
    assert decode("ab مد".encode("cp1256")) == ("ab مد", "cp1256")
    with pytest.raises(DecodeError, match="nor Arabic"):
        decode("abc د".encode("cp1256"))
