"""One module per kind of check. Each kind plans its calls and says what a draw should return;
the comparing kinds share one judge (comparing.judge), the outcome kind has its own."""

from __future__ import annotations

from ..spec import Gradient, LossAndGrads, Outcome, Value
from . import comparing, outcome
from .gradient import GradientKind
from .loss_and_grads import LossAndGradsKind
from .outcome import OutcomeKind
from .value import ValueKind

KINDS = {Value: ValueKind(), Gradient: GradientKind(), LossAndGrads: LossAndGradsKind(), Outcome: OutcomeKind()}
JUDGES = {Value: comparing.judge, Gradient: comparing.judge, LossAndGrads: comparing.judge, Outcome: outcome.judge}


def plan(check, rng):
    return KINDS[type(check)].plan(check, rng)


def judge(plan_, outcomes, ctx):
    kind = type(plan_.check)
    return JUDGES[kind](KINDS[kind], plan_, outcomes, ctx)
