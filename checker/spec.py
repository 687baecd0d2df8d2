"""The vocabulary of a kata's spec entry.

A spec entry is data: which functions the user writes, how inputs are drawn, which reference
defines the truth, the classic mistakes worth naming, hints. The engine interprets it; no kata
has code of its own in the engine, the CLI or the tests.

Kinds of check:
- :class:`Value`: the user's function equals a reference (forward passes, losses, optimizers).
- :class:`Gradient`: the user's backward equals the finite-difference vector-Jacobian product
  ``d/dx sum(forward(x) * dout)`` of a reference forward, for each input it asks a gradient of.
- :class:`LossAndGrads`: the user returns a loss and gradients; the loss matches the reference,
  the gradients match finite differences of the reference loss, and also of the user's own
  loss, so that "your loss is wrong" and "your gradients do not match your loss" differ.
- :class:`Outcome`: a function is run and its results judged by the spec's ``assess`` (accuracy on a
  held-out split, a falling loss curve, a keep rate judged by a binomial test).

One calling convention, for the user's functions and the spec's callables alike: a case's ``args``
are passed by position in their order (after ``dout`` for a gradient check), its ``kwargs`` by name.
So ``Gradient(forward=np.tanh)`` is called ``np.tanh(x)``, a mistake ``produces(dout, x, alpha=...)``,
and the user's ``leaky_relu_backward(dout, x, alpha=...)``.

What a call may run, in the child:
- the user's function named by the check's ``function``; or
- a ``driver``: a module-level function of the spec module, called ``driver(module, *args, **kwargs)``
  with the user's imported module first. It exercises a class or a stateful object (``Value`` of
  micrograd) and returns plain data (numbers, arrays, lists, dicts). It runs in the child, so it judges
  nothing: the parent compares what it returns.

Special arguments of a case:
- :class:`Rng`: a ``numpy.random.Generator`` built from a seed, in the child for the user's code and in
  the parent, from the same seed, for the reference;
- :class:`Output`: what an earlier call of the same run returned (a backward fed the user's own mask).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import numpy as np

from . import arguments

# The special arguments of a case, defined apart for the child's runtime: part of this vocabulary.
Rng, Output = arguments.Rng, arguments.Output

Draws = Callable[[np.random.Generator], Iterable["Case"]]

# The central-difference step. Draws keep inputs at least a hundred steps from any kink
# (checker/draws.py), so a step this small never straddles one.
STEP = 1e-5


@dataclass
class Case:
    """One draw of inputs. ``args`` are passed positionally, in order, after ``dout`` if any."""

    label: str
    args: dict[str, Any]
    kwargs: dict[str, Any] = field(default_factory=dict)
    batch: int | None = None  # N, so a gradient off by N or 1/N can be named
    stability: bool = False  # extreme inputs: any overflow/invalid warning is a failure
    # {input name: {"where x > 0": mask, "where x < 0": mask}}: masks over the entries of that
    # input's gradient, used to tell "wrong on one side of the kink" from "wrong everywhere".
    regions: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)
    # A larger step for draws where the function is huge but nearly linear (saturated logits of
    # ±1e3): rounding in f, not curvature, dominates the error of a central difference there.
    step: float = STEP
    # Data only the judge sees (never sent to the user's code), e.g. a held-out split.
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Mistake:
    """A classic wrong answer, named when the user's result equals it on every draw.

    ``produces(**args, **kwargs)`` (with ``dout=`` first for gradient checks) returns what the
    mistaken code returns for ``variable``.
    """

    code: str
    variable: str
    produces: Callable[..., Any]
    message: str


@dataclass(frozen=True)
class Grad:
    """In a :class:`LossAndGrads` return template: the gradient of the loss w.r.t. an input.

    ``path`` names the input and, for containers, the key or index inside it:
    ``Grad("params", "W1")`` is the gradient w.r.t. ``params["W1"]``.
    """

    name: str
    path: tuple

    def __init__(self, name: str, *path):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "path", path)


@dataclass(frozen=True)
class Loss:
    """In a :class:`LossAndGrads` return template: the scalar loss."""

    name: str = "loss"


@dataclass(frozen=True)
class Value:
    function: str
    reference: Callable[..., Any]
    cases: Draws
    outputs: tuple[str, ...] = ("out",)  # names of the returned values, in order
    mistakes: tuple[Mistake, ...] = ()
    rtol: float = 1e-7
    title: str = ""
    # Errors are relative to max(|got|, |expected|, floor × the largest expected entry). A value
    # promised exact even where it is tiny (a sigmoid near 0) takes a much smaller floor.
    floor: float = 1e-3
    driver: Callable[..., Any] | None = None


@dataclass(frozen=True)
class Gradient:
    function: str
    forward: Callable[..., np.ndarray]
    cases: Draws
    grads: dict[str, str]  # returned name -> input name, in the order the user returns them
    takes_dout: bool = True  # False: an elementwise derivative, i.e. the VJP with dout = 1
    mistakes: tuple[Mistake, ...] = ()
    rtol: float = 1e-5
    # As for Value; a rounding-limited gradient (batchnorm at N = 2) takes a larger floor.
    floor: float = 1e-3
    driver: Callable[..., Any] | None = None


@dataclass(frozen=True)
class LossAndGrads:
    function: str
    loss: Callable[..., float]
    cases: Draws
    returns: Any  # a template: tuples/dicts/lists of Loss() and Grad(...), or a callable(case)
    mistakes: tuple[Mistake, ...] = ()
    rtol: float = 1e-5
    loss_rtol: float = 1e-7
    floor: float = 1e-3


@dataclass(frozen=True)
class Finding:
    """One line of an :class:`Outcome` verdict, with its diagnosis when it fails."""

    name: str
    passed: bool
    detail: str = ""
    code: str = ""
    message: str = ""


@dataclass(frozen=True)
class Outcome:
    function: str
    cases: Draws
    assess: Callable[[list["Case"], list[Any]], list[Finding]]  # (cases, returned values)
    title: str = ""
    driver: Callable[..., Any] | None = None


Check = Value | Gradient | LossAndGrads | Outcome


@dataclass(frozen=True)
class Kata:
    name: str
    title: str
    topic: str
    difficulty: str  # easy | medium | hard
    source: str
    functions: tuple[str, ...]
    checks: tuple[Check, ...]
    hints: tuple[str, ...]
    # Kata-specific words for a diagnosis, keyed "code" or "code:variable".
    explanations: dict[str, str] = field(default_factory=dict)
    timeout: float = 10.0
    # Inputs that a correct answer may alter by rounding only (e.g. perturb-and-restore).
    restore_rtol: float = 0.0
    # Katas to do first (softmax before softmax_backward before attention): the curriculum order.
    prerequisites: tuple[str, ...] = ()
    # The smallest batch the contract allows (batchnorm needs N ≥ 2); draws must reach it.
    smallest_batch: int = 1


# --- helpers for writing input draws ---------------------------------------------------------

def away_from(values: np.ndarray, point: float = 0.0, margin: float = 0.05) -> np.ndarray:
    """Push entries that fall within ``margin`` of a kink at ``point`` out of that band."""
    values = np.array(values, dtype=np.float64)
    near = np.abs(values - point) < margin
    values[near] = point + np.where(values[near] >= point, margin, -margin) * 2
    return values


def redraw_until(draw: Callable[[], Any], ok: Callable[[Any], bool], attempts: int = 200) -> Any:
    """Draw until ``ok`` holds (e.g. no hidden unit near its ReLU kink); seeded, so replayable."""
    for _ in range(attempts):
        value = draw()
        if ok(value):
            return value
    raise RuntimeError("could not draw inputs that satisfy the kata's condition")
