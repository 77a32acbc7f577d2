"""Scoring the actor stage on PLOVER-shaped gold: code recall, noise, misses."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reportedly.actors import Actor, Gazetteer
from reportedly.errors import IngestError
from reportedly.evaluation.actors import (
    ActorScore,
    evaluate_actors,
    gold_actors,
    read_gold,
    score_actors,
    sentence_articles,
)
from reportedly.records import Article, Mention, Span

GAZETTEER = Gazetteer(
    [
        Actor(
            id="phx:ZORBIA",
            name="Zorbia",
            kind="state",
            code="ZRB",
            aliases=("Zorbia",),
        )
    ],
    code_equivalents={"ZOR": "ZRB"},
)

RECORDS: list[dict[str, Any]] = [
    {
        "id": "s1",
        "text": "Zorbia warned Vesperia.",
        "actor": [{"actorText": "Zorbia", "code": "ZOR"}],
        "recipient": [{"actorText": "Vesperia", "code": "VSP"}],
    },
    {
        "id": "s2",
        "text": "The alliance met.",
        "actor": [{"actorText": "alliance", "code": "IGO"}],
        "recipient": "",
    },
    {"id": "s3", "text": "Nothing here.", "actor": [], "recipient": "diplomatic"},
]


class FakeStage:
    """Codes every word of a sentence found in ``codes`` (no model needed)."""

    def __init__(self, codes: dict[str, str]) -> None:
        self.codes = codes

    def __call__(self, article: Article) -> Article:
        mentions = []
        for word, code in self.codes.items():
            start = article.text.find(word)
            if start >= 0:
                span = Span(start=start, end=start + len(word))
                mentions.append(Mention(span=span, code=code, extractor="fake"))
        return replace(article, mentions=tuple(mentions))


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("record", "role", "codes"),
    [
        (RECORDS[0], "recipient", ["VSP"]),
        (RECORDS[1], "recipient", []),
        (RECORDS[2], "recipient", []),
        (RECORDS[2], "actor", []),
    ],
)
def test_eval_actors_gold_actors_tolerates_empty_fields(
    record: dict[str, Any], role: str, codes: list[str]
) -> None:
    assert [a["code"] for a in gold_actors(record, role)] == codes


def test_eval_actors_sentence_articles_cover_the_text() -> None:
    (article,) = sentence_articles(RECORDS[:1])
    assert article.doc_id == "s1"
    assert article.regions[0].span == Span(start=0, end=len(RECORDS[0]["text"]))


def test_eval_actors_score_counts_codes_through_equivalents() -> None:
    articles = [
        FakeStage({"Zorbia": "ZRB", "alliance": "NGO"})(a)
        for a in sentence_articles(RECORDS)
    ]
    score = score_actors(RECORDS, articles, GAZETTEER)
    assert isinstance(score, ActorScore)
    assert (score.n_sentences, score.n_gold) == (3, 3)
    assert score.recall == pytest.approx(1 / 3)  # ZOR ~ ZRB found; VSP, IGO missed
    assert (score.actor_recall, score.recipient_recall) == (0.5, 0.0)
    assert score.coded_mentions == 2
    assert score.noise == pytest.approx(0.5)  # NGO is no gold code of s2
    assert [(m.id, m.role, m.code, m.found) for m in score.misses] == [
        ("s1", "recipient", "VSP", ("ZRB",)),
        ("s2", "actor", "IGO", ("NGO",)),
    ]


def test_eval_actors_evaluate_runs_stages_and_times_them(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", RECORDS)
    stage = FakeStage({"Zorbia": "ZRB", "Vesperia": "VSP", "alliance": "IGO"})
    score = evaluate_actors(gold, stages=[stage], gazetteer=GAZETTEER)
    assert score.recall == 1.0
    assert score.misses == ()
    assert dict(score.seconds).keys() == {"FakeStage"}
    assert score.as_dict()["seconds"]["FakeStage"] >= 0


@pytest.mark.parametrize("line", ["{not json", '["a list"]', '{"id": "x"}'])
def test_eval_actors_read_gold_rejects_bad_lines(tmp_path: Path, line: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(IngestError, match=r"bad\.jsonl:1"):
        read_gold(path)


@pytest.mark.slow
def test_eval_actors_real_pipeline(tmp_path: Path) -> None:
    records = [
        {
            "id": "r1",
            "text": "Moscow accused the Kremlin's critics in Oslo of lying.",
            "actor": [{"actorText": "Moscow", "code": "RUS"}],
            "recipient": [{"actorText": "Oslo", "code": "NOR"}],
        }
    ]
    score = evaluate_actors(_write(tmp_path / "gold.jsonl", records))
    assert score.recall == 1.0
    assert set(dict(score.seconds)) == {"SpacyParser", "ResolveActors"}
