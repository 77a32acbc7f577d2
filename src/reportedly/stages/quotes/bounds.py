"""Where a content begins and ends, where the content tagger is unsure.

The content tagger (``model.py``) decides each token of the cue's sentence on
its own, so a content's edges are many separate calls, and exact content
hangs on all of them. Where some word's logit lies within :data:`GATE` of the
tagger's threshold, a small bidirectional LSTM reads the cue's sentence (each
token's word, relation, part of speech, entity type, offset from the cue,
head side, dependency path lengths and the tagger's own logit) and scores
every word as the content's first and as its last. Of the spans made of its
:data:`TOP` likeliest firsts and lasts, and the tagger's own, the stage takes
the one with the highest expected payoff under the model's distribution over
spans (softened by :data:`TEMPERATURE`): the chance it is exact, plus half
the chance it covers more than 30% of the true one, plus the chance it covers
more than 80% (the measures quotes are scored by); a span that does not
cross the cue stays on its side. Its weights (``bounds.npz``) are trained by
``scripts/train_bounds.py`` in numpy; the recurrence is ``lstm.py``'s.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from . import lstm
from .features import REACH, Paths
from .model import unsure_of
from .sheet import Sheet

BOUNDS_PATH = Path(__file__).with_name("bounds.npz")
#: a content with a word whose tagger logit lies this close to the threshold
#: is drawn by the span model (chosen on the held-out training articles: exact
#: content 0.6086 at 0.5, 0.6137 at 1, 0.6168 drawing every content; on dev,
#: 1 adds about 0.02 s of drawing to 0.05 s, every content 0.16 s)
GATE = 1.0
#: the likeliest firsts and lasts a span is made of
TOP = 3
#: what a span earns against each of the model's: when it is the same, when
#: it covers more than 30% of it, more than 80% (chosen on the held-out
#: training articles among (1, 1, 0.5), (1, 2, 0.5), (1, 1, 1), (1, 1, 2) and
#: these)
PAYOFF = (1.0, 0.5, 1.0)
#: the model's logits are divided by this before they are chances: a sharper
#: model cuts more contents short of the annotated ones (chosen on the
#: held-out training articles: 1.5 of 1, 1.5, 2 and 3)
TEMPERATURE = 1.5
#: the numeric inputs per token: the tagger's logit (clipped, scaled), in the
#: tagger's content, the cue, punctuation, inside quotation marks, the cue
#: inside quotation marks, no dependency path from the cue
NUMERIC = 7
#: the parameter arrays, in the order of the npz file
PARAMS = (
    *("Ew", "Ed", "Ep", "Eo", "Eh", "Ee", "Eu", "Ec"),
    *("Wi", "bi", "Wx", "bx", "Wh", "Wo", "bo"),
)
#: the embedding tables, one per token column: word, relation, part of
#: speech, offset from the cue, head side, entity type, steps up, steps down
TABLES = ("Ew", "Ed", "Ep", "Eo", "Eh", "Ee", "Eu", "Ec")
#: the table sizes that do not come from a vocabulary
OFFSETS, SIDES, UPS, DOWNS = 41, 4, 7, 8


@dataclass(frozen=True, slots=True)
class Call:
    """One content to draw: the cue's tokens in reach (``found``, from
    ``features.paths``) and the tagger's logit of each of its words."""

    sheet: Sheet
    cue: int
    found: Paths
    logits: Mapping[int, float]
    cut: float

    def tokens(self) -> list[int]:
        """The tokens read, in order."""
        return sorted(self.found)

    def words(self) -> list[int]:
        """The tokens a content may begin or end with (not punctuation nor
        the cue), in order."""
        return sorted(self.logits)


@dataclass(frozen=True, slots=True)
class Encoded:
    """Calls as model inputs: token columns, numbers and lengths."""

    ids: Any  # (n, 8) int64
    numbers: Any  # (n, NUMERIC)
    lengths: Any  # (calls,) int64
    words: Any  # (n,) bool: a token a content may begin or end with


