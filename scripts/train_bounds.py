"""Train the quote stage's span model: where a content begins and ends.

Usage:
    python scripts/train_bounds.py TRAIN.jsonl [--cache DIR] [--out PATH]

Run after ``train_quotes.py`` and ``train_context.py`` (``make train-quotes``
runs all three): the model reads the content tagger's logits, for the cues
the packaged cue scorer and sentence model choose. Every chosen cue of every
training article that an annotator drew (with a content) is one example per
such annotator: the first and the last word of that annotator's content in
the cue's sentence. The loss is the log loss of both, each a softmax over the
sentence's words. A bidirectional LSTM (``stages/quotes/bounds.py``) fitted
with Adam, in numpy, from a fixed seed: the same data give the same bytes.
``--hold-out`` trains on nine tenths of the articles and reports, on the
rest, how often the content's words are exactly the annotator's: the
tagger's, and the stage's (the span model's where the tagger is unsure). The
weights are written as an uncompressed npz (float32) with fixed timestamps.
"""

from __future__ import annotations

import argparse
import sys
import time
import types
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_context import descend, save  # noqa: E402
from train_quotes import parse_articles  # noqa: E402

from reportedly.evaluation._common import read_jsonl  # noqa: E402
from reportedly.stages.quotes import bounds, choose_cues  # noqa: E402
from reportedly.stages.quotes.context import CONTEXT_PATH, load_context_scorer  # noqa: E402
from reportedly.stages.quotes.features import ContentMemo, paths  # noqa: E402
from reportedly.stages.quotes.model import WEIGHTS_PATH, load_quote_model  # noqa: E402
from reportedly.stages.quotes.sheet import Sheet  # noqa: E402

#: (doc_id, call, [(first word, last word) per annotator])
Example = tuple[str, bounds.Call, list[tuple[int, int]]]

_TRIM = " \t\n\"'“”‘’,.;:"


def _trimmed(text: str, spans: list[dict[str, int]]) -> set[int]:
    """The characters of a content, each piece trimmed as the scorer trims."""
    chars: set[int] = set()
    for piece in spans:
        a, b = piece["start"], piece["end"]
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and text[b - 1] in _TRIM:
            b -= 1
        chars.update(range(a, b))
    return chars


def examples(
    records: list[dict[str, Any]], parses: Any, weights: Path, context: Path
) -> list[Example]:
    """Every chosen cue some annotator drew with a content, as a call and
    the annotators' first and last words (indices among the call's words)."""
    model = load_quote_model(weights)
    scorer = load_context_scorer(context)
    drawn: dict[str, list[list[tuple[int, int, set[int]]]]] = {}
    for record in records:
        drawn.setdefault(record["doc_id"], []).append(
            [
                (
                    q["cue"]["start"],
                    q["cue"]["end"],
                    _trimmed(record["text"], q["contents"]),
                )
                for q in record["quotes"]
                if q.get("cue") and q.get("contents")
            ]
        )
    cut = model.content.cut
    out: list[Example] = []
    for doc_id in sorted(parses):
        docs = parses[doc_id]
        # the stage's cues: the cue scorer's, its close calls the sentence model's
        reading = types.SimpleNamespace(
            sheets=[Sheet.read(doc) for _, doc in docs], cues=[]
        )
        choose_cues([reading], model, scorer)  # type: ignore[list-item]
        for (start, _), sheet, cues in zip(
            docs, reading.sheets, reading.cues, strict=True
        ):
            for cue in sorted(cues):
                found = paths(sheet, cue)
                logits = model.content_logits(
                    sheet, cue, found, ContentMemo(sheet, cue)
                )
                call = bounds.Call(
                    sheet=sheet, cue=cue, found=found, logits=logits, cut=cut
                )
                words = call.words()
                at = start + sheet.idx[cue]
                ends = []
                for quotes in drawn[doc_id]:
                    chars = next((c for a, b, c in quotes if a <= at < b), None)
                    if chars is None:
                        continue
                    inside = [
                        k for k, i in enumerate(words) if start + sheet.idx[i] in chars
                    ]
                    if inside:
                        ends.append((inside[0], inside[-1]))
                if ends:
                    out.append((doc_id, call, ends))
    return out


