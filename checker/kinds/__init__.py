"""One module per kind of check. Each kind plans its calls and says what a draw should return;
the comparing kinds share one judge (comparing.judge), the outcome kind has its own.

A kind's module is imported when a check of that kind is first planned: a check loads what it uses."""

from __future__ import annotations

import importlib

# check type (a class of checker.spec): (module, kind class, module of its judge)
_KINDS = {"Value": ("value", "ValueKind", "comparing"), "Gradient": ("gradient", "GradientKind", "comparing"),
          "LossAndGrads": ("loss_and_grads", "LossAndGradsKind", "comparing"),
          "Outcome": ("outcome", "OutcomeKind", "outcome")}
_loaded: dict = {}


def _kind(check_type):
    """(the kind, its judge) of a type of check."""
    if check_type not in _loaded:
        from .. import spec  # loaded by then, with the kata's spec entry

        if getattr(spec, check_type.__name__, None) is not check_type:
            raise TypeError(f"not a kind of check: {check_type!r}")
        module, kind, judge = _KINDS[check_type.__name__]
        kind = getattr(importlib.import_module(f"{__name__}.{module}"), kind)()
        _loaded[check_type] = (kind, importlib.import_module(f"{__name__}.{judge}").judge)
    return _loaded[check_type]


def plan(check, rng):
    return _kind(type(check))[0].plan(check, rng)


def judge(plan_, outcomes, ctx):
    kind, judge_ = _kind(type(plan_.check))
    return judge_(kind, plan_, outcomes, ctx)
