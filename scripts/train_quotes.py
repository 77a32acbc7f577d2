"""Train the learned parts of the quote stage: cue scorer, content tagger, sources.

Usage:
    python scripts/train_quotes.py TRAIN.jsonl [--cache DIR] [--out PATH]

For example, on the PolNeAR training split (never a test split):
    .venv/bin/python scripts/train_quotes.py \\
        ../shared/data/quotes/polnear_train.jsonl --cache /tmp/quotes-cache

Cue scorer: every candidate token (``features.is_candidate``) of every parsed
article is labelled 1 when it heads an annotated cue of any annotator; noun
lemmas heading at least ``--min-noun-cues`` cues become candidates too.
Content tagger: for every annotated quote whose cue head is found, every other
token of the cue's sentence is labelled 1 when it overlaps the annotated
content. Source picker: every nominal token of that sentence is labelled 1 when
it heads the annotated source. All three are L2-regularised logistic
regressions fitted with full-batch Adagrad. Each threshold is chosen on a
held-out tenth of the articles (cue F1; content token F1 averaged by quote;
quotes with the right source, or rightly none), then the weights are
refitted on all articles. Deterministic: no random state. Parsing the 840
training articles takes about two minutes and ``--cache`` keeps the parses for
the next run (a cache made by another model or another version of the nlp
stage is parsed anew); the fits take about two more.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportedly.evaluation._common import read_jsonl  # noqa: E402
from reportedly.records import Article, Region, Span  # noqa: E402
from reportedly.stages import nlp as nlp_stage  # noqa: E402
from reportedly.stages.nlp import Parse, SpacyParser, load_model  # noqa: E402
from reportedly.stages.quotes.features import (  # noqa: E402
    ContentMemo,
    content_features,
    cue_features,
    is_candidate,
    paths,
    source_candidates,
    source_features,
)
from reportedly.stages.quotes.model import WEIGHTS_PATH  # noqa: E402
from reportedly.stages.quotes.rules import subject_of  # noqa: E402
from reportedly.stages.quotes.sheet import Sheet  # noqa: E402

Parses = dict[str, list[tuple[int, Any]]]


def parse_articles(texts: dict[str, str], cache: Path | None) -> Parses:
    """``doc_id -> [(start, Doc), ...]``, from the cache when it is there."""
    from spacy.tokens import DocBin

    # parses made by another model or another version of the nlp stage (its
    # paragraphs, its tokenizer exceptions) are not these parses
    stage = hashlib.sha256(Path(nlp_stage.__file__).read_bytes()).hexdigest()
    key = json.dumps({"model": SpacyParser().model, "nlp": stage})
    stamp = None if cache is None else cache / "train.key"
    if (
        cache is not None
        and stamp is not None
        and stamp.exists()
        and stamp.read_text() == key
        and (cache / "train.spacy").exists()
    ):
        nlp = load_model(SpacyParser().model)
        docs = list(DocBin().from_disk(cache / "train.spacy").get_docs(nlp.vocab))
        meta = json.loads((cache / "train.meta.json").read_text())
        out: Parses = {}
        index = 0
        for doc_id, starts in meta:
            out[doc_id] = [(s, docs[index + k]) for k, s in enumerate(starts)]
            index += len(starts)
        return out
    articles = []
    for doc_id, text in texts.items():
        lead = len(text) - len(text.lstrip())
        body = Span(start=lead, end=len(text.rstrip()))
        articles.append(
            Article(doc_id=doc_id, text=text, regions=(Region(kind="body", span=body),))
        )
    out = {}
    bin_ = DocBin()
    meta_rows = []
    for article in SpacyParser().pipe(articles):
        out[article.doc_id] = [(p.start, p.doc) for p in article.parses]
        meta_rows.append((article.doc_id, [p.start for p in article.parses]))
        for parse in article.parses:
            bin_.add(parse.doc)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        bin_.to_disk(cache / "train.spacy")
        (cache / "train.meta.json").write_text(json.dumps(meta_rows))
        (cache / "train.key").write_text(key)
    return out


Annotated = tuple[str, int, Any, Any, set[int], set[int]]


def _tokens(doc: Any, start: int, spans: Any) -> set[int]:
    chars: set[int] = set()
    for piece in spans or ():
        chars.update(range(piece["start"], piece["end"]))
    return {t.i for t in doc if any(start + t.idx + k in chars for k in range(len(t)))}


def annotated(records: list[dict[str, Any]], parses: Parses) -> Iterator[Annotated]:
    """``(doc_id, start, doc, cue head, content ids, source ids)`` per quote."""
    for record in records:
        for start, doc in parses[record["doc_id"]]:
            end = Parse(start=start, doc=doc).end
            for quote in record["quotes"]:
                cue = quote.get("cue")
                if not cue or not start <= cue["start"] < end:
                    continue
                tokens = [
                    t
                    for t in doc
                    if start + t.idx < cue["end"]
                    and start + t.idx + len(t) > cue["start"]
                ]
                ids = {t.i for t in tokens}
                top = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
                if not top:
                    continue
                content = _tokens(doc, start, quote.get("contents"))
                source = _tokens(doc, start, quote.get("sources"))
                yield record["doc_id"], start, doc, top[0], content, source


def fit(
    rows: list[list[int]],
    labels: np.ndarray,
    n_features: int,
    *,
    l2: float,
    epochs: int,
) -> np.ndarray:
    """Full-batch Adagrad on the logistic loss."""
    row_ids = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    cols = np.fromiter((c for r in rows for c in r), dtype=np.int64)
    weights = np.zeros(n_features)
    history = np.full(n_features, 1e-8)
    for _ in range(epochs):
        z = np.bincount(row_ids, weights=weights[cols], minlength=len(rows))
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g_rows = (p - labels) / len(rows)
        grad = np.bincount(cols, weights=g_rows[row_ids], minlength=n_features)
        grad += l2 * weights
        history += grad * grad
        weights -= 0.5 * grad / np.sqrt(history)
    return weights


def encode(
    examples: list[tuple[str, list[str], int]], min_count: int
) -> tuple[dict[str, int], list[list[int]], np.ndarray]:
    """The feature vocabulary, the rows as feature ids, and the labels."""
    counts = Counter(f for _, feats, _ in examples for f in set(feats))
    vocab = {
        f: i
        for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))
    }
    rows = [[vocab[f] for f in feats if f in vocab] for _, feats, _ in examples]
    labels = np.array([y for _, _, y in examples], dtype=float)
    return vocab, rows, labels


def cue_heads(found: list[Annotated]) -> set[tuple[str, int]]:
    """``(doc_id, offset)`` of every annotated cue head."""
    return {(d, s + h.idx) for d, s, _, h, _, _ in found}


def cue_nouns(found: list[Annotated], least: int) -> list[str]:
    """The noun lemmas that head at least ``least`` annotated cues."""
    counts = Counter(h.lemma_.lower() for _, _, _, h, _, _ in found if h.pos_ == "NOUN")
    return sorted(lemma for lemma, n in counts.items() if n >= least)


def cue_examples(
    parses: Parses, heads: set[tuple[str, int]], nouns: frozenset[str]
) -> list[tuple[str, list[str], int]]:
    """One example per candidate cue token, labelled by any annotator's cues."""
    out = []
    for doc_id in sorted(parses):
        for start, doc in parses[doc_id]:
            sheet = Sheet.read(doc)
            for token in doc:
                if is_candidate(sheet, token.i, nouns):
                    label = int((doc_id, start + token.idx) in heads)
                    out.append((doc_id, cue_features(sheet, token.i), label))
    return out


