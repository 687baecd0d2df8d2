"""Value: the user's result equals the reference's (forward passes, losses, optimizers)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..numeric import call_with
from ..spec import Value
from ..structure import Leaf
from .comparing import Draw, Kind, Plan, make_call


def _leaf(name: str, value: Any) -> Leaf:
    scalar = np.ndim(value) == 0 and not isinstance(value, np.ndarray)
    return Leaf(name, np.asarray(value, dtype=np.float64), scalar)


class ValueKind(Kind):
    def plan(self, check: Value, rng: np.random.Generator) -> Plan:
        draws = [Draw(case, make_call(check, case, tuple(case.args.values())), list(case.args))
                 for case in check.cases(rng)]
        return Plan(check, draws)

    def expected(self, check: Value, draw: Draw, kwargs: dict) -> Any:
        value = call_with(check.reference, draw.case.args, kwargs)
        if isinstance(value, tuple):
            return tuple(_leaf(name, v) for name, v in zip(check.outputs, value))
        return _leaf(check.outputs[0], value)
