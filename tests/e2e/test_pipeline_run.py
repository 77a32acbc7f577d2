"""The whole default pipeline on the bundled articles, into a real DuckDB file."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest

import reportedly
from reportedly import Article, Store

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples" / "articles"


@pytest.mark.slow
@pytest.mark.parametrize("times", [2])
def test_pipeline_run_is_idempotent(tmp_path: Path, times: int) -> None:
    db = str(tmp_path / "e2e.duckdb")
    counts = []
    for _ in range(times):
        report = reportedly.run([str(EXAMPLES)], db=db)
        assert report.failures == []
        with Store(db, read_only=True) as store:
            counts.append({k: v for k, v in store.counts().items() if k != "runs"})
    assert counts[0] == counts[-1]
    assert counts[0]["documents"] == 14
    assert counts[0]["sentences"] > 100
    assert report.skipped == 14  # the second run had nothing to redo
    forced = reportedly.run([str(EXAMPLES)], db=db, force=True)
    assert forced.updated == 14
    with Store(db, read_only=True) as store:
        assert {k: v for k, v in store.counts().items() if k != "runs"} == counts[0]


@pytest.mark.slow
@pytest.mark.parametrize(("key", "value"), [("cues", "lexicon")])
def test_pipeline_run_redoes_what_other_settings_made(
    tmp_path: Path, key: str, value: str
) -> None:
    from dataclasses import replace

    from reportedly.config import load_config

    db = str(tmp_path / "e2e.duckdb")
    base = load_config()
    settings = {**base.stage_settings}
    settings["quotes.rules.v1"] = {**settings.get("quotes.rules.v1", {}), key: value}
    other = replace(base, stage_settings=settings)
    slower = replace(base, batch_size=3)
    assert reportedly.run([str(EXAMPLES)], db=db, config=base).new == 14
    # another batch size gives the same results: nothing to redo
    assert reportedly.run([str(EXAMPLES)], db=db, config=slower).skipped == 14
    # another setting of a stage may not: every document is processed again
    redone = reportedly.run([str(EXAMPLES)], db=db, config=other)
    assert (redone.updated, redone.skipped) == (14, 0)
    assert reportedly.run([str(EXAMPLES)], db=db, config=other).skipped == 14


@pytest.mark.slow
@pytest.mark.parametrize("field", ["regions"])
def test_pipeline_extract_spans_match_their_text(field: str) -> None:
    out = StringIO()
    items = list(reportedly.extract([str(EXAMPLES)]))
    articles = [a for a in items if isinstance(a, Article)]
    assert len(articles) == len(items) == 14
    reportedly.write_jsonl(articles, out)
    for line in out.getvalue().splitlines():
        doc = json.loads(line)
        text = doc["text"]
        spans = list(doc[field]) + list(doc["meta"]["evidence"].values())
        assert spans
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]
    for article in articles:
        assert article.sentences
        for sentence in article.sentences:
            inside = [
                r for r in article.regions_of("title", "body")
                if r.span.start <= sentence.start and sentence.end <= r.span.end
            ]  # fmt: skip
            assert inside, "sentences come only from title and body regions"
