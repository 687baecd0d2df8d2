"""The gradient-check engine: plans every call a kata's checks need, has a runner evaluate them,
and judges what came back, in float64, in a process that never ran the user's code.

This module only orchestrates: each kind of check (checker/kinds/) plans and judges itself, the
contract checks (checker/contracts.py) apply to every kata, and the result (checker/result.py) is
assembled here and nowhere else. :func:`run_kata` is the library call (a spec and a runner in, a
:class:`Result` out, nothing printed); :func:`check_file` binds it to the sandbox.
"""

from __future__ import annotations

import importlib
import time
from typing import TYPE_CHECKING, Callable

import numpy as np

from . import catalog, confinement, kinds, sandbox
from .sandbox import Call, SandboxRun

if TYPE_CHECKING:  # the spec's vocabulary loads with the kata's spec entry, after the child has started
    from .spec import Kata

Runner = Callable[[list[Call]], SandboxRun]
# What a check imports once its child has started (see start_child).
JUDGE_MODULES = ("checker.contracts", "checker.diagnosis", "checker.faults", "checker.result", "checker.structure",
                 "checker.numeric", "checker.draws", "checker.kinds.comparing", "checker.kinds.value",
                 "checker.kinds.gradient", "checker.kinds.loss_and_grads", "checker.kinds.outcome",
                 "checker.progress", "checker.report", "checker.commands.interview", "numpy.ma", "rich._emoji_codes")


def _outputs(calls: list[Call], run: SandboxRun) -> dict:
    """{(function, case label): value} of every call that returned, for the calls fed by them."""
    return {(call.function, call.label): outcome.value for call, outcome in zip(calls, run.outcomes)
            if call.label and outcome.ok}


def run_kata(kata: Kata, runner: Runner, *, seed: int, file: str = "", timeout: float | None = None,
             defaults: dict[str, dict] | None = None):
    """Runs every check of a kata through ``runner`` and returns its result."""
    # Imported here, not above: check_file starts the child first, and these load while it starts.
    from .contracts import judge_defaults, note_swapped_parameters
    from .diagnosis import merge_shared_causes
    from .faults import fault_diagnosis
    from .kinds.comparing import Context
    from .result import Result, Row

    started = time.perf_counter()
    timeout = timeout or kata.timeout
    plans = [kinds.plan(check, np.random.default_rng([seed, i])) for i, check in enumerate(kata.checks)]
    calls = [call for plan in plans for call in plan.calls]
    run = runner(calls)
    result = Result(kata.name, file, seed, rows=[], diagnoses=[], output=run.output, isolation=run.isolation)
    if run.import_fault is not None:
        result.diagnoses.append(fault_diagnosis(run.import_fault, at_import=True, timeout=timeout))
        result.rows.append(Row("your file loads", False))
    else:
        ctx = Context(kata, timeout, _outputs(calls, run), defaults or {})
        position = 0
        for plan in plans:
            outcomes = run.outcomes[position:position + len(plan.calls)]
            position += len(plan.calls)
            if not outcomes:
                break  # an earlier call ended the run
            verdict = kinds.judge(plan, outcomes, ctx)
            if plan.draws:
                note_swapped_parameters(verdict.diagnoses, plan.check.function, plan.draws[0].names,
                                        run.parameters)
            result.rows += verdict.rows
            result.diagnoses += verdict.diagnoses
            if any(d.code in ("timeout", "crashed") for d in verdict.diagnoses):
                break
        contract = judge_defaults(defaults or {}, run.parameters)
        result.rows += contract.rows
        result.diagnoses += contract.diagnoses
    result.diagnoses = merge_shared_causes(result.diagnoses)
    result.seconds = time.perf_counter() - started
    return result


def start_child(name: str, path: str, *, seed: int, timeout: float | None = None,
                memory: int | None = None) -> sandbox.Session:
    """The child of a check of kata ``name``, started at once: it isolates itself and imports the answer
    while this process imports the kata and draws the inputs. Needs nothing but the name (no spec entry
    loaded yet), so a command can call it first; check_file(..., child=) then runs it.

    Where the kernel will not keep the answer from writing outside its scratch directory, all this process
    needs is imported first: nothing the answer could have written is imported once it runs."""
    if not confinement.files_confined():
        for module in (f"checker.specs.{name}", *JUDGE_MODULES):
            try:
                importlib.import_module(module)
            except ImportError:
                pass  # an unknown kata: the catalog says so later
        from rich.cells import cell_len

        cell_len("✓ é")  # rich loads its table of character widths on first use
    return sandbox.Session(path, preload=catalog.child_modules(name), seed=seed,
                           timeout=timeout or sandbox.MOST_SECONDS, memory=memory)


def check_file(kata: Kata, path: str, *, seed: int, timeout: float | None = None,
               child: sandbox.Session | None = None, memory: int | None = None) -> dict:
    """Checks the user's file in the sandbox; returns the JSON-ready result.

    The child starts first (start_child, unless it was started already with the same path and seed)."""
    timeout = timeout or kata.timeout
    child = child or start_child(kata.name, path, seed=seed, timeout=timeout, memory=memory)
    try:
        return run_kata(kata, lambda calls: child.run(calls, timeout), seed=seed, file=str(path), timeout=timeout,
                        defaults=catalog.stub_defaults(kata)).to_json()
    finally:
        child.close()
