"""Ingest: files, folders, globs and stdin to ``Article`` records.

Formats: ``.txt`` (scraped plain text, kept exactly as decoded), ``.html`` /
``.htm`` (trafilatura), ``.jsonl`` (one object per line with ``text`` or
``html``), ``.warc`` / ``.warc.gz`` (HTML responses). A file named explicitly
with another extension, and ``-`` (stdin), are sniffed.

Nothing here raises on bad input: every input or record that cannot be read
becomes a ``Failure(stage="ingest")`` whose reason says what to do, and the
batch goes on.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, BinaryIO

from ..records import Article, Failure, SourceFormat
from .decode import binary_reason
from .formats import (
    EMPTY,
    failure,
    read_html,
    read_jsonl,
    read_txt,
    read_warc,
    sniff_format,
    too_large,
)
from .sources import expand_inputs, format_of, read_head, rejoin

__all__ = ["DEFAULT_MAX_BYTES", "expand_inputs", "read_documents"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20_000_000
_HEAD_BYTES = 1 << 16


def read_documents(
    inputs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Failure]:
    """Expand inputs (files, folders recursively, globs, "-" for stdin) and yield
    one Article per document, or a Failure per input/record that could not be read.

    ``stdin`` is the byte stream ``-`` reads (default: ``sys.stdin.buffer``).
    ``max_bytes`` (the setting ``ingest.max_bytes``) bounds one document: a
    text or HTML file, a JSONL line, a WARC record.
    """
    for item in expand_inputs(inputs):
        if isinstance(item, Failure):
            yield item
            continue
        source, path = item
        yield from _guarded(source, _read_input(source, path, stdin, max_bytes))


def _guarded(
    source: str, records: Iterator[Article | Failure]
) -> Iterator[Article | Failure]:
    """Turn an unexpected exception into a Failure so the batch goes on."""
    try:
        yield from records
    except OSError as exc:
        yield failure(
            source,
            f"reading failed ({exc.strerror or exc}) — check the file or device "
            "and try again",
        )
    except Exception as exc:
        logger.exception("unexpected error while ingesting %s", source)
        yield failure(
            source,
            f"unexpected error while reading ({type(exc).__name__}: {exc}) — this "
            "is a bug in reportedly; please report it with the input attached",
        )


def _read_input(
    source: str, path: Path | None, stdin: BinaryIO | None, max_bytes: int
) -> Iterator[Article | Failure]:
    if path is None:
        stream: IO[bytes] = stdin if stdin is not None else sys.stdin.buffer
        yield from read_stream(stream, source=source, fmt=None, max_bytes=max_bytes)
        return
    try:
        handle = path.open("rb")
    except PermissionError:
        yield failure(
            source,
            "permission denied — check the file's permissions (e.g. chmod u+r) "
            "or run as a user who can read it",
        )
        return
    except OSError as exc:
        yield failure(
            source,
            f"cannot open this file ({exc.strerror}) — check that it is a "
            "readable regular file",
        )
        return
    with handle:
        yield from read_stream(
            handle, source=source, fmt=format_of(path), max_bytes=max_bytes
        )


def read_stream(
    stream: IO[bytes],
    *,
    source: str,
    fmt: SourceFormat | None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Failure]:
    """Read one input stream in ``fmt``, or in the format its bytes show."""
    head = read_head(stream, _HEAD_BYTES)
    if not head:
        yield failure(source, EMPTY)
        return
    if fmt is None:
        fmt = sniff_format(head)
        if fmt is None:
            yield failure(
                source,
                binary_reason(head)
                or "not text, HTML, JSON Lines or WARC — convert it to text first",
            )
            return
        logger.debug("%s: sniffed format %s", source, fmt)
    if fmt == "warc":
        if sniff_format(head) != "warc":
            yield failure(
                source,
                "not a WARC file (it starts neither with 'WARC/' nor with gzip "
                "data) — check the file, or give it the extension of its real format",
            )
            return
        yield from read_warc(rejoin(head, stream), source=source, max_bytes=max_bytes)
        return
    if fmt == "jsonl":
        yield from read_jsonl(rejoin(head, stream), source=source, max_bytes=max_bytes)
        return
    data = head
    if len(head) <= max_bytes:
        data += read_head(stream, max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        yield too_large(source, max_bytes)
        return
    if fmt == "html":
        yield read_html(data, source=source)
    else:
        yield read_txt(data, source=source)
