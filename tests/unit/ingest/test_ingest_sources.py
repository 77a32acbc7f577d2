"""Inputs: folders, globs, stdin, sniffing, failures and stable ids."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from reportedly.ingest import expand_inputs, read_documents
from reportedly.records import Article, Failure

PAGE = (
    "<!DOCTYPE html><html><head><title>Bridge reopens</title></head><body>"
    "<article><p>The river bridge reopened to traffic on Monday after six months "
    "of repairs, the regional transport office said in a statement.</p>"
    "<p>Officials said the work finished two weeks ahead of schedule and under "
    "budget, and thanked drivers for their patience during the closure.</p>"
    "</article></body></html>"
)


class Pipe(io.RawIOBase):
    """A non-seekable byte stream that hands out small chunks, like a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = min(len(buffer), 7, len(self._data))
        buffer[:count] = self._data[:count]
        self._data = self._data[count:]
        return count


def build_tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "a" / "two.txt").write_text("Second text.", encoding="utf-8")
    (root / "a" / "one.TXT").write_text("First text.", encoding="utf-8")
    (root / "b" / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "b" / "notes.md").write_text("Not read from a folder.", encoding="utf-8")
    (root / ".hidden" / "secret.txt").write_text("Hidden.", encoding="utf-8")
    (root / ".dotfile.txt").write_text("Hidden too.", encoding="utf-8")
    (root / "top.jsonl").write_text(
        json.dumps({"id": "j1", "text": "From JSONL."}) + "\n", encoding="utf-8"
    )


@pytest.mark.parametrize("suffix", ["", "/"])
def test_sources_folder_recursive_sorted(tmp_path: Path, suffix: str) -> None:
    build_tree(tmp_path)
    items = list(expand_inputs([str(tmp_path) + suffix]))
    names = [Path(item[0]).relative_to(tmp_path).as_posix() for item in items]  # type: ignore[index]
    assert names == ["a/one.TXT", "a/two.txt", "b/page.html", "top.jsonl"]


@pytest.mark.parametrize("repeat", [2])
def test_sources_ids_are_stable(tmp_path: Path, repeat: int) -> None:
    build_tree(tmp_path)
    runs = [
        [(r.doc_id, r.text) for r in read_documents([str(tmp_path)])]  # type: ignore[union-attr]
        for _ in range(repeat)
    ]
    assert runs[0] == runs[1]
    assert len(runs[0]) == 4
    assert runs[0][3][0] == "j1"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("a/*.txt", ["a/two.txt"]),
        ("**/*.html", ["b/page.html"]),
        ("[ab]", ["a/one.TXT", "a/two.txt", "b/page.html"]),
    ],
)
def test_sources_glob(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, expected: list[str]
) -> None:
    build_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    records = list(read_documents([pattern]))
    assert all(isinstance(r, Article) for r in records)
    assert [Path(r.meta.source or "").as_posix() for r in records] == expected  # type: ignore[union-attr]


@pytest.mark.parametrize("repeat", [["a/two.txt", "a/two.txt", "a/*.txt"]])
def test_sources_each_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, repeat: list[str]
) -> None:
    build_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert len(list(expand_inputs(repeat))) == 1


