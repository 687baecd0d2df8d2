"""What the contract asks of every kata, whatever its kind: inputs left as they were, the task's
keyword defaults, and parameters in the task's order."""

from __future__ import annotations

from typing import Any

import numpy as np

from .diagnosis import explain
from .result import Diagnosis, Row, Verdict


def changed_inputs(name: str, before: Any, after: Any, rtol: float) -> list[str]:
    """The inputs (or entries of an input container) that differ after the call."""
    if isinstance(before, np.ndarray):
        if not isinstance(after, np.ndarray) or after.shape != before.shape or after.dtype.kind != before.dtype.kind:
            return [name]
        try:
            same = (np.allclose(after, before, rtol=rtol, atol=0, equal_nan=True) if rtol
                    else np.array_equal(after, before, equal_nan=True))
        except (TypeError, ValueError):  # what came back cannot be compared with what was sent: not the same
            same = False
        return [] if same else [name]
    if isinstance(before, dict):
        if not isinstance(after, dict) or before.keys() != after.keys():
            return [name]
        return [c for k in before for c in changed_inputs(f"{name}[{k!r}]", before[k], after[k], rtol)]
    if isinstance(before, (list, tuple)):
        if not isinstance(after, (list, tuple)) or len(before) != len(after):
            return [name]
        return [c for i, (b, a) in enumerate(zip(before, after))
                for c in changed_inputs(f"{name}[{i}]", b, a, rtol)]
    return []  # scalars, generators and functions cannot be modified in place


def mutated_in_call(names: list[str], before: list, after: list | None, rtol: float) -> list[str]:
    if after is None:
        return []
    return [c for n, b, a in zip(names, before, after) for c in changed_inputs(n, b, a, rtol)]


def mutated_inputs(draw, outcome, rtol: float) -> list[str]:
    """The inputs of a draw's call modified in place: as this process read them back from the memory they were
    passed in (checker/shared_inputs.py), which the answer cannot misreport, and as the child reports them
    (the only witness of a dict entry rebound)."""
    names = draw.names + list(draw.call.kwargs)
    before = list(draw.call.args) + list(draw.call.kwargs.values())
    reported = (None if outcome.inputs_after is None
                else list(outcome.inputs_after) + list((outcome.kwargs_after or {}).values()))
    found = mutated_in_call(names, before, outcome.inputs_in_memory, rtol)
    return list(dict.fromkeys(found + mutated_in_call(names, before, reported, rtol)))


def judge_mutation(verdict: Verdict, function: str, mutated: list[str], explanations: dict[str, str]) -> None:
    """The "inputs left unchanged" row, and its diagnosis when some input was modified in place."""
    mutated = list(dict.fromkeys(mutated))
    verdict.rows.append(Row("inputs left unchanged", not mutated, ", ".join(f"{m} was modified" for m in mutated)))
    if mutated:
        # Said first: an input changed in place can be why later values are off too.
        verdict.diagnoses.insert(0, Diagnosis(
            "mutated_input", f"{function} modified its input{'s' if len(mutated) > 1 else ''} "
                             f"{', '.join(mutated)} in place.",
            mutated[0], explanation=explain("mutated_input", mutated[0], explanations)))


def note_swapped_parameters(diagnoses: list[Diagnosis], function: str, expected: list[str],
                            parameters: dict) -> None:
    """Arguments are passed by position: a signature with the task's names in another order is
    the likely cause of whatever failed, so the first diagnosis says so."""
    if not diagnoses or not expected:
        return
    theirs = parameters.get(function, {}).get("names", [])[:len(expected)]
    if len(theirs) == len(expected) and theirs != expected and sorted(theirs) == sorted(expected):
        first = diagnoses[0]
        note = (f"Your parameters are ({', '.join(theirs)}), but the checker calls "
                f"{function}({', '.join(expected)}) by position: use the order of the task.")
        first.explanation = f"{note} {first.explanation}".strip()
        first.evidence["parameters"] = theirs


def _default_differs(theirs: Any, ours: Any) -> bool:
    if isinstance(ours, float) and isinstance(theirs, (int, float)) and not isinstance(theirs, bool):
        try:
            return abs(theirs - ours) > 1e-12 * max(abs(ours), 1e-300)
        except OverflowError:  # an int past any float
            return True
    return type(theirs) is not type(ours) or theirs != ours


def _default_problems(function: str, defaults: dict, signature: dict) -> list[str]:
    problems = []
    names = signature["names"] + signature.get("keyword_only", [])
    for name, ours in defaults.items():
        if name not in names:
            problems.append(f"{function} has no parameter {name} (the task's is {name}={ours!r})")
        elif name not in signature["defaults"]:
            problems.append(f"{function}'s {name} has no default (the task's is {name}={ours!r})")
        elif _default_differs(signature["defaults"][name], ours):
            problems.append(f"{function}'s default is {name}={signature['defaults'][name]!r}; "
                            f"the task's is {name}={ours!r}")
    return problems


def judge_defaults(expected: dict[str, dict], parameters: dict) -> Verdict:
    """A default in a signature (positional or keyword-only) is part of the contract."""
    verdict = Verdict()
    if not any(expected.values()):
        return verdict
    problems = [p for function, defaults in expected.items() if defaults and function in parameters
                for p in _default_problems(function, defaults, parameters[function])]
    verdict.rows.append(Row("keyword defaults as in the task", not problems, "; ".join(problems)))
    if problems:
        verdict.diagnoses.append(Diagnosis(
            "wrong_default", problems[0] + ".",
            explanation="A default in a signature is part of the contract: callers omit the keyword and rely "
                        "on it. Keep the stub's signature."))
    return verdict
