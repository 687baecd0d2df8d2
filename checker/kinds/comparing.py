"""The judge shared by the kinds that compare returned values (Value, Gradient, LossAndGrads).

A kind says how to draw (its calls), what each draw should return (a template of Leafs, from
the reference or from finite differences), and which mistakes its kind makes likely; this module
does the rest, the same way for all three: faults first, then structure, types and shapes, then
values, a row per returned variable (over every draw, so structure may vary), extreme inputs on
their own row, inputs modified in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from ..contracts import judge_mutation, mutated_inputs
from ..diagnosis import Alternative, Evidence, diagnose_values, explain
from ..faults import describe_call, fault_diagnosis
from ..numeric import compare
from ..result import Diagnosis, Row, Verdict
from ..sandbox import Call, CallOutcome
from ..spec import Case, Output
from ..structure import Leaf, describe_template, leaf_problem, leaves, match

EXTREME_EXPLANATION = ("Something loses the answer at the extremes without overflowing: a probability clipped "
                       "(1e-15) or underflowing to 0 before a log, a difference of two huge numbers. Keep the "
                       "computation in a form that stays exact there, such as log-sum-exp.")


@dataclass
class Draw:
    """One planned call: the case, the call as sent, the argument names in call order."""

    case: Case
    call: Call
    names: list[str]
    dout: np.ndarray | None = None


@dataclass
class Plan:
    check: Any
    draws: list[Draw]
    probes: list = field(default_factory=list)  # kind-specific extra calls, judged by the kind

    @property
    def calls(self) -> list[Call]:
        return [d.call for d in self.draws] + [p.call for p in self.probes]


@dataclass
class Context:
    """What every judge needs besides the plan and the outcomes."""

    kata: Any
    timeout: float
    outputs: dict  # {(function, case label): the value that call returned}
    defaults: dict  # {function: {keyword: default}} from the stub

    @property
    def explanations(self) -> dict[str, str]:
        return self.kata.explanations


def driver_target(driver: Callable | None) -> str:
    return f"{driver.__module__}:{driver.__qualname__}" if driver else ""


def make_call(check, case: Case, args: tuple, **extra) -> Call:
    return Call(check.function, args, dict(case.kwargs), driver=driver_target(getattr(check, "driver", None)),
                label=case.label, **extra)


def resolve(case: Case, outputs: dict) -> Case:
    """The case with every Output argument replaced by what that earlier call returned."""
    def value(v):
        if not isinstance(v, Output):
            return v
        found = outputs[(v.function, v.case)]
        for key in v.path:
            if not isinstance(found, (tuple, list, dict)):
                raise LookupError("the earlier result has another structure")
            found = found[key]
        return found
    if not any(isinstance(v, Output) for v in [*case.args.values(), *case.kwargs.values()]):
        return case
    return Case(**{**case.__dict__, "args": {k: value(v) for k, v in case.args.items()},
                   "kwargs": {k: value(v) for k, v in case.kwargs.items()}})


class Kind:
    """How one kind of check plans and what it expects; the judging is shared."""

    against = "the reference"

    def plan(self, check, rng: np.random.Generator) -> Plan:
        raise NotImplementedError

    def expected(self, check, draw: Draw, kwargs: dict) -> Any:
        """The template of what the draw should return, with these keyword arguments."""
        raise NotImplementedError

    def row_name(self, check, leaf: Leaf) -> str:
        return f"{leaf.name} matches {self.against}"

    def tolerance(self, check, leaf: Leaf) -> float:
        return check.rtol

    def alternatives(self, check, leaf: Leaf, memo: "Memo") -> list[Alternative]:
        return []

    def cross_check(self, check, plan: Plan, judged: "Judged", probe_outcomes: list, ctx: Context) -> list:
        return []


class Memo:
    """Expected templates of one judge call, each computed once: the draw's own, and one per keyword
    reset to its default (every ``ignores_keyword`` alternative of every leaf reuses it)."""

    def __init__(self, kind: Kind, check, draws: list[Draw]):
        self.kind, self.check, self.draws = kind, check, draws
        self._templates: dict = {}

    def template(self, index: int, without: str | None = None) -> Any:
        key = (index, without)
        if key not in self._templates:
            draw = self.draws[index]
            kwargs = {k: v for k, v in draw.case.kwargs.items() if k != without}
            if without is None:
                self._templates[key] = self.kind.expected(self.check, draw, kwargs)
            else:
                try:
                    self._templates[key] = self.kind.expected(self.check, draw, kwargs)
                except Exception:  # the default does not fit this draw (dout is shaped for stride=2)
                    self._templates[key] = None
        return self._templates[key]

    def leaf(self, index: int, name: str, without: str | None = None) -> Leaf | None:
        template = self.template(index, without)
        return None if template is None else next((leaf for leaf in leaves(template) if leaf.name == name), None)


@dataclass
class Judged:
    """The evidence of every draw: per (variable, extreme inputs?), in draw order."""

    evidence: dict = field(default_factory=dict)
    names: list = field(default_factory=list)  # every leaf name, in order of first appearance
    gradients: set = field(default_factory=set)
    mutated: list = field(default_factory=list)
    unstable: list = field(default_factory=list)  # non-finite results on extreme inputs
    warned: list = field(default_factory=list)  # numpy warnings on extreme inputs
    blocking: Diagnosis | None = None


def _keyword_explains_shape(memo: Memo, index: int, leaf: Leaf, got: Any, ctx: Context) -> Diagnosis | None:
    """A wrong shape that is the shape the defaults give: a keyword ignored (an unused stride)."""
    draw = memo.draws[index]
    for keyword, value in draw.case.kwargs.items():
        alternative = memo.leaf(index, leaf.name, without=keyword)
        if alternative is not None and np.shape(got) == np.shape(alternative.expected) != np.shape(leaf.expected):
            default = ctx.defaults.get(draw.call.function, {}).get(keyword, "its default")
            return Diagnosis("ignores_keyword", f"{leaf.name} has shape {np.shape(got)}, the shape for "
                                                f"{keyword}={default!r}; this call passed {keyword}={value!r}.",
                             leaf.name, explanation=explain("ignores_keyword", leaf.name, ctx.explanations),
                             evidence={"keyword": keyword})
    return None


def _structure(memo: Memo, index: int, outcome: CallOutcome, ctx: Context) -> tuple[list, Diagnosis | None]:
    """[(leaf, value as float64)] of one draw, or the first problem with its structure or types."""
    pairs, problem = match(outcome.value, memo.template(index))
    checked = []
    for leaf, got in pairs:
        problem, value = leaf_problem(leaf, got, outcome.warnings, ctx.explanations)
        if problem and problem.code in ("wrong_shape", "transposed"):
            problem = _keyword_explains_shape(memo, index, leaf, got, ctx) or problem
        if problem:
            break
        checked.append((leaf, value))
    return checked, problem


def _stability_warning(outcome: CallOutcome) -> str | None:
    # Underflow to 0 is what a stable formula does at the extremes; it is not a failure.
    warned = [w for w in outcome.warnings if w[0] == "RuntimeWarning" and "underflow" not in w[1]
              and any(word in w[1] for word in ("overflow", "invalid", "divide by zero"))]
    return warned[0][1] if warned else None


def _fault(check, draw: Draw, outcome: CallOutcome, ctx: Context) -> Diagnosis:
    return fault_diagnosis(outcome.fault, function=check.function, case=draw.case, timeout=ctx.timeout,
                           explanations=ctx.explanations, driven=bool(draw.call.driver),
                           call_text=describe_call(check.function, draw.names, draw.call.args, draw.call.kwargs))


def collect(kind: Kind, check, memo: Memo, outcomes: list[CallOutcome], ctx: Context) -> Judged:
    judged = Judged()
    for index, (draw, outcome) in enumerate(zip(memo.draws, outcomes)):
        if outcome.fault:
            judged.blocking = _fault(check, draw, outcome, ctx)
            return judged
        checked, problem = _structure(memo, index, outcome, ctx)
        if problem:
            problem.message = f"{check.function}: {problem.message.rstrip('.')} ({draw.case.label})."
            problem.evidence.setdefault("draw", draw.case.label)
            if draw.case.stability and problem.code in ("non_finite", "overflow"):
                judged.unstable.append(problem)  # judged on its own row; the ordinary draws get theirs
                continue
            judged.blocking = problem
            return judged
        warning = _stability_warning(outcome) if draw.case.stability else None
        if warning:
            judged.warned.append(f"numpy warned “{warning}” ({draw.case.label})")
        for leaf, value in checked:
            if leaf.name not in judged.names:
                judged.names.append(leaf.name)
            if leaf.wrt:
                judged.gradients.add(leaf.name)
            comparison = compare(value, leaf.expected, kind.tolerance(check, leaf), check.floor)
            item = Evidence(draw.case, value, np.asarray(leaf.expected, dtype=np.float64), comparison,
                            wrt=leaf.wrt[0] if leaf.wrt else None,
                            context={"dout": draw.dout, "draw": index, "leaf": leaf})
            judged.evidence.setdefault((leaf.name, draw.case.stability), []).append(item)
        judged.mutated += mutated_inputs(draw, outcome, ctx.kata.restore_rtol)
    return judged


def mistake_alternatives(check, name: str) -> list[Alternative]:
    """The spec's classic mistakes for one variable: what the mistaken code returns on a draw."""
    found = []
    for mistake in check.mistakes:
        if mistake.variable not in (name, "*"):
            continue

        def produces(e: Evidence, mistake=mistake):
            args = ({"dout": e.context["dout"]} if e.context.get("dout") is not None else {}) | e.case.args
            return mistake.produces(*args.values(), **e.case.kwargs)
        found.append(Alternative(mistake.code, mistake.message, produces))
    return found


