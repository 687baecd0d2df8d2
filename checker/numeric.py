"""The numbers behind every verdict: central differences, relative errors with a floor, and a
binomial bound for random results. Pure functions of arrays; nothing here knows about katas.

Finite differences live behind :func:`finite_difference_vjp` alone, so that a projected estimate
(a few random directions instead of every entry) can replace it without touching a spec.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from .spec import Rng

# The central-difference step. Draws keep every input at least a hundred steps from a kink.
STEP = 1e-5
# Relative error: |got - expected| / max(|got|, |expected|, floor), where the floor is a
# fraction of the largest expected entry, so entries that are zero up to rounding do not turn
# finite-difference noise into huge "relative" errors.
FLOOR_FRACTION = 1e-3
ABSOLUTE_FLOOR = 1e-10


def get_at(tree: Any, path: tuple) -> Any:
    for key in path:
        tree = tree[key]
    return tree


def _fresh(value: Any) -> Any:
    # Each call gets its own generator from the seed, as the user's code does in the child.
    return np.random.default_rng(value.seed) if isinstance(value, Rng) else value


def call_with(function: Callable[..., Any], args: dict, kwargs: dict) -> Any:
    """The one calling convention: a case's args by position, in order; its kwargs by name."""
    return function(*map(_fresh, args.values()), **{k: _fresh(v) for k, v in kwargs.items()})


def finite_difference_vjp(function: Callable[..., Any], args: dict, kwargs: dict, path: tuple,
                          dout: Any = 1.0, h: float = STEP) -> np.ndarray:
    """d/dx sum(function(*args, **kwargs) * dout) for x = the argument at ``path``, by central differences.

    ``path`` starts with the argument's name, then keys or indices inside it: ("params", 2, 0) is
    the W of the third layer. The difference of the two outputs is taken before the product with
    dout, so entries the perturbation does not touch cancel exactly instead of adding rounding noise.
    """
    args = copy.deepcopy(args)
    x = get_at(args, path)
    if not isinstance(x, np.ndarray):  # a number (a 0-d draw that came out as np.float64): made writable
        x = np.array(x, dtype=np.float64)
        get_at(args, path[:-1])[path[-1]] = x
    grad = np.zeros(np.shape(x), dtype=np.float64)
    for index in np.ndindex(grad.shape):
        old = x[index]
        x[index] = old + h
        plus = np.asarray(call_with(function, args, kwargs), dtype=np.float64)
        x[index] = old - h
        minus = np.asarray(call_with(function, args, kwargs), dtype=np.float64)
        x[index] = old
        grad[index] = np.sum((plus - minus) * dout) / (2 * h)
    return grad


@dataclass
class Comparison:
    errors: np.ndarray
    max_error: float
    passed: bool


def relative_errors(got: np.ndarray, expected: np.ndarray, floor_fraction: float = FLOOR_FRACTION) -> np.ndarray:
    got = np.asarray(got, dtype=np.float64)
    expected = np.asarray(expected, dtype=np.float64)
    scale = float(np.max(np.abs(expected))) if expected.size else 0.0
    floor = max(floor_fraction * scale, ABSOLUTE_FLOOR)
    denominator = np.maximum(np.maximum(np.abs(got), np.abs(expected)), floor)
    with np.errstate(invalid="ignore", over="ignore"):
        errors = np.abs(got - expected) / denominator
    return np.where(np.isnan(errors), np.inf, errors)


def compare(got, expected, rtol: float, floor_fraction: float = FLOOR_FRACTION) -> Comparison:
    errors = relative_errors(got, expected, floor_fraction)
    max_error = float(np.max(errors)) if errors.size else 0.0
    return Comparison(errors=errors, max_error=max_error, passed=bool(max_error <= rtol))


def _kl(rate: float, p: float) -> float:
    """Kullback-Leibler divergence of Bernoulli(rate) from Bernoulli(p)."""
    total = 0.0
    for a, b in ((rate, p), (1.0 - rate, 1.0 - p)):
        if a > 0:
            total += a * math.log(a / b)
    return total


def binomial_consistent(successes: int, trials: int, p: float, false_alarm: float = 1e-9) -> bool:
    """Whether ``successes`` of ``trials`` is consistent with probability ``p``.

    Chernoff's bound P(K/n ≥ r) ≤ exp(-n·KL(r ‖ p)) for r > p (and its mirror for r < p) is an
    exact inequality for the binomial, so refusing when exp(-n·KL) < false_alarm / 2 on either
    side refuses a right answer with probability at most ``false_alarm``.
    """
    if trials <= 0:
        return True
    if p <= 0.0 or p >= 1.0:
        return successes == (trials if p >= 1.0 else 0)
    rate = successes / trials
    return trials * _kl(rate, p) <= math.log(2.0 / false_alarm)
