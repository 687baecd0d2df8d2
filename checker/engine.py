"""The gradient-check engine: plans the calls a kata's spec needs, has a runner evaluate them, and
judges what came back, in float64, in a process that never ran the user's code.

The public entry point is :func:`run_kata` (a spec and a runner in, a JSON-ready result out);
:func:`check_file` binds it to the sandbox. Nothing here prints.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from . import catalog, sandbox
from .diagnosis import FLOOR_FRACTION, Alternative, Diagnosis, Evidence, compare, diagnose_values, explain, merge_shared_causes
from .protocol import Opaque
from .sandbox import Call, CallOutcome, Fault, SandboxRun
from .spec import STEP, Case, Gradient, Grad, Kata, Loss, LossAndGrads, Outcome, Value

Runner = Callable[[list[Call]], SandboxRun]

EXTREME_EXPLANATION = ("Something loses the answer at the extremes without overflowing: a probability clipped "
                       "(1e-15) or underflowing to 0 before a log, a difference of two huge numbers. Keep the "
                       "computation in a form that stays exact there, such as log-sum-exp.")


# --- finite differences ----------------------------------------------------------------------

def get_at(tree: Any, path: tuple) -> Any:
    for key in path:
        tree = tree[key]
    return tree


def finite_difference_vjp(function: Callable[..., Any], args: dict, kwargs: dict, path: tuple,
                          dout: Any = 1.0, h: float = STEP) -> np.ndarray:
    """d/dx sum(function(**args, **kwargs) * dout) for x = args at ``path``, by central differences.

    The difference of the two outputs is taken before the product with dout, so entries the
    perturbation does not touch cancel exactly instead of adding rounding noise.
    """
    args = copy.deepcopy(args)
    x = get_at(args, path)
    grad = np.zeros(np.shape(x), dtype=np.float64)
    for index in np.ndindex(grad.shape):
        old = x[index]
        x[index] = old + h
        plus = np.asarray(function(**args, **kwargs), dtype=np.float64)
        x[index] = old - h
        minus = np.asarray(function(**args, **kwargs), dtype=np.float64)
        x[index] = old
        grad[index] = np.sum((plus - minus) * dout) / (2 * h)
    return grad


# --- result pieces ---------------------------------------------------------------------------

@dataclass
class Row:
    name: str
    passed: bool | None  # None: not checked, because something before it failed
    detail: str = ""
    max_rel_error: float | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "passed": self.passed, "skipped": self.passed is None,
                "max_rel_error": self.max_rel_error, "detail": self.detail}


@dataclass
class Verdict:
    rows: list[Row] = field(default_factory=list)
    diagnoses: list[Diagnosis] = field(default_factory=list)


@dataclass
class Leaf:
    """One returned variable of one draw, with what it should be."""

    name: str
    expected: np.ndarray
    scalar: bool = False
    wrt: tuple | None = None  # input path this is the gradient of


def describe_value(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"array{value.shape}" if value.dtype.kind == "f" else f"{value.dtype} array{value.shape}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {describe_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(describe_value(v) for v in value[:6])
        return f"[{inner}{', …' if len(value) > 6 else ''}]"
    if callable(value) or hasattr(value, "target"):
        return "a function"
    return repr(value)


def describe_call(function: str, names: list[str], args: tuple, kwargs: dict) -> str:
    parts = [f"{n}={describe_value(a)}" for n, a in zip(names, args)]
    parts += [f"{k}={describe_value(v)}" for k, v in kwargs.items()]
    return f"{function}({', '.join(parts)})"


def describe_template(template: Any) -> str:
    if isinstance(template, Leaf):
        return template.name
    if isinstance(template, (tuple, list)):
        return "(" + ", ".join(describe_template(t) for t in template) + ")"
    if isinstance(template, dict):
        return "{" + ", ".join(map(str, template)) + "}"
    return "?"


def _shape_text(shape: tuple) -> str:
    return "a scalar" if shape == () else str(tuple(shape))


# --- faults ----------------------------------------------------------------------------------

def fault_diagnosis(fault: Fault, *, explanations: dict[str, str] | None = None, **context) -> Diagnosis:
    """The diagnosis of a fault, in the kata's own words where it has some for that code."""
    diagnosis = _fault_diagnosis(fault, **context)
    if explanations and diagnosis.code in explanations:
        diagnosis.explanation = explanations[diagnosis.code]
    return diagnosis