def keyword_alternatives(memo: Memo, name: str, failing: list[Evidence], ctx: Context) -> list[Alternative]:
    """One per keyword passed on the failing draws: the value the task's default would give."""
    keywords = dict.fromkeys(k for e in failing for k in e.case.kwargs)
    found = []
    for keyword in keywords:
        default = ctx.defaults.get(memo.check.function, {}).get(keyword, "its default")

        def produces(e: Evidence, keyword=keyword):
            leaf = memo.leaf(e.context["draw"], name, without=keyword)
            return None if leaf is None else leaf.expected
        example = next(e.case.kwargs[keyword] for e in failing if keyword in e.case.kwargs)
        found.append(Alternative(
            "ignores_keyword",
            f"{{var}} ignores {keyword}: it matches {keyword}={default!r} (the default), not the "
            f"{keyword}={example!r} this call passed.",
            produces, applies=lambda e, keyword=keyword: keyword in e.case.kwargs))
    return found


def diagnose(kind: Kind, check, memo: Memo, name: str, items: list[Evidence], gradient: bool,
             ctx: Context) -> Diagnosis:
    failing = [e for e in items if not e.comparison.passed]
    alternatives = (mistake_alternatives(check, name) + keyword_alternatives(memo, name, failing, ctx)
                    + kind.alternatives(check, failing[0].context["leaf"], memo))
    return diagnose_values(name, items, rtol=check.rtol, gradient=gradient, alternatives=alternatives,
                           explanations=ctx.explanations)


