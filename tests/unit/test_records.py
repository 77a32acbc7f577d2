from __future__ import annotations

import dataclasses

import pytest

from reportedly.records import Article, Meta, Region, Span, make_doc_id


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2)])
def test_records_span_rejects_invalid_offsets(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="invalid span"):
        Span(start=start, end=end)


@pytest.mark.parametrize(
    ("text", "span", "expected"), [("Hello world", (6, 11), "world")]
)
def test_records_span_text_in(text: str, span: tuple[int, int], expected: str) -> None:
    s = Span(start=span[0], end=span[1])
    assert s.text_in(text) == expected
    assert len(s) == len(expected)


@pytest.mark.parametrize("url", [None, "https://example.org/a"])
def test_records_doc_id_is_stable_and_depends_on_url(url: str | None) -> None:
    assert make_doc_id("Some text.", url) == make_doc_id("Some text.", url)
    assert len(make_doc_id("Some text.", url)) == 16
    assert make_doc_id("Some text.", url) != make_doc_id("Other text.", url)
    if url:
        assert make_doc_id("Some text.", url) != make_doc_id("Some text.")


@pytest.mark.parametrize("kind", ["comment"])
def test_records_article_region_helpers(kind: str) -> None:
    regions = (
        Region(kind="body", span=Span(start=0, end=3)),
        Region(kind=kind, span=Span(start=4, end=6)),
    )
    article = Article(doc_id="x", text="abc de", regions=regions)
    assert article.comments == (regions[1],)
    assert article.regions_of("body") == (regions[0],)


@pytest.mark.parametrize("name", ["title"])
def test_records_meta_evidence_lookup(name: str) -> None:
    meta = Meta(title="T", evidence=((name, Span(start=0, end=1)),))
    assert meta.evidence_for(name) == Span(start=0, end=1)
    assert meta.evidence_for("outlet") is None


@pytest.mark.parametrize("field", ["text"])
def test_records_are_frozen(field: str) -> None:
    article = Article(doc_id="x", text="abc")
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(article, field, "changed")


@pytest.mark.parametrize("parses", [("anything",)])
def test_records_parses_do_not_affect_equality(parses: tuple[str]) -> None:
    assert Article(doc_id="x", text="a", parses=parses) == Article(doc_id="x", text="a")