def offset_bucket(offset: int) -> int:
    """An offset from the cue in 41 buckets: exact up to 3, then by half
    powers of two, signed."""
    size = abs(offset)
    if size < 4:
        bucket = size
    elif size < 256:
        bucket = 4 + int(math.log2(size / 4) * 2)
    else:
        bucket = 16
    sign = (offset > 0) - (offset < 0)
    return 20 + sign * min(bucket, 18)


@cache
def _buckets() -> Any:
    """:func:`offset_bucket` of every offset within the cue's reach, from
    ``-REACH``."""
    import numpy as np

    return np.array(
        [offset_bucket(d) for d in range(-REACH, REACH + 1)], dtype=np.int64
    )


def encode(
    calls: Sequence[Call], vocabularies: tuple[Mapping[str, int], ...]
) -> Encoded:
    """Calls as ids and numbers (unknown words are 0).

    A call's ``found`` is the cue's reach: a run of tokens, in order.
    """
    import numpy as np

    words, deps, tags, ents = (v.get for v in vocabularies)
    columns: list[list[int]] = [[], [], [], []]
    at: list[int] = []
    cues: list[int] = []
    heads: list[int] = []
    ups: list[int] = []
    downs: list[int] = []
    scores: list[float] = []
    punct: list[bool] = []
    quoted: list[bool] = []
    cue_quoted: list[bool] = []
    lengths = []
    nan = float("nan")
    for call in calls:
        sheet, cue, found = call.sheet, call.cue, call.found
        n = len(found)
        lo = next(iter(found))
        hi = lo + n
        lengths.append(n)
        columns[0].extend(map(words, sheet.lower[lo:hi], repeat(0, n)))
        columns[1].extend(map(deps, sheet.dep[lo:hi], repeat(0, n)))
        columns[2].extend(map(tags, sheet.pos[lo:hi], repeat(0, n)))
        columns[3].extend(map(ents, sheet.ent[lo:hi], repeat(0, n)))
        at.extend(range(lo, hi))
        cues.extend(repeat(cue, n))
        heads.extend(sheet.head[lo:hi])
        paths = found.values()
        ups.extend([-1 if p is None else len(p[0]) for p in paths])
        downs.extend([-1 if p is None else len(p[1]) for p in paths])
        scores.extend(map(call.logits.get, range(lo, hi), repeat(nan, n)))
        punct.extend(sheet.punct[lo:hi])
        quoted.extend(sheet.quoted[lo:hi])
        cue_quoted.extend(repeat(sheet.quoted[cue], n))
    count = len(at)
    position = np.array(at, dtype=np.int64)
    cue_at = np.array(cues, dtype=np.int64)
    head = np.array(heads, dtype=np.int64)
    up = np.array(ups, dtype=np.int64)
    down = np.array(downs, dtype=np.int64)
    ids = np.empty((count, len(TABLES)), dtype=np.int64)
    ids[:, :3] = np.array(columns[:3], dtype=np.int64).reshape(3, count).T
    ids[:, 3] = _buckets()[position - cue_at + REACH]
    ids[:, 4] = (head == cue_at) + 2 * (head < position)
    ids[:, 5] = np.array(columns[3], dtype=np.int64)
    ids[:, 6] = np.where(up < 0, 6, np.minimum(up, 5))
    ids[:, 7] = np.where(down < 0, 7, np.minimum(down, 6))
    logit = np.array(scores, dtype=np.float64)
    scored = ~np.isnan(logit)
    cut = calls[0].cut if calls else 0.0
    numbers = np.zeros((count, NUMERIC), dtype=np.float64)
    numbers[:, 0] = np.where(scored, np.clip(np.nan_to_num(logit), -10, 10) / 5, 0)
    numbers[:, 1] = scored & (np.nan_to_num(logit, nan=-np.inf) >= cut)
    numbers[:, 2] = position == cue_at
    numbers[:, 3] = punct
    numbers[:, 4] = quoted
    numbers[:, 5] = cue_quoted
    numbers[:, 6] = down < 0
    return Encoded(
        ids=ids,
        numbers=numbers,
        lengths=np.array(lengths, dtype=np.int64),
        words=scored,
    )


