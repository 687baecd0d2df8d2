"""Outcome: a function is run and its results judged by the spec's ``assess`` (a training run
reaches a held-out accuracy; a random mask keeps entries at the rate asked)."""

from __future__ import annotations

import numpy as np

from ..contracts import judge_mutation, mutated_inputs
from ..diagnosis import explain
from ..result import Diagnosis, Row, Verdict
from ..sandbox import CallOutcome
from ..spec import Outcome
from .comparing import Context, Draw, Kind, Plan, _fault, make_call, resolve


class OutcomeKind(Kind):
    def plan(self, check: Outcome, rng: np.random.Generator) -> Plan:
        draws = [Draw(case, make_call(check, case, tuple(case.args.values())), list(case.args))
                 for case in check.cases(rng)]
        return Plan(check, draws)


def judge(kind: OutcomeKind, plan: Plan, outcomes: list[CallOutcome], ctx: Context) -> Verdict:
    check: Outcome = plan.check
    verdict = Verdict()
    for draw, outcome in zip(plan.draws, outcomes):
        if outcome.fault:
            verdict.rows.append(Row(f"{check.function} runs ({draw.case.label})", False))
            verdict.diagnoses.append(_fault(check, draw, outcome, ctx))
            return verdict
    # An input modified in place is named first: it is often why the outcome is off too
    # (x shuffled without t, x normalized in place).
    mutated = [m for draw, outcome in zip(plan.draws, outcomes)
               for m in mutated_inputs(draw, outcome, ctx.kata.restore_rtol)]
    if mutated:
        judge_mutation(verdict, check.function, mutated, ctx.explanations)
    cases = [resolve(d.case, ctx.outputs) for d in plan.draws]
    for finding in check.assess(cases, [o.value for o in outcomes]):
        verdict.rows.append(Row(finding.name, finding.passed, finding.detail))
        if not finding.passed and finding.code:
            verdict.diagnoses.append(Diagnosis(finding.code, f"{check.function}: {finding.message}",
                                               explanation=explain(finding.code, "", ctx.explanations)))
    if not mutated:
        verdict.rows.append(Row("inputs left unchanged", True))
    return verdict
