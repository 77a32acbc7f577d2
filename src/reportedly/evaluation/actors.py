"""How well the actor stage codes the actors of PLOVER gold sentences.

Each gold record is one sentence with ``actor`` and ``recipient`` lists of
``{"actorText", "code", "sector"}`` (``recipient`` may be ``""`` or ``[]``).
The sentence runs through the spaCy parser and ``actors.resolve.v1``; a gold
actor is found when some mention of its sentence carries its code, compared
through the gazetteer's ``canonical_code`` (the gold writes JAP, we JPN).
Noise, for information: the share of coded mentions whose code no gold actor
of the sentence has (a sentence's gold lists only an event's participants,
so noise is an upper bound on false mentions).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from ..actors import Gazetteer, load_gazetteer
from ..records import Article
from ._common import gold_actors, read_jsonl, run_stages, sentence_articles, share

GOLD_ROLES = ("actor", "recipient")


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorMiss:
    """A gold actor no mention of its sentence codes."""

    id: str
    role: str
    text: str
    code: str
    found: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorScore:
    """Code recall over gold actors and recipients, and what was missed.

    ``seconds`` maps each stage (by class name) to the time it took.
    """

    n_sentences: int
    n_gold: int
    recall: float
    actor_recall: float
    recipient_recall: float
    mentions_per_sentence: float
    coded_mentions: int
    noise: float
    misses: tuple[ActorMiss, ...]
    seconds: tuple[tuple[str, float], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The score as plain JSON-ready values."""
        out = asdict(self)
        out["seconds"] = dict(self.seconds)
        return out


def read_gold(path: Path | str) -> list[dict[str, Any]]:
    """The records of a PLOVER JSONL file, checked for ``text``."""
    return read_jsonl(path, needs="id, text, actor and recipient")


def _default_stages() -> list[Callable[[Article], Article]]:
    from ..stages.actors import ResolveActors
    from ..stages.nlp import SpacyParser

    return [SpacyParser(), ResolveActors()]


def score_actors(
    records: Sequence[Mapping[str, Any]],
    articles: Sequence[Article],
    gazetteer: Gazetteer,
) -> ActorScore:
    """Score the mentions of ``articles`` (one per record, in order)."""
    canon = gazetteer.canonical_code
    found = {role: [0, 0] for role in GOLD_ROLES}
    misses: list[ActorMiss] = []
    coded = noisy = mentions = 0
    for record, article in zip(records, articles, strict=True):
        codes = {canon(m.code) for m in article.mentions if m.code}
        gold_codes = set()
        mentions += len(article.mentions)
        for role in GOLD_ROLES:
            for actor in gold_actors(record, role):
                code = canon(str(actor["code"]))
                gold_codes.add(code)
                found[role][1] += 1
                if code in codes:
                    found[role][0] += 1
                else:
                    misses.append(
                        ActorMiss(
                            id=str(record.get("id", "")),
                            role=role,
                            text=str(actor.get("actorText", "")),
                            code=code,
                            found=tuple(sorted(codes)),
                        )
                    )
        for mention in article.mentions:
            if mention.code:
                coded += 1
                noisy += canon(mention.code) not in gold_codes
    hits = sum(h for h, _ in found.values())
    total = sum(n for _, n in found.values())
    return ActorScore(
        n_sentences=len(records),
        n_gold=total,
        recall=share(hits, total),
        actor_recall=share(*found["actor"]),
        recipient_recall=share(*found["recipient"]),
        mentions_per_sentence=share(mentions, len(records)),
        coded_mentions=coded,
        noise=share(noisy, coded),
        misses=tuple(misses),
    )


def evaluate_actors(
    gold_path: Path | str,
    *,
    stages: Sequence[Callable[[Article], Article]] | None = None,
    gazetteer: Gazetteer | None = None,
) -> ActorScore:
    """Run the parser and the actor stage over PLOVER gold sentences; score codes.

    Example::

        score = evaluate_actors("plover_gsr_dev.jsonl")
        print(score.recall, [(m.id, m.text, m.code) for m in score.misses[:20]])
    """
    records = read_gold(gold_path)
    articles, seconds = run_stages(
        sentence_articles(records), _default_stages() if stages is None else stages
    )
    score = score_actors(records, articles, gazetteer or load_gazetteer())
    return replace(score, seconds=tuple(seconds.items()))