def infer(p: Mapping[str, Any], encoded: Encoded) -> Any:
    """``(n, 2)`` logits, in float32: each token as a content's first word,
    and as its last."""
    import numpy as np

    if len(encoded.ids) == 0:
        return np.zeros((0, 2), dtype=np.float32)
    q = lstm.float32(p)
    H = q["Wh"].shape[1]
    num = encoded.numbers.astype(np.float32)
    _, U = lstm.embed(q, TABLES, encoded.ids, num)
    states = lstm.hidden(q, U, encoded.lengths)
    return states @ q["Wo"][: 2 * H] + num @ q["Wo"][2 * H :] + q["bo"]


def forward(
    p: Mapping[str, Any], ids: Any, numbers: Any, lengths: Any
) -> tuple[Any, dict[str, Any]]:
    """Logits ``(B, T, 2)`` of a padded batch, and what the gradient needs."""
    import numpy as np

    X, U = lstm.embed(p, TABLES, ids, numbers)
    states, cache = lstm.run(p, U, lengths)
    Y = np.concatenate([states, numbers], axis=-1)
    return Y @ p["Wo"] + p["bo"], {"X": X, "U": U, "Y": Y, **cache}


def gradients(
    p: Mapping[str, Any], ids: Any, dz: Any, cache: Mapping[str, Any]
) -> dict[str, Any]:
    """The gradient of every parameter, given the loss's gradient ``dz``
    (``(B, T, 2)``, zero on pads)."""
    import numpy as np

    H = p["Wh"].shape[1]
    dY = dz @ p["Wo"].T
    grad, dU = lstm.backward(p, dY[..., : 2 * H], cache)
    grad["Wo"] = np.einsum("btk,btj->kj", cache["Y"], dz)
    grad["bo"] = dz.sum(axis=(0, 1))
    grad.update(lstm.input_gradients(p, TABLES, ids, dU, cache))
    return grad


def pad(encoded: Encoded) -> tuple[Any, Any, Any, Any]:
    """Ids ``(B, T, 8)``, numbers ``(B, T, NUMERIC)``, lengths ``(B,)`` and
    the words ``(B, T)``, right-padded with zeros: the batches of training."""
    import numpy as np

    lengths = encoded.lengths
    width = int(lengths.max()) if len(lengths) else 0
    ids = np.zeros((len(lengths), width, len(TABLES)), dtype=np.int64)
    numbers = np.zeros((len(lengths), width, NUMERIC), dtype=np.float64)
    words = np.zeros((len(lengths), width), dtype=bool)
    at = 0
    for row, size in enumerate(lengths.tolist()):
        ids[row, :size] = encoded.ids[at : at + size]
        numbers[row, :size] = encoded.numbers[at : at + size]
        words[row, :size] = encoded.words[at : at + size]
        at += size
    return ids, numbers, lengths, words


