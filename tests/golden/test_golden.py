"""The whole default pipeline on the bundled articles, against reviewed output.

Golden files catch *changes*: when a stage changes its output on purpose, run
``pytest tests/golden --slow --update-golden`` and review the diff of
``tests/golden/expected/`` like code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import reportedly
from reportedly import Article

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"
EXAMPLES = HERE.parent.parent / "examples" / "articles"


def _golden(article: Article) -> dict[str, Any]:
    """The analysis without the text itself (spans keep their text)."""
    doc = reportedly.article_to_dict(article)
    doc.pop("text")
    doc["meta"].pop("source")
    return doc


@pytest.fixture(scope="module")
def analysed(fixture_articles: dict[str, Article]) -> dict[str, dict[str, Any]]:
    pipeline = reportedly.Pipeline.from_config(reportedly.load_config(env={}))
    names = list(fixture_articles)
    done = list(pipeline.run(fixture_articles.values(), fail_fast=True))
    return {name: _golden(a) for name, a in zip(names, done, strict=True)}


def _path(name: str) -> Path:
    return EXPECTED / (name.replace("#", "-") + ".json")


NAMES = [
    *sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"}),
    *(f"wire-feed.jsonl#{n}" for n in range(3)),
    *(f"newsroom-crawl.warc.gz#{n}" for n in range(2)),
]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_golden_fixture(
    analysed: dict[str, dict[str, Any]], name: str, request: pytest.FixtureRequest
) -> None:
    got = analysed[name]
    path = _path(name)
    if request.config.getoption("--update-golden"):
        path.write_text(
            json.dumps(got, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got == expected