def _fault_diagnosis(fault: Fault, *, function: str = "", call_text: str = "", case: Case | None = None,
                     at_import: bool = False, timeout: float = 0.0) -> Diagnosis:
    where = f" ({case.label})" if case else ""
    location = None
    if fault.line:
        location = {"file": fault.file, "line": fault.line, "code": fault.code, "offset": fault.offset}
    evidence = {"call": call_text} if call_text else {}
    if fault.kind == "syntax_error":
        return Diagnosis("syntax_error", f"{fault.type} on line {fault.line}: {fault.message}",
                         explanation="Python could not read your file; nothing was run. Fix the line below.",
                         location=location)
    if fault.kind == "import_error":
        return Diagnosis("import_error", f"importing your file failed: {fault.type}: {fault.message}",
                         explanation="Only numpy and the standard library are available to a kata answer.",
                         location=location)
    if fault.kind == "missing_function":
        return Diagnosis("missing_function", f"your file defines no function named `{fault.message}`.",
                         explanation="Keep the function names and signatures of the stub (kata show).")
    if fault.kind == "exception" and fault.type == "NotImplementedError":
        return Diagnosis("not_implemented", f"{function} is not implemented yet: it raises NotImplementedError.",
                         explanation="Replace the `raise NotImplementedError` with your answer, then check again.",
                         location=location)
    if fault.kind == "exception":
        if fault.type == "OutputLimit":
            message = f"{function or 'your code'} {fault.message}"
        else:
            message = f"{function + ' ' if function else ''}raised {fault.type}: {fault.message}"
        explanation = ("It happened while your file was being imported, before any check ran." if at_import
                       else "Read the line above with the shapes of the call below in mind.")
        if fault.type == "OutputLimit":
            explanation = "Print less: a few shapes, not every step of a loop."
        return Diagnosis("exception", message, explanation=explanation, location=location, evidence=evidence)
    if fault.kind == "exit":
        status = fault.message or "None"
        moment = "while your file was being imported" if at_import else f"in {function}{where}"
        return Diagnosis("crashed", f"your code called sys.exit({status}) {moment}.",
                         explanation="A kata answer returns its result; it never ends the process.",
                         location=location)
    if fault.kind == "timeout":
        moment = "importing your file" if at_import else f"{function}{where}"
        return Diagnosis("timeout", f"{moment} did not finish within {timeout:g} s.",
                         explanation="Look for a loop whose condition never changes, or one that runs far more "
                                     "often than you think (kata check --timeout S allows more time).",
                         evidence=evidence)
    moment = "while your file was being imported" if at_import else f"while running {function}{where}"
    return Diagnosis("crashed", f"{fault.message} {moment}.",
                     explanation="A crash of the interpreter itself: a segfault in native code, os._exit, "
                                 "or running out of memory.", evidence=evidence, location=location)


# --- structure and types ---------------------------------------------------------------------

def _leaf_problem(leaf: Leaf, got: Any, warnings: list,
                  explanations: dict[str, str]) -> tuple[Diagnosis | None, np.ndarray | None]:
    """Checks type, dtype, shape and finiteness; returns (problem, value as float64 array)."""
    name = leaf.name
    if got is None:
        return Diagnosis("returned_none", f"{name} is None.",
                         explanation="Every path through your function must end in a return of the result."), None
    if isinstance(got, Opaque):
        return Diagnosis("wrong_type", f"{name} is a {got.type_name.rsplit('.', 1)[-1]} object; expected "
                                       f"{'a number' if leaf.scalar else 'a numpy array'}.",
                         name), None
    if isinstance(got, (bool, np.bool_)) or isinstance(got, (str, bytes, list, tuple, dict)):
        kind = type(got).__name__
        expected = "a number" if leaf.scalar else "a numpy array"
        return Diagnosis("wrong_type", f"{name} is a {kind}; expected {expected}.", name,
                         explanation="Return numpy arrays (np.asarray) of float64."), None
    value = np.asarray(got)
    if value.dtype.kind not in "fiu" or (value.dtype.kind in "iu" and not leaf.scalar):
        return Diagnosis("wrong_type", f"{name} has dtype {value.dtype}; expected float64.", name,
                         explanation="Return real values: build arrays as float (dtype=float, or np.zeros_like of "
                                     "a float array), and multiply by a 0/1 mask rather than return the mask."), None
    if value.dtype.kind == "f" and value.dtype != np.float64:
        return Diagnosis("wrong_type", f"{name} has dtype {value.dtype}; expected float64.", name,
                         explanation="Keep float64 throughout: something in your code casts the inputs down."), None
    expected_shape = np.shape(leaf.expected)
    if value.shape != expected_shape:
        of = f", the shape of {leaf.wrt[-1]}" if leaf.wrt else ""
        if value.ndim == 2 and value.shape[::-1] == expected_shape:
            return Diagnosis("transposed", f"{name} has shape {value.shape}; expected {expected_shape}{of}: "
                                           f"it is transposed.", name,
                             explanation=explain("transposed", name, explanations)), None
        if leaf.scalar:
            hint = ("Return one number: a per-sample vector still needs its reduction over the batch (a sum or "
                    "a mean), and a (1, 1) product becomes a scalar with .item()." if value.size == 1 else
                    "Reduce to one number: a mean (or sum) over the batch.")
            return Diagnosis("wrong_shape", f"{name} has shape {value.shape}; expected a scalar.", name,
                             explanation=explain("wrong_shape", name, explanations) if
                             f"wrong_shape:{name}" in explanations else hint), None
        shape_text = "is a scalar" if value.shape == () else f"has shape {value.shape}"
        return Diagnosis("wrong_shape", f"{name} {shape_text}; expected "
                                        f"{_shape_text(expected_shape)}{of}.", name,
                         explanation=explain("wrong_shape", name, explanations) if leaf.wrt
                         or "wrong_shape" in explanations or f"wrong_shape:{name}" in explanations else
                         "Check the axis you reduce over and whether you kept the dimensions; if you "
                         "flattened an array, reshape the result back."), None
    value = value.astype(np.float64)
    if not np.all(np.isfinite(value)):
        count = int(np.sum(~np.isfinite(value)))
        overflow = [w for w in warnings if "overflow" in w[1]]
        code = "overflow" if overflow else "non_finite"
        return Diagnosis(code, f"{name} has {count} NaN or inf entr{'y' if count == 1 else 'ies'}"
                               + (f" after numpy warned: {overflow[0][1]}" if overflow else "") + ".", name,
                         explanation=explain(code, name, explanations)), None
    return None, value