def vocabularies(found: list[Example]) -> dict[str, list[str]]:
    """The 800 commonest words and every relation, tag and entity type seen."""
    words: Counter[str] = Counter()
    deps, tags, ents = set(), set(), set()
    for _, call, _ in found:
        sheet = call.sheet
        for i in call.tokens():
            words[sheet.lower[i]] += 1
            deps.add(sheet.dep[i])
            tags.add(sheet.pos[i])
            ents.add(sheet.ent[i])
    common = sorted(words.items(), key=lambda item: (-item[1], item[0]))[:800]
    return {
        "words": [w for w, _ in common],
        "deps": sorted(deps),
        "tags": sorted(tags),
        "ents": sorted(ents),
    }


WIDTHS = {"Ew": 24, "Ed": 12, "Ep": 8, "Eo": 8, "Eh": 4, "Ee": 6, "Eu": 4, "Ec": 4}


def initial(
    vocab: dict[str, list[str]], hidden: int, width: int, rng: Any
) -> dict[str, Any]:
    """PyTorch's default initialisation, for the same shapes."""
    sizes = {
        "Ew": len(vocab["words"]) + 1,
        "Ed": len(vocab["deps"]) + 1,
        "Ep": len(vocab["tags"]) + 1,
        "Eo": bounds.OFFSETS,
        "Eh": bounds.SIDES,
        "Ee": len(vocab["ents"]) + 1,
        "Eu": bounds.UPS,
        "Ec": bounds.DOWNS,
    }
    p = {k: rng.standard_normal((sizes[k], w)) for k, w in WIDTHS.items()}
    inputs = sum(WIDTHS.values()) + bounds.NUMERIC

    def uniform(bound: float, *shape: int) -> Any:
        return rng.uniform(-bound, bound, size=shape)

    p["Wi"] = uniform(1 / np.sqrt(inputs), inputs, width)
    p["bi"] = uniform(1 / np.sqrt(inputs), width)
    bound = 1 / np.sqrt(hidden)
    p["Wx"] = uniform(bound, 2, width, 4 * hidden)
    p["bx"] = uniform(bound, 2, 4 * hidden) + uniform(bound, 2, 4 * hidden)
    p["Wh"] = uniform(bound, 2, hidden, 4 * hidden)
    outputs = 2 * hidden + bounds.NUMERIC
    p["Wo"] = uniform(1 / np.sqrt(outputs), outputs, 2)
    p["bo"] = uniform(1 / np.sqrt(outputs), 2)
    return p


def joined(parts: list[Any]) -> Any:
    """Encoded calls as one."""
    return bounds.Encoded(
        ids=np.concatenate([e.ids for e in parts]),
        numbers=np.concatenate([e.numbers for e in parts]),
        lengths=np.concatenate([e.lengths for e in parts]),
        words=np.concatenate([e.words for e in parts]),
    )


def encoded(
    found: list[Example], vocab: dict[str, list[str]]
) -> list[tuple[Any, tuple[int, int]]]:
    """``(call, (first, last))`` per call and annotator, the ends as token
    positions in the call."""
    maps = tuple(
        {w: k + 1 for k, w in enumerate(vocab[n])}
        for n in ("words", "deps", "tags", "ents")
    )
    items = []
    for _, call, ends in found:
        one = bounds.encode([call], maps)
        at = np.flatnonzero(one.words)
        items.extend((one, (int(at[a]), int(at[b]))) for a, b in ends)
    return items


def batches(items: list[tuple[Any, tuple[int, int]]], size: int, rng: Any) -> Any:
    """Shuffled batches: padded ids, numbers, lengths, words and ends."""
    order = rng.permutation(len(items))
    for first in range(0, len(order), size):
        chosen = [items[k] for k in order[first : first + size]]
        ids, numbers, lengths, words = bounds.pad(joined([e for e, _ in chosen]))
        ends = np.array([e for _, e in chosen], dtype=np.int64)
        yield ids, numbers, lengths, words, ends