def content_examples(found: list[Annotated]) -> list[tuple[str, list[str], int, int]]:
    """One example per (annotated quote, other token of its cue's sentence).

    The last field numbers the quote, to score the contents quote by quote.
    """
    out = []
    sheets: dict[int, Sheet] = {}
    for number, (doc_id, _, doc, head, content, _) in enumerate(found):
        if head.lower_ == "according" or not content:
            continue
        if id(doc) not in sheets:
            sheets[id(doc)] = Sheet.read(doc)
        sheet = sheets[id(doc)]
        memo = ContentMemo(sheet, head.i)
        for i, path in paths(sheet, head.i).items():
            if i != head.i:
                feats = content_features(sheet, head.i, i, path, memo)
                out.append((doc_id, feats, int(i in content), number))
    return out


def source_examples(found: list[Annotated]) -> list[tuple[str, list[str], int, int]]:
    """One example per (annotated quote, source candidate of its sentence).

    The label is 1 for the head of the annotated source; the last field
    numbers the quote, to score the picks quote by quote.
    """
    out = []
    sheets: dict[int, Sheet] = {}
    for number, (doc_id, _, doc, head, content, source) in enumerate(found):
        if head.lower_ == "according" or not content:
            continue
        if id(doc) not in sheets:
            sheets[id(doc)] = Sheet.read(doc)
        sheet = sheets[id(doc)]
        tops = sorted(
            i for i in source if doc[i].head.i not in source or doc[i].head.i == i
        )
        rule = subject_of(head)
        rule_i = None if rule is None else rule.i
        found_paths = paths(sheet, head.i)
        for i in source_candidates(sheet, head.i):
            feats = source_features(
                sheet, head.i, i, found_paths[i], is_subject=i == rule_i
            )
            out.append((doc_id, feats, int(tops[:1] == [i]), number))
    return out