def _kind_of(value: Any) -> str:
    if isinstance(value, Opaque):
        name = value.type_name.rsplit(".", 1)[-1]
    elif isinstance(value, np.ndarray):
        return "an array" if value.ndim else "a 0-d array"
    else:
        name = type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _signature(node: Any, expected: bool) -> tuple:
    """What tells the returned values apart: an array's shape, a dict's keys, a sequence's length."""
    if expected and isinstance(node, Leaf):
        return ("value", np.shape(node.expected))
    if isinstance(node, dict):
        return ("dict", tuple(sorted(map(str, node))))
    if isinstance(node, (tuple, list)):
        return ("sequence", len(node))
    if isinstance(node, Opaque) or node is None:
        return ("other",)
    return ("value", np.shape(node))


def _template_name(node: Any) -> str:
    return node.name if isinstance(node, Leaf) else describe_template(node)


def _reordering(got: Any, template: Any) -> str | None:
    """If the values are all there but in another order (told apart by shape or kind), that order."""
    import itertools

    if len(template) > 6:
        return None
    try:
        have = [_signature(g, False) for g in got]
    except Exception:
        return None
    wanted = [_signature(t, True) for t in template]
    if have == wanted or len(set(wanted)) < len(wanted):
        return None
    for order in itertools.permutations(range(len(template))):
        if all(have[i] == wanted[j] for i, j in enumerate(order)):
            return "(" + ", ".join(_template_name(template[j]) for j in order) + ")"
    return None


def match(got: Any, template: Any) -> tuple[list[tuple[Leaf, Any]], Diagnosis | None]:
    """Pairs each leaf of the template with the user's value, or says how the structure differs."""
    shape = describe_template(template)
    if isinstance(template, Leaf):
        return [(template, got)], None
    if got is None:
        return [], Diagnosis("returned_none", f"returned None; expected {shape}.",
                             explanation="Did you forget the return statement, or return inside a branch only?")
    if isinstance(template, (tuple, list)):
        if not isinstance(got, (tuple, list)):
            kind = _kind_of(got)
            return [], Diagnosis("wrong_type", f"returned {kind}; expected a tuple {shape}.",
                                 explanation=f"Return all of them, in this order: return {shape[1:-1]}")
        if len(got) != len(template):
            return [], Diagnosis("wrong_type", f"returned {len(got)} values; expected {len(template)}: {shape}.",
                                 explanation="Return exactly these values, in this order.")
        swapped = _reordering(got, template)
        if swapped:
            return [], Diagnosis("wrong_type", f"returned the values in another order: expected {shape}, "
                                               f"yours look like {swapped}.",
                                 explanation="Return them in the order of the task statement.")
        pairs: list = []
        for sub_template, sub_got in zip(template, got):
            sub_pairs, problem = match(sub_got, sub_template)
            if problem:
                return [], problem
            pairs += sub_pairs
        return pairs, None
    if isinstance(template, dict):
        if not isinstance(got, dict):
            return [], Diagnosis("wrong_type", f"returned {_kind_of(got)}; expected a dict with keys "
                                               f"{', '.join(map(repr, template))}.")
        missing = [k for k in template if k not in got]
        if missing:
            return [], Diagnosis("wrong_type", f"the returned dict has no key {', '.join(map(repr, missing))}.",
                                 explanation="Use the same keys as the parameters.")
        pairs = []
        for key, sub_template in template.items():
            sub_pairs, problem = match(got[key], sub_template)
            if problem:
                return [], problem
            pairs += sub_pairs
        return pairs, None
    raise TypeError(f"bad template node {template!r}")


def _changed(name: str, before: Any, after: Any, rtol: float) -> list[str]:
    """The inputs (or entries of an input container) that differ after the call."""
    if isinstance(before, np.ndarray):
        if not isinstance(after, np.ndarray) or after.shape != before.shape:
            return [name]
        same = (np.allclose(after, before, rtol=rtol, atol=0, equal_nan=True) if rtol
                else np.array_equal(after, before, equal_nan=True))
        return [] if same else [name]
    if isinstance(before, dict):
        if not isinstance(after, dict) or before.keys() != after.keys():
            return [name]
        return [c for k in before for c in _changed(f"{name}[{k!r}]", before[k], after[k], rtol)]
    if isinstance(before, (list, tuple)):
        if not isinstance(after, (list, tuple)) or len(before) != len(after):
            return [name]
        return [c for i, (b, a) in enumerate(zip(before, after)) for c in _changed(f"{name}[{i}]", b, a, rtol)]
    return []  # scalars and functions cannot be modified in place


