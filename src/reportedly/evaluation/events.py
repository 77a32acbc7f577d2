"""How well the events stage finds PLOVER events, and who it says asserts them.

``evaluate_events`` scores the PLOVER gold-standard format (one sentence, one
gold event: ``event``, ``actor``/``recipient`` lists with ``code``): per
category precision, recall and F1 of a sentence's predicted categories against
its gold category, macro-F1, actor and recipient code match, and tuple
accuracy (the gold category predicted with a matching actor code, and a
matching recipient code when gold has one).

The PLOVER gold codes an actor's announced future action as its intent:
a future or conditional cooperative act is AGREE, a conflictual one THREATEN,
a refused one REJECT. The stage keeps the action and marks its certainty
instead; :func:`plover_category` maps one to the other for scoring.

``evaluate_provenance`` scores our own set (``data/provenance_set.jsonl``):
polarity, certainty and asserter chain of the event of the expected category.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from ..records import Article, Event, Mention, Meta
from ..stages.events.triggers import CATEGORIES
from ._common import (
    Stage,
    f1,
    gold_actors,
    read_jsonl,
    run_stages,
    sentence_articles,
    share,
)

COOPERATIVE = frozenset(
    {"AID", "COOPERATE", "RETREAT", "CONCEDE", "CONSULT", "SUPPORT"}
)
CONFLICTUAL = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})
_STOP = frozenset({"a", "an", "the", "of", "for", "s"})


def plover_category(event: Event) -> str | None:
    """The category the PLOVER gold standard would give the event, if any.

    Denied events are not coded, except a refused cooperative act (REJECT),
    nor is background (``historical``).
    """
    if event.historical:
        return None
    intended = event.certainty in {"future", "hypothetical"}
    if event.polarity == "denied":
        return "REJECT" if intended and event.category in COOPERATIVE else None
    if intended and event.category in COOPERATIVE:
        return "AGREE"
    if intended and event.category in CONFLICTUAL:
        return "THREATEN"
    return event.category


@dataclass(frozen=True, slots=True, kw_only=True)
class CategoryScore:
    """Precision, recall and F1 of one category over sentences."""

    category: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return share(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return share(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventMiss:
    """A gold sentence the stage got wrong, for reading."""

    id: str
    text: str
    gold: str
    predicted: tuple[str, ...]
    gold_actors: tuple[str, ...]
    gold_recipients: tuple[str, ...]
    events: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventScore:
    """The PLOVER scores of a run: see the module docstring."""

    n: int
    per_category: tuple[CategoryScore, ...]
    actor_match: float
    recipient_match: float
    tuple_accuracy: float
    misses: tuple[EventMiss, ...] = ()
    seconds: Mapping[str, float] = field(default_factory=dict)

    @property
    def macro_f1(self) -> float:
        scored = [c for c in self.per_category if c.tp + c.fn]
        return share(sum(c.f1 for c in scored), len(scored))

    def table(self) -> str:
        """The per-category table and the summary, as text."""
        lines = [f"{'category':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
        for c in self.per_category:
            lines.append(
                f"{c.category:<10} {c.precision:6.3f} {c.recall:6.3f} "
                f"{c.f1:6.3f} {c.tp + c.fn:5d}"
            )
        lines.append(
            f"macro-F1 {self.macro_f1:.3f}  tuple accuracy {self.tuple_accuracy:.3f}"
            f"  actor code {self.actor_match:.3f}"
            f"  recipient code {self.recipient_match:.3f}  (n={self.n})"
        )
        return "\n".join(lines)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProvenanceMiss:
    """A provenance record the stage got wrong, for reading."""

    id: str
    text: str
    expected: Mapping[str, Any]
    predicted: Mapping[str, Any] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ProvenanceScore:
    """Accuracy of polarity, certainty, asserters (over every record)."""

    n: int
    found: float
    polarity: float
    certainty: float
    asserters: float
    historical: float
    date: float | None
    misses: tuple[ProvenanceMiss, ...] = ()

    def table(self) -> str:
        """The scores as text."""
        date = "n/a" if self.date is None else f"{self.date:.3f}"
        return (
            f"n={self.n} event found {self.found:.3f} polarity {self.polarity:.3f} "
            f"certainty {self.certainty:.3f} asserters {self.asserters:.3f} "
            f"historical {self.historical:.3f} date {date}"
        )


def default_stages() -> list[Stage]:
    """spaCy, actors, quotes, events."""
    from ..stages.actors import ResolveActors
    from ..stages.events import EventRules
    from ..stages.nlp import SpacyParser
    from ..stages.quotes import RuleQuotes

    return [SpacyParser(), ResolveActors(), RuleQuotes(), EventRules()]


def _codes(
    record: Mapping[str, Any], role: str, canon: Callable[[str], str]
) -> set[str]:
    return {canon(str(actor["code"])) for actor in gold_actors(record, role)}


def mention_codes(mentions: Iterable[Mention], canon: Callable[[str], str]) -> set[str]:
    """The event-data codes of mentions (their country when they have no code)."""
    return {canon(c) for m in mentions if (c := m.code or m.country)}


def _describe(event: Event, text: str) -> str:
    def names(mentions: tuple[Mention, ...]) -> str:
        return ",".join(m.code or m.span.text_in(text) for m in mentions) or "-"

    return (
        f"{event.category}[{event.trigger.text_in(text)}] "
        f"{names(event.actors)}->{names(event.recipients)} "
        f"{event.polarity}/{event.certainty}"
    )


def score_events(
    gold: Sequence[Mapping[str, Any]],
    articles: Mapping[str, Article],
    canon: Callable[[str], str] = str,
) -> EventScore:
    """Score predicted events against PLOVER gold records (keyed by ``id``)."""
    counts = {c: [0, 0, 0] for c in CATEGORIES}
    actor_ok = actor_n = recipient_ok = recipient_n = tuples = 0
    misses: list[EventMiss] = []
    for record in gold:
        article = articles[str(record["id"])]
        category = str(record["event"])
        events = article.events
        predicted = {c for e in events if (c := plover_category(e)) is not None}
        for name in predicted | {category}:
            row = counts.setdefault(name, [0, 0, 0])
            if name in predicted and name == category:
                row[0] += 1
            elif name in predicted:
                row[1] += 1
            else:
                row[2] += 1
        want_actors = _codes(record, "actor", canon)
        want_recipients = _codes(record, "recipient", canon)
        best = (False, False)
        for event in events:
            if plover_category(event) != category:
                continue
            a_ok = not want_actors or bool(
                mention_codes(event.actors, canon) & want_actors
            )
            r_ok = not want_recipients or bool(
                mention_codes(event.recipients, canon) & want_recipients
            )
            best = max(best, (a_ok, r_ok), key=lambda p: (p[0] and p[1], p[0], p[1]))
        hit = category in predicted
        if hit and want_actors:
            actor_n += 1
            actor_ok += best[0]
        if hit and want_recipients:
            recipient_n += 1
            recipient_ok += best[1]
        is_tuple = hit and best[0] and best[1]
        tuples += is_tuple
        if not is_tuple or predicted != {category}:
            misses.append(
                EventMiss(
                    id=str(record["id"]),
                    text=article.text,
                    gold=category,
                    predicted=tuple(sorted(predicted)),
                    gold_actors=tuple(sorted(want_actors)),
                    gold_recipients=tuple(sorted(want_recipients)),
                    events=tuple(_describe(e, article.text) for e in events),
                )
            )
    per_category = tuple(
        CategoryScore(category=c, tp=v[0], fp=v[1], fn=v[2]) for c, v in counts.items()
    )
    return EventScore(
        n=len(gold),
        per_category=per_category,
        actor_match=share(actor_ok, actor_n),
        recipient_match=share(recipient_ok, recipient_n),
        tuple_accuracy=share(tuples, len(gold)),
        misses=tuple(misses),
    )


def _canon() -> Callable[[str], str]:
    from ..actors import load_gazetteer

    return load_gazetteer().canonical_code


def evaluate_events(
    gold_path: Path | str,
    *,
    stages: Sequence[Stage] | None = None,
) -> EventScore:
    """Run the pipeline over each gold sentence and score the events.

    ``stages`` defaults to spaCy, the actors stage (or the temporary gazetteer
    adapter), ``quotes.rules.v1`` and ``events.rules.v1``.
    """
    gold = read_jsonl(gold_path)
    articles = sentence_articles(gold)
    done, seconds = run_stages(articles, default_stages() if stages is None else stages)
    score = score_events(gold, {a.doc_id: a for a in done}, _canon())
    return replace(score, seconds=seconds)


def _name_words(name: str | None) -> set[str]:
    """The words of a name, case and accents folded ("Vučić" ~ "Vucic")."""
    folded = unicodedata.normalize("NFKD", (name or "").casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return {w for w in re.findall(r"\w+", plain) if w not in _STOP}


def asserters_match(
    expected: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> bool:
    """Same kinds in the same order, names equal up to words left out."""
    if len(expected) != len(predicted):
        return False
    for want, got in zip(expected, predicted, strict=True):
        if want["kind"] != got["kind"]:
            return False
        a, b = _name_words(want.get("name")), _name_words(got.get("name"))
        if a != b and not (a and b and (a <= b or b <= a)):
            return False
    return True


def _summary(event: Event, text: str) -> dict[str, Any]:
    return {
        "category": event.category,
        "trigger": event.trigger.text_in(text),
        "polarity": event.polarity,
        "certainty": event.certainty,
        "historical": event.historical,
        "date": event.date,
        "asserters": [{"kind": a.kind, "name": a.name} for a in event.asserters],
    }


def default_provenance_path() -> Path:
    """The packaged provenance set."""
    return Path(str(resources.files("reportedly.evaluation") / "data")) / (
        "provenance_set.jsonl"
    )


def evaluate_provenance(
    path: Path | str | None = None,
    *,
    stages: Sequence[Stage] | None = None,
) -> ProvenanceScore:
    """Score polarity, certainty and asserters on the provenance set.

    The event scored is the first of the expected category; a record with none
    counts as wrong on every score.
    """
    records = read_jsonl(default_provenance_path() if path is None else path)
    # the texts are short stories, datelines and all: they go through
    # cleaning like any article, keeping the outlet and date the record gives
    articles = [
        Article(
            doc_id=str(r["id"]),
            text=str(r["text"]),
            meta=Meta(outlet=r.get("outlet"), published=r.get("published")),
        )
        for r in records
    ]
    if stages is None:
        from ..stages.clean import clean

        stages = [clean, *default_stages()]
    done, _ = run_stages(articles, stages)
    by_id = {a.doc_id: a for a in done}
    found = polarity = certainty = asserters = historical = 0
    dated = dated_ok = 0
    misses: list[ProvenanceMiss] = []
    for record in records:
        article = by_id[str(record["id"])]
        want = record["expected"]
        event = next(
            (e for e in article.events if e.category == want["category"]), None
        )
        got = None if event is None else _summary(event, article.text)
        if "date" in want:
            dated += 1
            dated_ok += got is not None and got["date"] == want["date"]
        checks = (False,) * 4
        if got is not None:
            found += 1
            checks = (
                got["polarity"] == want["polarity"],
                got["certainty"] == want["certainty"],
                asserters_match(want["asserters"], got["asserters"]),
                got["historical"] == want["historical"],
            )
            polarity += checks[0]
            certainty += checks[1]
            asserters += checks[2]
            historical += checks[3]
        if not all(checks):
            misses.append(
                ProvenanceMiss(
                    id=str(record["id"]),
                    text=article.text,
                    expected=want,
                    predicted=got,
                )
            )
    n = len(records)
    return ProvenanceScore(
        n=n,
        found=share(found, n),
        polarity=share(polarity, n),
        certainty=share(certainty, n),
        asserters=share(asserters, n),
        historical=share(historical, n),
        date=dated_ok / dated if dated else None,
        misses=tuple(misses),
    )
