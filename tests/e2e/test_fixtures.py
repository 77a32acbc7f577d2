"""The bundled fixture articles through ingest and cleaning, against expected facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportedly import Article
from reportedly.stages.clean import clean

HERE = Path(__file__).resolve().parent
EXPECTED = json.loads((HERE / "expected_fixtures.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cleaned(fixture_articles: dict[str, Article]) -> dict[str, Article]:
    return {name: clean(article) for name, article in fixture_articles.items()}


def _texts(article: Article, kind: str) -> list[str]:
    return [r.span.text_in(article.text) for r in article.regions if r.kind == kind]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixtures_every_expected_document_is_read(
    name: str, cleaned: dict[str, Article]
) -> None:
    assert name in cleaned, sorted(cleaned)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixtures_metadata(name: str, cleaned: dict[str, Article]) -> None:
    expected, article = EXPECTED[name], cleaned[name]
    assert article.meta.title == expected["title"]
    assert article.meta.outlet == expected["outlet"]
    assert article.meta.published == expected["published"]
    if expected["dateline"]:
        assert article.meta.dateline
        assert expected["dateline"].upper().startswith(article.meta.dateline.upper())
    else:
        assert article.meta.dateline is None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixtures_regions(name: str, cleaned: dict[str, Article]) -> None:
    expected, article = EXPECTED[name], cleaned[name]
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
