"""Train the quote stage's sentence model: the cue scorer's second opinion.

Usage:
    python scripts/train_context.py TRAIN.jsonl [--cache DIR] [--out PATH]

Run after ``train_quotes.py`` (``make train-quotes`` runs both): the model reads
the logits of the packaged cue scorer. Every sentence of every training article
that holds a candidate cue is one example per annotator; its candidate tokens
are labelled 1 inside a cue that annotator drew (with a content), and the loss
is the mean log loss over candidates. A bidirectional LSTM
(``stages/quotes/context.py``) fitted with Adam, in numpy, from a fixed seed:
the same data give the same bytes. ``--hold-out`` trains on nine tenths of the
articles and reports cue F1 on the rest, for the closest calls (those the stage
gives the model) against the logistic scorer's. The weights are written as an
uncompressed npz (float32) with fixed timestamps.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_quotes import parse_articles  # noqa: E402

from reportedly.evaluation._common import read_jsonl  # noqa: E402
from reportedly.stages.quotes import context  # noqa: E402
from reportedly.stages.quotes.model import WEIGHTS_PATH, load_quote_model  # noqa: E402
from reportedly.stages.quotes.sheet import Sheet  # noqa: E402

Example = tuple[str, Any, int, int, dict[int, float], list[Any]]


def examples(
    records: list[dict[str, Any]], parses: Any, weights: Path
) -> tuple[list[Example], float]:
    """``(doc_id, sheet, start, end, logits, labels per annotator)`` per
    sentence holding a candidate (``logits``: of the paragraph's candidates),
    and the cue threshold's logit."""
    model = load_quote_model(weights)
    cues: dict[str, list[list[tuple[int, int]]]] = {}
    for record in records:
        cues.setdefault(record["doc_id"], []).append(
            [
                (q["cue"]["start"], q["cue"]["end"])
                for q in record["quotes"]
                if q.get("cue") and q.get("contents")
            ]
        )
    out: list[Example] = []
    for doc_id in sorted(parses):
        for start, doc in parses[doc_id]:
            sheet = Sheet.read(doc)
            logits = model.cue_logits(sheet)
            for first, last in sorted({sheet.sentence[k] for k in logits}):
                at = [start + sheet.idx[k] for k in range(first, last)]
                labels = [
                    np.array([any(a <= x < b for a, b in spans) for x in at], float)
                    for spans in cues[doc_id]
                ]
                out.append((doc_id, sheet, first, last, logits, labels))
    return out, model.cue.cut


def vocabularies(found: list[Example]) -> dict[str, list[str]]:
    """The 1,500 commonest lemmas and every relation, tag and entity type seen."""
    lemmas: Counter[str] = Counter()
    deps, tags, ents = set(), set(), set()
    for _, sheet, first, last, _, _ in found:
        for k in range(first, last):
            lemmas[sheet.lemma[k]] += 1
            deps.add(sheet.dep[k])
            tags.add(sheet.pos[k])
            ents.add(sheet.ent[k])
    common = sorted(lemmas.items(), key=lambda item: (-item[1], item[0]))[:1500]
    return {
        "lemmas": [w for w, _ in common],
        "deps": sorted(deps),
        "tags": sorted(tags),
        "ents": sorted(ents),
    }


def initial(
    vocab: dict[str, list[str]], hidden: int, width: int, rng: Any
) -> dict[str, Any]:
    """PyTorch's default initialisation, for the same shapes."""
    widths = {"Ew": 24, "Ed": 12, "Ep": 8, "Ee": 6, "Eh": 3}
    sizes = {
        "Ew": len(vocab["lemmas"]) + 1,
        "Ed": len(vocab["deps"]) + 1,
        "Ep": len(vocab["tags"]) + 1,
        "Ee": len(vocab["ents"]) + 1,
        "Eh": 3,
    }
    p = {k: rng.standard_normal((sizes[k], w)) for k, w in widths.items()}
    inputs = sum(widths.values()) + context.NUMERIC

    def uniform(bound: float, *shape: int) -> Any:
        return rng.uniform(-bound, bound, size=shape)

    p["Wi"] = uniform(1 / np.sqrt(inputs), inputs, width)
    p["bi"] = uniform(1 / np.sqrt(inputs), width)
    bound = 1 / np.sqrt(hidden)
    p["Wx"] = uniform(bound, 2, width, 4 * hidden)
    p["bx"] = uniform(bound, 2, 4 * hidden) + uniform(bound, 2, 4 * hidden)
    p["Wh"] = uniform(bound, 2, hidden, 4 * hidden)
    outputs = 2 * hidden + context.NUMERIC
    p["Wo"] = uniform(1 / np.sqrt(outputs), outputs)
    p["bo"] = uniform(1 / np.sqrt(outputs), 1)
    return p


def joined(sentences: list[Any]) -> Any:
    """Encoded sentences as one."""
    return context.Sentences(
        ids=np.concatenate([s.ids for s in sentences]),
        numbers=np.concatenate([s.numbers for s in sentences]),
        lengths=np.concatenate([s.lengths for s in sentences]),
    )


def batches(items: list[tuple[Any, Any, Any]], size: int, rng: Any) -> Any:
    """Shuffled batches: padded ids, numbers, lengths, labels and loss mask."""
    order = rng.permutation(len(items))
    for first in range(0, len(order), size):
        chosen = [items[k] for k in order[first : first + size]]
        ids, numbers, lengths = context.pad(joined([s for s, _, _ in chosen]))
        labels = np.zeros(ids.shape[:2])
        mask = np.zeros(ids.shape[:2])
        for row, (_, y, m) in enumerate(chosen):
            labels[row, : len(y)] = y
            mask[row, : len(m)] = m
        yield ids, numbers, lengths, labels, mask


def adam(
    p: dict[str, Any],
    grad: dict[str, Any],
    m: dict[str, Any],
    v: dict[str, Any],
    step: int,
    rate: float,
) -> None:
    """One step of Adam (PyTorch's defaults), in place."""
    for k in p:
        m[k] = 0.9 * m[k] + 0.1 * grad[k]
        v[k] = 0.999 * v[k] + 0.001 * grad[k] ** 2
        p[k] -= (
            rate * (m[k] / (1 - 0.9**step)) / (np.sqrt(v[k] / (1 - 0.999**step)) + 1e-8)
        )


def fit(
    items: list[tuple[Any, Any, Any]],
    vocab: dict[str, list[str]],
    *,
    hidden: int,
    width: int,
    epochs: int,
    seed: int,
    rate: float = 2e-3,
    size: int = 16,
) -> dict[str, Any]:
    """Adam on the mean log loss over each batch's candidates."""
    rng = np.random.default_rng(seed)
    p = initial(vocab, hidden, width, rng)

    def step(batch: Any) -> tuple[float, int, dict[str, Any]]:
        ids, numbers, lengths, labels, mask = batch
        z, cache = context.forward(p, ids, numbers, lengths)
        count = max(1.0, mask.sum())
        loss = float(((np.logaddexp(0, z) - labels * z) * mask).sum())
        dz = (1 / (1 + np.exp(-z)) - labels) * mask / count
        return loss, int(mask.sum()), context.gradients(p, ids, dz, cache)

    descend(p, epochs, lambda: batches(items, size, rng), step, rate)
    return p


def descend(
    p: dict[str, Any],
    epochs: int,
    batches: Callable[[], Iterable[Any]],
    step: Callable[[Any], tuple[float, int, dict[str, Any]]],
    rate: float,
) -> None:
    """Adam over ``epochs`` passes of ``batches()``, in place; ``step`` gives
    a batch's summed loss, what it was summed over, and the gradient."""
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v = {k: np.zeros_like(v) for k, v in p.items()}
    count = 0
    for epoch in range(epochs):
        started, total, seen = time.perf_counter(), 0.0, 0
        for batch in batches():
            loss, size, grad = step(batch)
            total += loss
            seen += size
            count += 1
            adam(p, grad, m, v, count, rate)
        print(
            f"epoch {epoch}: loss {total / max(1, seen):.4f} "
            f"in {time.perf_counter() - started:.0f}s",
            flush=True,
        )


def encoded(
    found: list[Example], cut: float, vocab: dict[str, list[str]]
) -> list[tuple[Any, Any, Any]]:
    """``(sentence, labels, candidate mask)`` per sentence and annotator."""
    maps = tuple(
        {w: k + 1 for k, w in enumerate(vocab[n])}
        for n in ("lemmas", "deps", "tags", "ents")
    )
    items = []
    for _, sheet, first, last, logits, labels in found:
        sentence = context.encode([(sheet, first, last, logits)], cut, maps)
        mask = np.array([k in logits for k in range(first, last)], float)
        items.extend((sentence, y, mask) for y in labels)
    return items


def held_out_f1(
    p: dict[str, Any], items: list[tuple[Any, Any, Any]], cut: float
) -> tuple[float, float]:
    """Cue-token F1 on the close calls: the logistic scorer's, then the stage's."""
    counts = np.zeros((2, 3))
    z = context.infer(p, joined([s for s, _, _ in items]))
    at = 0
    for sentence, y, m in items:
        here = z[at : at + len(y)]
        at += len(y)
        logit = np.where(sentence.numbers[:, 1] > 0, sentence.numbers[:, 0] * 5, -99)
        close = (m > 0) & (np.abs(logit - cut) < context.BAND)
        for row, said in enumerate((logit >= cut, here > 0)):
            said = said[close]
            gold = y[close] > 0
            counts[row] += (
                (said & gold).sum(),
                (said & ~gold).sum(),
                (~said & gold).sum(),
            )
    f1 = (
        2 * counts[:, 0] / np.maximum(1, 2 * counts[:, 0] + counts[:, 1] + counts[:, 2])
    )
    return float(f1[0]), float(f1[1])


def save(
    path: Path,
    p: dict[str, Any],
    vocab: dict[str, list[str]],
    names: tuple[str, ...] = context.PARAMS,
) -> None:
    """An npz with fixed timestamps: the same weights give the same bytes."""
    arrays = {k: p[k].astype(np.float32) for k in names}
    arrays.update({k: np.array(v, dtype=str) for k, v in vocab.items()})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, array, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            out.writestr(info, buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--weights", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--out", type=Path, default=context.CONTEXT_PATH)
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--width", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hold-out", action="store_true")
    args = parser.parse_args()

    records = read_jsonl(args.train)
    started = time.perf_counter()
    parses = parse_articles({r["doc_id"]: r["text"] for r in records}, args.cache)
    found, cut = examples(records, parses, args.weights)
    held = {d for d in parses if zlib.crc32(d.encode()) % 10 == 0}
    train = [e for e in found if e[0] not in held] if args.hold_out else found
    vocab = vocabularies(train)
    items = encoded(train, cut, vocab)
    print(f"{len(found)} sentences, {len(items)} examples", flush=True)
    p = fit(
        items,
        vocab,
        hidden=args.hidden,
        width=args.width,
        epochs=args.epochs,
        seed=args.seed,
    )
    if args.hold_out:
        logistic, lstm = held_out_f1(
            p, encoded([e for e in found if e[0] in held], cut, vocab), cut
        )
        print(f"held-out close-call cue F1: logistic {logistic:.4f}, LSTM {lstm:.4f}")
    save(args.out, p, vocab)
    print(f"wrote {args.out} in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
