from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import pytest

from reportedly.errors import ConfigError, PipelineError, StageError, UnknownStageError
from reportedly.pipeline import BuiltStage, Pipeline
from reportedly.records import Article, Failure, Region, Span
from reportedly.registry import STAGES, available_stages, get_stage, stage


@pytest.fixture
def toy_stages() -> Iterator[None]:
    before = dict(STAGES)

    @stage("test.body.v1", requires={"text"}, provides={"regions"})
    def body(article: Article) -> Article:
        """Mark the whole text as body."""
        if "BOOM" in article.text:
            raise RuntimeError("exploded")
        span = Span(start=0, end=len(article.text))
        return replace(article, regions=(Region(kind="body", span=span),))

    @stage("test.batch.v1", requires={"regions"}, provides={"sentences"})
    @dataclass(frozen=True)
    class Batched:
        """Count how it was called."""

        tag: str = "x"

        def __call__(self, article: Article) -> Article:
            return next(iter(self.pipe([article])))

        def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
            for a in articles:
                if "BATCHFAIL" in a.text:
                    raise ValueError("bad batch item")
                yield replace(a, sentences=(Span(start=0, end=len(a.text)),))

    yield
    STAGES.clear()
    STAGES.update(before)


def _articles(*texts: str) -> list[Article]:
    return [Article(doc_id=f"d{i}", text=t) for i, t in enumerate(texts)]


@pytest.mark.usefixtures("toy_stages")
@pytest.mark.parametrize("batch_size", [1, 2, 10])
def test_pipeline_runs_stages_in_order_and_keeps_input_order(batch_size: int) -> None:
    pipeline = Pipeline(
        [BuiltStage("test.body.v1", get_stage("test.body.v1").factory()),
         BuiltStage("test.batch.v1", get_stage("test.batch.v1").factory())],
        batch_size=batch_size,
    )  # fmt: skip
    out = list(pipeline.run(_articles("a", "bb", "ccc")))
    assert [a.doc_id for a in out if isinstance(a, Article)] == ["d0", "d1", "d2"]
    assert all(isinstance(a, Article) and a.sentences for a in out)


@pytest.mark.usefixtures("toy_stages")
@pytest.mark.parametrize("bad", ["BOOM here", "BATCHFAIL here"])
def test_pipeline_one_bad_article_becomes_a_failure(bad: str) -> None:
    pipeline = Pipeline(
        [BuiltStage("test.body.v1", get_stage("test.body.v1").factory()),
         BuiltStage("test.batch.v1", get_stage("test.batch.v1").factory())],
    )  # fmt: skip
    out = list(pipeline.run(_articles("fine", bad, "also fine")))
    assert [type(x).__name__ for x in out] == ["Article", "Failure", "Article"]
    failure = out[1]
    assert isinstance(failure, Failure)
    assert failure.doc_id == "d1"
    assert failure.stage in {"test.body.v1", "test.batch.v1"}


@pytest.mark.usefixtures("toy_stages")
@pytest.mark.parametrize("bad", ["BOOM"])
def test_pipeline_fail_fast_raises_stage_error(bad: str) -> None:
    pipeline = Pipeline(
        [BuiltStage("test.body.v1", get_stage("test.body.v1").factory())]
    )
    with pytest.raises(StageError, match=r"test\.body\.v1 failed on document d0"):
        list(pipeline.run(_articles(bad), fail_fast=True))
    with pytest.raises(StageError):
        pipeline(Article(doc_id="d0", text=bad))


@pytest.mark.usefixtures("toy_stages")
@pytest.mark.parametrize("source", ["missing.txt"])
def test_pipeline_failures_pass_through(source: str) -> None:
    pipeline = Pipeline(
        [BuiltStage("test.body.v1", get_stage("test.body.v1").factory())]
    )
    failure = Failure(source=source, stage="ingest", reason="gone")
    assert list(pipeline.run([failure])) == [failure]


@pytest.mark.usefixtures("toy_stages")
@pytest.mark.parametrize("order", [["test.batch.v1", "test.body.v1"]])
def test_pipeline_checks_requires_at_build_time(order: list[str]) -> None:
    with pytest.raises(PipelineError, match=r"needs regions.*test\.body\.v1"):
        Pipeline([BuiltStage(n, get_stage(n).factory()) for n in order])


@pytest.mark.parametrize("name", ["nope.v9"])
def test_registry_unknown_stage_lists_available(name: str) -> None:
    with pytest.raises(UnknownStageError, match=r"Available stages: .*clean\.v1"):
        get_stage(name)
    assert "nlp.spacy.v1" in available_stages()


@pytest.mark.parametrize("fields", [{"bogus"}])
def test_registry_rejects_unknown_fields(fields: set[str]) -> None:
    with pytest.raises(ValueError, match="unknown fields"):
        stage("test.bad.v1", requires=fields)


@pytest.mark.usefixtures("toy_stages")
@pytest.mark.parametrize("settings", [{"tag": "y"}])
def test_pipeline_from_config_passes_settings(settings: dict[str, str]) -> None:
    from reportedly.config import load_config

    config = load_config(
        env={},
        overrides={
            "pipeline": {"stages": ["test.body.v1", "test.batch.v1"]},
            "stages": {"test.batch.v1": settings},
        },
    )
    pipeline = Pipeline.from_config(config)
    assert pipeline.names == ("test.body.v1", "test.batch.v1")
    assert pipeline.stages[1].stage.tag == "y"  # type: ignore[attr-defined]


@pytest.mark.usefixtures("toy_stages")
@pytest.mark.parametrize("settings", [{"colour": "y"}])
def test_pipeline_from_config_rejects_unknown_settings(
    settings: dict[str, str],
) -> None:
    from reportedly.config import load_config

    config = load_config(
        env={},
        overrides={
            "pipeline": {"stages": ["test.body.v1", "test.batch.v1"]},
            "stages": {"test.batch.v1": settings},
        },
    )
    with pytest.raises(ConfigError, match="Valid settings: tag"):
        Pipeline.from_config(config)


def test_pipeline_fingerprint_changes_with_what_changes_results() -> None:
    from reportedly.pipeline import fingerprint

    names = ("clean.v1", "quotes.rules.v1")
    settings = {"quotes.rules.v1": {"cues": "model", "batch_size": 8}}
    base = fingerprint(names, settings, "1.0")
    assert base == fingerprint(names, settings, "1.0")
    assert len(base) == 16
    # the speed of a stage is not its results
    faster = {"quotes.rules.v1": {"cues": "model", "batch_size": 64}}
    assert fingerprint(names, faster, "1.0") == base
    assert fingerprint(names, {"quotes.rules.v1": {"cues": "lexicon"}}, "1.0") != base
    assert fingerprint(names, settings, "1.1") != base
    assert fingerprint(names[::-1], settings, "1.0") != base
