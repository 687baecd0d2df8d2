"""Runs the user's code in a child process and brings back what happened, as data.

One narrow interface: :func:`run_calls` takes the user's file and a list of calls and returns a
:class:`SandboxRun`. Every fault (syntax error, exception, hang, crash, a call to ``sys.exit``)
is a value in that result, never an exception that reaches the caller.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import isolation, protocol

CHILD_SCRIPT = Path(__file__).with_name("_child.py")
OUTPUT_LIMIT = 4000


@dataclass
class Call:
    """One evaluation of a user function: ``function(*args, **kwargs)``."""

    function: str  # what the user writes: a function, or the class a driver exercises
    args: tuple
    kwargs: dict = field(default_factory=dict)
    return_inputs: bool = True
    driver: str = ""  # "module:qualname" of a spec's driver, called driver(user_module, *args, **kwargs)
    label: str = ""  # the case's label: an Output of a later call names this call by (function, label)


@dataclass
class Fault:
    kind: str  # syntax_error | import_error | exception | exit | missing_function | timeout | crashed
    message: str
    type: str = ""
    file: str | None = None
    line: int | None = None
    code: str = ""
    offset: int | None = None
    function: str = ""  # the user's function or method the fault happened in ("Value.__rsub__")

    @classmethod
    def from_record(cls, record: dict) -> "Fault":
        return cls(kind=record["kind"], message=record.get("message", ""), type=record.get("type", ""),
                   file=record.get("file"), line=record.get("line"), code=record.get("code", ""),
                   offset=record.get("offset"), function=record.get("function", ""))


@dataclass
class CallOutcome:
    value: Any = None
    fault: Fault | None = None
    inputs_after: list | None = None
    kwargs_after: dict | None = None
    warnings: list = field(default_factory=list)  # [category, message, in_user_file, line]
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.fault is None


@dataclass
class SandboxRun:
    import_fault: Fault | None
    outcomes: list[CallOutcome]
    output: str = ""
    seconds: float = 0.0
    parameters: dict = field(default_factory=dict)  # function -> {"names": [...], "defaults": {...}}
    isolation: dict = field(default_factory=dict)  # piece -> {"state", "in_force", "detail"}


def _start_child(capture_path: str, crash_path: str) -> subprocess.Popen:
    """The child's start, in one place (a forkserver could replace it)."""
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    return subprocess.Popen(
        [sys.executable, "-I", str(CHILD_SCRIPT), capture_path, crash_path],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env=env, start_new_session=True,
    )


def _encode_call(call: Call) -> dict:
    return {
        "function": call.function,
        "args": [protocol.encode(a) for a in call.args],
        "kwargs": [[k, protocol.encode(v)] for k, v in call.kwargs.items()],
        "return_inputs": call.return_inputs,
        "driver": call.driver,
        "label": call.label,
    }


class _ImportFault(Exception):
    def __init__(self, fault: Fault):
        self.fault = fault


class _Done(Exception):
    pass


def _take_record(record: dict, outcomes: list[CallOutcome], parameters: dict, pieces: dict) -> None:
    event = record.get("event")
    if event == "isolation":
        for piece, status in (record.get("pieces") or {}).items():
            if isinstance(piece, str) and isinstance(status, dict):
                pieces[piece] = {"state": str(status.get("state", "")), "in_force": bool(status.get("in_force")),
                                 "detail": str(status.get("detail", ""))[:300]}
    if event == "imported":
        for name, signature in (record.get("parameters") or {}).items():
            parameters[name] = {"names": list(signature["names"]),
                                "keyword_only": list(signature.get("keyword_only", [])),
                                "defaults": {n: protocol.decode(v) for n, v in signature["defaults"]}}
    if event == "import_fault":
        raise _ImportFault(Fault.from_record(record["fault"]))
    if event == "done":
        raise _Done
    if event == "call":
        outcomes.append(CallOutcome(
            value=protocol.decode(record["value"]) if record.get("ok") else None,
            fault=None if record.get("ok") else Fault.from_record(record["fault"]),
            inputs_after=[protocol.decode(a) for a in record.get("inputs_after", [])] or None,
            kwargs_after={k: protocol.decode(v) for k, v in record.get("kwargs_after", [])},
            warnings=record.get("warnings", []),
            seconds=record.get("seconds", 0.0),
        ))


def _imported(stream: bytes) -> bool:
    """Whether the child reported the user's file imported (calls may have run after that)."""
    for payload in protocol.unframe(stream):
        try:
            if protocol.loads(payload).get("event") == "imported":
                return True
        except Exception:
            return False
    return False


