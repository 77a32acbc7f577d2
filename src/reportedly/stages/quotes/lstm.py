"""The bidirectional LSTM the quote stage's sentence models share, in numpy.

Two models read a sentence token by token (``context.py``, the cue scorer's
second opinion, and ``bounds.py``, where a content begins and ends); each
embeds its own token columns into inputs ``U`` and puts its own head on the
hidden states. This module is the recurrence between: unpadded float32 for
scoring, padded float64 with its gradient for training. The gate order is
PyTorch's input, forget, output, then the cell's candidate.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def hidden(q: Mapping[str, Any], U: Any, lengths: Any) -> Any:
    """The forward and backward states ``(n, 2H)`` of every token of the
    sentences laid end to end in ``U`` (float32, no padding).

    The tokens are laid out step by step (every sentence's first token, then
    every second token, ...; longest sentences first, backwards for the
    backward direction), so each step of the recurrence reads and writes one
    slice: the sentences still running.
    """
    import numpy as np

    n = len(U)
    H = q["Wh"].shape[1]
    if n == 0:
        return np.zeros((0, 2 * H), dtype=np.float32)
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
    states = np.empty((n, 2 * H), dtype=np.float32)
    states[ahead, :H] = out[0]
    states[behind, H:] = out[1]
    return states


def reversal(lengths: Any, width: int) -> Any:
    """``(B, T)`` positions that read each sentence backwards (pads stay)."""
    import numpy as np

    t = np.arange(width)[None, :]
    n = lengths[:, None]
    return np.where(t < n, n - 1 - t, t)


def gather(x: Any, index: Any) -> Any:
    """``x[b, index[b, t]]`` for a ``(B, T, ...)`` array."""
    import numpy as np

    return x[np.arange(len(x))[:, None], index]


def run(p: Mapping[str, Any], U: Any, lengths: Any) -> tuple[Any, dict[str, Any]]:
    """The states ``(B, T, 2H)`` of a padded batch of inputs ``U``
    ``(B, T, I)``, and what :func:`backward` needs.

    Both directions run as one recurrence over a leading axis of 2; the
    backward one reads each sentence reversed, so its pads come last too and
    never reach a real token.
    """
    import numpy as np

    B, T = U.shape[:2]
    H = p["Wh"].shape[1]
    back = reversal(lengths, T)
    Us = np.stack([U, gather(U, back)])  # (2, B, T, I)
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
    states = np.concatenate([hs[0], gather(hs[1], back)], axis=-1)
    return states, {"Us": Us, "hs": hs, "back": back, "steps": steps}


def backward(
    p: Mapping[str, Any], dstates: Any, cache: Mapping[str, Any]
) -> tuple[dict[str, Any], Any]:
    """The gradients of ``Wh``, ``bx`` and ``Wx``, and of the inputs ``U``,
    given the loss's gradient on the states :func:`run` returned."""
    import numpy as np

    Wh = p["Wh"]
    H = Wh.shape[1]
    B, T = dstates.shape[:2]
    back, hs, Us = cache["back"], cache["hs"], cache["Us"]
    dhs = np.zeros((2, B, T, H))
    dhs[0] = dstates[..., :H]
    # the backward direction's outputs were put back in reading order: undo
    dhs[1][np.arange(B)[:, None], back] = dstates[..., H : 2 * H]
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
    grad = {
        "Wh": dWh,
        "bx": dG.sum(axis=(1, 2)),
        "Wx": np.einsum("dbti,dbtg->dig", Us, dG),
    }
    dUs = np.matmul(dG, p["Wx"].transpose(0, 2, 1)[:, None])
    dU = dUs[0].copy()
    np.add.at(dU, (np.arange(B)[:, None], back), dUs[1])
    return grad, dU


def embed(
    p: Mapping[str, Any], tables: Sequence[str], ids: Any, numbers: Any
) -> tuple[Any, Any]:
    """Each token's embeddings and numbers side by side (``X``), and its
    inputs to the recurrence (``U``): ``ids`` hold one column per table."""
    import numpy as np

    X = np.concatenate(
        [p[name][ids[..., k]] for k, name in enumerate(tables)] + [numbers], axis=-1
    )
    return X, np.tanh(X @ p["Wi"] + p["bi"])


def input_gradients(
    p: Mapping[str, Any],
    tables: Sequence[str],
    ids: Any,
    dU: Any,
    cache: Mapping[str, Any],
) -> dict[str, Any]:
    """The gradients of ``Wi``, ``bi`` and each embedding table, given the
    loss's gradient on the inputs ``U`` of :func:`embed` (``cache`` holds its
    ``X`` and ``U``)."""
    import numpy as np

    dPre = dU * (1.0 - cache["U"] ** 2)
    grad = {
        "Wi": np.einsum("bti,btj->ij", cache["X"], dPre),
        "bi": dPre.sum(axis=(0, 1)),
    }
    dX = dPre @ p["Wi"].T
    offset = 0
    for k, name in enumerate(tables):
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


def read_weights(
    path: Path, names: Sequence[str], vocabularies: Sequence[str]
) -> tuple[dict[str, Any], list[dict[str, int]]]:
    """The float32 parameters ``names`` and the vocabularies of an npz
    written by a trainer (``OSError``, ``KeyError``, ``ValueError`` ... when
    it cannot be read; the weights' shapes are the caller's to check)."""
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        params = {name: np.asarray(data[name], dtype=np.float32) for name in names}
        words = [vocabulary(data[name]) for name in vocabularies]
    if not math.isfinite(float(sum(np.abs(v).sum() for v in params.values()))):
        raise ValueError("the weights are not all finite")
    return params, words


def float32(p: Mapping[str, Any]) -> Mapping[str, Any]:
    """The parameters in float32 (the packaged ones are)."""
    import numpy as np

    if all(v.dtype == np.float32 for v in p.values()):
        return p
    return {k: np.asarray(v, dtype=np.float32) for k, v in p.items()}


def vocabulary(words: Any) -> dict[str, int]:
    """Words as ids from 1 (0 is every word not listed)."""
    return {str(w): k + 1 for k, w in enumerate(words)}
