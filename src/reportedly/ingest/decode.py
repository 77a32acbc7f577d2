"""Bytes to text: encoding detection and binary sniffing for ingest.

The decoded text is kept exactly as decoded (no newline normalisation, no
stripping): only a byte order mark is dropped, because it is part of the
encoding, not of the text.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterable

from charset_normalizer import from_bytes

logger = logging.getLogger(__name__)

#: Byte order marks, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Labels that mean windows-1252 on the web (WHATWG encoding standard).
_WINDOWS_1252_LABELS = frozenset(
    {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "us-ascii", "ascii"}
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)

#: How many bytes charset-normalizer looks at: enough for a reliable guess,
#: bounded so a 20 MB file is not scanned whole.
_DETECT_SAMPLE = 200_000


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a leading byte order mark, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def binary_reason(data: bytes, *, max_nul_share: float = 0.0) -> str | None:
    """Why ``data`` is not text (one sentence with what to do), or None if it is.

    NUL bytes mark binary data; ``max_nul_share`` tolerates a few (HTML from
    crawls sometimes carries stray NULs, which the HTML parser drops).
    """
    if data.startswith(b"%PDF-"):
        return (
            "this is a PDF, not text — convert it to text first "
            "(e.g. pdftotext file.pdf file.txt) and ingest the .txt"
        )
    if data.startswith(b"PK\x03\x04"):
        return (
            "this is a ZIP archive (or a .docx/.odt document) — unpack it or "
            "export the document as plain text first"
        )
    if data.startswith(b"\x1f\x8b"):
        return (
            "this is gzip-compressed data that is not a WARC — decompress it "
            "first (gunzip) and ingest the result"
        )
    sample = data[:_DETECT_SAMPLE]
    nuls = sample.count(b"\x00")
    if nuls and bom_encoding(data) is None and nuls > max_nul_share * len(sample):
        return (
            "this looks like a binary file (it contains NUL bytes) — only "
            "text, HTML, JSONL and WARC can be ingested"
        )
    return None


def normalise_charset(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None if Python has none."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        logger.debug("unknown charset label %r ignored", label)
        return None


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if any."""
    match = _META_CHARSET.search(data[:4096])
    return (
        normalise_charset(match.group(1).decode("ascii", "replace")) if match else None
    )


def decode_bytes(data: bytes, *, hints: Iterable[str | None] = ()) -> str:
    """Decode ``data`` to text; never raises.

    Order: a byte order mark; strict UTF-8 (the fast path, and almost never a
    false positive on other encodings); each hinted charset (an HTTP header or
    an HTML ``<meta>``) that decodes strictly; charset-normalizer's best guess
    (cp1251, koi8-r, latin-1 ...); UTF-8 with replacement characters.
    """
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError:
            logger.debug("byte order mark for %s but the bytes do not decode", bom)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for hint in hints:
        encoding = normalise_charset(hint)
        if encoding is None:
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            logger.debug("charset hint %s does not decode the bytes", encoding)
    best = from_bytes(data[:_DETECT_SAMPLE]).best()
    if best is not None and best.encoding:
        try:
            # The guess is made on a sample: a stray byte later on becomes U+FFFD.
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            logger.debug("charset-normalizer guessed unknown codec %s", best.encoding)
    logger.debug("no encoding fits; decoding as UTF-8 with replacement characters")
    return data.decode("utf-8", errors="replace")
