"""Input names to files: paths, folders (recursive), globs and ``-`` for stdin."""

from __future__ import annotations

import glob
import io
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..records import Failure, SourceFormat
from .formats import failure

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

logger = logging.getLogger(__name__)

STDIN = "-"

#: File name endings read from folders and globs, and the format of each.
SUFFIXES: tuple[tuple[str, SourceFormat], ...] = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl", "jsonl"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "txt"),
)
_SUPPORTED = ", ".join(suffix for suffix, _ in reversed(SUFFIXES))


def format_of(path: Path) -> SourceFormat | None:
    """The format a file name announces, or None for another extension."""
    name = path.name.lower()
    for suffix, fmt in SUFFIXES:
        if name.endswith(suffix):
            return fmt
    return None


def expand_inputs(inputs: Sequence[str]) -> Iterator[tuple[str, Path | None] | Failure]:
    """Expand input names into ``(source, path)`` pairs, in a stable order.

    ``path`` is None for ``-`` (standard input). A folder gives its supported
    files, recursively and sorted, skipping hidden files and folders; a glob
    gives its matches, sorted. An input that names nothing gives a ``Failure``.
    Each file is given once, however many inputs name it.
    """
    seen: set[str] = set()

    def once(source: str, path: Path | None) -> Iterator[tuple[str, Path | None]]:
        key = STDIN if path is None else os.path.realpath(path)
        if key in seen:
            logger.debug("skipping %s: already read", source)
            return
        seen.add(key)
        yield source, path

    for name in inputs:
        if name == STDIN:
            yield from once(STDIN, None)
            continue
        path = Path(name).expanduser()
        if path.is_dir():
            paths, failures = _folder(name, path)
            yield from failures
            for found in paths:
                yield from once(str(found), found)
        elif path.exists():
            yield from once(name, path)
        elif glob.has_magic(name):
            # glob.glob, unlike Path.glob, takes absolute patterns as well.
            pattern = str(Path(name).expanduser())
            matches = sorted(glob.glob(pattern, recursive=True))  # noqa: PTH207
            if not matches:
                yield failure(
                    name,
                    "no files match this pattern — check the pattern, and quote it "
                    "if your shell should not expand it",
                )
            for match in matches:
                match_path = Path(match)
                if match_path.is_dir():
                    paths, failures = _folder(match, match_path)
                    yield from failures
                    for found in paths:
                        yield from once(str(found), found)
                else:
                    yield from once(match, match_path)
        else:
            yield failure(name, "no such file or directory — check the path")


def _folder(name: str, root: Path) -> tuple[list[Path], list[Failure]]:
    """The supported files under ``root``, sorted, and the folders not read."""
    errors: list[OSError] = []
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            if not filename.startswith(".") and format_of(Path(filename)):
                files.append(Path(dirpath, filename))
    failures = [
        failure(
            str(error.filename or name),
            f"cannot read this folder ({error.strerror}) — check its permissions",
        )
        for error in errors
    ]
    if not files and not errors:
        failures.append(
            failure(
                name,
                f"no supported files in this folder (looked for {_SUPPORTED}, "
                "recursively, skipping hidden ones) — check the folder or name "
                "the files explicitly",
            )
        )
    files.sort(key=lambda p: p.relative_to(root).parts)
    return files, failures


def read_head(stream: IO[bytes], size: int) -> bytes:
    """Read up to ``size`` bytes, looping over short reads (pipes)."""
    chunks: list[bytes] = []
    remaining = size
    while remaining > 0:
        chunk = stream.read(remaining)
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


class _Prefixed(io.RawIOBase):
    """A stream that gives back ``head`` first, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        target = memoryview(buffer).cast("B")
        if self._head:
            count = min(len(target), len(self._head))
            target[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._stream.read(len(target))
        target[: len(data)] = data
        return len(data)


def rejoin(head: bytes, stream: IO[bytes]) -> IO[bytes]:
    """``stream`` as it was before ``head`` was read from it."""
    if stream.seekable():
        stream.seek(stream.tell() - len(head))
        return stream
    return io.BufferedReader(_Prefixed(head, stream))
