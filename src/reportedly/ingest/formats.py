"""One reader per input format: plain text, HTML, JSON Lines and WARC.

Each reader turns bytes (or a binary stream, for the container formats) into
``Article`` or ``Failure`` records and never raises on bad input.
"""

from __future__ import annotations

import json
import logging
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from ..records import Article, Failure, Meta, SourceFormat, make_doc_id
from .decode import binary_reason, decode_bytes, meta_charset
from .webpage import html_to_article

logger = logging.getLogger(__name__)

EMPTY = "empty file — nothing to ingest"
_CHARSET = re.compile(r"""charset\s*=\s*["']?([^\s;"']+)""", re.I)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_CLOSING_TAG = re.compile(r"</[a-zA-Z][a-zA-Z0-9]*\s*>")
_ISO_DATE = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ][0-9:.+\-Z]*)?")
_JSONL_EXAMPLE = 'each line must be one JSON object like {"id": 1, "text": "..."}'
_OPTIONAL_KEYS = ("url", "title", "outlet", "published")


def failure(source: str, reason: str) -> Failure:
    """A ``Failure`` of the ingest stage."""
    return Failure(source=source, stage="ingest", reason=reason)


def too_large(source: str, max_bytes: int) -> Failure:
    """The failure for a document over the size limit."""
    return failure(
        source,
        f"larger than the limit of {max_bytes:,} bytes — raise ingest.max_bytes "
        "in your reportedly.toml, or split the input into smaller files",
    )


def sniff_format(head: bytes) -> SourceFormat | None:
    """Guess the format from the first bytes; None when they are not text."""
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        try:
            inflated = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return None
        return "warc" if inflated.startswith(b"WARC/") else None
    if binary_reason(head, max_nul_share=0.01) is not None:
        return None
    start = decode_bytes(head[:8192]).lstrip("\ufeff \t\r\n")
    if start.startswith("{"):
        try:
            first = json.loads(start.split("\n", 1)[0])
        except ValueError:
            first = None
        if isinstance(first, dict):
            return "jsonl"
    if start.startswith("<") and (
        _HTML_START.search(start) or _CLOSING_TAG.search(start)
    ):
        return "html"
    return "txt"


def read_txt(data: bytes, *, source: str) -> Article | Failure:
    """A plain-text document, decoded and kept exactly (CRLF and all)."""
    reason = binary_reason(data)
    if reason is not None:
        return failure(source, reason)
    text = decode_bytes(data)
    if not text.strip():
        return failure(source, EMPTY)
    return Article(
        doc_id=make_doc_id(text),
        text=text,
        meta=Meta(source=source, format="txt"),
    )


def read_html(
    data: bytes,
    *,
    source: str,
    fmt: SourceFormat = "html",
    url: str | None = None,
    charset: str | None = None,
) -> Article | Failure:
    """An HTML page: decode (HTTP charset, then ``<meta>`` charset as hints)."""
    reason = binary_reason(data, max_nul_share=0.01)
    if reason is not None:
        return failure(source, reason)
    html = decode_bytes(data, hints=(charset, meta_charset(data)))
    if not html.strip():
        return failure(source, EMPTY)
    return html_to_article(html, source=source, fmt=fmt, url=url)


def read_jsonl(
    stream: IO[bytes], *, source: str, max_bytes: int
) -> Iterator[Article | Failure]:
    """One document per line; a bad line is a ``Failure`` named ``path:LINE``."""
    lineno = 0
    seen_any = False
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            break
        lineno += 1
        where = f"{source}:{lineno}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (more := stream.readline(1 << 20)) and not more.endswith(b"\n"):
                pass  # skip the rest of the oversized line
            seen_any = True
            yield too_large(where, max_bytes)
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        seen_any = True
        yield _jsonl_line(raw, source=where)
    if not seen_any:
        yield failure(source, EMPTY)


def _jsonl_line(raw: bytes, *, source: str) -> Article | Failure:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return failure(
            source,
            f"not valid UTF-8 (byte {exc.start}) — JSON Lines must be UTF-8; "
            "re-encode the file, e.g. iconv -f cp1251 -t utf-8",
        )
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return failure(
            source,
            f"not valid JSON ({exc.msg} at column {exc.colno}) — {_JSONL_EXAMPLE}",
        )
    if not isinstance(obj, dict):
        return failure(
            source,
            f"a JSON {type(obj).__name__}, not an object — {_JSONL_EXAMPLE}",
        )
    return _jsonl_record(obj, source=source)


