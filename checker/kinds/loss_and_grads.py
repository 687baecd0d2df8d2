"""LossAndGrads: the loss against the reference; the gradients against finite differences of
the reference loss and, on one draw, of the user's own loss, which tells "your loss is wrong"
from "your gradients are not the derivative of your loss"."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..diagnosis import explain
from ..numeric import call_with, compare, finite_difference_vjp, get_at
from ..result import Diagnosis
from ..sandbox import Call
from ..spec import Grad, Loss, LossAndGrads, Output
from ..structure import Leaf, iter_leaves, map_leaves
from .comparing import Context, Draw, Judged, Kind, Plan, make_call


@dataclass
class Probe:
    """One call of the user's function at a draw with one entry of one input moved by ±step."""

    call: Call
    draw: int  # which draw of the plan is probed
    leaf: str
    shape: tuple  # of the input the leaf is the gradient of
    index: tuple
    sign: int


def _returns(check: LossAndGrads, case) -> Any:
    return check.returns(case) if callable(check.returns) else check.returns


class LossAndGradsKind(Kind):
    def plan(self, check: LossAndGrads, rng: np.random.Generator) -> Plan:
        draws = [Draw(case, make_call(check, case, tuple(case.args.values())), list(case.args))
                 for case in check.cases(rng)]
        return Plan(check, draws, self._probes(check, draws))

    def _probes(self, check: LossAndGrads, draws: list[Draw]) -> list[Probe]:
        number = next((i for i, d in enumerate(draws) if not d.case.stability
                       and not any(isinstance(v, Output) for v in d.case.args.values())), None)
        if number is None:
            return []
        draw, probes = draws[number], []
        for _, node in iter_leaves(_returns(check, draw.case)):
            if not isinstance(node, Grad):
                continue
            shape = np.shape(get_at(draw.case.args, node.path))
            for index in np.ndindex(shape):
                for sign in (1, -1):
                    args = copy.deepcopy(draw.case.args)
                    get_at(args, node.path)[index] += sign * draw.case.step
                    call = make_call(check, draw.case, tuple(args.values()), return_inputs=False)
                    call.label = ""  # a probe is never fed to a later call
                    probes.append(Probe(call, number, node.name, shape, index, sign))
        return probes

    def expected(self, check: LossAndGrads, draw: Draw, kwargs: dict) -> Any:
        case = draw.case

        def build(node):
            if isinstance(node, Loss):
                value = call_with(check.loss, case.args, kwargs)
                return Leaf(node.name, np.asarray(value, dtype=np.float64), scalar=True)
            expected = finite_difference_vjp(check.loss, case.args, kwargs, node.path, h=case.step)
            return Leaf(node.name, expected, wrt=node.path)
        return map_leaves(build, _returns(check, case))

    def row_name(self, check: LossAndGrads, leaf: Leaf) -> str:
        if leaf.wrt:
            return f"{leaf.name} matches finite differences of the kata's loss"
        return f"{leaf.name} matches the reference"

    def tolerance(self, check: LossAndGrads, leaf: Leaf) -> float:
        return check.rtol if leaf.wrt else check.loss_rtol

    def _own_gradients(self, check: LossAndGrads, plan: Plan, outcomes: list) -> dict | None:
        """Central differences of the user's own loss at the probed draw, or None if unavailable."""
        if not plan.probes or len(outcomes) != len(plan.probes):
            return None
        case = plan.draws[plan.probes[0].draw].case
        loss_paths = [path for path, node in iter_leaves(_returns(check, case)) if isinstance(node, Loss)]
        if len(loss_paths) != 1:
            return None
        grads: dict[str, np.ndarray] = {}
        for probe, outcome in zip(plan.probes, outcomes):
            if not outcome.ok:
                return None
            try:
                loss = float(np.asarray(get_at(outcome.value, loss_paths[0]), dtype=np.float64))
            except Exception:  # the user's structure is wrong: the ordinary draws report it
                return None
            grad = grads.setdefault(probe.leaf, np.zeros(probe.shape))
            grad[probe.index] += probe.sign * loss / (2 * case.step)
        return grads

    def cross_check(self, check: LossAndGrads, plan: Plan, judged: Judged, outcomes: list,
                    ctx: Context) -> list[Diagnosis]:
        ordinary = {name: items for (name, extreme), items in judged.evidence.items() if not extreme}
        loss_names = [n for n in ordinary if n not in judged.gradients]
        grad_names = [n for n in ordinary if n in judged.gradients]
        loss_failed = any(not e.comparison.passed for n in loss_names for e in ordinary[n])
        grads_failed = any(not e.comparison.passed for n in grad_names for e in ordinary[n])
        if not (loss_failed and grads_failed):
            return []
        own = self._own_gradients(check, plan, outcomes)
        if own is None:
            return []
        probed = plan.probes[0].draw
        first = {n: next((e for e in ordinary[n] if e.context["draw"] == probed), None) for n in grad_names}
        if any(first[n] is None or n not in own for n in grad_names):
            return []
        if all(compare(first[n].got, own[n], check.rtol * 10).passed for n in grad_names):
            return [Diagnosis("loss_mismatch", "your gradients are the derivative of your own loss, but that loss "
                                               "is not the kata's: fix the loss and the gradients will follow.",
                              loss_names[0], explanation=explain("loss_mismatch", loss_names[0], ctx.explanations))]
        worst = max(grad_names, key=lambda n: compare(first[n].got, own[n], check.rtol).max_error)
        error = compare(first[worst].got, own[worst], check.rtol).max_error
        return [Diagnosis("forward_backward_mismatch",
                          f"{worst} does not match finite differences of your own loss either "
                          f"(max relative error {error:.2g}).", worst,
                          explanation=explain("forward_backward_mismatch", worst, ctx.explanations))]