def _judge_mutation(verdict: Verdict, function: str, mutated: list[str], kata: Kata) -> None:
    """The "inputs left unchanged" row, and its diagnosis when some input was modified in place."""
    verdict.rows.append(Row("inputs left unchanged", not mutated, ", ".join(f"{m} was modified" for m in mutated)))
    if mutated:
        # Said first: an input changed in place can be why later values are off too.
        verdict.diagnoses.insert(0, Diagnosis(
            "mutated_input", f"{function} modified its input{'s' if len(mutated) > 1 else ''} "
                             f"{', '.join(mutated)} in place.",
            mutated[0], explanation=explain("mutated_input", mutated[0], kata.explanations)))


# --- checks that compare returned values -----------------------------------------------------

@dataclass
class _Draw:
    case: Case
    call: Call
    names: list[str]  # argument names, in call order
    context: dict = field(default_factory=dict)


class ComparingPlan:
    """Shared judging for Value, Gradient and LossAndGrads checks."""

    gradient = False
    against = "the reference"

    def __init__(self, check, rng: np.random.Generator, kata: Kata):
        self.check, self.kata = check, kata
        self.draws: list[_Draw] = [self.make_draw(case, rng) for case in check.cases(rng)]
        self.calls = [d.call for d in self.draws] + self.extra_calls()

    def make_draw(self, case: Case, rng: np.random.Generator) -> _Draw:
        raise NotImplementedError

    def extra_calls(self) -> list[Call]:
        return []

    def build_template(self, draw: _Draw) -> Any:
        raise NotImplementedError

    def alternatives(self, leaf_name: str) -> list[Alternative]:
        """Known mistakes for one returned variable, from the spec and from the check's kind."""
        mistakes = [m for m in self.check.mistakes if m.variable in (leaf_name, "*")]
        found = []
        for mistake in mistakes:
            def produces(e: Evidence, mistake=mistake):
                return mistake.produces(**e.context.get("mistake_args", {}), **e.case.args, **e.case.kwargs)
            found.append(Alternative(mistake.code, mistake.message, produces))
        found.append(Alternative(
            "ignores_keyword",
            "{var} matches the default keyword arguments, not the ones passed in this call "
            "(e.g. the draw with {{kwargs}}).",
            lambda e: self.expected_with_defaults(e),
            applies=lambda e: bool(e.case.kwargs)))
        return found

    def expected_with_defaults(self, evidence: Evidence) -> np.ndarray:
        raise NotImplementedError

    def row_name(self, leaf_name: str) -> str:
        return f"{leaf_name} matches {self.against}"

    def judge(self, outcomes: list[CallOutcome], timeout: float) -> Verdict:
        verdict = Verdict()
        check = self.check
        first = self.draws[0]
        shape_row = Row(f"returns {describe_template(self.build_template(first))} with the right types and "
                        f"shapes", True, f"{len(self.draws)} draws: " + "; ".join(
                            d.case.label for d in self.draws if not d.case.stability)
                        + ("; extreme inputs" if any(d.case.stability for d in self.draws) else ""))
        verdict.rows.append(shape_row)
        # Keyed (variable, extreme): extreme inputs are judged on their own row.
        evidence: dict[tuple[str, bool], list[Evidence]] = {}
        stability_failures: list[str] = []
        stability_problems: list[Diagnosis] = []
        mutated: list[str] = []
        blocking: Diagnosis | None = None
        for draw, outcome in zip(self.draws, outcomes):
            if outcome.fault:
                blocking = fault_diagnosis(outcome.fault, function=check.function, case=draw.case, timeout=timeout,
                                           explanations=self.kata.explanations,
                                           call_text=describe_call(check.function, draw.names, draw.call.args,
                                                                   draw.call.kwargs))
                break
            template = self.build_template(draw)
            pairs, problem = match(outcome.value, template)
            if problem is None:
                checked = []
                for leaf, got in pairs:
                    problem, value = _leaf_problem(leaf, got, outcome.warnings, self.kata.explanations)
                    if problem:
                        break
                    checked.append((leaf, value))
            if problem:
                problem.message = f"{check.function}: {problem.message.rstrip('.')} ({draw.case.label})."
                problem.evidence.setdefault("draw", draw.case.label)
                if draw.case.stability and problem.code in ("non_finite", "overflow"):
                    # Instability is judged on its own row; the ordinary draws still get theirs.
                    stability_problems.append(problem)
                    continue
                blocking = problem
                break
            if draw.case.stability:
                # Underflow to 0 is what a stable formula does at the extremes; it is not a failure.
                warned = [w for w in outcome.warnings if w[0] == "RuntimeWarning"
                          and "underflow" not in w[1]
                          and any(word in w[1] for word in ("overflow", "invalid", "divide by zero"))]
                if warned:
                    stability_failures.append(f"numpy warned “{warned[0][1]}” ({draw.case.label})")
            for leaf, value in checked:
                comparison = compare(value, leaf.expected, self.tolerance(leaf),
                                     getattr(self.check, "floor", FLOOR_FRACTION))
                item = Evidence(draw.case, value, np.asarray(leaf.expected, dtype=np.float64), comparison,
                                wrt=leaf.wrt[0] if leaf.wrt else None, context=draw.context)
                evidence.setdefault((leaf.name, draw.case.stability), []).append(item)
            if outcome.inputs_after is not None:
                all_before = list(draw.call.args) + list(draw.call.kwargs.values())
                all_after = list(outcome.inputs_after) + list((outcome.kwargs_after or {}).values())
                names = draw.names + list(draw.call.kwargs)
                for name, before, after in zip(names, all_before, all_after):
                    for changed in _changed(name, before, after, self.kata.restore_rtol):
                        if changed not in mutated:
                            mutated.append(changed)

        if blocking is not None:
            shape_row.passed = False
            verdict.diagnoses.append(blocking)
            for key in self.leaf_names(first):
                verdict.rows.append(Row(self.row_name(key), None))
            verdict.rows.append(Row("inputs left unchanged", None))
            return verdict

        for (name, extreme), items in evidence.items():
            if extreme:
                continue
            worst = max(e.comparison.max_error for e in items)
            passed = all(e.comparison.passed for e in items)
            verdict.rows.append(Row(self.row_name(name), passed, max_rel_error=worst))
            if not passed:
                verdict.diagnoses.append(self.diagnose(name, items))
        verdict.diagnoses += self.cross_check({name: items for (name, extreme), items in evidence.items()
                                               if not extreme})
        extreme = [key for key in evidence if key[1]]
        if any(d.case.stability for d in self.draws):
            labels = [d.case.label for d in self.draws if d.case.stability]
            failing = [k for k in extreme if not all(e.comparison.passed for e in evidence[k])]
            # A variable already wrong on ordinary inputs has its diagnosis; saying it again for the
            # extreme ones would send the user looking for a stability bug that is not there.
            already = {d.variable for d in verdict.diagnoses}
            unexplained = [name for name, _ in failing if name not in already]
            passed = not failing and not stability_failures and not stability_problems
            errors = [e.comparison.max_error for k in extreme for e in evidence[k]]
            verdict.rows.append(Row("stable on extreme inputs", passed, "; ".join(labels),
                                    max(errors) if errors and not stability_problems else None))
            if stability_problems:
                verdict.diagnoses.append(stability_problems[0])
            elif stability_failures:
                code = "overflow" if "overflow" in stability_failures[0] else "non_finite"
                verdict.diagnoses.append(Diagnosis(
                    code, f"{check.function}: " + stability_failures[0] + ".",
                    explanation=explain(code, "", self.kata.explanations)))
            elif unexplained:
                name = unexplained[0]
                diagnosis = self.diagnose(name, evidence[(name, True)])
                diagnosis.message += " It is right on ordinary inputs: only the extreme ones fail."
                diagnosis.explanation = self.kata.explanations.get("extreme", EXTREME_EXPLANATION)
                verdict.diagnoses.append(diagnosis)
        _judge_mutation(verdict, check.function, mutated, self.kata)
        return verdict

    def tolerance(self, leaf: Leaf) -> float:
        return self.check.rtol

    def leaf_names(self, draw: _Draw) -> list[str]:
        return [leaf.name for leaf in _leaves(self.build_template(draw))]

    def diagnose(self, name: str, items: list[Evidence]) -> Diagnosis:
        diagnosis = diagnose_values(name, items, rtol=self.check.rtol, gradient=self.is_gradient(name),
                                    alternatives=self.alternatives(name),
                                    explanations=self.kata.explanations)
        if diagnosis.code == "ignores_keyword":
            example = next(e for e in items if not e.comparison.passed)
            diagnosis.message = diagnosis.message.replace(
                "{kwargs}", ", ".join(f"{k}={v!r}" for k, v in example.case.kwargs.items()))
        return diagnosis

    def is_gradient(self, name: str) -> bool:
        return self.gradient

    def cross_check(self, evidence: dict[str, list[Evidence]]) -> list[Diagnosis]:
        return []