def fit(
    items: list[tuple[Any, tuple[int, int]]],
    vocab: dict[str, list[str]],
    *,
    hidden: int,
    width: int,
    epochs: int,
    seed: int,
    rate: float = 2e-3,
    size: int = 32,
) -> dict[str, Any]:
    """Adam on the mean log loss of the first and the last word."""
    rng = np.random.default_rng(seed)
    p = initial(vocab, hidden, width, rng)

    def step(batch: Any) -> tuple[float, int, dict[str, Any]]:
        ids, numbers, lengths, words, ends = batch
        z, cache = bounds.forward(p, ids, numbers, lengths)
        z = np.where(words[..., None], z, -np.inf)
        high = z.max(axis=1, keepdims=True)
        chance = np.exp(z - high)
        total_chance = chance.sum(axis=1, keepdims=True)
        chance /= total_chance
        rows = np.arange(len(ends))
        picked = z[rows[:, None], ends, np.arange(2)[None, :]]
        loss = float((np.log(total_chance[:, 0]) + high[:, 0] - picked).sum())
        dz = chance
        dz[rows[:, None], ends, np.arange(2)[None, :]] -= 1.0
        dz /= len(ends)
        return loss, len(ends), bounds.gradients(p, ids, dz, cache)

    descend(p, epochs, lambda: batches(items, size, rng), step, rate)
    return p


def held_out(
    p: dict[str, Any], vocab: dict[str, list[str]], found: list[Example]
) -> None:
    """How often a content's words are exactly the first annotator's, on
    every call and on those the tagger is unsure of: the tagger's, then the
    stage's."""
    scorer = bounds.BoundsScorer(
        params={k: np.asarray(v, dtype=np.float32) for k, v in p.items()},
        **{k: {w: n + 1 for n, w in enumerate(v)} for k, v in vocab.items()},
    )
    unsure = [bounds.unsure(call) for _, call, _ in found]
    drawn = iter(
        scorer.draw([call for (_, call, _), u in zip(found, unsure, strict=True) if u])
    )
    counts = np.zeros((2, 3))
    for (_, call, ends), gated in zip(found, unsure, strict=True):
        words = call.words()
        a, b = ends[0]
        gold = set(words[a : b + 1])
        tagger = {i for i in words if call.logits[i] >= call.cut}
        stage = set(next(drawn)).intersection(words) if gated else tagger
        for row, used in enumerate((True, gated)):
            if used:
                counts[row] += (1, tagger == gold, stage == gold)
    for row, name in enumerate(("all calls", "unsure calls")):
        n, tagger, stage = counts[row]
        print(
            f"held-out exact words, {name} ({n:.0f}): tagger {tagger / n:.4f}, "
            f"with the span model {stage / n:.4f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--weights", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--context", type=Path, default=CONTEXT_PATH)
    parser.add_argument("--out", type=Path, default=bounds.BOUNDS_PATH)
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--width", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hold-out", action="store_true")
    args = parser.parse_args()

    records = read_jsonl(args.train)
    started = time.perf_counter()
    parses = parse_articles({r["doc_id"]: r["text"] for r in records}, args.cache)
    found = examples(records, parses, args.weights, args.context)
    held = {d for d in parses if zlib.crc32(d.encode()) % 10 == 0}
    train = [e for e in found if e[0] not in held] if args.hold_out else found
    vocab = vocabularies(train)
    items = encoded(train, vocab)
    print(f"{len(found)} contents, {len(items)} examples", flush=True)
    p = fit(
        items,
        vocab,
        hidden=args.hidden,
        width=args.width,
        epochs=args.epochs,
        seed=args.seed,
    )
    if args.hold_out:
        held_out(p, vocab, [e for e in found if e[0] in held])
    save(args.out, p, vocab, bounds.PARAMS)
    print(f"wrote {args.out} in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