def source_threshold(
    examples: list[tuple[str, list[str], int, int]],
    rows: list[list[int]],
    weights: np.ndarray,
) -> tuple[float, float]:
    """``(accuracy, threshold)``: how often the best candidate is right, or none.

    Each quote's best candidate is kept when its probability passes the
    threshold; a pick is right when it heads the annotated source, and no
    pick is right when the quote has no annotated source.
    """
    quotes: dict[int, list[tuple[float, int]]] = {}
    for (_, _, label, number), row in zip(examples, rows, strict=True):
        quotes.setdefault(number, []).append((float(weights[row].sum()), label))
    best = (0.0, 0.5)
    for threshold in np.arange(0.05, 0.71, 0.025):
        cut = float(np.log(threshold / (1 - threshold)))
        right = 0
        for scored in quotes.values():
            z, label = max(scored)
            has_source = any(y for _, y in scored)
            right += (label == 1) if z >= cut else not has_source
        best = max(best, (right / max(1, len(quotes)), round(float(threshold), 3)))
    return best


def content_threshold(
    examples: list[tuple[str, list[str], int, int]],
    rows: list[list[int]],
    weights: np.ndarray,
) -> tuple[float, float]:
    """``(F1, threshold)`` for the content tagger: token F1, averaged by quote.

    Averaging by quote keeps long quotations from deciding for short ones.
    """
    quotes: dict[int, list[tuple[float, int]]] = {}
    for (_, _, label, number), row in zip(examples, rows, strict=True):
        quotes.setdefault(number, []).append((float(weights[row].sum()), label))
    best = (0.0, 0.5)
    for threshold in np.arange(0.3, 0.71, 0.05):
        cut = float(np.log(threshold / (1 - threshold)))
        total = 0.0
        for scored in quotes.values():
            gold = sum(y for _, y in scored)
            hits = sum(y for z, y in scored if z >= cut)
            tagged = sum(1 for z, _ in scored if z >= cut)
            total += 2 * hits / max(1, gold + tagged)
        best = max(best, (total / max(1, len(quotes)), round(float(threshold), 3)))
    return best


def best_threshold(
    rows: list[list[int]], labels: np.ndarray, weights: np.ndarray, positives: int
) -> tuple[float, float]:
    """``(F1, threshold)`` maximising F1 against ``positives`` gold items."""
    z = np.array([weights[r].sum() for r in rows])
    probs = 1.0 / (1.0 + np.exp(-z))
    best = (0.0, 0.5)
    for threshold in np.arange(0.2, 0.71, 0.025):
        pred = probs >= threshold
        tp = float((pred & (labels == 1)).sum())
        f1 = 2 * tp / max(1.0, pred.sum() + positives)
        best = max(best, (f1, round(float(threshold), 3)))
    return best


