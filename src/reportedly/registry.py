"""The stage registry: dotted, versioned names mapped to stage factories.

Built-in stages register when ``reportedly.stages`` is imported; third-party
stages come through the ``reportedly.stages`` entry-point group, loaded lazily
on the first lookup.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Protocol, TypeVar, runtime_checkable

from .errors import UnknownStageError
from .records import Article

#: The Article fields a stage may require or provide.
FIELDS = frozenset(
    {"text", "meta", "regions", "sentences", "parses", "mentions", "quotes", "events"}
)


@runtime_checkable
class Stage(Protocol):
    """A callable that takes an article and returns a new one."""

    def __call__(self, article: Article, /) -> Article: ...


@runtime_checkable
class BatchStage(Stage, Protocol):
    """A stage that is faster over many articles at once (an NLP model)."""

    def pipe(self, articles: Iterable[Article], /) -> Iterator[Article]: ...


@dataclass(frozen=True, slots=True)
class StageInfo:
    """What the registry knows of a stage: how to build it and its contract."""

    name: str
    factory: Callable[..., Stage]
    requires: frozenset[str]
    provides: frozenset[str]
    doc: str


STAGES: dict[str, StageInfo] = {}
_entry_points_loaded = False

T = TypeVar("T")


def stage(
    name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = ()
) -> Callable[[T], T]:
    """Register a stage under ``name``.

    Decorate a class (its ``__init__`` keywords are the stage's settings) or a
    plain ``Article -> Article`` function (a stage without settings).
    """
    unknown = (set(requires) | set(provides)) - FIELDS
    if unknown:
        raise ValueError(f"stage {name}: unknown fields {sorted(unknown)}")

    def decorate(obj: T) -> T:
        if isinstance(obj, type):
            factory: Callable[..., Stage] = obj
        else:
            fn: Any = obj

            def factory() -> Stage:
                return fn  # type: ignore[no-any-return]

        STAGES[name] = StageInfo(
            name=name,
            factory=factory,
            requires=frozenset(requires),
            provides=frozenset(provides),
            doc=((getattr(obj, "__doc__", None) or "").strip().splitlines() or [""])[0],
        )
        return obj

    return decorate


def _load_entry_points() -> None:
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    from . import stages  # noqa: F401  (registers the built-in stages)

    if getattr(sys, "_called_from_test", False):
        return
    for entry_point in metadata.entry_points(group="reportedly.stages"):
        entry_point.load()


def available_stages() -> list[str]:
    """The names of every registered stage, sorted."""
    _load_entry_points()
    return sorted(STAGES)


def get_stage(name: str) -> StageInfo:
    """Look up a stage by name, or raise ``UnknownStageError`` listing the others."""
    _load_entry_points()
    try:
        return STAGES[name]
    except KeyError:
        names = ", ".join(available_stages())
        raise UnknownStageError(
            f"Unknown stage {name!r}. Available stages: {names}. "
            "Check the [pipeline] stages list in your reportedly.toml."
        ) from None
