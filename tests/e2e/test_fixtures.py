"""The bundled fixture articles through ingest and cleaning, against expected facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportedly import Article, read_documents
from reportedly.stages.clean import clean

HERE = Path(__file__).resolve().parent
EXPECTED = json.loads((HERE / "expected_fixtures.json").read_text(encoding="utf-8"))
EXAMPLES = HERE.parent.parent / "examples" / "articles"


def _cleaned() -> dict[str, Article]:
    """Cleaned articles by file name, ``file#N`` for the N-th document of a file."""
    out: dict[str, Article] = {}
    seen: dict[str, int] = {}
    for item in read_documents([str(EXAMPLES)]):
        assert isinstance(item, Article), item
        name = Path((item.meta.source or "").split(":")[0].split("#")[0]).name
        if item.meta.format in {"jsonl", "warc"}:
            seen[name] = seen.get(name, -1) + 1
            name = f"{name}#{seen[name]}"
        out[name] = clean(item)
    return out


CLEANED = _cleaned()


def _texts(article: Article, kind: str) -> list[str]:
    return [r.span.text_in(article.text) for r in article.regions if r.kind == kind]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixtures_every_expected_document_is_read(name: str) -> None:
    assert name in CLEANED, sorted(CLEANED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixtures_metadata(name: str) -> None:
    expected, article = EXPECTED[name], CLEANED[name]
    assert article.meta.title == expected["title"]
    assert article.meta.outlet == expected["outlet"]
    assert article.meta.published == expected["published"]
    if expected["dateline"]:
        assert article.meta.dateline
        assert expected["dateline"].upper().startswith(article.meta.dateline.upper())
    else:
        assert article.meta.dateline is None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixtures_regions(name: str) -> None:
    expected, article = EXPECTED[name], CLEANED[name]
    comments = _texts(article, "comment")
    assert len(comments) == expected["comments"]
    body = " ".join(_texts(article, "body"))
    for caption in expected["captions"]:
        assert caption not in body
        assert any(caption in c for c in _texts(article, "caption"))
    for credit in expected["credit"]:
        assert credit in _texts(article, "credit")
    for kind in ("furniture", "byline"):
        marked = " ".join(_texts(article, kind))
        for text in expected[kind]:
            assert text in marked, (kind, text)
    for text in expected["absent_from_body"]:
        assert text not in body, text
    assert body.startswith(expected["body_starts_with"])
    assert body.rstrip().endswith(expected["body_ends_with"])
    for want, got in zip(expected["comment_texts"], comments, strict=False):
        assert got.startswith(want[:40])
