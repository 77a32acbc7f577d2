"""A second opinion on the close calls of the cue scorer: the whole sentence.

The logistic cue scorer (``model.py``) reads each candidate token's own
features. Where its logit lies within :data:`BAND` of the threshold, a small
bidirectional LSTM reads the candidate's whole sentence (each token's lemma,
relation, part of speech, entity type, which side its head is on, and its own
logit) and decides instead. Its weights (``context.npz``) are trained by
``scripts/train_context.py``, in numpy like everything here: no deep-learning
library at run time or to train.

Sentences are scored in batches, as many as the caller has: the recurrence
steps once per token position for the whole batch, so a batch of articles
costs about what one long sentence does. Training is in float64, scoring in
float32: a sentence scores the same alone or in any batch up to float32
rounding (at most 1e-6 apart on the dev articles' close calls, whose scores
lie at least 3e-5 from the decision), so a decision does not hang on the batch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from . import lstm
from .sheet import Sheet

CONTEXT_PATH = Path(__file__).with_name("context.npz")
#: a candidate whose logit lies this close to the cue threshold is the LSTM's
BAND = 0.5
#: the numeric inputs per token: own logit (clipped, scaled), candidate,
#: above the threshold, punctuation, inside quotation marks, sentence start
NUMERIC = 6
#: the parameter arrays, in the order of the npz file
PARAMS = ("Ew", "Ed", "Ep", "Ee", "Eh", "Wi", "bi", "Wx", "bx", "Wh", "Wo", "bo")
#: the embedding tables, one per token column
_TABLES = ("Ew", "Ed", "Ep", "Ee", "Eh")
#: a token that is no candidate has no logit
_NONE = float("nan")


@dataclass(frozen=True, slots=True)
class Sentences:
    """Sentences as model inputs: token columns, numbers and lengths."""

    ids: Any  # (n, 5) int64: lemma, relation, part of speech, entity, head side
    numbers: Any  # (n, NUMERIC): the candidates' logits and token flags
    lengths: Any  # (sentences,) int64, the tokens of each in order


@dataclass(frozen=True, slots=True)
class ContextScorer:
    """The LSTM's weights and the vocabularies its inputs are read through."""

    params: Mapping[str, Any] = field(repr=False)
    lemmas: Mapping[str, int] = field(repr=False)
    deps: Mapping[str, int] = field(repr=False)
    tags: Mapping[str, int] = field(repr=False)
    ents: Mapping[str, int] = field(repr=False)

    def encode(
        self,
        sentences: Sequence[tuple[Sheet, int, int, Mapping[int, float]]],
        cut: float,
    ) -> Sentences:
        """``(sheet, start, end, logits)`` sentences as model inputs: tokens
        ``start:end`` of the sheet, ``logits`` the cue scorer's logit of each
        candidate (of the sentence or of the whole sheet)."""
        return encode(sentences, cut, (self.lemmas, self.deps, self.tags, self.ents))

    def scores(self, sentences: Sentences) -> Any:
        """One logit per token of the encoded sentences (candidates' are meant)."""
        return infer(self.params, sentences)


def encode(
    sentences: Sequence[tuple[Sheet, int, int, Mapping[int, float]]],
    cut: float,
    vocabularies: tuple[Mapping[str, int], ...],
) -> Sentences:
    """Sentences of sheets as ids and numbers (unknown words are 0)."""
    import numpy as np

    lemmas, deps, tags, ents = (v.get for v in vocabularies)
    columns: list[list[int]] = [[], [], [], []]
    heads: list[int] = []
    at: list[int] = []
    scores: list[float] = []
    punct: list[bool] = []
    quoted: list[bool] = []
    for sheet, start, end, logits in sentences:
        n = end - start
        columns[0].extend(map(lemmas, sheet.lemma[start:end], repeat(0, n)))
        columns[1].extend(map(deps, sheet.dep[start:end], repeat(0, n)))
        columns[2].extend(map(tags, sheet.pos[start:end], repeat(0, n)))
        columns[3].extend(map(ents, sheet.ent[start:end], repeat(0, n)))
        heads.extend(sheet.head[start:end])
        at.extend(range(start, end))
        scores.extend(map(logits.get, range(start, end), repeat(_NONE, n)))
        punct.extend(sheet.punct[start:end])
        quoted.extend(sheet.quoted[start:end])
    lengths = np.array([end - start for _, start, end, _ in sentences], dtype=np.int64)
    n = len(at)
    # which side the head is on: 0 itself (the root), 1 after, 2 before
    side = np.sign(np.array(heads, dtype=np.int64) - np.array(at, dtype=np.int64))
    ids = np.empty((n, 5), dtype=np.int64)
    ids[:, :4] = np.array(columns, dtype=np.int64).reshape(4, n).T
    ids[:, 4] = np.where(side < 0, 2, side)
    logit = np.array(scores, dtype=np.float64)
    candidate = ~np.isnan(logit)
    logit = np.where(candidate, logit, -np.inf)
    numbers = np.zeros((n, NUMERIC), dtype=np.float64)
    numbers[:, 0] = np.where(candidate, np.clip(logit, -10, 10) / 5, 0)
    numbers[:, 1] = candidate
    numbers[:, 2] = logit >= cut
    numbers[:, 3] = punct
    numbers[:, 4] = quoted
    numbers[np.cumsum(lengths) - lengths, 5] = 1.0  # each sentence's first token
    return Sentences(ids=ids, numbers=numbers, lengths=lengths)