def _leaves(template: Any) -> list[Leaf]:
    if isinstance(template, Leaf):
        return [template]
    items = template.values() if isinstance(template, dict) else template
    return [leaf for sub in items for leaf in _leaves(sub)]


class ValuePlan(ComparingPlan):
    def make_draw(self, case: Case, rng) -> _Draw:
        call = Call(self.check.function, tuple(case.args.values()), dict(case.kwargs))
        return _Draw(case, call, list(case.args))

    def build_template(self, draw: _Draw) -> Any:
        if "expected" not in draw.context:
            draw.context["expected"] = self.check.reference(**draw.case.args, **draw.case.kwargs)
        return self._template(draw.context["expected"])

    def _template(self, expected: Any) -> Any:
        outputs = self.check.outputs
        if isinstance(expected, tuple):
            return tuple(Leaf(name, np.asarray(v, dtype=np.float64), np.ndim(v) == 0)
                         for name, v in zip(outputs, expected))
        return Leaf(outputs[0], np.asarray(expected, dtype=np.float64), np.ndim(expected) == 0
                    and not isinstance(expected, np.ndarray))

    def expected_with_defaults(self, evidence: Evidence) -> np.ndarray:
        return np.asarray(self.check.reference(**evidence.case.args), dtype=np.float64)

    def alternatives(self, leaf_name: str) -> list[Alternative]:
        found = super().alternatives(leaf_name)
        if len(self.check.outputs) > 1:  # the default-keyword alternative is per output
            index = self.check.outputs.index(leaf_name)
            found[-1].produces = lambda e: np.asarray(self.check.reference(**e.case.args)[index], dtype=np.float64)
        return found


