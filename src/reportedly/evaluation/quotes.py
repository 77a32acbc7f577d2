"""How well the quote stage finds attributions, scored like the reference scorer.

Gold and predictions are PolNeAR-shaped JSONL records, one per (article,
annotator): ``{"doc_id", "annotator", "text", "quotes": [{"cue", "sources",
"contents", "speaker_name"?}]}`` with ``{"start", "end"}`` spans. The metrics
re-implement the definitions of the project's reference scorer:

* GGT quote matching: each gold quote, in order, greedily takes the unmatched
  prediction covering the largest share of its content characters; a match
  needs a share above the threshold (0.3 lenient, 0.8 strict). Speaker-span
  accuracy (spans overlap, or both absent) and cue accuracy (same lower-cased
  text) are over matched pairs.
* exact content: trimmed character sets equal, counted as multisets.
* attribution: a matched quote whose speaker is right (by name when gold has a
  ``reference`` and the prediction a ``speaker_name``, else by span overlap).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..records import Article, Quote, Region, Span
from ._common import f1, read_jsonl, run_stages, share

#: characters trimmed from both ends of a span before exact comparison
TRIM = " \t\n\"'“”‘’,.;:"
THRESHOLDS = (0.3, 0.8)

Record = Mapping[str, Any]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without the characters of ``TRIM`` at its edges."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _chars(
    spans: Iterable[Any] | None, text: str | None = None, *, trim: bool = False
) -> set[int]:
    out: set[int] = set()
    for span in spans or ():
        if not span:
            continue
        start, end = int(span["start"]), int(span["end"])
        if trim and text is not None:
            start, end = _trim(text, start, end)
        out.update(range(start, end))
    return out


def _name_ok(predicted: str | None, gold: str | None) -> bool:
    p = set(re.findall(r"\w+", (predicted or "").casefold()))
    g = set(re.findall(r"\w+", (gold or "").casefold()))
    return bool(p) and bool(g) and (p <= g or g <= p)


def record_key(record: Record) -> str:
    """``doc_id`` or ``doc_id/annotator``: how records are paired."""
    annotator = record.get("annotator")
    return str(record["doc_id"]) + (f"/{annotator}" if annotator else "")


def score_quotes(
    gold: Mapping[str, Record], predicted: Mapping[str, Record], threshold: float
) -> dict[str, Any]:
    """Score predictions against gold, both keyed by :func:`record_key`."""
    tp = fp = fn = speaker_span = speaker_name = speaker_name_n = verb = e2e = 0
    exact_tp = exact_pred = exact_gold = 0
    for key, gold_doc in gold.items():
        text = gold_doc["text"]
        golds = [q for q in gold_doc["quotes"] if q.get("contents")]
        preds = [
            q for q in predicted.get(key, {"quotes": []})["quotes"] if q.get("contents")
        ]
        gold_sets = [frozenset(_chars(q["contents"], text, trim=True)) for q in golds]
        pred_sets = [frozenset(_chars(q["contents"], text, trim=True)) for q in preds]
        exact_gold += len(gold_sets)
        exact_pred += len(pred_sets)
        remaining = list(pred_sets)
        for chars in gold_sets:
            if chars in remaining:
                remaining.remove(chars)
                exact_tp += 1
        left = list(range(len(preds)))
        pred_chars = [_chars(q["contents"]) for q in preds]
        for gq in golds:
            gold_chars = _chars(gq["contents"])
            best, best_share = None, threshold
            for j in left:
                shared = len(gold_chars & pred_chars[j]) / max(1, len(gold_chars))
                if shared > best_share:
                    best, best_share = j, shared
            if best is None:
                fn += 1
                continue
            left.remove(best)
            tp += 1
            pq = preds[best]
            span_ok = bool(_chars(gq.get("sources")) & _chars(pq.get("sources"))) or (
                not gq.get("sources") and not pq.get("sources")
            )
            speaker_span += span_ok
            name_ok: bool | None = None
            if gq.get("reference") and "speaker_name" in pq:
                speaker_name_n += 1
                name_ok = _name_ok(pq.get("speaker_name"), gq["reference"])
                speaker_name += name_ok
            gold_cue = gq.get("cue")
            pred_cue = pq.get("cue")
            gv = text[gold_cue["start"] : gold_cue["end"]].lower() if gold_cue else ""
            pv = text[pred_cue["start"] : pred_cue["end"]].lower() if pred_cue else ""
            verb += gv.strip() == pv.strip()
            e2e += name_ok if name_ok is not None else span_ok
        fp += len(left)
    precision, recall = share(tp, tp + fp), share(tp, tp + fn)
    exact_p, exact_r = share(exact_tp, exact_pred), share(exact_tp, exact_gold)
    attr_p, attr_r = share(e2e, tp + fp), share(e2e, tp + fn)
    return {
        "threshold": threshold,
        "quote_P": precision,
        "quote_R": recall,
        "quote_F1": f1(precision, recall),
        "speaker_span_acc": share(speaker_span, tp),
        "speaker_name_acc": (speaker_name / speaker_name_n) if speaker_name_n else None,
        "verb_acc": share(verb, tp),
        "attribution_P": attr_p,
        "attribution_R": attr_r,
        "attribution_F1": f1(attr_p, attr_r),
        "exact_content_P": exact_p,
        "exact_content_R": exact_r,
        "exact_content_F1": f1(exact_p, exact_r),
        "n_gold": tp + fn,
        "n_pred": tp + fp,
    }


def _pieces(
    text: str, spans: Iterable[Any] | None, bounds: Sequence[int]
) -> set[tuple[int, int]]:
    """Content spans cut at sentence boundaries, trimmed, as (start, end)."""
    out: set[tuple[int, int]] = set()
    for span in spans or ():
        if not span:
            continue
        start, end = int(span["start"]), int(span["end"])
        cuts = [start, *(b for b in bounds if start < b < end), end]
        for a, b in pairwise(cuts):
            piece = _trim(text, a, b)
            if piece[1] > piece[0]:
                out.add(piece)
    return out


def score_sentence_spans(
    gold: Mapping[str, Record],
    predicted: Mapping[str, Record],
    sentences: Mapping[str, Sequence[Span]],
) -> dict[str, Any]:
    """Exact content spans within sentences, the unit of sequence taggers.

    Published taggers on PolNeAR (a BERT tagger, CofeNet) score each contiguous
    content span of a sentence: here every content piece is cut at the
    sentence boundaries of the parse (``sentences`` by ``doc_id``), trimmed as
    for exact content, and the distinct spans of a record are matched exactly,
    whatever quote they belong to. Not the issue's exact-content measure (a
    whole quote's content, across sentences): a bridge to published numbers.
    """
    tp = n_pred = n_gold = 0
    for key, record in gold.items():
        text = record["text"]
        bounds = sorted(
            {
                b
                for s in sentences.get(str(record["doc_id"]), ())
                for b in (s.start, s.end)
            }
        )
        gold_spans: set[tuple[int, int]] = set()
        for quote in record["quotes"]:
            gold_spans |= _pieces(text, quote.get("contents"), bounds)
        pred_spans: set[tuple[int, int]] = set()
        for quote in predicted.get(key, {"quotes": []})["quotes"]:
            pred_spans |= _pieces(text, quote.get("contents"), bounds)
        tp += len(gold_spans & pred_spans)
        n_pred += len(pred_spans)
        n_gold += len(gold_spans)
    precision, recall = share(tp, n_pred), share(tp, n_gold)
    return {
        "measure": "sentence_content_spans",
        "span_P": precision,
        "span_R": recall,
        "span_F1": f1(precision, recall),
        "n_gold_spans": n_gold,
        "n_pred_spans": n_pred,
    }


def _span_json(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"start": span.start, "end": span.end}


def quote_json(quote: Quote) -> dict[str, Any]:
    """A quote in the scorer's prediction format (plus kind and speaker name)."""
    return {
        "cue": _span_json(quote.cue),
        "sources": [] if quote.speaker is None else [_span_json(quote.speaker)],
        "contents": [_span_json(c) for c in quote.content],
        "speaker_name": quote.speaker_name,
        "kind": quote.kind,
    }


