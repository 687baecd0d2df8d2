"""A fault of the user's code (an exception, a hang, a crash, a missing function) as a diagnosis.

A fault in a class kata often happens inside the user's method while a driver of the spec runs it;
the diagnosis then names that method (``Value.__rsub__``) and its line. When no frame of the user's
file was running (Python could not find a method at all), it says so instead of pointing anywhere.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .result import Diagnosis
from .sandbox import Fault
from .spec import Case


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


def fault_diagnosis(fault: Fault, *, explanations: dict[str, str] | None = None, function: str = "",
                    call_text: str = "", case: Case | None = None, at_import: bool = False, timeout: float = 0.0,
                    driven: bool = False) -> Diagnosis:
    """The diagnosis of a fault, in the kata's own words where it has some for that code.

    ``driven``: the call was a spec's driver exercising the user's class, so the culprit is the
    user's method the fault happened in (``fault.function``), or no line of theirs at all.
    """
    if driven:
        function = fault.function or f"your {function}"
    context = _Context(fault, function, case, at_import, timeout, driven)
    diagnosis = _BY_KIND.get(fault.kind, _crashed)(context)
    if call_text and not driven:
        diagnosis.evidence.setdefault("call", call_text)
    if explanations and diagnosis.code in explanations:
        diagnosis.explanation = explanations[diagnosis.code]
    return diagnosis


class _Context:
    def __init__(self, fault: Fault, function: str, case: Case | None, at_import: bool, timeout: float,
                 driven: bool):
        self.fault, self.function, self.case = fault, function, case
        self.at_import, self.timeout, self.driven = at_import, timeout, driven
        self.location = ({"file": fault.file, "line": fault.line, "code": fault.code, "offset": fault.offset}
                         if fault.line else None)

    @property
    def where(self) -> str:
        return f" ({self.case.label})" if self.case else ""

    def moment(self) -> str:
        return "while your file was being imported" if self.at_import else f"in {self.function}{self.where}"


def _syntax_error(c: _Context) -> Diagnosis:
    return Diagnosis("syntax_error", f"{c.fault.type} on line {c.fault.line}: {c.fault.message}",
                     explanation="Python could not read your file; nothing was run. Fix the line below.",
                     location=c.location)


def _import_error(c: _Context) -> Diagnosis:
    return Diagnosis("import_error", f"importing your file failed: {c.fault.type}: {c.fault.message}",
                     explanation="Only numpy and the standard library are available to a kata answer.",
                     location=c.location)


def _missing_function(c: _Context) -> Diagnosis:
    return Diagnosis("missing_function", f"your file defines no function named `{c.fault.message}`.",
                     explanation="Keep the function names and signatures of the stub (kata show).")


def _exception(c: _Context) -> Diagnosis:
    fault = c.fault
    if fault.type == "NotImplementedError":
        return Diagnosis("not_implemented", f"{c.function} is not implemented yet: it raises NotImplementedError.",
                         explanation="Replace the `raise NotImplementedError` with your answer, then check again.",
                         location=c.location)
    if fault.type == "OutputLimit":
        return Diagnosis("exception", f"{c.function or 'your code'} {fault.message}",
                         explanation="Print less: a few shapes, not every step of a loop.", location=c.location)
    if fault.type == "ProcessRefused":
        return Diagnosis("exception", f"{c.function or 'your code'} {fault.message}{c.where}.",
                         explanation="A kata answer runs in the one process the checker gives it: compute the "
                                     "result in the function itself, with numpy.", location=c.location)
    if fault.type == "ThreadLeftRunning":
        return Diagnosis("exception", f"{c.function or 'your code'} {fault.message}{c.where}",
                         explanation="Compute the result in the function itself and return it; join any thread "
                                     "you start before returning.", location=c.location)
    message = f"{c.function + ' ' if c.function else ''}raised {fault.type}: {fault.message}"
    if c.at_import:
        explanation = "It happened while your file was being imported, before any check ran."
    elif c.driven and not fault.line:
        explanation = ("No line of your file was running: Python itself refused the operation, so a method it "
                       "needs is missing or returns the wrong type (NotImplemented, a float instead of a Value).")
    elif c.driven:
        explanation = "Read the line above: the checker was building an expression with your class when it failed."
    else:
        explanation = "Read the line above with the shapes of the call below in mind."
    return Diagnosis("exception", message + c.where if c.driven else message, explanation=explanation,
                     location=c.location)


def _forbidden_import(c: _Context) -> Diagnosis:
    return Diagnosis("forbidden_import", f"{c.fault.message} {c.moment()}.",
                     explanation="A kata answer uses numpy and the standard library only: no autograd framework, "
                                 "and nothing of the checker or its reference solutions.", location=c.location)


def _exit(c: _Context) -> Diagnosis:
    return Diagnosis("crashed", f"your code called sys.exit({c.fault.message or 'None'}) {c.moment()}.",
                     explanation="A kata answer returns its result; it never ends the process.",
                     location=c.location)


def _timeout(c: _Context) -> Diagnosis:
    moment = "importing your file" if c.at_import else f"{c.function}{c.where}"
    return Diagnosis("timeout", f"{moment} did not finish within {c.timeout:g} s.",
                     explanation="Look for a loop whose condition never changes, or one that runs far more "
                                 "often than you think (kata check --timeout S allows more time).")


def _crashed(c: _Context) -> Diagnosis:
    moment = "while your file was being imported" if c.at_import else f"while running {c.function}{c.where}"
    return Diagnosis("crashed", f"{c.fault.message} {moment}.",
                     explanation="A crash of the interpreter itself: a segfault in native code, os._exit, "
                                 "or running out of memory.", location=c.location)


_BY_KIND = {"syntax_error": _syntax_error, "import_error": _import_error, "missing_function": _missing_function,
            "exception": _exception, "exit": _exit, "timeout": _timeout,
            "forbidden_import": _forbidden_import}
