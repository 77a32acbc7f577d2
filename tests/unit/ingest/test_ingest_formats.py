"""Each ingest format: plain text, HTML, JSON Lines and WARC."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reportedly.ingest import read_documents
from reportedly.ingest.webpage import MAX_NESTING, html_to_article, nesting_depth
from reportedly.records import Article, Failure, make_doc_id

PARAGRAPHS = (
    "LONDORA -- The harbour authority said on Friday it would close the northern "
    "pier for repairs after a storm damaged the sea wall last week.",
    '"We cannot let ships dock there until the wall is safe," the authority\'s '
    "chief engineer, Mara Velt, told reporters at the port.",
    "Fishing crews said the closure would cost them a month of catches and asked "
    "the city council for compensation before the winter season.",
)
COMMENTS = (
    "This pier has needed repairs for ten years and nobody listened to us.",
    "The council should pay the crews, not the contractors who built the wall.",
)


def make_page(
    *,
    title: str = "Harbour closes northern pier",
    comments: tuple[str, ...] = (),
    head: str = "",
    h1: bool = True,
    charset: str | None = None,
) -> str:
    """An invented news page with optional reader comments."""
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    heading = f"<h1>{title}</h1>" if h1 else ""
    section = ""
    if comments:
        items = "".join(f'<div class="comment"><p>{c}</p></div>' for c in comments)
        section = f'<div id="comments" class="comments-list">{items}</div>'
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title>{head}</head>"
        f"<body><nav><a href='/'>Home</a></nav><article>{heading}{body}</article>"
        f"{section}<footer>All rights reserved</footer></body></html>"
    )


def read_one(path: Path) -> Article | Failure:
    records = list(read_documents([str(path)]))
    assert len(records) == 1, records
    return records[0]


def as_article(record: Article | Failure) -> Article:
    assert isinstance(record, Article), record
    return record


# --- plain text --------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"First line\r\nSecond line\r\n", "First line\r\nSecond line\r\n"),
        (b"  indented\n\n\ttabbed  \n", "  indented\n\n\ttabbed  \n"),
        (b"\xef\xbb\xbfWith a BOM\r\n", "With a BOM\r\n"),
        ("Привет из Москвы, сказал министр.".encode("cp1251"), None),
    ],
)
def test_formats_txt_keeps_text_exactly(
    tmp_path: Path, data: bytes, expected: str | None
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = as_article(read_one(path))
    if expected is None:
        expected = data.decode("cp1251")
    assert article.text == expected
    assert article.meta.format == "txt"
    assert article.meta.source == str(path)
    assert article.doc_id == make_doc_id(expected)


# --- HTML --------------------------------------------------------------------


@pytest.mark.parametrize("comments", [COMMENTS, COMMENTS[:1]])
def test_formats_html_comments_become_regions(
    tmp_path: Path, comments: tuple[str, ...]
) -> None:
    path = tmp_path / "page.html"
    path.write_text(make_page(comments=comments), encoding="utf-8")
    article = as_article(read_one(path))
    found = article.comments
    assert [r.span.text_in(article.text) for r in found] == list(comments)
    assert article.text.endswith(comments[-1])
    for region in found:
        assert article.text[region.span.start - 2 : region.span.start] == "\n\n"
    body_end = found[0].span.start
    assert all(p in article.text[:body_end] for p in PARAGRAPHS)


@pytest.mark.parametrize("h1", [True, False])
def test_formats_html_title_region(tmp_path: Path, h1: bool) -> None:
    path = tmp_path / "page.htm"
    path.write_text(make_page(h1=h1), encoding="utf-8")
    article = as_article(read_one(path))
    title = "Harbour closes northern pier"
    assert article.text.startswith(title)
    assert article.text.count(title) == 1
    (region,) = article.regions_of("title")
    assert region.span.text_in(article.text) == title
    assert article.meta.title == title
    if not h1:
        assert article.text.startswith(title + "\n\n" + PARAGRAPHS[0])


@pytest.mark.parametrize(
    ("head", "outlet", "url", "published"),
    [
        (
            '<meta property="og:site_name" content="Coastal Courier">'
            '<link rel="canonical" href="https://www.courier.example/pier">'
            '<meta property="article:published_time" content="2022-11-04T09:30:00Z">',
            "Coastal Courier",
            "https://www.courier.example/pier",
            "2022-11-04",
        ),
        (
            '<link rel="canonical" href="https://www.courier.example/pier">',
            "courier.example",
            "https://www.courier.example/pier",
            None,
        ),
    ],
)
def test_formats_html_meta(
    tmp_path: Path, head: str, outlet: str, url: str, published: str | None
) -> None:
    path = tmp_path / "page.html"
    path.write_text(make_page(head=head), encoding="utf-8")
    article = as_article(read_one(path))
    assert article.meta.outlet == outlet
    assert article.meta.url == url
    assert article.meta.published == published
    assert article.meta.format == "html"
    assert article.doc_id == make_doc_id(article.text, url)


@pytest.mark.parametrize("charset", ["windows-1251", None])
def test_formats_html_legacy_charset(tmp_path: Path, charset: str | None) -> None:
    title = "Министр закрыл северный причал"
    page = make_page(title=title, charset=charset)
    page = page.replace(PARAGRAPHS[0], "Министр сказал, что причал закроют. " * 5)
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    article = as_article(read_one(path))
    assert article.text.startswith(title)
    assert "Министр сказал" in article.text


@pytest.mark.parametrize(
    ("html", "needle"),
    [
        ("<html><body><script>let shell = 1;</script></body></html>", "no article"),
        (make_page().replace("<article>", "<div>" * 300, 1), "levels deep"),
        (" \n\t ", "empty file"),
    ],
)
def test_formats_html_failures(tmp_path: Path, html: str, needle: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert failure.stage == "ingest"
    assert failure.source == str(path)
    assert needle in failure.reason


@pytest.mark.parametrize(
    ("depth", "too_deep"), [(50, False), (MAX_NESTING - 5, False), (20_000, True)]
)
def test_formats_nesting_depth(depth: int, too_deep: bool) -> None:
    html = "<html><body>" + "<div>" * depth + "<p>x" * 500 + "</div>" * depth
    assert (nesting_depth(html) > MAX_NESTING) is too_deep


@pytest.mark.parametrize(
    ("title", "first", "expected_start"),
    [
        ("Budget", "Budget vote passes", "Budget\n\nBudget vote passes"),
        ("Budget vote passes", "Budget vote passes", "Budget vote passes\n"),
    ],
)
def test_formats_html_title_prefix_of_first_line(
    title: str, first: str, expected_start: str
) -> None:
    page = make_page(title=title, h1=False).replace(
        "<article>", f"<article><h2>{first}</h2>"
    )
    article = html_to_article(page, source="x", fmt="html")
    assert isinstance(article, Article)
    assert article.text.startswith(expected_start)
    (region,) = article.regions_of("title")
    assert region.span.text_in(article.text) == title
    assert region.span.start == 0


@pytest.mark.parametrize("stray", [b"\x00"])
def test_formats_html_tolerates_stray_nul(tmp_path: Path, stray: bytes) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(make_page().encode().replace(b"</nav>", b"</nav>" + stray))
    assert isinstance(read_one(path), Article)


@pytest.mark.parametrize("fragment", ["<p>" + PARAGRAPHS[0] + "</p>"])
def test_formats_html_fragment(fragment: str) -> None:
    article = html_to_article(fragment, source="x", fmt="html")
    assert isinstance(article, Article)
    assert article.text == PARAGRAPHS[0]


# --- JSON Lines --------------------------------------------------------------


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("record", "doc_id"),
    [
        ({"id": 42, "text": "  Raw text\r\nkept as is \n"}, "42"),
        ({"id": "art-7", "text": "Another text."}, "art-7"),
        (
            {"text": "No id here.", "url": "https://x.example/a"},
            make_doc_id("No id here.", "https://x.example/a"),
        ),
    ],
)
def test_formats_jsonl_text_unchanged(
    tmp_path: Path, record: dict[str, object], doc_id: str
) -> None:
    path = write_lines(tmp_path / "d.jsonl", [json.dumps(record)])
    article = as_article(read_one(path))
    assert article.text == record["text"]
    assert article.doc_id == doc_id
    assert article.meta.format == "jsonl"
    assert article.meta.source == f"{path}:1"


@pytest.mark.parametrize(
    "record",
    [
        {
            "id": 1,
            "text": "Body.",
            "url": "https://y.example/b",
            "title": "A title",
            "outlet": "The Bugle",
            "published": "2023-02-01T10:00:00+02:00",
        }
    ],
)
def test_formats_jsonl_meta_from_keys(tmp_path: Path, record: dict[str, str]) -> None:
    article = as_article(
        read_one(write_lines(tmp_path / "d.jsonl", [json.dumps(record)]))
    )
    assert article.meta.url == "https://y.example/b"
    assert article.meta.title == "A title"
    assert article.meta.outlet == "The Bugle"
    assert article.meta.published == "2023-02-01"


@pytest.mark.parametrize("comments", [COMMENTS])
def test_formats_jsonl_html(tmp_path: Path, comments: tuple[str, ...]) -> None:
    record = {"id": "h1", "html": make_page(comments=comments), "outlet": "Key Outlet"}
    article = as_article(
        read_one(write_lines(tmp_path / "d.jsonl", [json.dumps(record)]))
    )
    assert article.doc_id == "h1"
    assert article.meta.format == "jsonl"
    assert article.meta.outlet == "Key Outlet"
    assert [r.span.text_in(article.text) for r in article.comments] == list(comments)


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "not an object"),
        ('{"id": 3}', 'no "text" or "html"'),
        ('{"text": 5}', '"text" must be a string'),
        ('{"text": "ok", "title": ["x"]}', '"title" must be a string'),
        ('{"text": "ok", "id": 1.5}', '"id" must be a string or an integer'),
        ('{"text": "ok", "id": true}', '"id" must be a string or an integer'),
        ('{"text": "ok", "published": "last Tuesday"}', "ISO date"),
        ('{"text": "   "}', "empty"),
    ],
)
def test_formats_jsonl_bad_line_is_failure(
    tmp_path: Path, line: str, needle: str
) -> None:
    good = json.dumps({"id": "ok", "text": "Fine."})
    path = write_lines(tmp_path / "d.jsonl", [good, line, "", good])
    records = list(read_documents([str(path)]))
    assert [type(r) for r in records] == [Article, Failure, Article]
    failure = records[1]
    assert isinstance(failure, Failure)
    assert failure.source == f"{path}:2"
    assert needle in failure.reason
    assert records[2].doc_id == "ok"


@pytest.mark.parametrize("record", [{"id": 5, "html": "<script>x = 1;</script>"}])
def test_formats_jsonl_html_failure_keeps_id(
    tmp_path: Path, record: dict[str, object]
) -> None:
    failure = read_one(write_lines(tmp_path / "d.jsonl", [json.dumps(record)]))
    assert isinstance(failure, Failure)
    assert failure.doc_id == "5"
    assert "no article text" in failure.reason


@pytest.mark.parametrize("data", [b"\n\n  \n", b""])
def test_formats_jsonl_empty(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(data)
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert "empty file" in failure.reason


@pytest.mark.parametrize("data", [b'{"text": "caf\xe9"}\n'])
def test_formats_jsonl_not_utf8(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(data)
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert "UTF-8" in failure.reason


# --- WARC --------------------------------------------------------------------


def write_warc(path: Path, *, gzip: bool) -> Path:
    """A WARC with a cp1251 HTML response, a request, an image and a 404."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)

        def add(
            uri: str, kind: str, payload: bytes, headers: StatusAndHeaders | None
        ) -> None:
            record = writer.create_warc_record(
                uri,
                kind,
                payload=io.BytesIO(payload),
                length=len(payload),
                http_headers=headers,
            )
            writer.write_record(record)

        def response(status: str, content_type: str) -> StatusAndHeaders:
            return StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )

        page = make_page(title="Причал закрыт", comments=COMMENTS[:1])
        add("https://a.example/ru", "response", page.encode("cp1251"),
            response("200 OK", "text/html; charset=windows-1251"))  # fmt: skip
        request = StatusAndHeaders("GET /ru HTTP/1.1", [], is_http_request=True)
        add("https://a.example/ru", "request", b"", request)
        add("https://a.example/img.png", "response", b"\x89PNG",
            response("200 OK", "image/png"))  # fmt: skip
        add("https://a.example/gone", "response", make_page().encode(),
            response("404 Not Found", "text/html"))  # fmt: skip
        add("https://a.example/en", "response", make_page().encode(),
            response("200 OK", "text/html"))  # fmt: skip
    return path