def infer(p: Mapping[str, Any], sentences: Sentences) -> Any:
    """The logits of encoded sentences, in float32, without padding."""
    import numpy as np

    ids, numbers, lengths = sentences.ids, sentences.numbers, sentences.lengths
    n = len(ids)
    if n == 0:
        return np.zeros(0, dtype=np.float32)
    q = lstm.float32(p)
    H = q["Wh"].shape[1]
    num = numbers.astype(np.float32)
    _, U = lstm.embed(q, _TABLES, ids, num)
    states = lstm.hidden(q, U, lengths)
    return (
        states @ q["Wo"][: 2 * H]
        + num @ q["Wo"][2 * H :]
        + q["bo"][0]
        + np.float32(2.5) * num[:, 0]
    )


def pad(sentences: Sentences) -> tuple[Any, Any, Any]:
    """Ids ``(B, T, 5)``, numbers ``(B, T, NUMERIC)`` and lengths ``(B,)``,
    right-padded with zeros: the batches of training."""
    import numpy as np

    lengths = sentences.lengths
    width = int(lengths.max()) if len(lengths) else 0
    ids = np.zeros((len(lengths), width, 5), dtype=np.int64)
    numbers = np.zeros((len(lengths), width, NUMERIC), dtype=np.float64)
    at = 0
    for row, size in enumerate(lengths.tolist()):
        ids[row, :size] = sentences.ids[at : at + size]
        numbers[row, :size] = sentences.numbers[at : at + size]
        at += size
    return ids, numbers, lengths


def forward(
    p: Mapping[str, Any], ids: Any, numbers: Any, lengths: Any
) -> tuple[Any, dict[str, Any]]:
    """Logits ``(B, T)`` of a padded batch, and what the gradient needs."""
    import numpy as np

    X, U = lstm.embed(p, _TABLES, ids, numbers)
    states, cache = lstm.run(p, U, lengths)
    Y = np.concatenate([states, numbers], axis=-1)
    z = Y @ p["Wo"] + p["bo"][0] + 2.5 * numbers[..., 0]
    return z, {"X": X, "U": U, "Y": Y, **cache}


def gradients(
    p: Mapping[str, Any], ids: Any, dz: Any, cache: Mapping[str, Any]
) -> dict[str, Any]:
    """The gradient of every parameter, given the loss's gradient ``dz``
    (``(B, T)``, zero on pads and on tokens not scored)."""
    import numpy as np

    H = p["Wh"].shape[1]
    Y = cache["Y"]
    dY = dz[..., None] * p["Wo"]
    grad, dU = lstm.backward(p, dY[..., : 2 * H], cache)
    grad["Wo"] = np.einsum("bt,btk->k", dz, Y)
    grad["bo"] = np.array([dz.sum()])
    grad.update(lstm.input_gradients(p, _TABLES, ids, dU, cache))
    return grad


@cache
def load_context_scorer(path: Path = CONTEXT_PATH) -> ContextScorer:
    """Read the packaged LSTM once per process."""

    try:
        params, (lemmas, deps, tags, ents) = lstm.read_weights(
            path, PARAMS, ("lemmas", "deps", "tags", "ents")
        )
        widths = [params[n].shape[1] for n in _TABLES]
        if params["Wi"].shape[0] != sum(widths) + NUMERIC:
            raise ValueError("the weights do not fit together")
        return ContextScorer(
            params=params, lemmas=lemmas, deps=deps, tags=tags, ents=ents
        )
    except (OSError, KeyError, TypeError, ValueError, IndexError) as exc:
        raise ConfigError(
            f"Cannot read the quote stage's sentence model {path}: {exc!r}. "
            "Reinstall reportedly, or retrain it with `make train-quotes`, or "
            'set context = false in [stages."quotes.rules.v1"].'
        ) from exc