def _blocked(kind: Kind, check, memo: Memo, judged: Judged) -> Verdict:
    rows = [Row("returns the right types and shapes", False)]
    try:
        names = [leaf for leaf in leaves(memo.template(0))]
    except Exception:  # the first draw's expected value needs an output that never came
        names = []
    rows += [Row(kind.row_name(check, leaf), None) for leaf in names]
    rows.append(Row("inputs left unchanged", None))
    return Verdict(rows, [judged.blocking])


def _stability(kind: Kind, check, memo: Memo, judged: Judged, verdict: Verdict, ctx: Context) -> None:
    """Extreme inputs on their own row: a variable wrong there only is a stability problem."""
    labels = [d.case.label for d in memo.draws if d.case.stability]
    if not labels:
        return
    extreme = {name: items for (name, is_extreme), items in judged.evidence.items() if is_extreme}
    failing = [name for name, items in extreme.items() if not all(e.comparison.passed for e in items)]
    # A variable already wrong on ordinary inputs has its diagnosis; saying it again for the extreme
    # ones would send the user looking for a stability bug that is not there.
    already = {d.variable for d in verdict.diagnoses}
    unexplained = [name for name in failing if name not in already]
    errors = [e.comparison.max_error for items in extreme.values() for e in items]
    passed = not failing and not judged.warned and not judged.unstable
    verdict.rows.append(Row("stable on extreme inputs", passed, "; ".join(labels),
                            max(errors) if errors and not judged.unstable else None))
    if judged.unstable:
        verdict.diagnoses.append(judged.unstable[0])
    elif judged.warned:
        code = "overflow" if "overflow" in judged.warned[0] else "non_finite"
        verdict.diagnoses.append(Diagnosis(code, f"{check.function}: {judged.warned[0]}.",
                                           explanation=explain(code, "", ctx.explanations)))
    elif unexplained:
        name = unexplained[0]
        diagnosis = diagnose(kind, check, memo, name, extreme[name], name in judged.gradients, ctx)
        diagnosis.message += " It is right on ordinary inputs: only the extreme ones fail."
        diagnosis.explanation = ctx.explanations.get("extreme", EXTREME_EXPLANATION)
        verdict.diagnoses.append(diagnosis)


