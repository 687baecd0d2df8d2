"""Turns a mismatch into a named, explained likely mistake.

Every function here is pure: it looks at what was expected, what the user returned and the
inputs of each draw, and claims a code only when the evidence fits it on every failing draw
(a factor of exactly N, exactly -1, exactly zero ...). Otherwise the honest answer is
``wrong_gradient`` / ``wrong_value`` with the worst entries shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from .numeric import Comparison, compare
from .result import Diagnosis
from .spec import Case

# How exactly a factor must hold on every entry before a scale is claimed.
FACTOR_TOLERANCE = 1e-4


@dataclass
class Evidence:
    """One draw of one returned variable that has been compared with its expected value."""

    case: Case
    got: np.ndarray
    expected: np.ndarray
    comparison: Comparison
    wrt: str | None = None  # the input this variable is the gradient of, if any
    context: dict = field(default_factory=dict)  # e.g. the dout of this draw


# Words for each code when the kata has none of its own. "{var}" is the variable's name.
EXPLANATIONS = {
    "batch_scale": "Something is divided by the batch size N that should not be, or the other way round. "
                   "A loss that is a mean over the batch puts a 1/N in every gradient; "
                   "a parameter shared by all rows (a bias) sums its gradient over the batch.",
    "constant_scale": "Look for a dropped or doubled constant: the 2 from a square, the ½ in front of a "
                      "loss, a mean taken over the wrong number of elements.",
    "sign_flip": "Check the sign of each term: the derivative of (a − b) w.r.t. b is −1, and a step "
                 "goes against the gradient.",
    "zero_gradient": "Every entry of {var} is zero. Did you return an array you created but never filled, "
                     "or multiply by a mask that is all False?",
    "ignores_upstream": "A backward pass returns dout times the local derivative (the chain rule); "
                        "{var} looks like the local derivative alone.",
    "ignores_keyword": "Use the keyword argument you are given instead of a constant in the body.",
    "ignores_rng": "Draw every random number from the generator you are given (rng.random, rng.binomial), "
                   "never from np.random or random: the same generator must give the same result.",
    "missing_accumulation": "A value used in several places receives a gradient from each of them: add "
                            "(+=) into the gradient instead of assigning (=) it.",
    "mask_error": "Check the condition that selects where the gradient flows: which variable it "
                  "tests, and which side of the kink it keeps.",
    "transposed": "Match shapes: the gradient of a parameter has that parameter's shape. "
                  "Swap the operands of the matrix product (or transpose the other one).",
    "wrong_shape": "The gradient w.r.t. an input has exactly that input's shape.",
    "wrong_gradient": "Derive {var} again step by step, checking each intermediate's shape; "
                      "the entries below are the furthest off.",
    "wrong_value": "Compare your formula with the task statement (kata show); the entries below are "
                   "the furthest off.",
    "non_finite": "Look for a division by zero, the log of 0, or an exp that overflows.",
    "overflow": "Rewrite it so exp never sees a large positive number: subtract the maximum first, "
                "or use a form that is stable for both signs.",
    "loss_mismatch": "Check the reduction (a mean over the batch or over every element?) and the "
                     "constants of the loss.",
    "forward_backward_mismatch": "Your gradients do not match your own loss either: the backward "
                                 "pass is not the derivative of the forward pass you wrote.",
    "mutated_input": "Never modify an input in place: work on a copy (a = a.copy()), build a new "
                     "array (np.where, a product with a mask), and collect results in a new container "
                     "(grads = {}), not in one you were given.",
}


def _fmt(value: float) -> str:
    if value == 0 or 1e-3 <= abs(value) < 1e5:
        return f"{value:.4f}".rstrip("0").rstrip(".") if abs(value) >= 1 else f"{value:.4g}"
    return f"{value:.3e}"


def worst_entries(evidence: Evidence, count: int = 3) -> list[dict]:
    errors = evidence.comparison.errors
    if errors.ndim == 0:
        order = [()]
    else:
        flat = np.argsort(errors, axis=None)[::-1][:count]
        order = [np.unravel_index(i, errors.shape) for i in flat]
    rows = []
    for index in order:
        index = tuple(int(i) for i in index)
        rows.append({
            "draw": evidence.case.label,
            "index": list(index),
            "yours": float(np.asarray(evidence.got)[index]),
            "expected": float(np.asarray(evidence.expected)[index]),
        })
    return rows


def _worst_draw(failing: list[Evidence]) -> Evidence:
    return max(failing, key=lambda e: e.comparison.max_error)


def _constant_factor(evidence: Evidence) -> float | None:
    """The factor c with got == c * expected on every entry, if there is one (and it is not 1)."""
    expected, got = evidence.expected, evidence.got
    if expected.shape != got.shape or expected.size == 0:
        return None
    magnitude = np.abs(expected)
    scale = float(magnitude.max())
    if scale == 0.0 or not np.all(np.isfinite(got)):
        return None
    mask = magnitude > 1e-2 * scale
    factor = float(np.median(got[mask] / expected[mask]))
    if factor == 0 or not np.isfinite(factor) or _close(factor, 1.0):
        return None
    if np.max(np.abs(got - factor * expected)) <= FACTOR_TOLERANCE * abs(factor) * scale:
        return factor
    return None


def _close(a: float, b: float, tolerance: float = FACTOR_TOLERANCE) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def detect_zero(variable: str, failing: list[Evidence]) -> Diagnosis | None:
    if all(not np.any(e.got) for e in failing):
        return Diagnosis("zero_gradient", f"{variable} is zero on every entry, on every draw where it should not be.",
                         variable)
    return None


def detect_scale(variable: str, failing: list[Evidence]) -> Diagnosis | None:
    factors = [_constant_factor(e) for e in failing]
    if any(f is None for f in factors):
        return None
    draws = "; ".join(f"{e.case.label}: ×{_fmt(f)}" for e, f in zip(failing, factors))
    where = "on every draw" if all(e.expected.size == 1 for e in failing) else "on every entry"
    evidence = {"factors": factors}
    if all(_close(f, -1.0) for f in factors):
        return Diagnosis("sign_flip", f"{variable} has the opposite sign of the expected value {where}.",
                         variable, evidence=evidence)
    if all(e.expected.size == 1 for e in failing):
        # One number is always some multiple of another: only a factor that holds across draws
        # (or is exactly N, or -1) says anything.
        consistent = len(failing) >= 2 and all(_close(f, factors[0]) for f in factors)
        batches = [e.case.batch for e in failing]
        matches_batch = all(b and b > 1 and (_close(f, b) or _close(f, 1.0 / b)) for f, b in zip(factors, batches))
        if not (consistent or matches_batch or all(_close(f, -1.0) for f in factors)):
            return None
    batches = [e.case.batch for e in failing]
    if all(b and b > 1 for b in batches):
        if all(_close(f, b) for f, b in zip(factors, batches)):
            return Diagnosis("batch_scale", f"{variable} is N× the expected value {where} ({draws}).",
                             variable, evidence=evidence)
        if all(_close(f, 1.0 / b) for f, b in zip(factors, batches)):
            return Diagnosis("batch_scale", f"{variable} is 1/N of the expected value {where} ({draws}).",
                             variable, evidence=evidence)
    if all(_close(f, factors[0]) for f in factors):
        return Diagnosis("constant_scale",
                         f"{variable} is exactly {_fmt(factors[0])}× the expected value {where}"
                         + (" of every failing draw." if where == "on every entry" else "."), variable, evidence=evidence)
    return Diagnosis("constant_scale",
                     f"{variable} is a constant multiple of the expected value within each draw, but the "
                     f"factor changes with the shapes ({draws}): check what you divide or multiply by.",
                     variable, evidence=evidence)


def detect_transposed(variable: str, failing: list[Evidence], rtol: float) -> Diagnosis | None:
    for e in failing:
        if e.got.ndim != 2 or e.got.shape[::-1] != e.expected.shape:
            return None
        if not compare(e.got.T, e.expected, rtol).passed:
            return None
    return Diagnosis("transposed", f"{variable} is the transpose of the expected value.", variable)


def detect_region(variable: str, failing: list[Evidence], rtol: float) -> Diagnosis | None:
    """Wrong on exactly one side of a kink (or one side of a mask), right on the other."""
    sides = set()
    key = lambda e: variable if variable in e.case.regions else (e.wrt or "")  # noqa: E731
    for e in failing:
        regions = e.case.regions.get(key(e), {})
        if not regions or e.got.shape != e.expected.shape:
            return None
        bad = e.comparison.errors > rtol
        wrong_in = [name for name, mask in regions.items() if np.any(bad & mask)]
        if len(wrong_in) != 1:
            return None
        # Right everywhere else.
        if np.any(bad & ~regions[wrong_in[0]]):
            return None
        sides.add(wrong_in[0])
    if len(sides) != 1:
        return None
    side = sides.pop()
    right = [n for n in failing[0].case.regions[key(failing[0])] if n != side]
    also = f", right {right[0]}" if len(right) == 1 else ""
    return Diagnosis("mask_error", f"{variable} is wrong {side}{also}, on every draw.", variable,
                     evidence={"wrong_in": side})


@dataclass
class Alternative:
    """A wrong answer worth naming: what a known mistake would have returned for each draw."""

    code: str
    message: str
    produces: Callable[[Evidence], Any]  # -> the array the mistaken code returns for this draw
    applies: Callable[[Evidence], bool] = lambda e: True


def detect_alternative(variable: str, failing: list[Evidence], alternative: Alternative, rtol: float) -> Diagnosis | None:
    tolerance = max(rtol, 1e-6)
    for e in failing:
        if not alternative.applies(e):
            return None
        try:
            produced = np.asarray(alternative.produces(e), dtype=np.float64)
        except Exception:  # a mistake that cannot be formed for this draw does not fit it
            return None
        if produced.shape != e.got.shape or not compare(e.got, produced, tolerance).passed:
            return None
    return Diagnosis(alternative.code, alternative.message.replace("{var}", variable), variable)


def diagnose_values(variable: str, evidence: list[Evidence], *, rtol: float, gradient: bool,
                    alternatives: list[Alternative], explanations: dict[str, str]) -> Diagnosis | None:
    """The most specific diagnosis that the failing draws of one variable support."""
    failing = [e for e in evidence if not e.comparison.passed]
    if not failing:
        return None
    diagnosis = None
    for alternative in alternatives:
        diagnosis = detect_alternative(variable, failing, alternative, rtol)
        if diagnosis:
            break
    diagnosis = (diagnosis or detect_zero(variable, failing) or detect_scale(variable, failing)
                 or detect_transposed(variable, failing, rtol) or detect_region(variable, failing, rtol))
    if diagnosis is None:
        worst = _worst_draw(failing)
        code = "wrong_gradient" if gradient else "wrong_value"
        against = "finite differences" if gradient else "the reference"
        diagnosis = Diagnosis(code, f"{variable} does not match {against}: max relative error "
                                    f"{worst.comparison.max_error:.2g} ({worst.case.label}).", variable)
    diagnosis.explanation = explain(diagnosis.code, variable, explanations)
    diagnosis.worst = worst_entries(_worst_draw(failing))
    return diagnosis


def explain(code: str, variable: str, explanations: dict[str, str]) -> str:
    base = variable.split("[")[0]
    text = (explanations.get(f"{code}:{variable}") or explanations.get(f"{code}:{base}")
            or explanations.get(code) or EXPLANATIONS.get(code, ""))
    return text.replace("{var}", variable)  # not str.format: messages may hold braces (da_{t+1})


def merge_shared_causes(diagnoses: list[Diagnosis]) -> list[Diagnosis]:
    """One diagnosis for several variables wrong in the same way (e.g. every gradient N× too
    large because the 1/N was dropped once, at the top): the cause is said once."""
    merged: list[Diagnosis] = []
    groups: dict[tuple, Diagnosis] = {}
    names: dict[int, list[str]] = {}
    for diagnosis in diagnoses:
        variable = diagnosis.variable
        if not variable or variable not in diagnosis.message:
            merged.append(diagnosis)
            continue
        key = (diagnosis.code, diagnosis.message.replace(variable, "\0"),
               diagnosis.explanation.replace(variable, "\0"))
        if key in groups:
            if variable not in names[id(groups[key])]:  # two checks may share an output's name
                names[id(groups[key])].append(variable)
            continue
        groups[key] = diagnosis
        names[id(diagnosis)] = [variable]
        merged.append(diagnosis)
    for diagnosis in merged:
        variables = names.get(id(diagnosis), [])
        if len(variables) < 2:
            continue
        joined = ", ".join(variables[:-1]) + " and " + variables[-1]
        first = diagnosis.variable
        for single, plural in ((f"{first} is ", f"{joined} are each "), (f"{first} has ", f"{joined} each have ")):
            if diagnosis.message.startswith(single):
                diagnosis.message = plural + diagnosis.message[len(single):]
                break
        else:
            if diagnosis.message.startswith(first + " "):
                diagnosis.message = f"{joined}: each " + diagnosis.message[len(first) + 1:]
            else:
                diagnosis.message = diagnosis.message.replace(first, joined, 1)
        diagnosis.evidence["variables"] = variables
    return merged