def best_span(
    first: Sequence[float],
    last: Sequence[float],
    tagged: tuple[int, int] | None,
    cue: int | None = None,
) -> tuple[int, int]:
    """The span ``(a, b)`` of words (``a <= b``) with the highest expected
    payoff, given each word's logit as the first and as the last, and the
    tagger's span.

    The model's spans are its :data:`TOP` likeliest firsts times lasts, each
    as likely as the product of the two; a candidate span earns, against each
    of them, :data:`PAYOFF`: when it is the same, when it covers more than
    30% of it, more than 80%. ``cue`` is where the cue stands among the words
    (the number before it): unless the tagger's span crosses it, neither does
    the one chosen. Ties go to the earliest span.
    """
    n = len(first)
    first = [x / TEMPERATURE for x in first]
    last = [x / TEMPERATURE for x in last]
    top_first = heapq.nlargest(TOP, range(n), key=first.__getitem__)
    top_last = heapq.nlargest(TOP, range(n), key=last.__getitem__)
    high_first, high_last = max(first), max(last)
    weight_first = sum(math.exp(x - high_first) for x in first)
    weight_last = sum(math.exp(x - high_last) for x in last)
    spans = [
        (
            a,
            b,
            math.exp(first[a] - high_first)
            / weight_first
            * math.exp(last[b] - high_last)
            / weight_last,
        )
        for a in top_first
        for b in top_last
        if a <= b
    ]
    candidates = {(a, b) for a, b, _ in spans}
    if cue is not None and not (tagged is not None and tagged[0] < cue <= tagged[1]):
        # a content on one side of its cue stays there
        candidates = {(a, b) for a, b in candidates if not a < cue <= b}
    if tagged is not None:
        candidates.add(tagged)
    same, most, nearly = PAYOFF
    best, chosen = -1.0, (0, n - 1)
    for a, b in sorted(candidates):
        payoff = 0.0
        for s, e, chance in spans:
            cover = max(0, min(b, e) - max(a, s) + 1) / (e - s + 1)
            payoff += chance * (
                same * (a == s and b == e)
                + most * (cover > 0.3)
                + nearly * (cover > 0.8)
            )
        if payoff > best:
            best, chosen = payoff, (a, b)
    return chosen


def unsure(call: Call) -> bool:
    """Whether the tagger's content of the call is the span model's: it has
    a word, and a word of the sentence lies within :data:`GATE` of the
    threshold (``model.unsure_of``, as the stage decides)."""
    return unsure_of(call.logits, call.cut, GATE)


@dataclass(frozen=True, slots=True)
class BoundsScorer:
    """The span model's weights and the vocabularies its inputs are read through."""

    params: Mapping[str, Any] = field(repr=False)
    words: Mapping[str, int] = field(repr=False)
    deps: Mapping[str, int] = field(repr=False)
    tags: Mapping[str, int] = field(repr=False)
    ents: Mapping[str, int] = field(repr=False)

    def encode(self, calls: Sequence[Call]) -> Encoded:
        return encode(calls, (self.words, self.deps, self.tags, self.ents))

    def draw(self, calls: Sequence[Call]) -> list[list[int]]:
        """The tokens of each call's content, scored in one batch."""
        if not calls:
            return []
        encoded = self.encode(calls)
        firsts, lasts = best_spans(infer(self.params, encoded), encoded)
        drawn = []
        for call, a, b in zip(calls, firsts.tolist(), lasts.tolist(), strict=True):
            words = list(call.logits)  # in the order of the reach
            drawn.append(list(range(words[a], words[b] + 1)))
        return drawn