def _shape_row(memo: Memo, judged: Judged) -> Row:
    ordinary = [d.case.label for d in memo.draws if not d.case.stability]
    extreme = "; extreme inputs" if len(ordinary) < len(memo.draws) else ""
    returned = describe_template(memo.template(0)) if judged.names else "its results"
    return Row(f"returns {returned} with the right types and shapes", True,
               f"{len(memo.draws)} draws: " + "; ".join(ordinary) + extreme)


def judge(kind: Kind, plan: Plan, outcomes: list[CallOutcome], ctx: Context) -> Verdict:
    check = plan.check
    draws = [Draw(resolve(d.case, ctx.outputs), d.call, d.names, d.dout) if outcome.ok else d
             for d, outcome in zip(plan.draws, outcomes)]
    memo = Memo(kind, check, draws)
    judged = collect(kind, check, memo, outcomes[:len(draws)], ctx)
    if judged.blocking is not None:
        return _blocked(kind, check, memo, judged)
    verdict = Verdict([_shape_row(memo, judged)])
    by_leaf = {leaf.name: leaf for d in range(len(draws)) for leaf in leaves(memo.template(d))}
    for name in judged.names:
        items = judged.evidence.get((name, False))
        if not items:
            continue
        passed = all(e.comparison.passed for e in items)
        title = f" ({check.title})" if getattr(check, "title", "") else ""
        verdict.rows.append(Row(kind.row_name(check, by_leaf[name]) + title, passed,
                                max_rel_error=max(e.comparison.max_error for e in items)))
        if not passed:
            verdict.diagnoses.append(diagnose(kind, check, memo, name, items, name in judged.gradients, ctx))
    verdict.diagnoses += kind.cross_check(check, plan, judged, outcomes[len(draws):], ctx)
    _stability(kind, check, memo, judged, verdict, ctx)
    judge_mutation(verdict, check.function, judged.mutated, ctx.explanations)
    return verdict