def _user_frame(crash_report: str, user_path: str) -> tuple[str | None, int | None]:
    """The innermost frame in the user's file from a faulthandler dump (innermost comes first)."""
    pattern = re.compile(r'File "(.+)", line (\d+)')
    for match in pattern.finditer(crash_report):
        if os.path.abspath(match.group(1)) == user_path:
            return user_path, int(match.group(2))
    return None, None


def _describe_exit(returncode: int) -> str:
    if returncode == -getattr(signal, "SIGXFSZ", -1000):
        return "the process running your code was stopped for printing more than 16 MB"
    if returncode == -getattr(signal, "SIGXCPU", -1000):
        return "the process running your code used up its CPU time"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"the process running your code was killed by {name}"
    return f"the process running your code ended abruptly with exit status {returncode}"


def _modules_to_preload(calls: list[Call]) -> list[str]:
    """The modules of every driver and function reference: the child imports them before it is
    isolated, since afterwards it cannot read the checker's source."""
    found = {call.driver.partition(":")[0] for call in calls if call.driver}

    def walk(value):
        if isinstance(value, protocol.FunctionRef):
            found.add(value.target.partition(":")[0])
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
    for call in calls:
        walk(call.args)
        walk(call.kwargs)
    return sorted(found)


DEFAULT_MEMORY = isolation.Policy.memory


def run_calls(path: str | os.PathLike, calls: list[Call], *, seed: int, timeout: float,
              memory: int | None = None) -> SandboxRun:
    import time

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kata-") as private:
        capture_path = os.path.join(private, "output.txt")
        crash_path = os.path.join(private, "crash.txt")
        scratch = os.path.join(private, "scratch")
        os.mkdir(scratch)
        request = protocol.dumps({
            "path": str(Path(path).resolve()),
            "seed": int(seed),
            "calls": [_encode_call(c) for c in calls],
            "preload": _modules_to_preload(calls),
            "scratch": scratch,
            "timeout": float(timeout),
            "memory": int(memory or DEFAULT_MEMORY),
        })
        process = _start_child(capture_path, crash_path)
        timed_out = False
        try:
            stream, _ = process.communicate(request, timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            isolation.stop_tree(process)
            stream, _ = process.communicate()
        finally:
            isolation.stop_tree(process)  # every process the answer started ends with the check
        try:
            with open(capture_path, encoding="utf-8", errors="replace") as handle:
                output = handle.read(OUTPUT_LIMIT * 4)
        except OSError:
            output = ""
        try:
            with open(crash_path, encoding="utf-8", errors="replace") as handle:
                crash_report = handle.read(20000)
        except OSError:
            crash_report = ""

    import_fault: Fault | None = None
    outcomes: list[CallOutcome] = []
    finished = False
    garbled = False
    parameters: dict = {}
    pieces: dict = {}
    for payload in protocol.unframe(stream):
        try:
            _take_record(protocol.loads(payload), outcomes, parameters, pieces)
        except _ImportFault as fault:
            import_fault = fault.fault
            finished = True
        except _Done:
            finished = True
        except Exception:
            # Only user code can garble the channel (a write to a descriptor it does not own).
            garbled = True
            break

    records = protocol.unframe(stream)
    if not finished and not timed_out and process.returncode == 0 and \
            sum(8 + len(r) for r in records) < len(stream):
        garbled = True  # it ended normally, so what is left over was unreadable, not cut off
    if garbled:
        finished = False
    if not finished:
        if garbled:
            fault = Fault("crashed", "the process running your code sent results the checker could not read "
                                     "(did it write to a file descriptor it does not own?)")
        elif timed_out:
            fault = Fault("timeout", f"did not finish within {timeout:g} s")
        else:
            fault = Fault("crashed", _describe_exit(process.returncode))
            fault.file, fault.line = _user_frame(crash_report, str(Path(path).resolve()))
            if fault.line:
                fault.code = protocol.source_line(fault.file, fault.line)
        if import_fault is None and not outcomes \
                and not _imported(stream):
            import_fault = fault  # it never got past the import
        else:
            outcomes.append(CallOutcome(fault=fault))
    return SandboxRun(import_fault=import_fault, outcomes=outcomes, parameters=parameters, isolation=pieces,
                      output=output[-OUTPUT_LIMIT:], seconds=time.perf_counter() - started)
