"""Decoding bytes for ingest: BOMs, UTF-8, legacy code pages, bad bytes."""

from __future__ import annotations

import codecs

import pytest

from reportedly.ingest.decode import (
    binary_reason,
    decode_bytes,
    meta_charset,
    normalise_charset,
)

RUSSIAN = (
    "Министр иностранных дел заявил журналистам, что переговоры о границе "
    "продолжатся на следующей неделе в столице, несмотря на возражения оппозиции."
)
FRENCH = (
    "Le ministre a déclaré à la presse que les négociations reprendront à "
    "Genève la semaine prochaine, malgré les réserves exprimées par l'opposition."
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (RUSSIAN.encode("koi8-r"), RUSSIAN),
        (FRENCH.encode("latin-1"), FRENCH),
        (FRENCH.encode("utf-8"), FRENCH),
        (codecs.BOM_UTF8 + b"Tag line\r\n", "Tag line\r\n"),
        ("Two lines\r\nof text".encode("utf-16"), "Two lines\r\nof text"),
    ],
)
def test_decode_bytes_recovers_text(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    "data", [b"valid start \xff\xfe\x81 and \xc3 end", b"\x80\x81\x82\x83"]
)
def test_decode_bytes_never_raises_on_bad_bytes(data: bytes) -> None:
    text = decode_bytes(data)
    assert isinstance(text, str)
    text.encode("utf-8")


@pytest.mark.parametrize(
    ("hint", "data", "expected"),
    [
        ("windows-1251", "Привет, мир".encode("cp1251"), "Привет, мир"),
        ("koi8-r", "Привет, мир".encode("koi8-r"), "Привет, мир"),
        ("no-such-charset", b"plain ascii", "plain ascii"),
    ],
)
def test_decode_bytes_uses_charset_hint(hint: str, data: bytes, expected: str) -> None:
    assert decode_bytes(data, hints=(hint,)) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("ISO-8859-1", "cp1252"),
        ("windows-1251", "cp1251"),
        ('"utf-8"', "utf-8"),
        ("bogus", None),
        (None, None),
    ],
)
def test_decode_normalise_charset(label: str | None, expected: str | None) -> None:
    assert normalise_charset(label) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (b'<html><head><meta charset="windows-1251"></head>', "cp1251"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
            "koi8-r",
        ),
        (b"<html><head><title>x</title></head>", None),
    ],
)
def test_decode_meta_charset(html: bytes, expected: str | None) -> None:
    assert meta_charset(html) == expected


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"%PDF-1.7\n%binary", "pdftotext"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"\x1f\x8b\x08\x00rest", "decompress"),
        (b"text\x00with NUL", "NUL"),
    ],
)
def test_decode_binary_reason(data: bytes, needle: str) -> None:
    reason = binary_reason(data)
    assert reason is not None
    assert needle in reason


@pytest.mark.parametrize(
    "data", [b"plain text", "Two lines".encode("utf-16"), RUSSIAN.encode("cp1251")]
)
def test_decode_binary_reason_accepts_text(data: bytes) -> None:
    assert binary_reason(data) is None
