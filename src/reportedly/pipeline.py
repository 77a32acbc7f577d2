"""The Pipeline: stages built from config, checked at build time, run in batches.

One bad article becomes a :class:`~reportedly.records.Failure` and the batch
goes on; ``fail_fast`` turns that into a :class:`~reportedly.errors.StageError`.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .config import Config
from .errors import ConfigError, PipelineError, StageError
from .records import Article, Failure
from .registry import STAGES, BatchStage, Stage, get_stage

logger = logging.getLogger(__name__)

#: What an ingested article always has.
INGESTED_FIELDS = frozenset({"text", "meta"})


@dataclass(frozen=True, slots=True)
class BuiltStage:
    """A stage instance with its registered name."""

    name: str
    stage: Stage


def fingerprint(
    names: Sequence[str], settings: Mapping[str, Mapping[str, Any]], version: str
) -> str:
    """What a run's results depend on, as a short hash: the reportedly version,
    the stages in order and each one's settings (but ``batch_size``, which
    changes only the speed). The store keeps it with every document, so a run
    with other settings or another release redoes it."""
    data = {
        "reportedly": version,
        "stages": [
            [
                name,
                {k: v for k, v in settings.get(name, {}).items() if k != "batch_size"},
            ]
            for name in names
        ],
    }
    blob = json.dumps(data, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]


def _build(name: str, settings: Mapping[str, Any]) -> Stage:
    info = get_stage(name)
    if settings:
        params = inspect.signature(info.factory).parameters
        unknown = sorted(set(settings) - set(params))
        if unknown:
            valid = ", ".join(sorted(params)) or "(none)"
            raise ConfigError(
                f"Unknown setting(s) {', '.join(unknown)} for stage {name} in "
                f'[stages."{name}"]. Valid settings: {valid}.'
            )
    return info.factory(**settings)


def check_chain(names: Sequence[str]) -> None:
    """Raise PipelineError if a stage needs a field no earlier stage provides."""
    available = set(INGESTED_FIELDS)
    for name in names:
        info = get_stage(name)
        missing = info.requires - available
        if missing:
            providers = sorted(
                other.name for other in STAGES.values() if other.provides & missing
            )
            raise PipelineError(
                f"Stage {name} needs {', '.join(sorted(missing))}, which no "
                f"earlier stage provides. Put one of {', '.join(providers) or '?'} "
                "before it in [pipeline] stages."
            )
        available |= info.provides


class Pipeline:
    """An ordered list of stages that turns ingested articles into analysed ones."""

    def __init__(self, stages: Sequence[BuiltStage], *, batch_size: int = 64) -> None:
        check_chain([s.name for s in stages])
        self.stages = tuple(stages)
        self.batch_size = batch_size

    @classmethod
    def from_config(cls, config: Config) -> Pipeline:
        """Build the stages named in the config with their settings."""
        built = [
            BuiltStage(name, _build(name, config.stage_settings.get(name, {})))
            for name in config.stages
        ]
        return cls(built, batch_size=config.batch_size)

    @property
    def names(self) -> tuple[str, ...]:
        """The stage names, in order."""
        return tuple(s.name for s in self.stages)

    def __call__(self, article: Article) -> Article:
        """Run one article through every stage; raise StageError on failure."""
        for result in self.run([article], fail_fast=True):
            if isinstance(result, Article):
                return result
        raise AssertionError("unreachable: fail_fast raises on failure")

    def run(
        self, items: Iterable[Article | Failure], *, fail_fast: bool = False
    ) -> Iterator[Article | Failure]:
        """Run articles through the stages in batches, in input order.

        Failures coming in pass through unchanged; an article a stage fails on
        becomes a Failure (or raises StageError when ``fail_fast``).
        """
        batch: list[Article | Failure] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch, fail_fast)
                batch = []
        if batch:
            yield from self._run_batch(batch, fail_fast)

    def _run_batch(
        self, batch: list[Article | Failure], fail_fast: bool
    ) -> list[Article | Failure]:
        results = list(batch)
        for built in self.stages:
            live = [i for i, r in enumerate(results) if isinstance(r, Article)]
            if not live:
                break
            articles = [results[i] for i in live]
            for index, outcome in zip(
                live, self._apply(built, articles, fail_fast), strict=True
            ):
                results[index] = outcome
        return results

    def _apply(
        self, built: BuiltStage, articles: list[Any], fail_fast: bool
    ) -> list[Article | Failure]:
        if isinstance(built.stage, BatchStage) and len(articles) > 1:
            try:
                return list(built.stage.pipe(articles))
            except Exception:  # find the culprit one article at a time
                logger.debug("stage %s failed on a batch; retrying singly", built.name)
        return [self._one(built, a, fail_fast) for a in articles]

    @staticmethod
    def _one(built: BuiltStage, article: Article, fail_fast: bool) -> Article | Failure:
        try:
            return built.stage(article)
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
            if fail_fast:
                raise StageError(built.name, article.doc_id, reason) from exc
            logger.info("stage %s failed on %s: %s", built.name, article.doc_id, reason)
            logger.debug("traceback", exc_info=True)
            return Failure(
                source=article.meta.source or article.doc_id,
                stage=built.name,
                reason=reason,
                doc_id=article.doc_id,
            )
