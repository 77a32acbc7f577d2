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

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any

from ...errors import ConfigError
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
    """The logits of encoded sentences, in float32, without padding.

    The tokens are laid out step by step (every sentence's first token, then
    every second token, ...; longest sentences first, backwards for the
    backward direction), so each step of the recurrence reads and writes one
    slice: the sentences still running.
    """
    import numpy as np

    ids, numbers, lengths = sentences.ids, sentences.numbers, sentences.lengths
    n = len(ids)
    if n == 0:
        return np.zeros(0, dtype=np.float32)
    q = _float32(p)
    H = q["Wh"].shape[1]
    num = numbers.astype(np.float32)
    X = np.concatenate(
        [q[name][ids[:, k]] for k, name in enumerate(_TABLES)] + [num], axis=1
    )
    U = np.tanh(X @ q["Wi"] + q["bi"])
    order = np.argsort(-lengths, kind="stable")
    size = lengths[order]
    first = (np.cumsum(lengths) - lengths)[order]
    steps = int(size[0])
    # running[t]: how many sentences are longer than t
    running = (size[None, :] > np.arange(steps)[:, None]).sum(axis=1)
    ahead = np.concatenate([first[:m] + t for t, m in enumerate(running.tolist())])
    behind = np.concatenate(
        [first[:m] + size[:m] - 1 - t for t, m in enumerate(running.tolist())]
    )
    G = np.empty((2, n, 4 * H), dtype=np.float32)
    np.matmul(U[ahead], q["Wx"][0], out=G[0])
    np.matmul(U[behind], q["Wx"][1], out=G[1])
    G += q["bx"][:, None]
    out = np.empty((2, n, H), dtype=np.float32)
    h = np.zeros((2, len(order), H), dtype=np.float32)
    c = np.zeros((2, len(order), H), dtype=np.float32)
    Wh = q["Wh"]
    at = 0
    for m in running.tolist():
        a = G[:, at : at + m]
        a += np.matmul(h[:, :m], Wh)
        gates = a[..., : 3 * H]
        np.negative(gates, out=gates)
        np.exp(gates, out=gates)
        gates += 1.0
        np.reciprocal(gates, out=gates)
        cell = c[:, :m]
        cell *= a[..., H : 2 * H]
        cell += a[..., :H] * np.tanh(a[..., 3 * H :])
        state = out[:, at : at + m]
        np.tanh(cell, out=state)
        state *= a[..., 2 * H : 3 * H]
        h[:, :m] = state
        at += m
    hidden = np.empty((n, 2 * H), dtype=np.float32)
    hidden[ahead, :H] = out[0]
    hidden[behind, H:] = out[1]
    return (
        hidden @ q["Wo"][: 2 * H]
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


def reversal(lengths: Any, width: int) -> Any:
    """``(B, T)`` positions that read each sentence backwards (pads stay)."""
    import numpy as np

    t = np.arange(width)[None, :]
    n = lengths[:, None]
    return np.where(t < n, n - 1 - t, t)


def _gather(x: Any, index: Any) -> Any:
    """``x[b, index[b, t]]`` for a ``(B, T, ...)`` array."""
    import numpy as np

    return x[np.arange(len(x))[:, None], index]


def forward(
    p: Mapping[str, Any], ids: Any, numbers: Any, lengths: Any
) -> tuple[Any, dict[str, Any]]:
    """Logits ``(B, T)`` of a padded batch, and what the gradient needs.

    Both directions run as one recurrence over a leading axis of 2; the
    backward one reads each sentence reversed, so its pads come last too and
    never reach a real token.
    """
    import numpy as np

    B, T = ids.shape[:2]
    H = p["Wh"].shape[1]
    X = np.concatenate(
        [p[name][ids[..., k]] for k, name in enumerate(_TABLES)] + [numbers],
        axis=-1,
    )
    U = np.tanh(X @ p["Wi"] + p["bi"])
    back = reversal(lengths, T)
    Us = np.stack([U, _gather(U, back)])  # (2, B, T, I)
    G = np.matmul(Us, p["Wx"][:, None]) + p["bx"][:, None, None]  # (2, B, T, 4H)
    h = np.zeros((2, B, H))
    c = np.zeros((2, B, H))
    hs = np.zeros((2, B, T, H))
    steps = []
    for t in range(T):
        a = G[:, :, t] + np.matmul(h, p["Wh"])
        s = 1.0 / (1.0 + np.exp(-a[..., : 3 * H]))
        g = np.tanh(a[..., 3 * H :])
        c_prev = c
        c = s[..., H : 2 * H] * c_prev + s[..., :H] * g
        tc = np.tanh(c)
        h = s[..., 2 * H :] * tc
        hs[:, :, t] = h
        steps.append((s, g, c_prev, tc))
    Y = np.concatenate([hs[0], _gather(hs[1], back), numbers], axis=-1)
    z = Y @ p["Wo"] + p["bo"][0] + 2.5 * numbers[..., 0]
    return z, {"X": X, "U": U, "Us": Us, "hs": hs, "Y": Y, "back": back, "steps": steps}


def gradients(
    p: Mapping[str, Any], ids: Any, dz: Any, cache: Mapping[str, Any]
) -> dict[str, Any]:
    """The gradient of every parameter, given the loss's gradient ``dz``
    (``(B, T)``, zero on pads and on tokens not scored)."""
    import numpy as np

    Wh = p["Wh"]
    H = Wh.shape[1]
    B, T = dz.shape
    back, hs, Us, Y = cache["back"], cache["hs"], cache["Us"], cache["Y"]
    grad: dict[str, Any] = {
        "Wo": np.einsum("bt,btk->k", dz, Y),
        "bo": np.array([dz.sum()]),
    }
    dY = dz[..., None] * p["Wo"]
    dhs = np.zeros((2, B, T, H))
    dhs[0] = dY[..., :H]
    # the backward direction's outputs were put back in reading order: undo
    dhs[1][np.arange(B)[:, None], back] = dY[..., H : 2 * H]
    dG = np.zeros((2, B, T, 4 * H))
    dWh = np.zeros_like(Wh)
    dh = np.zeros((2, B, H))
    dc = np.zeros((2, B, H))
    for t in range(T - 1, -1, -1):
        s, g, c_prev, tc = cache["steps"][t]
        i, f, o = s[..., :H], s[..., H : 2 * H], s[..., 2 * H :]
        dh = dh + dhs[:, :, t]
        do = dh * tc
        dc = dc + dh * o * (1.0 - tc * tc)
        da = np.concatenate(
            [
                dc * g * i * (1 - i),
                dc * c_prev * f * (1 - f),
                do * o * (1 - o),
                dc * i * (1.0 - g * g),
            ],
            axis=-1,
        )
        dG[:, :, t] = da
        h_prev = hs[:, :, t - 1] if t > 0 else np.zeros((2, B, H))
        dWh += np.matmul(h_prev.transpose(0, 2, 1), da)
        dh = np.matmul(da, Wh.transpose(0, 2, 1))
        dc = dc * f
    grad["Wh"] = dWh
    grad["bx"] = dG.sum(axis=(1, 2))
    grad["Wx"] = np.einsum("dbti,dbtg->dig", Us, dG)
    dUs = np.matmul(dG, p["Wx"].transpose(0, 2, 1)[:, None])
    dU = dUs[0].copy()
    np.add.at(dU, (np.arange(B)[:, None], back), dUs[1])
    dPre = dU * (1.0 - cache["U"] ** 2)
    grad["Wi"] = np.einsum("bti,btj->ij", cache["X"], dPre)
    grad["bi"] = dPre.sum(axis=(0, 1))
    dX = dPre @ p["Wi"].T
    offset = 0
    for k, name in enumerate(_TABLES):
        width = p[name].shape[1]
        table = np.zeros_like(p[name])
        np.add.at(
            table,
            ids[..., k].ravel(),
            dX[..., offset : offset + width].reshape(-1, width),
        )
        grad[name] = table
        offset += width
    return grad


def _float32(p: Mapping[str, Any]) -> Mapping[str, Any]:
    """The parameters in float32 (the packaged ones are)."""
    import numpy as np

    if all(v.dtype == np.float32 for v in p.values()):
        return p
    return {k: np.asarray(v, dtype=np.float32) for k, v in p.items()}


def _vocabulary(words: Any) -> dict[str, int]:
    return {str(w): k + 1 for k, w in enumerate(words)}


@cache
def load_context_scorer(path: Path = CONTEXT_PATH) -> ContextScorer:
    """Read the packaged LSTM once per process."""
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as data:
            params = {name: np.asarray(data[name], dtype=np.float32) for name in PARAMS}
            scorer = ContextScorer(
                params=params,
                lemmas=_vocabulary(data["lemmas"]),
                deps=_vocabulary(data["deps"]),
                tags=_vocabulary(data["tags"]),
                ents=_vocabulary(data["ents"]),
            )
        widths = [params[n].shape[1] for n in _TABLES]
        if params["Wi"].shape[0] != sum(widths) + NUMERIC or not math.isfinite(
            float(np.abs(params["Wo"]).sum())
        ):
            raise ValueError("the weights do not fit together")
        return scorer
    except (OSError, KeyError, TypeError, ValueError, IndexError) as exc:
        raise ConfigError(
            f"Cannot read the quote stage's sentence model {path}: {exc!r}. "
            "Reinstall reportedly, or retrain it with `make train-quotes`, or "
            'set context = false in [stages."quotes.rules.v1"].'
        ) from exc
