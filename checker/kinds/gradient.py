"""Gradient: the user's backward equals the finite-difference VJP of a reference forward,
d/dx sum(forward(x) * dout), for every input it asks a gradient of."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..diagnosis import Alternative, Evidence
from ..numeric import call_with, finite_difference_vjp
from ..spec import Gradient
from ..structure import Leaf
from .comparing import Draw, Kind, Memo, Plan, make_call


class GradientKind(Kind):
    against = "finite differences"

    def plan(self, check: Gradient, rng: np.random.Generator) -> Plan:
        draws = []
        for case in check.cases(rng):
            out = np.asarray(call_with(check.forward, case.args, case.kwargs), dtype=np.float64)
            if check.takes_dout:
                dout = rng.standard_normal(out.shape)
                args, names = (dout, *case.args.values()), ["dout", *case.args]
            else:
                dout = None
                args, names = tuple(case.args.values()), list(case.args)
            draws.append(Draw(case, make_call(check, case, args), names, dout))
        return Plan(check, draws)

    def expected(self, check: Gradient, draw: Draw, kwargs: dict, ones: bool = False) -> Any:
        leaves = []
        for name, input_name in check.grads.items():
            dout = 1.0 if draw.dout is None or ones else draw.dout
            expected = finite_difference_vjp(check.forward, draw.case.args, kwargs, (input_name,), dout,
                                             h=draw.case.step)
            leaves.append(Leaf(name, expected, wrt=(input_name,)))
        return leaves[0] if len(leaves) == 1 else tuple(leaves)

    def alternatives(self, check: Gradient, leaf: Leaf, memo: Memo) -> list[Alternative]:
        if not check.takes_dout:
            return []
        local: dict[int, Any] = {}

        def local_derivative(e: Evidence) -> np.ndarray:
            index = e.context["draw"]
            if index not in local:
                local[index] = self.expected(check, memo.draws[index], e.case.kwargs, ones=True)
            found = local[index] if isinstance(local[index], tuple) else (local[index],)
            return next(l.expected for l in found if l.name == leaf.name)
        return [Alternative("ignores_upstream",
                            "{var} does not use dout: it equals the local derivative alone, as if dout were "
                            "all ones.", local_derivative)]
