"""What every evaluation shares: reading gold JSONL and running stages on it."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..records import Article, Meta, Region, Span

Stage = Callable[[Article], Article]


def share(hits: float, total: float) -> float:
    """``hits / total``, 0 when there is nothing to count."""
    return hits / total if total else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are)."""
    return share(2 * precision * recall, precision + recall)


def iter_jsonl(
    path: str | os.PathLike[str], *, needs: str = "text"
) -> Iterator[dict[str, Any]]:
    """The records of a gold JSONL file; a bad line raises a clear IngestError."""
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise IngestError(
                    f"{path}:{number}", f"not valid JSON ({exc.msg})"
                ) from None
            if not isinstance(record, dict) or "text" not in record:
                raise IngestError(
                    f"{path}:{number}", f"expected a JSON object with {needs}"
                )
            yield record


def read_jsonl(path: Path | str, *, needs: str = "text") -> list[dict[str, Any]]:
    """All the records of a gold JSONL file (see :func:`iter_jsonl`)."""
    return list(iter_jsonl(path, needs=needs))


def sentence_article(doc_id: str, text: str, meta: Meta | None = None) -> Article:
    """An article whose body is the whole text (gold sentences need no cleaning)."""
    return Article(
        doc_id=doc_id,
        text=text,
        meta=meta or Meta(),
        regions=(Region(kind="body", span=Span(start=0, end=len(text))),),
    )


def run_stages(
    articles: list[Article], stages: Sequence[Stage]
) -> tuple[list[Article], dict[str, float]]:
    """Run the stages in order (``pipe`` when a stage has it), timing each."""
    seconds: dict[str, float] = {}
    for built in stages:
        started = time.perf_counter()
        pipe = getattr(built, "pipe", None)
        articles = (
            list(pipe(articles)) if callable(pipe) else [built(a) for a in articles]
        )
        name = stage_name(built)
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
    return articles, seconds


def stage_name(built: Stage) -> str:
    """A function stage's own name ("clean"), else its class name ("SpacyParser")."""
    name = getattr(built, "__name__", None)
    return name if isinstance(name, str) else type(built).__name__


def gold_actors(record: Mapping[str, Any], role: str) -> list[Mapping[str, Any]]:
    """The coded gold actors of a record's ``actor`` or ``recipient`` field."""
    value = record.get(role)
    if not isinstance(value, list):
        return []  # "" or a stray label: no actor
    return [a for a in value if isinstance(a, Mapping) and a.get("code")]


def sentence_articles(records: Iterable[Mapping[str, Any]]) -> list[Article]:
    """One article per record, its body the whole sentence (no cleaning)."""
    return [
        sentence_article(str(record.get("id", n)), record["text"])
        for n, record in enumerate(records)
    ]
