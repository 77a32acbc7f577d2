"""The jobs behind the CLI: ingest, run (into a store) and extract (to records).

Each is a plain function with keyword-only options, callable from a notebook:

>>> from reportedly import extract
>>> for article in extract(["examples/articles"]):  # doctest: +SKIP
...     print(article.doc_id, len(article.regions))
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import BinaryIO

from .__about__ import __version__
from .config import Config, load_config
from .ingest import read_documents
from .pipeline import Pipeline, fingerprint
from .records import Article, Failure
from .store import Store

logger = logging.getLogger(__name__)

#: The stages `reportedly ingest` runs: reading and cleaning, no NLP.
INGEST_STAGES = ("clean.v1",)

Progress = Callable[[int], None]
OnFailure = Callable[[Failure], None]


@dataclass(slots=True, kw_only=True)
class RunReport:
    """What a run did, for the CLI summary and for scripts."""

    run_id: str
    db: str
    documents: int = 0
    new: int = 0
    updated: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        """Documents handled per second of wall time."""
        return (self.documents + self.skipped) / self.seconds if self.seconds else 0.0


def _batches(
    items: Iterable[Article | Failure], size: int
) -> Iterator[list[Article | Failure]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run(
    inputs: Sequence[str],
    *,
    db: str | None = None,
    config: Config | None = None,
    stages: Sequence[str] | None = None,
    force: bool = False,
    fail_fast: bool = False,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    on_failure: OnFailure | None = None,
    command: str = "run",
) -> RunReport:
    """Read inputs, run the pipeline and save every batch to a DuckDB store.

    Documents already stored and processed by the same stages, with the same
    settings and reportedly version, are skipped unless ``force``; one bad
    document becomes a row of ``failures``.
    """
    config = config or load_config()
    names = tuple(stages or config.stages)
    pipeline = Pipeline.from_config(replace(config, stages=names))
    made_by = fingerprint(names, config.stage_settings, __version__)
    path = db or config.store_path
    started = time.perf_counter()
    with Store(path) as store:
        run_id = store.start_run(
            command=command, version=__version__, stages=names, config=config.as_dict()
        )
        report = RunReport(run_id=run_id, db=path)
        documents = read_documents(inputs, stdin=stdin, max_bytes=config.max_bytes)
        for batch in _batches(documents, config.batch_size):
            done = (
                set()
                if force
                else store.processed_ids(
                    (a.doc_id for a in batch if isinstance(a, Article)),
                    names,
                    made_by,
                )
            )
            todo = [
                b for b in batch if not (isinstance(b, Article) and b.doc_id in done)
            ]
            report.skipped += len(batch) - len(todo)
            results = list(pipeline.run(todo, fail_fast=fail_fast))
            articles = [r for r in results if isinstance(r, Article)]
            failures = [r for r in results if isinstance(r, Failure)]
            saved = store.save(
                articles, failures, run_id=run_id, stages=names, pipeline=made_by
            )
            report.documents += len(articles)
            report.new += saved.new_documents
            report.updated += saved.updated_documents
            report.failures.extend(failures)
            if on_failure:
                for failure in failures:
                    on_failure(failure)
            if progress:
                progress(len(batch))
        report.seconds = time.perf_counter() - started
        store.finish_run(
            run_id,
            n_documents=report.documents,
            n_new=report.new,
            n_failures=len(report.failures),
        )
    return report


def ingest(
    inputs: Sequence[str],
    *,
    db: str | None = None,
    config: Config | None = None,
    force: bool = False,
    fail_fast: bool = False,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    on_failure: OnFailure | None = None,
) -> RunReport:
    """Read and clean inputs into the store, without NLP (see :func:`run`)."""
    return run(
        inputs,
        db=db,
        config=config,
        stages=INGEST_STAGES,
        force=force,
        fail_fast=fail_fast,
        stdin=stdin,
        progress=progress,
        on_failure=on_failure,
        command="ingest",
    )


def extract(
    inputs: Sequence[str],
    *,
    config: Config | None = None,
    fail_fast: bool = False,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Failure]:
    """Run the pipeline over inputs and yield analysed articles (no store)."""
    config = config or load_config()
    pipeline = Pipeline.from_config(config)
    documents = read_documents(inputs, stdin=stdin, max_bytes=config.max_bytes)
    yield from pipeline.run(documents, fail_fast=fail_fast)