class GradientPlan(ComparingPlan):
    gradient = True
    against = "finite differences"

    def make_draw(self, case: Case, rng) -> _Draw:
        out = np.asarray(self.check.forward(**case.args, **case.kwargs), dtype=np.float64)
        if self.check.takes_dout:
            dout = rng.standard_normal(out.shape)
            args, names = (dout, *case.args.values()), ["dout", *case.args]
        else:
            dout = np.ones(out.shape)
            args, names = tuple(case.args.values()), list(case.args)
        context = {"dout": dout, "mistake_args": {"dout": dout} if self.check.takes_dout else {}}
        return _Draw(case, Call(self.check.function, args, dict(case.kwargs)), names, context=context)

    def build_template(self, draw: _Draw) -> Any:
        if "template" not in draw.context:
            leaves = []
            for name, input_name in self.check.grads.items():
                expected = finite_difference_vjp(self.check.forward, draw.case.args, draw.case.kwargs,
                                                  (input_name,), draw.context["dout"], h=draw.case.step)
                leaves.append(Leaf(name, expected, wrt=(input_name,)))
            draw.context["template"] = leaves[0] if len(leaves) == 1 else tuple(leaves)
        return draw.context["template"]

    def _input_of(self, leaf_name: str) -> str:
        return self.check.grads[leaf_name]

    def expected_with_defaults(self, evidence: Evidence) -> np.ndarray:
        return finite_difference_vjp(self.check.forward, evidence.case.args, {},
                                     (evidence.wrt,), evidence.context["dout"], h=evidence.case.step)

    def alternatives(self, leaf_name: str) -> list[Alternative]:
        found = super().alternatives(leaf_name)
        if self.check.takes_dout:
            input_name = self._input_of(leaf_name)

            def local_derivative(e: Evidence) -> np.ndarray:
                return finite_difference_vjp(self.check.forward, e.case.args, e.case.kwargs, (input_name,),
                                             np.ones_like(e.context["dout"]), h=e.case.step)
            found.append(Alternative(
                "ignores_upstream",
                "{var} does not use dout: it equals the local derivative alone, as if dout were all ones.",
                local_derivative))
        return found


