"""Helpers for drawing a kata's inputs, shared by the spec entries.

Each takes the check's seeded generator, so a draw is replayed by its seed, and each puts into
every draw the inputs where common wrong variants part from the truth:

- :func:`mixed_values`: standard normal entries together with large ones (tens to hundreds) and
  ones just beside each kink (1e-3 to 1e-2 away), in every array of two entries or more. A
  hundred difference steps keep a central difference off the kink; a backward blocked above 6
  (ReLU6's) or a mask at x > 0.04 is wrong on some entry of every draw.
- :func:`shapes_of_every_rank`: one shape per rank, 0-d to 4-d, for contracts that say "any shape".
- :func:`logits_far_apart`: logits for a stability draw, within ±1000, whose rows' maxima lie about
  2000 apart in one batch: a softmax shifted by the largest logit of the whole batch, instead of
  each row's, underflows a whole row to 0 on every seed.
- :func:`weights_for`: weights that put chosen values into x @ w (pre-activations beside a kink).
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from .spec import STEP

# Entries stay this far from a kink: a hundred central-difference steps.
KINK_MARGIN = 100 * STEP
# Entries drawn just beside a kink lie this far from it (log-uniform).
BESIDE_KINK = (KINK_MARGIN, 10 * KINK_MARGIN)
# The magnitudes of the large entries (log-uniform): tens to hundreds.
LARGE = (10.0, 300.0)
# Stability logits stay within ±LOGIT_LIMIT, the range the contracts promise.
LOGIT_LIMIT = 1000.0


def log_uniform(rng: np.random.Generator, low: float, high: float, size=None) -> np.ndarray:
    """Magnitudes spread evenly over the decades between ``low`` and ``high``."""
    return np.exp(rng.uniform(np.log(low), np.log(high), size))


def off_kinks(values, kinks: Iterable[float] = (0.0,), margin: float = KINK_MARGIN) -> np.ndarray:
    """``values`` with every entry closer than ``margin`` to a kink moved out to [margin, 2·margin)
    on its own side (the kink itself goes to the right)."""
    values = np.array(values, dtype=np.float64)
    for kink in kinks:
        offset = values - kink
        near = np.abs(offset) < margin
        side = np.where(offset[near] < 0, -1.0, 1.0)
        values[near] = kink + side * (margin + np.abs(offset[near]))
    return values


def _special(rng: np.random.Generator, kind: tuple, large: tuple) -> float:
    if kind[0] == "large":
        return kind[1] * float(log_uniform(rng, *large))
    return kind[1] + kind[2] * float(log_uniform(rng, *BESIDE_KINK))


def mixed_values(rng: np.random.Generator, shape: tuple, kinks: Iterable[float] = (0.0,),
                 large: tuple = LARGE, margin: float = KINK_MARGIN) -> np.ndarray:
    """An array of ``shape`` mixing scales in every draw.

    Inputs:
    - shape: any shape; a 0-d or 1-entry array holds one standard normal entry
    - kinks: the points where the function is not differentiable (0 for a ReLU); () for none
    - large: the range of the large magnitudes, both signs
    - margin: no entry lies closer than this to a kink

    Returns an array of ``shape``, float64: about half of its entries (at least one, at most all
    but one) are special: +large (always, from two entries on), -large, and kink ± 1e-3..1e-2 for
    each kink, every kind at least once when there is room; the rest are standard normal, moved
    off the kinks.
    """
    kinks = tuple(kinks)
    shape = tuple(shape)
    size = int(np.prod(shape, dtype=int))
    values = rng.standard_normal(size)
    kinds = [("large", 1.0), ("large", -1.0)] + [("beside", k, side) for k in kinks for side in (1.0, -1.0)]
    # One ordinary entry always stays, and +large comes first, so that the largest value of the
    # function (against which the checks' error floors are set) is an ordinary one, not a tiny one.
    count = min(size - 1, max(len(kinds), size // 2))
    order = [0, *(1 + rng.permutation(len(kinds) - 1))]
    positions = rng.permutation(size)[:count]
    for i, position in enumerate(positions):
        kind = kinds[order[i]] if i < len(kinds) else kinds[rng.integers(len(kinds))]
        values[position] = _special(rng, kind, large)
    return off_kinks(values, kinks, margin).reshape(shape)


def kink_regions(x: np.ndarray, kink: float = 0.0, name: str = "x") -> dict[str, np.ndarray]:
    """The two sides of a kink as a case's ``regions`` entry: {"where x > 0": mask, ...}."""
    point = f"{kink:g}"
    return {f"where {name} > {point}": x > kink, f"where {name} < {point}": x < kink}


def shapes_of_every_rank(rng: np.random.Generator, ranks: Iterable[int] = range(5),
                         largest: int = 5) -> list[tuple]:
    """One shape per rank, in order; the sizes of a shape are distinct (a transpose or a swapped
    axis cannot hide), from 1 to ``largest`` (2 to ``largest`` + 2 for a vector)."""
    shapes = []
    for rank in ranks:
        if rank == 1:
            shapes.append((int(rng.integers(2, largest + 3)),))
        else:
            sizes = rng.choice(np.arange(1, max(largest, rank) + 1), size=rank, replace=False)
            shapes.append(tuple(int(s) for s in sizes))
    return shapes


def shape_text(shape: tuple) -> str:
    """A shape as a case label says it: (), (7,), (2, 3)."""
    return "()" if not shape else f"({', '.join(map(str, shape))}{',' if len(shape) == 1 else ''})"


def logits_far_apart(rng: np.random.Generator, below: np.ndarray, limit: float = LOGIT_LIMIT) -> np.ndarray:
    """Stability logits, rows along the last axis, whose rows' maxima are about 2·limit apart.

    Inputs:
    - below: (..., C), at least two rows (the leading axes flattened), entries ≥ 0: how far each
      logit lies below its row's maximum; the first entry of each row is replaced by 0 (the
      maximum itself) before the columns are shuffled
    - limit: every logit lies in [-limit, limit]

    Returns logits of ``below``'s shape. One row's maximum is within 1 of +limit, another's
    within 10 of -limit, so they are at least 2·limit − 11 apart; the other rows' maxima are
    uniform in between. Entries that would fall below -limit are set to -limit.
    """
    below = np.array(below, dtype=np.float64)
    shape = below.shape
    rows = below.reshape(-1, shape[-1])
    if rows.shape[0] < 2:
        raise ValueError("rows far apart need at least two rows")
    rows[:, 0] = 0.0
    rows = rng.permuted(rows, axis=1)
    tops = rng.uniform(-limit + 10.0, limit, rows.shape[0])
    highest, lowest = rng.choice(rows.shape[0], size=2, replace=False)
    tops[highest] = limit - rng.uniform(0.0, 1.0)
    tops[lowest] = -limit + rng.uniform(1.0, 10.0)
    logits = np.maximum(tops[:, None] - rows, -limit)
    return logits.reshape(shape)


def row_maxima_spread(logits: np.ndarray) -> float:
    """How far apart the largest and the smallest row maximum are (rows along the last axis)."""
    maxima = np.asarray(logits).reshape(-1, np.shape(logits)[-1]).max(axis=1)
    return float(maxima.max() - maxima.min())


def weights_for(x: np.ndarray, target: np.ndarray) -> np.ndarray:
    """w with x @ w == target (to rounding), for x (N, D) with N ≤ D and independent rows: a
    first layer whose pre-activations are exactly the values a draw needs."""
    if x.shape[0] > x.shape[1]:
        raise ValueError("weights_for needs no more rows than columns in x")
    w, *_ = np.linalg.lstsq(x, target, rcond=None)
    return w