def _jsonl_record(obj: dict[str, Any], *, source: str) -> Article | Failure:
    for key in ("text", "html", *_OPTIONAL_KEYS):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return failure(
                source,
                f'"{key}" must be a string, not {_json_type(value)} — fix that key '
                "on this line",
            )
    doc_id = obj.get("id")
    if doc_id is not None and (
        isinstance(doc_id, bool) or not isinstance(doc_id, str | int)
    ):
        return failure(
            source,
            f'"id" must be a string or an integer, not {_json_type(doc_id)} — '
            "fix it on this line, or drop it to get an id from the text",
        )
    if isinstance(doc_id, str) and not doc_id.strip():
        return failure(source, '"id" is empty — give a non-empty id or drop the key')
    published = obj.get("published")
    if published:
        match = _ISO_DATE.fullmatch(published.strip())
        if match is None:
            return failure(
                source,
                f'"published" must be an ISO date such as 2021-08-25 (got '
                f"{published!r}) — fix it or drop the key",
            )
        published = match.group(1)
    text, html = obj.get("text"), obj.get("html")
    url = obj.get("url") or None
    if text is not None and text.strip():
        article = Article(
            doc_id="", text=text, meta=Meta(url=url, source=source, format="jsonl")
        )
    elif html is not None and html.strip():
        extracted = html_to_article(html, source=source, fmt="jsonl", url=url)
        if isinstance(extracted, Failure):
            known = str(doc_id) if doc_id is not None else None
            return replace(extracted, doc_id=known)
        article = extracted
    elif text is not None or html is not None:
        return failure(source, 'the "text" or "html" is empty — nothing to ingest')
    else:
        return failure(
            source,
            'no "text" or "html" key — give the article as "text" (plain text) '
            'or "html" (the page)',
        )
    meta = replace(
        article.meta,
        url=url or article.meta.url,
        title=obj.get("title") or article.meta.title,
        outlet=obj.get("outlet") or article.meta.outlet,
        published=published or article.meta.published,
    )
    if doc_id is None:
        doc_id = make_doc_id(article.text, meta.url)
    return replace(article, doc_id=str(doc_id), meta=meta)


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
    names |= {list: "an array", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def read_warc(
    stream: IO[bytes], *, source: str, max_bytes: int
) -> Iterator[Article | Failure]:
    """Every HTML ``response`` record of a WARC (plain or gzipped)."""
    records = iter(ArchiveIterator(stream))
    index = -1
    found = False
    while True:
        try:
            record = next(records, None)
            if record is None:
                break
            index += 1
            item = _warc_record(record, source=f"{source}#{index}", max_bytes=max_bytes)
        except Exception as exc:  # warcio raises many kinds on a broken file
            logger.debug("%s: WARC parsing failed", source, exc_info=True)
            after = f" after record {index}" if index >= 0 else ""
            yield failure(
                f"{source}#{index + 1}",
                f"the WARC is malformed or truncated{after} "
                f"({type(exc).__name__}: {exc}) — check it with `warcio check`, "
                "or export it again",
            )
            return
        if item is not None:
            found = True
            yield item
    if not found:
        yield failure(
            source,
            "no HTML response records in this WARC — nothing to ingest "
            "(only HTTP responses with an HTML content type are read)",
        )


def _warc_record(
    record: Any, *, source: str, max_bytes: int
) -> Article | Failure | None:
    """An HTML response record read as a page; None for any other record."""
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") or "") if headers else ""
    if record.rec_type != "response" or "html" not in content_type.lower():
        logger.debug(
            "%s: skipping %s record (%s)", source, record.rec_type, content_type
        )
        return None
    status = headers.get_statuscode() or ""
    if not status.startswith("2"):
        logger.debug("%s: skipping HTTP %s response", source, status)
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return too_large(source, max_bytes)
    charset = _CHARSET.search(content_type)
    return read_html(
        payload,
        source=source,
        fmt="warc",
        url=record.rec_headers.get_header("WARC-Target-URI") or None,
        charset=charset.group(1) if charset else None,
    )