def prediction_records(
    gold: Sequence[Record], articles: Mapping[str, Article]
) -> list[dict[str, Any]]:
    """One prediction record per gold record (the scorer pairs them by key)."""
    out = []
    for record in gold:
        article = articles.get(str(record["doc_id"]))
        quotes = [] if article is None else [quote_json(q) for q in article.quotes]
        out.append(
            {
                "doc_id": record["doc_id"],
                "annotator": record.get("annotator"),
                "text": record["text"],
                "quotes": quotes,
            }
        )
    return out


def gold_articles(gold: Iterable[Record]) -> list[Article]:
    """One article per distinct text, its body the whole text, trimmed."""
    out: dict[str, Article] = {}
    for record in gold:
        doc_id = str(record["doc_id"])
        if doc_id in out:
            continue
        text = record["text"]
        body = Span(start=len(text) - len(text.lstrip()), end=len(text.rstrip()))
        out[doc_id] = Article(
            doc_id=doc_id, text=text, regions=(Region(kind="body", span=body),)
        )
    return list(out.values())


def _default_stages() -> list[Callable[[Article], Article]]:
    from ..stages.clean import clean
    from ..stages.nlp import SpacyParser
    from ..stages.quotes import RuleQuotes

    return [clean, SpacyParser(), RuleQuotes()]


def evaluate_quotes(
    gold_path: Path | str,
    *,
    stages: Sequence[Callable[[Article], Article]] | None = None,
    predictions_path: Path | str | None = None,
    thresholds: Sequence[float] = THRESHOLDS,
) -> dict[str, Any]:
    """Run the stages over the gold texts and score their quotes.

    ``stages`` defaults to the pipeline's own: cleaning (``clean.v1``), the
    spaCy parser and ``quotes.rules.v1``; a stage with a ``pipe`` method gets
    all articles at once. Returns ``{"scores":
    [one scorer dict per threshold], "sentence_spans": {...} (see
    :func:`score_sentence_spans`), "seconds": {stage: seconds}, "n_docs"}``
    and writes the predictions as JSONL when ``predictions_path`` is given.
    """
    gold = read_jsonl(gold_path, needs="doc_id, annotator, text and quotes")
    articles, seconds = run_stages(
        gold_articles(gold), _default_stages() if stages is None else stages
    )
    predictions = prediction_records(gold, {a.doc_id: a for a in articles})
    if predictions_path is not None:
        with Path(predictions_path).open("w", encoding="utf-8") as handle:
            for row in predictions:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    gold_by_key = {record_key(r): r for r in gold}
    pred_by_key = {record_key(r): r for r in predictions}
    sentences = {a.doc_id: a.sentences for a in articles}
    return {
        "scores": [score_quotes(gold_by_key, pred_by_key, t) for t in thresholds],
        "sentence_spans": score_sentence_spans(gold_by_key, pred_by_key, sentences),
        "seconds": seconds,
        "n_docs": len(articles),
    }
