"""Gradients checked against finite differences, for the numpy models' tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np


def worst_error(
    p: dict[str, Any], loss: Callable[[], float], grad: dict[str, Any]
) -> float:
    """The largest gap between ``grad`` and central differences of ``loss``
    (which reads ``p``) over every parameter."""
    worst = 0.0
    for name, values in p.items():
        for index in np.ndindex(values.shape):
            old = values[index]
            values[index] = old + 1e-6
            up = loss()
            values[index] = old - 1e-6
            down = loss()
            values[index] = old
            worst = max(worst, abs((up - down) / 2e-6 - grad[name][index]))
    return worst