class LossAndGradsPlan(ComparingPlan):
    """Loss against the reference; gradients against finite differences of the reference loss and,
    on the first draw, of the user's own loss."""

    def make_draw(self, case: Case, rng) -> _Draw:
        call = Call(self.check.function, tuple(case.args.values()), dict(case.kwargs))
        return _Draw(case, call, list(case.args))

    def _shape(self, case: Case) -> Any:
        returns = self.check.returns
        return returns(case) if callable(returns) else returns

    def build_template(self, draw: _Draw) -> Any:
        if "template" not in draw.context:
            def build(node):
                if isinstance(node, Loss):
                    value = self.check.loss(**draw.case.args, **draw.case.kwargs)
                    return Leaf(node.name, np.asarray(value, dtype=np.float64), scalar=True)
                if isinstance(node, Grad):
                    expected = finite_difference_vjp(self.check.loss, draw.case.args, draw.case.kwargs, node.path,
                                                     h=draw.case.step)
                    return Leaf(node.name, expected, wrt=node.path)
                if isinstance(node, dict):
                    return {k: build(v) for k, v in node.items()}
                return type(node)(build(v) for v in node)
            draw.context["template"] = build(self._shape(draw.case))
        return draw.context["template"]

    def is_gradient(self, name: str) -> bool:
        return any(leaf.name == name and leaf.wrt for leaf in _leaves(self.build_template(self.draws[0])))

    def row_name(self, leaf_name: str) -> str:
        if self.is_gradient(leaf_name):
            return f"{leaf_name} matches finite differences of the kata's loss"
        return f"{leaf_name} matches the reference"

    def tolerance(self, leaf: Leaf) -> float:
        return self.check.rtol if leaf.wrt else self.check.loss_rtol

    def expected_with_defaults(self, evidence: Evidence) -> np.ndarray:
        if evidence.wrt is None:
            return np.asarray(self.check.loss(**evidence.case.args), dtype=np.float64)
        leaf = next(l for l in _leaves(self.build_template(self.draws[0])) if l.wrt and l.wrt[0] == evidence.wrt)
        return finite_difference_vjp(self.check.loss, evidence.case.args, {}, leaf.wrt, h=evidence.case.step)

    # The user's own loss, probed around the first draw: two calls per entry of every gradient.
    def extra_calls(self) -> list[Call]:
        draw = next((d for d in self.draws if not d.case.stability), None)
        self.probes: list[tuple[str, tuple]] = []
        if draw is None:
            return []
        calls = []
        for leaf in _leaves(self.build_template(draw)):
            if not leaf.wrt:
                continue
            for index in np.ndindex(np.shape(leaf.expected)):
                for sign in (1, -1):
                    args = copy.deepcopy(draw.case.args)
                    get_at(args, leaf.wrt)[index] += sign * draw.case.step
                    calls.append(Call(self.check.function, tuple(args.values()), dict(draw.case.kwargs),
                                      return_inputs=False))
                self.probes.append((leaf.name, index))
        self.probe_draw = draw
        return calls

    def judge(self, outcomes: list[CallOutcome], timeout: float) -> Verdict:
        self.probe_outcomes = outcomes[len(self.draws):]
        return super().judge(outcomes[:len(self.draws)], timeout)

    def _own_gradients(self) -> dict[str, np.ndarray] | None:
        """Finite differences of the user's own loss at the first draw, or None if unavailable."""
        draw = self.probe_draw
        template = self.build_template(draw)
        loss_leaf_paths = []

        def find_loss(node, path):
            if isinstance(node, Leaf) and not node.wrt:
                loss_leaf_paths.append(path)
            elif isinstance(node, dict):
                for k, v in node.items():
                    find_loss(v, path + (k,))
            elif isinstance(node, (tuple, list)):
                for i, v in enumerate(node):
                    find_loss(v, path + (i,))
        find_loss(template, ())
        if len(loss_leaf_paths) != 1 or len(self.probe_outcomes) != 2 * len(self.probes):
            return None
        grads = {leaf.name: np.zeros(np.shape(leaf.expected)) for leaf in _leaves(template) if leaf.wrt}
        for n, (name, index) in enumerate(self.probes):
            plus, minus = self.probe_outcomes[2 * n], self.probe_outcomes[2 * n + 1]
            if not (plus.ok and minus.ok):
                return None
            try:
                values = [float(np.asarray(get_at(o.value, loss_leaf_paths[0]), dtype=np.float64))
                          for o in (plus, minus)]
            except Exception:
                return None
            grads[name][index] = (values[0] - values[1]) / (2 * draw.case.step)
        return grads

    def cross_check(self, evidence: dict[str, list[Evidence]]) -> list[Diagnosis]:
        """Tells "your loss is wrong" from "your gradients are not the derivative of your loss"."""
        template = self.build_template(self.draws[0])
        loss_names = [leaf.name for leaf in _leaves(template) if not leaf.wrt]
        grad_names = [leaf.name for leaf in _leaves(template) if leaf.wrt]
        loss_failed = any(not e.comparison.passed for name in loss_names for e in evidence.get(name, []))
        grads_failed = [n for n in grad_names if any(not e.comparison.passed for e in evidence.get(n, []))]
        if not loss_failed or not grads_failed or not getattr(self, "probes", None):
            return []
        own = self._own_gradients()
        if own is None:
            return []
        first = {n: next(e for e in evidence[n] if e.case is self.probe_draw.case) for n in grad_names}
        consistent = all(compare(first[n].got, own[n], self.check.rtol * 10).passed for n in grad_names)
        if consistent:
            return [Diagnosis("loss_mismatch", "your gradients are the derivative of your own loss, but that loss "
                                               "is not the kata's: fix the loss and the gradients will follow.",
                              loss_names[0], explanation=explain("loss_mismatch", loss_names[0],
                                                                 self.kata.explanations))]
        worst = max(grad_names, key=lambda n: compare(first[n].got, own[n], self.check.rtol).max_error)
        error = compare(first[worst].got, own[worst], self.check.rtol).max_error
        return [Diagnosis("forward_backward_mismatch",
                          f"{worst} does not match finite differences of your own loss either "
                          f"(max relative error {error:.2g}).", worst,
                          explanation=explain("forward_backward_mismatch", worst, self.kata.explanations))]


class OutcomePlan:
    def __init__(self, check: Outcome, rng, kata: Kata):
        self.check, self.kata = check, kata
        self.cases = list(check.cases(rng))
        self.calls = [Call(check.function, tuple(c.args.values()), dict(c.kwargs)) for c in self.cases]

    def judge(self, outcomes: list[CallOutcome], timeout: float) -> Verdict:
        verdict = Verdict()
        for case, call, outcome in zip(self.cases, self.calls, outcomes):
            if outcome.fault:
                verdict.rows.append(Row(f"{self.check.function} runs ({case.label})", False))
                verdict.diagnoses.append(fault_diagnosis(
                    outcome.fault, function=self.check.function, case=case, timeout=timeout,
                    explanations=self.kata.explanations,
                    call_text=describe_call(self.check.function, list(case.args), call.args, call.kwargs)))
                return verdict
        # An input modified in place is named first: it is often why the outcome is off too
        # (x shuffled without t, x normalized in place).
        mutated: list[str] = []
        for case, call, outcome in zip(self.cases, self.calls, outcomes):
            for name, before, after in zip(case.args, call.args, outcome.inputs_after or []):
                for changed in _changed(name, before, after, self.kata.restore_rtol):
                    if changed not in mutated:
                        mutated.append(changed)
        if mutated:
            _judge_mutation(verdict, self.check.function, mutated, self.kata)
        values = [o.value for o in outcomes]
        for finding in self.check.assess(self.cases, values):
            verdict.rows.append(Row(finding.name, finding.passed, finding.detail))
            if not finding.passed and finding.code:
                verdict.diagnoses.append(Diagnosis(finding.code, f"{self.check.function}: {finding.message}",
                                                   explanation=explain(finding.code, "", self.kata.explanations)))
        if not mutated:
            verdict.rows.append(Row("inputs left unchanged", True))
        return verdict