@pytest.mark.parametrize(("name", "gzip"), [("a.warc", False), ("a.warc.gz", True)])
def test_formats_warc_html_responses(tmp_path: Path, name: str, gzip: bool) -> None:
    path = write_warc(tmp_path / name, gzip=gzip)
    records = list(read_documents([str(path)]))
    articles = [as_article(r) for r in records]
    assert [a.meta.source for a in articles] == [f"{path}#0", f"{path}#4"]
    assert [a.meta.url for a in articles] == [
        "https://a.example/ru",
        "https://a.example/en",
    ]
    assert all(a.meta.format == "warc" for a in articles)
    assert articles[0].text.startswith("Причал закрыт")
    assert [r.span.text_in(articles[0].text) for r in articles[0].comments] == [
        COMMENTS[0]
    ]


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"this is not a warc at all\n", "not a WARC"),
        (
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nab",
            "malformed",
        ),
    ],
)
def test_formats_warc_failures(tmp_path: Path, data: bytes, needle: str) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert needle in failure.reason


@pytest.mark.parametrize("gzip", [False])
def test_formats_warc_without_html(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / "img.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://a.example/i.png",
                "response",
                payload=io.BytesIO(b"\x89PNG"),
                length=4,
                http_headers=headers,
            )
        )
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert "no HTML response records" in failure.reason
