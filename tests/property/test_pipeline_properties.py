"""Properties of ingest, cleaning, export and the store on arbitrary text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hostile_text import news_text
from reportedly import (
    Article,
    Pipeline,
    Store,
    article_to_dict,
    load_config,
    read_documents,
)
from reportedly.registry import BatchStage
from reportedly.stages.clean import clean

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300
).filter(lambda s: s.strip())
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("props")


@pytest.mark.parametrize("name", ["feed.jsonl"])
@SETTINGS
@given(text=TEXT, doc_id=st.text(min_size=1, max_size=20).filter(str.strip))
def test_property_jsonl_text_and_id_are_kept_exactly(
    folder: Path, name: str, text: str, doc_id: str
) -> None:
    path = folder / name
    path.write_text(json.dumps({"id": doc_id, "text": text}) + "\n", encoding="utf-8")
    (article,) = read_documents([str(path)])
    assert isinstance(article, Article)
    assert article.text == text
    assert article.doc_id == doc_id


@pytest.mark.parametrize("name", ["page.txt"])
@SETTINGS
@given(text=TEXT)
def test_property_ingest_is_idempotent(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    first = list(read_documents([str(path)]))
    second = list(read_documents([str(path)]))
    assert first == second


@pytest.mark.parametrize("format_", ["jsonl"])
@SETTINGS
@given(text=TEXT)
def test_property_exported_spans_match_their_text(format_: str, text: str) -> None:
    doc = article_to_dict(clean(Article(doc_id="x", text=text)))
    assert doc["text"] == text
    spans = doc["regions"] + list(doc["meta"]["evidence"].values())
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]
    covered = {i for r in doc["regions"] for i in range(r["start"], r["end"])}
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


@pytest.mark.parametrize("db", [":memory:"])
@SETTINGS
@given(text=TEXT)
def test_property_store_round_trips(db: str, text: str) -> None:
    article = clean(Article(doc_id="p", text=text))
    with Store(db) as store:
        run_id = store.start_run(
            command="t", version="0", stages=["clean.v1"], config={}
        )
        store.save([article], run_id=run_id, stages=["clean.v1"])
        store.save([article], run_id=run_id, stages=["clean.v1"])
        assert store.load_article("p") == article
        assert store.counts()["documents"] == 1


# fragments of news copy and stray characters (tests/hostile_text.py)
_NEWS = news_text(80, stray=True)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """The default pipeline, built once (its models load once)."""
    return Pipeline.from_config(load_config())


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=_NEWS)
@example(text="we will win\u0300")  # a lone combining mark after an alias's words
@example(text="the minister\x01")  # a control character after a title
def test_property_the_pipeline_never_raises_and_points_inside(
    pipeline: Pipeline, text: str
) -> None:
    """Every stage on any text: mentions', quotes' and events' spans lie
    inside it."""
    article = Article(doc_id="p", text=text)
    for built in pipeline.stages:
        stage = built.stage
        if isinstance(stage, BatchStage):
            (article,) = list(stage.pipe([article]))
        else:
            article = stage(article)
    spans = [s for q in article.quotes for s in (*q.content, q.cue, q.speaker)]
    spans += [s for e in article.events for s in (e.trigger, e.sentence)]
    spans += [m.span for m in article.mentions]
    for span in spans:
        if span is not None:
            assert 0 <= span.start <= span.end <= len(text)