def best_spans(z: Any, encoded: Encoded) -> tuple[Any, Any]:
    """:func:`best_span` of every encoded call at once, from the model's
    logits ``z`` (``(n, 2)``): the first and the last word of each (indices
    among the call's words)."""
    import numpy as np

    words = encoded.words
    lengths = encoded.lengths
    calls = len(lengths)
    starts = np.cumsum(lengths) - lengths
    call_of = np.repeat(np.arange(calls), lengths)
    counts = np.bincount(call_of[words], minlength=calls)
    width = int(counts.max())
    # the calls' words as rows: logits (softened), in the tagger's content
    row = call_of[words]
    col = np.arange(len(row)) - (np.cumsum(counts) - counts)[row]
    first = np.full((calls, width), -np.inf)
    last = np.full((calls, width), -np.inf)
    zw = z[words].astype(np.float64)
    first[row, col] = zw[:, 0] / TEMPERATURE
    last[row, col] = zw[:, 1] / TEMPERATURE
    tagged = np.zeros((calls, width), dtype=bool)
    tagged[row, col] = encoded.numbers[words, 1] > 0
    has_tagged: Any = tagged.any(axis=1)
    tag_a = tagged.argmax(axis=1)
    tag_b = width - 1 - tagged[:, ::-1].argmax(axis=1)
    # where the cue stands among the words: how many come before it
    running = np.cumsum(words) - words
    cue_token = np.flatnonzero(encoded.numbers[:, 2] > 0)
    cue = running[cue_token] - running[starts]
    # each call's likeliest firsts and lasts, ties to the earliest word
    top = min(TOP, width)
    top_first = np.argsort(-first, axis=1, kind="stable")[:, :top]
    top_last = np.argsort(-last, axis=1, kind="stable")[:, :top]
    known = np.arange(top)[None, :] < counts[:, None]
    high_first = first.max(axis=1, keepdims=True)
    high_last = last.max(axis=1, keepdims=True)
    chance_first = np.exp(first - high_first)
    chance_first /= chance_first.sum(axis=1, keepdims=True)
    chance_last = np.exp(last - high_last)
    chance_last /= chance_last.sum(axis=1, keepdims=True)
    rows = np.arange(calls)[:, None]
    # the model's spans: (calls, top * top)
    s = np.repeat(top_first, top, axis=1)
    e = np.tile(top_last, (1, top))
    chance = np.repeat(chance_first[rows, top_first], top, axis=1) * np.tile(
        chance_last[rows, top_last], (1, top)
    )
    real = np.repeat(known, top, axis=1) & np.tile(known, (1, top)) & (s <= e)
    chance = np.where(real, chance, 0.0)
    # the candidates: the model's spans, and the tagger's last
    a = np.concatenate([s, tag_a[:, None]], axis=1)
    b = np.concatenate([e, tag_b[:, None]], axis=1)
    crossed = has_tagged & (tag_a < cue) & (cue <= tag_b)
    allowed = np.concatenate([real, has_tagged[:, None]], axis=1)
    allowed[:, :-1] &= crossed[:, None] | ~((s < cue[:, None]) & (cue[:, None] <= e))
    same, most, nearly = PAYOFF
    A, B = a[:, :, None], b[:, :, None]
    S, E = s[:, None, :], e[:, None, :]
    cover = np.maximum(0, np.minimum(B, E) - np.maximum(A, S) + 1) / np.maximum(
        E - S + 1, 1
    )
    payoff = (
        chance[:, None, :]
        * (same * ((A == S) & (B == E)) + most * (cover > 0.3) + nearly * (cover > 0.8))
    ).sum(axis=2)
    payoff = np.where(allowed, payoff, -np.inf)
    # the best; ties to the earliest span
    key = np.where(
        payoff == payoff.max(axis=1, keepdims=True),
        a * (width + 1) + b,
        np.iinfo(np.int64).max,
    )
    pick = key.argmin(axis=1)
    chosen_a = a[np.arange(calls), pick]
    chosen_b = b[np.arange(calls), pick]
    nothing = ~allowed.any(axis=1)
    chosen_a = np.where(nothing, 0, chosen_a)
    chosen_b = np.where(nothing, counts - 1, chosen_b)
    return chosen_a, chosen_b


@cache
def load_bounds_scorer(path: Path = BOUNDS_PATH) -> BoundsScorer:
    """Read the packaged span model once per process."""

    try:
        params, (words, deps, tags, ents) = lstm.read_weights(
            path, PARAMS, ("words", "deps", "tags", "ents")
        )
        widths = [params[n].shape[1] for n in TABLES]
        if params["Wi"].shape[0] != sum(widths) + NUMERIC or params["Wo"].shape != (
            2 * params["Wh"].shape[1] + NUMERIC,
            2,
        ):
            raise ValueError("the weights do not fit together")
        return BoundsScorer(params=params, words=words, deps=deps, tags=tags, ents=ents)
    except (OSError, KeyError, TypeError, ValueError, IndexError) as exc:
        raise ConfigError(
            f"Cannot read the quote stage's span model {path}: {exc!r}. "
            "Reinstall reportedly, or retrain it with `make train-quotes`, or "
            'set bounds = false in [stages."quotes.rules.v1"].'
        ) from exc