@pytest.mark.parametrize(
    ("setup", "name", "needle"),
    [
        (None, "missing.txt", "no such file or directory — check the path"),
        (None, "nothing/*.txt", "no files match this pattern"),
        ("empty_dir", "empty_dir", "no supported files in this folder"),
        ("empty", "empty.txt", "empty file — nothing to ingest"),
        ("blank", "blank.txt", "empty file — nothing to ingest"),
        ("pdf", "report.pdf", "pdftotext"),
        ("pdf_txt", "report.txt", "pdftotext"),
        ("binary", "blob.dat", "binary"),
        ("zip", "doc.docx", "ZIP"),
    ],
)
def test_sources_failures(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    setup: str | None,
    name: str,
    needle: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    contents = {
        "empty": b"",
        "blank": b"  \r\n\t\n",
        "pdf": b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n",
        "pdf_txt": b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n",
        "binary": b"\x00\x01\x02\x03binary\x00",
        "zip": b"PK\x03\x04\x14\x00",
    }
    if setup == "empty_dir":
        (tmp_path / name).mkdir()
        (tmp_path / name / "ignored.csv").write_text("a,b\n", encoding="utf-8")
    elif setup is not None:
        (tmp_path / name).write_bytes(contents[setup])
    (failure,) = list(read_documents([name]))
    assert isinstance(failure, Failure)
    assert failure.source == name
    assert failure.stage == "ingest"
    assert needle in failure.reason


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied")])
def test_sources_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Locked text.", encoding="utf-8")
    real_open = Path.open

    def fake_open(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise error
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", fake_open)
    (failure,) = list(read_documents([str(path), str(tmp_path / "missing.txt")]))[:1]
    assert isinstance(failure, Failure)
    assert "permission denied" in failure.reason


@pytest.mark.parametrize(
    ("name", "data", "limit"),
    [
        ("big.txt", b"word " * 100, 100),
        ("big.html", PAGE.encode(), 100),
        ("big.txt", b"x" * 70_000 + b"\n", 65_600),
    ],
)
def test_sources_too_large(tmp_path: Path, name: str, data: bytes, limit: int) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (failure,) = list(read_documents([str(path)], max_bytes=limit))
    assert isinstance(failure, Failure)
    assert f"{limit:,} bytes" in failure.reason
    assert "ingest.max_bytes" in failure.reason


@pytest.mark.parametrize("limit", [60])
def test_sources_too_large_jsonl_line(tmp_path: Path, limit: int) -> None:
    path = tmp_path / "d.jsonl"
    lines = [{"text": "short"}, {"text": "long " * 40}, {"text": "after"}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    records = list(read_documents([str(path)], max_bytes=limit))
    assert [type(r) for r in records] == [Article, Failure, Article]
    assert isinstance(records[1], Failure)
    assert records[1].source == f"{path}:2"
    assert records[2].text == "after"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("notes.md", b"Plain notes\r\nwith CRLF\r\n", "txt"),
        ("page.xhtml", PAGE.encode(), "html"),
        ("dump.json", b'{"id": 9, "text": "Sniffed JSONL."}\n', "jsonl"),
    ],
)
def test_sources_explicit_unknown_extension_is_sniffed(
    tmp_path: Path, name: str, data: bytes, fmt: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (article,) = list(read_documents([str(path)]))
    assert isinstance(article, Article)
    assert article.meta.format == fmt
    if fmt == "txt":
        assert article.text == data.decode()


@pytest.mark.parametrize(
    ("data", "fmt", "source"),
    [
        (b"Piped text\r\nstays exact\r\n", "txt", "-"),
        (PAGE.encode(), "html", "-"),
        (b'{"id": "s1", "text": "From a pipe."}\n{"text": 3}\n', "jsonl", "-:1"),
    ],
)
@pytest.mark.parametrize("seekable", [True, False])
def test_sources_stdin_sniffed(
    data: bytes, fmt: str, source: str, seekable: bool
) -> None:
    stream = io.BytesIO(data) if seekable else io.BufferedReader(Pipe(data))
    records = list(read_documents(["-"], stdin=stream))
    article = records[0]
    assert isinstance(article, Article)
    assert article.meta.format == fmt
    assert article.meta.source == source
    if fmt == "txt":
        assert article.text == data.decode()
    if fmt == "jsonl":
        assert article.doc_id == "s1"
        assert isinstance(records[1], Failure)
        assert records[1].source == "-:2"


@pytest.mark.parametrize("seekable", [True, False])
def test_sources_stdin_warc(tmp_path: Path, seekable: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
    )
    payload = PAGE.encode()
    writer.write_record(
        writer.create_warc_record(
            "https://b.example/bridge",
            "response",
            payload=io.BytesIO(payload),
            length=len(payload),
            http_headers=headers,
        )
    )
    data = buffer.getvalue()
    assert gzip.decompress(data).startswith(b"WARC/")
    stream = io.BytesIO(data) if seekable else io.BufferedReader(Pipe(data))
    (article,) = list(read_documents(["-"], stdin=stream))
    assert isinstance(article, Article)
    assert article.meta.format == "warc"
    assert article.meta.source == "-#0"
    assert article.meta.url == "https://b.example/bridge"


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4\n"])
def test_sources_stdin_failures(data: bytes) -> None:
    (failure,) = list(read_documents(["-"], stdin=io.BytesIO(data)))
    assert isinstance(failure, Failure)
    assert failure.source == "-"