def kept(vocab: dict[str, int], weights: np.ndarray, floor: float) -> dict[str, float]:
    """The weights worth shipping, rounded."""
    names = sorted(vocab, key=vocab.__getitem__)
    return {
        n: round(float(w), 3)
        for n, w in zip(names, weights, strict=True)
        if abs(w) >= floor
    }


def fit_held_out(
    examples: list[Any],
    held: set[str],
    args: argparse.Namespace,
    pick_threshold: Any,
    what: str,
) -> dict[str, Any]:
    """Fit on all but the held-out articles, choose the threshold on those,
    then refit on everything (the content tagger and the source picker)."""
    vocab, rows, labels = encode([(d, f, y) for d, f, y, _ in examples], args.min_count)
    print(f"{len(examples)} {what} examples, {len(vocab)} features")
    train_ix = [i for i, (d, _, _, _) in enumerate(examples) if d not in held]
    test_ix = [i for i, (d, _, _, _) in enumerate(examples) if d in held]
    weights = fit(
        [rows[i] for i in train_ix],
        labels[train_ix],
        len(vocab),
        l2=args.content_l2,
        epochs=args.content_epochs,
    )
    score, threshold = pick_threshold(
        [examples[i] for i in test_ix], [rows[i] for i in test_ix], weights
    )
    print(f"held-out {what} score {score:.3f} at threshold {threshold}")
    weights = fit(
        rows, labels, len(vocab), l2=args.content_l2, epochs=args.content_epochs
    )
    return {"threshold": threshold, "weights": kept(vocab, weights, args.min_weight)}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--content-l2", type=float, default=1e-5)
    parser.add_argument("--epochs", type=int, default=400)
    parser.add_argument("--content-epochs", type=int, default=300)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-weight", type=float, default=0.05)
    parser.add_argument("--min-noun-cues", type=int, default=3)
    args = parser.parse_args()

    records = read_jsonl(args.train)
    texts = {r["doc_id"]: r["text"] for r in records}
    started = time.perf_counter()
    parses = parse_articles(texts, args.cache)
    print(f"parsed {len(parses)} articles in {time.perf_counter() - started:.0f}s")

    found = list(annotated(records, parses))
    heads = cue_heads(found)
    nouns = cue_nouns(found, args.min_noun_cues)
    examples = cue_examples(parses, heads, frozenset(nouns))
    vocab, rows, labels = encode(examples, args.min_count)
    print(f"{len(examples)} candidates, {len(heads)} cues, {len(vocab)} features")
    held = {d for i, d in enumerate(sorted(parses)) if i % 10 == 0}
    train_ix = [i for i, (d, _, _) in enumerate(examples) if d not in held]
    test_ix = [i for i, (d, _, _) in enumerate(examples) if d in held]
    weights = fit(
        [rows[i] for i in train_ix],
        labels[train_ix],
        len(vocab),
        l2=args.l2,
        epochs=args.epochs,
    )
    held_heads = sum(1 for d, _ in heads if d in held)
    f1, threshold = best_threshold(
        [rows[i] for i in test_ix], labels[test_ix], weights, held_heads
    )
    print(f"held-out cue F1 {f1:.3f} at threshold {threshold}")
    weights = fit(rows, labels, len(vocab), l2=args.l2, epochs=args.epochs)
    cue = {
        "threshold": threshold,
        "nouns": nouns,
        "weights": kept(vocab, weights, args.min_weight),
    }

    content = fit_held_out(
        content_examples(found), held, args, content_threshold, "content"
    )
    source = fit_held_out(
        source_examples(found), held, args, source_threshold, "source"
    )

    args.out.write_text(
        json.dumps(
            {"cue": cue, "content": content, "source": source},
            indent=0,
            sort_keys=True,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"wrote {len(cue['weights'])} cue, {len(content['weights'])} content and "
        f"{len(source['weights'])} source weights to {args.out} "
        f"in {time.perf_counter() - started:.0f}s"
    )


if __name__ == "__main__":
    main()