def _note_swapped_parameters(verdict: Verdict, plan, parameters: dict) -> None:
    """Arguments are passed by position: a signature with the task's names in another order is
    the likely cause of whatever failed, so the first diagnosis says so."""
    draws = getattr(plan, "draws", None)
    if not verdict.diagnoses or not draws:
        return
    expected = draws[0].names
    theirs = parameters.get(plan.check.function, {}).get("names", [])[:len(expected)]
    if len(theirs) == len(expected) and theirs != expected and sorted(theirs) == sorted(expected):
        first = verdict.diagnoses[0]
        note = (f"Your parameters are ({', '.join(theirs)}), but the checker calls "
                f"{plan.check.function}({', '.join(expected)}) by position: use the order of the task.")
        first.explanation = f"{note} {first.explanation}".strip()
        first.evidence["parameters"] = theirs


def _default_differs(theirs: Any, ours: Any) -> bool:
    if isinstance(ours, float) and isinstance(theirs, (int, float)) and not isinstance(theirs, bool):
        return abs(theirs - ours) > 1e-12 * max(abs(ours), 1e-300)
    return type(theirs) is not type(ours) or theirs != ours


def judge_defaults(expected: dict[str, dict], parameters: dict) -> tuple[Row | None, list[Diagnosis]]:
    """A default in a signature is part of the contract: the user's must be the task's."""
    problems = []
    for function, defaults in expected.items():
        signature = parameters.get(function)
        if not defaults or signature is None:
            continue
        for name, ours in defaults.items():
            if name not in signature["names"]:
                problems.append(f"{function} has no parameter {name} (the task's is {name}={ours!r})")
            elif name not in signature["defaults"]:
                problems.append(f"{function}'s {name} has no default (the task's is {name}={ours!r})")
            elif _default_differs(signature["defaults"][name], ours):
                problems.append(f"{function}'s default is {name}={signature['defaults'][name]!r}; "
                                f"the task's is {name}={ours!r}")
    if not any(expected.values()):
        return None, []
    row = Row("keyword defaults as in the task", not problems, "; ".join(problems))
    diagnoses = [Diagnosis("wrong_default", problems[0] + ".",
                           explanation="A default in a signature is part of the contract: callers omit the keyword "
                                       "and rely on it. Keep the stub's signature.")] if problems else []
    return row, diagnoses


PLANS = {Value: ValuePlan, Gradient: GradientPlan, LossAndGrads: LossAndGradsPlan, Outcome: OutcomePlan}


# --- the library call --------------------------------------------------------------------------

def run_kata(kata: Kata, runner: Runner, *, seed: int, file: str = "", timeout: float | None = None,
             defaults: dict[str, dict] | None = None) -> dict:
    """Runs every check of a kata through ``runner`` and returns the JSON-ready result."""
    started = time.perf_counter()
    timeout = timeout or kata.timeout
    plans = [PLANS[type(check)](check, np.random.default_rng([seed, i]), kata)
             for i, check in enumerate(kata.checks)]
    calls: list[Call] = [call for plan in plans for call in plan.calls]
    run = runner(calls)
    rows: list[Row] = []
    diagnoses: list[Diagnosis] = []
    if run.import_fault is not None:
        diagnoses.append(fault_diagnosis(run.import_fault, at_import=True, timeout=timeout))
        rows.append(Row("your file loads", False))
    else:
        position = 0
        for plan in plans:
            outcomes = run.outcomes[position:position + len(plan.calls)]
            position += len(plan.calls)
            if not outcomes and position > len(run.outcomes):
                break  # an earlier call ended the run
            verdict = plan.judge(outcomes, timeout)
            _note_swapped_parameters(verdict, plan, run.parameters)
            rows += verdict.rows
            diagnoses += verdict.diagnoses
            if any(d.code in ("timeout", "crashed") for d in verdict.diagnoses):
                break
    if run.import_fault is None and defaults:
        row, found = judge_defaults(defaults, run.parameters)
        if row is not None:
            rows.append(row)
            diagnoses += found
    diagnoses = merge_shared_causes(diagnoses)
    passed = bool(rows) and all(r.passed for r in rows) and not diagnoses
    return {
        "kata": kata.name,
        "file": file,
        "passed": passed,
        "seed": seed,
        "checks": [r.to_json() for r in rows],
        "diagnoses": [d.to_json() for d in diagnoses],
        "output": run.output,
        "seconds": round(time.perf_counter() - started, 3),
    }


def check_file(kata: Kata, path: str, *, seed: int, timeout: float | None = None) -> dict:
    timeout = timeout or kata.timeout

    def runner(calls: list[Call]) -> SandboxRun:
        return sandbox.run_calls(path, calls, seed=seed, timeout=timeout)
    return run_kata(kata, runner, seed=seed, file=str(path), timeout=timeout,
                    defaults=catalog.stub_defaults(kata))
