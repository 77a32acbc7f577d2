"""The quote evaluation: the reference scorer's definitions and the JSONL adapter."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportedly.evaluation._common import read_jsonl
from reportedly.evaluation.quotes import (
    evaluate_quotes,
    gold_articles,
    prediction_records,
    quote_json,
    record_key,
    score_quotes,
    score_sentence_spans,
)
from reportedly.records import Article, Quote, Span

TEXT = "Ana Ruiz said the dam is safe. “It will hold,” she added. Scare “quotes” here."
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score_quotes.py"


def _span(text: str, part: str) -> dict[str, int]:
    start = text.index(part)
    return {"start": start, "end": start + len(part)}


def _quote(content: str, source: str | None, cue: str) -> dict[str, Any]:
    return {
        "cue": _span(TEXT, cue),
        "sources": [_span(TEXT, source)] if source else [],
        "contents": [_span(TEXT, content)],
    }


GOLD = {
    "d1/a": {
        "doc_id": "d1",
        "annotator": "a",
        "text": TEXT,
        "quotes": [
            _quote("the dam is safe", "Ana Ruiz", "said"),
            _quote("“It will hold,”", "she", "added"),
        ],
    }
}


@pytest.mark.parametrize("threshold", [0.3, 0.8])
def test_eval_quotes_perfect_prediction(threshold: float) -> None:
    scores = score_quotes(GOLD, GOLD, threshold)
    assert scores["quote_F1"] == 1.0
    assert scores["exact_content_F1"] == 1.0
    assert scores["attribution_F1"] == 1.0
    assert scores["speaker_span_acc"] == 1.0


@pytest.mark.parametrize(
    ("content", "lenient", "strict", "exact"),
    [
        ("It will hold", 1.0, 0.0, 1.0),  # 12 of 15 chars: not above 0.8; exact
        ("It will", 1.0, 0.0, 0.0),  # most of the quote: lenient only
        ("hold", 0.0, 0.0, 0.0),  # a sliver matches nothing
    ],
)
def test_eval_quotes_overlap_thresholds(
    content: str, lenient: float, strict: float, exact: float
) -> None:
    gold = {
        "d1/a": {**GOLD["d1/a"], "quotes": [_quote("“It will hold,”", "she", "added")]}
    }
    pred = {"d1/a": {**GOLD["d1/a"], "quotes": [_quote(content, "she", "added")]}}
    assert score_quotes(gold, pred, 0.3)["quote_R"] == lenient
    assert score_quotes(gold, pred, 0.8)["quote_R"] == strict
    assert score_quotes(gold, pred, 0.3)["exact_content_R"] == exact


@pytest.mark.parametrize(("source", "expected"), [("Ana Ruiz", 1.0), ("the dam", 0.0)])
def test_eval_quotes_speaker_span(source: str, expected: float) -> None:
    gold = {
        "d1/a": {
            **GOLD["d1/a"],
            "quotes": [_quote("the dam is safe", "Ana Ruiz", "said")],
        }
    }
    pred = {
        "d1/a": {**GOLD["d1/a"], "quotes": [_quote("the dam is safe", source, "said")]}
    }
    assert score_quotes(gold, pred, 0.3)["speaker_span_acc"] == expected


@pytest.mark.parametrize(
    ("record", "key"),
    [({"doc_id": "d"}, "d"), ({"doc_id": "d", "annotator": "x"}, "d/x")],
)
def test_eval_quotes_record_key(record: dict[str, str], key: str) -> None:
    assert record_key(record) == key


@pytest.mark.parametrize("annotators", [["a"], ["a", "b"]])
def test_eval_quotes_one_prediction_per_gold_record(annotators: list[str]) -> None:
    gold = [
        {"doc_id": "d1", "annotator": a, "text": TEXT, "quotes": []} for a in annotators
    ]
    (article,) = gold_articles(gold)
    quote = Quote(
        kind="indirect", content=(Span(start=14, end=29),), cue=Span(start=9, end=13)
    )
    predicted = Article(doc_id="d1", text=TEXT, quotes=(quote,))
    rows = prediction_records(gold, {"d1": predicted})
    assert [r["annotator"] for r in rows] == annotators
    assert all(r["quotes"] == [quote_json(quote)] for r in rows)
    assert article.regions[0].span.end == len(TEXT)


def _reference() -> Any:
    if not REFERENCE.exists():
        pytest.skip("the reference scorer is not beside the repository")
    spec = importlib.util.spec_from_file_location("reference_score_quotes", REFERENCE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_spans = st.lists(
    st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 30)).map(
        lambda t: {"start": t[0], "end": min(len(TEXT), t[0] + t[1])}
    ),
    min_size=0,
    max_size=2,
)
_quotes = st.lists(
    st.fixed_dictionaries(
        {
            "cue": st.none() | _spans.map(lambda s: s[0] if s else None),
            "sources": _spans,
            "contents": _spans,
        }
    ),
    max_size=4,
)


@settings(max_examples=60, deadline=None)
@given(gold=_quotes, pred=_quotes)
def test_eval_quotes_matches_reference_scorer(gold: list[Any], pred: list[Any]) -> None:
    reference = _reference()
    gold_docs = {"d": {"doc_id": "d", "text": TEXT, "quotes": gold}}
    pred_docs = {"d": {"doc_id": "d", "text": TEXT, "quotes": pred}}
    for threshold in (0.3, 0.8):
        ours = score_quotes(gold_docs, pred_docs, threshold)
        theirs = reference.score(
            json.loads(json.dumps(gold_docs)), pred_docs, threshold
        )
        assert ours == theirs


class _Fixed:
    """A stand-in stage that predicts the gold quote of TEXT."""

    def __call__(self, article: Article) -> Article:
        start = TEXT.index("the dam is safe")
        quote = Quote(
            kind="indirect",
            content=(Span(start=start, end=start + len("the dam is safe")),),
            cue=Span(start=9, end=13),
            speaker=Span(start=0, end=8),
        )
        return replace(article, quotes=(quote,))


def _unchanged(article: Article) -> Article:
    return article


@pytest.mark.parametrize(
    ("stages", "names"),
    [([_Fixed()], ["_Fixed"]), ([_unchanged, _Fixed()], ["_unchanged", "_Fixed"])],
)
def test_eval_quotes_runs_given_stages(
    tmp_path: Path, stages: list[Any], names: list[str]
) -> None:
    gold_path = tmp_path / "gold.jsonl"
    record = {
        "doc_id": "d1",
        "annotator": "a",
        "text": TEXT,
        "quotes": [_quote("the dam is safe", "Ana Ruiz", "said")],
    }
    gold_path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = evaluate_quotes(gold_path, stages=stages, predictions_path=out)
    assert [s["quote_F1"] for s in result["scores"]] == [1.0, 1.0]
    assert list(result["seconds"]) == names
    assert result["n_docs"] == 1
    (row,) = read_jsonl(out)
    assert row["annotator"] == "a"
    assert row["quotes"][0]["speaker_name"] is None


def test_eval_quotes_sentence_spans_cut_contents_at_sentence_ends() -> None:
    text = 'He said: "We will stay. We will fight." Then he left.'
    first, second = text.index("We will stay."), text.index("We will fight.")
    sentences = {
        "d1": [Span(start=0, end=second - 1), Span(start=second, end=len(text))]
    }
    whole = {"start": first - 1, "end": text.index(" Then")}
    one_piece = {
        "d1/a": {"doc_id": "d1", "text": text, "quotes": [{"contents": [whole]}]}
    }
    two_pieces = {
        "d1/a": {
            "doc_id": "d1",
            "text": text,
            "quotes": [
                {
                    "contents": [
                        {"start": first - 1, "end": second - 1},
                        {"start": second, "end": whole["end"]},
                    ]
                }
            ],
        }
    }
    # one span across the sentence end and two spans, one a sentence, agree
    scores = score_sentence_spans(one_piece, two_pieces, sentences)
    assert (scores["span_F1"], scores["n_gold_spans"]) == (1.0, 2)
    # a prediction stopping short of the second sentence finds one span of two
    short = {
        "d1/a": {
            "doc_id": "d1",
            "text": text,
            "quotes": [{"contents": [{"start": first, "end": second - 1}]}],
        }
    }
    scores = score_sentence_spans(one_piece, short, sentences)
    assert (scores["span_P"], scores["span_R"]) == (1.0, 0.5)
