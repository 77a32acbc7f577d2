"""Scoring the events stage: PLOVER categories and tuples, and provenance."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reportedly.evaluation._common import read_jsonl, sentence_article
from reportedly.evaluation.events import (
    EventScore,
    asserters_match,
    default_provenance_path,
    evaluate_events,
    evaluate_provenance,
    plover_category,
    score_events,
)
from reportedly.records import Article, Asserter, Event, Mention, Span
from reportedly.stages.events import CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
PLOVER_DEV = ROOT.parent / "shared" / "data" / "events" / "plover_gsr_dev.jsonl"


def _event(
    category: str, actor: str | None = None, recipient: str | None = None, **fields: Any
) -> Event:
    span = Span(start=0, end=1)
    return Event(
        category=category,
        trigger=span,
        sentence=span,
        actors=(Mention(span=span, code=actor),) if actor else (),
        recipients=(Mention(span=span, code=recipient),) if recipient else (),
        **fields,
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"category": "AID"}, "AID"),
        ({"category": "AID", "certainty": "future"}, "AGREE"),
        ({"category": "SUPPORT", "certainty": "future"}, "AGREE"),
        ({"category": "SANCTION", "certainty": "hypothetical"}, "THREATEN"),
        ({"category": "ASSAULT", "certainty": "reported"}, "ASSAULT"),
        ({"category": "ASSAULT", "polarity": "denied"}, None),
        (
            {"category": "CONSULT", "polarity": "denied", "certainty": "future"},
            "REJECT",
        ),
        ({"category": "ACCUSE", "certainty": "future"}, "ACCUSE"),
        ({"category": "ASSAULT", "historical": True}, None),
    ],
)
def test_eval_events_plover_category(
    fields: dict[str, Any], expected: str | None
) -> None:
    assert plover_category(_event(**fields)) == expected


def _gold(n: int, category: str, actor: str, recipient: str | None) -> dict[str, Any]:
    return {
        "id": f"g{n}",
        "text": "x",
        "event": category,
        "actor": [{"code": actor}],
        "recipient": [{"code": recipient}] if recipient else "",
    }


def _articles(events: dict[str, tuple[Event, ...]]) -> dict[str, Article]:
    return {
        key: replace(sentence_article(key, "x"), events=value)
        for key, value in events.items()
    }


def test_eval_events_scores_categories_and_tuples() -> None:
    gold = [
        _gold(0, "ASSAULT", "RUS", "UKR"),
        _gold(1, "AGREE", "JAP", None),
        _gold(2, "REQUEST", "USA", "IRN"),
    ]
    articles = _articles(
        {
            "g0": (_event("ASSAULT", "RUS", "UKR"), _event("COERCE", "RUS")),
            "g1": (_event("AID", "JPN", certainty="future"),),
            "g2": (_event("REQUEST", "GBR", "IRN"),),
        }
    )
    canon = {"JAP": "JPN"}.get
    score = score_events(gold, articles, lambda c: canon(c) or c)
    rows = {c.category: c for c in score.per_category}
    assert (rows["ASSAULT"].tp, rows["COERCE"].fp, rows["AGREE"].tp) == (1, 1, 1)
    assert score.tuple_accuracy == pytest.approx(2 / 3)
    assert score.actor_match == pytest.approx(2 / 3)
    assert score.recipient_match == 1.0
    assert score.macro_f1 == pytest.approx(1.0)
    assert [m.id for m in score.misses] == ["g0", "g2"]
    assert "macro-F1" in score.table()


@pytest.mark.parametrize(
    ("expected", "predicted", "ok"),
    [
        ([("outlet", "Wire")], [("outlet", "Wire")], True),
        (
            [("outlet", "W"), ("speaker", "defence minister")],
            [("outlet", "W"), ("speaker", "the defence minister")],
            True,
        ),
        (
            [("outlet", "W"), ("speaker", "Ana Ruiz")],
            [("outlet", "W"), ("speaker", "Interior Minister Ana Ruiz")],
            True,
        ),
        (
            [("outlet", "W"), ("source", "report")],
            [("outlet", "W"), ("speaker", "report")],
            False,
        ),
        ([("outlet", "W"), ("speaker", "Ana")], [("outlet", "W")], False),
        (
            [("outlet", "W"), ("speaker", "Ana")],
            [("outlet", "W"), ("speaker", "Bo")],
            False,
        ),
    ],
)
def test_eval_events_asserters_match(
    expected: list[tuple[str, str]], predicted: list[tuple[str, str]], ok: bool
) -> None:
    def rows(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
        return [{"kind": k, "name": n} for k, n in pairs]

    assert asserters_match(rows(expected), rows(predicted)) is ok


PROVENANCE_SETS = sorted(default_provenance_path().parent.glob("provenance_*.jsonl"))


@pytest.mark.parametrize("path", PROVENANCE_SETS, ids=lambda p: p.stem)
def test_eval_events_provenance_set_is_well_formed(path: Path) -> None:
    records = read_jsonl(path)
    assert len(records) >= 80
    assert len({r["id"] for r in records}) == len(records)
    categories = set()
    for record in records:
        want = record["expected"]
        categories.add(want["category"])
        assert want["category"] in CATEGORIES
        assert want["polarity"] in {"asserted", "denied"}
        assert want["certainty"] in {
            "fact",
            "reported",
            "hedged",
            "hypothetical",
            "future",
        }
        assert isinstance(want["historical"], bool)
        assert want["asserters"][0] == {"kind": "outlet", "name": record["outlet"]}
        assert {a["kind"] for a in want["asserters"][1:]} <= {"speaker", "source"}
        assert record["published"][:2] == "20"
    assert len(categories) >= 12
    certainties = {r["expected"]["certainty"] for r in records}
    assert certainties == {"fact", "reported", "hedged", "hypothetical", "future"}


def _stub_stage(by_text: dict[str, Event]) -> Any:
    def stage(article: Article) -> Article:
        event = by_text.get(article.text)
        return replace(article, events=() if event is None else (event,))

    return stage


def test_eval_events_provenance_scoring(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    rows = [
        {
            "id": "a",
            "text": "one",
            "outlet": "W",
            "published": "2024-01-02",
            "expected": {
                "category": "AID",
                "polarity": "asserted",
                "certainty": "fact",
                "historical": False,
                "asserters": [{"kind": "outlet", "name": "W"}],
                "date": "2024-01-01",
            },
        },
        {
            "id": "b",
            "text": "two",
            "outlet": "W",
            "published": "2024-01-02",
            "expected": {
                "category": "AID",
                "polarity": "denied",
                "certainty": "reported",
                "historical": False,
                "asserters": [
                    {"kind": "outlet", "name": "W"},
                    {"kind": "speaker", "name": "Bo"},
                ],
            },
        },
        {
            "id": "c",
            "text": "three",
            "outlet": "W",
            "published": "2024-01-02",
            "expected": {
                "category": "ASSAULT",
                "polarity": "asserted",
                "certainty": "fact",
                "historical": False,
                "asserters": [{"kind": "outlet", "name": "W"}],
            },
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    outlet = Asserter(kind="outlet", name="W")
    events = {
        "one": _event("AID", asserters=(outlet,), date="2024-01-01"),
        "two": _event(
            "AID",
            polarity="denied",
            certainty="reported",
            asserters=(outlet, Asserter(kind="speaker", name="Bo Li")),
        ),
        "three": _event("AID", asserters=(outlet,)),
    }
    score = evaluate_provenance(path, stages=[_stub_stage(events)])
    assert score.n == 3
    assert score.found == pytest.approx(2 / 3)
    assert (score.polarity, score.certainty, score.asserters) == pytest.approx(
        (2 / 3, 2 / 3, 2 / 3)
    )
    assert score.date == 1.0
    assert [m.id for m in score.misses] == ["c"]
    assert "asserters" in score.table()


def test_eval_events_runs_stages_over_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps(_gold(0, "AID", "USA", "PAK") | {"text": "aid"}), encoding="utf-8"
    )
    events = {"aid": _event("AID", "USA", "PAK")}
    score = evaluate_events(path, stages=[_stub_stage(events)])
    assert isinstance(score, EventScore)
    assert score.tuple_accuracy == 1.0
    assert score.seconds


@pytest.mark.slow
def test_eval_events_provenance_set_meets_targets() -> None:
    score = evaluate_provenance()
    assert score.polarity >= 0.9, score.misses
    assert score.certainty >= 0.9, score.misses
    assert score.asserters >= 0.9, score.misses


@pytest.mark.slow
@pytest.mark.skipif(not PLOVER_DEV.exists(), reason="no shared PLOVER dev data")
def test_eval_events_plover_dev_floors() -> None:
    score = evaluate_events(PLOVER_DEV)
    # floors below the measured 0.82 / 0.61: other stages move under these
    assert score.macro_f1 >= 0.75, score.table()
    assert score.tuple_accuracy >= 0.55, score.table()
