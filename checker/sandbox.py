"""Runs the user's code in a child process and brings back what happened, as data.

One narrow interface: :func:`run_calls` takes the user's file and a list of calls and returns a
:class:`SandboxRun`. Every fault (syntax error, exception, hang, crash, a call to ``sys.exit``)
is a value in that result, never an exception that reaches the caller.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import select
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import channel, protocol, warm
from .shared_inputs import SharedInputs
from .protocol import ChannelError
from .text import inert

CHILD_SCRIPT = Path(__file__).with_name("_child.py")
OUTPUT_LIMIT = 4000
OUTPUT_LINES = 100
LINGER = 0.2  # seconds the channel may stay open after the child has ended (a process it left holds it)


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
    def from_record(cls, record) -> "Fault":
        """A fault the child reported, every field checked (a ChannelError if one is malformed)."""
        return cls(**channel.fault_fields(record))


@dataclass
class CallOutcome:
    value: Any = None
    fault: Fault | None = None
    inputs_after: list | None = None  # as the child reports them
    kwargs_after: dict | None = None
    inputs_in_memory: list | None = None  # positional then keyword, as this process read them back (shared_inputs)
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


def _start_child(capture_path: str, crash_path: str, shared_fd: int | None = None):
    """A child in a fresh interpreter: the fallback where the warm process cannot be had (a subprocess.Popen)."""
    import subprocess

    return subprocess.Popen(
        [sys.executable, "-I", str(CHILD_SCRIPT), capture_path, crash_path],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env=warm.child_environment(), start_new_session=True, pass_fds=[] if shared_fd is None else [shared_fd],
    )


def _run_cold(request: bytes, capture_path: str, crash_path: str, timeout: float,
              shared_fd: int | None = None) -> tuple[bytes, object, bool]:
    """(result stream, the ended process, whether it timed out) of a child in a fresh interpreter."""
    from . import isolation  # the cold path only: a check through the warm process never needs it here

    process = _start_child(capture_path, crash_path, shared_fd)
    timed_out = False
    try:
        stream, timed_out = _read_cold(process, request, timeout)
    finally:
        isolation.stop_tree(process)  # every process the answer started ends with the check
    return stream, process, timed_out


def _encode_call(call: Call, shared: SharedInputs | None = None) -> dict:
    return {
        "function": call.function,
        "args": [protocol.encode(a, shared=shared) for a in call.args],
        "kwargs": [[k, protocol.encode(v, shared=shared)] for k, v in call.kwargs.items()],
        "return_inputs": call.return_inputs,
        "driver": call.driver,
        "label": call.label,
    }


def _write_request(pipe, request: bytes) -> None:
    try:
        pipe.write(request)
        pipe.close()
    except (OSError, ValueError):
        pass  # the child has already ended: what it sent says why


def _read_cold(process, request: bytes, timeout: float) -> tuple[bytes, bool]:
    """(what the child sent, whether it timed out): read until the channel closes, the timeout passes, the
    child sends more than a check accepts (channel.ChannelBuffer), or the child has ended but a process it
    left behind still holds the channel open."""
    import threading

    threading.Thread(target=_write_request, args=(process.stdin, request), daemon=True).start()
    buffer, descriptor = channel.ChannelBuffer(), process.stdout.fileno()
    deadline, ended_at = time.monotonic() + timeout, None
    while True:
        now = time.monotonic()
        if now >= deadline:
            return buffer.data(), True
        if ended_at is None and process.poll() is not None:
            ended_at = now
        if ended_at is not None and now - ended_at > LINGER:
            return buffer.data(), False
        ready, _, _ = select.select([descriptor], [], [], min(0.05, deadline - now))
        if ready:
            chunk = os.read(descriptor, 1 << 20)
            if not chunk or not buffer.feed(chunk):
                return buffer.data(), False


def _read_records(stream: bytes) -> tuple[channel.Records, Fault | None]:
    """The records of the stream, and the fault that ends it when it could not be read to its end."""
    records = channel.Records()
    too_much = channel.stream_problem(stream)
    if too_much:
        hint = " (does your code return far larger arrays than the kata asks for?)" if "MB" in too_much else ""
        return records, Fault("crashed", f"the process running your code {too_much}{hint}")
    payloads, budget = protocol.unframe(stream), [protocol.MAX_NODES]
    try:
        for payload in payloads:
            records.take(protocol.loads(payload, budget))
    except ChannelError as exc:
        why = str(exc)
    except Exception as exc:  # whatever else a forged record makes the decoding raise is the same fault
        why = f"a record the checker could not decode ({type(exc).__name__})"
    else:
        if records.phase != "done" or sum(8 + len(p) for p in payloads) == len(stream):
            return records, None
        why = "bytes after its last record"
    # Only user code can garble the channel (a write to a descriptor it does not own).
    return records, Fault("crashed", f"the process running your code sent results the checker could not read "
                                     f"({why}; did it write to a file descriptor it does not own?)")


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


def _private_directory() -> str:
    """A fresh directory only this user can enter (tempfile's would do, but it loads shutil and its
    compression modules on every check)."""
    base = os.environ.get("TMPDIR") or "/tmp"
    for _ in range(20):
        candidate = os.path.join(base, f"kata-{os.urandom(8).hex()}")
        try:
            os.mkdir(candidate, 0o700)
            return candidate
        except FileExistsError:
            continue
        except OSError:
            break
    import tempfile  # an odd TMPDIR: tempfile knows where else to look

    return tempfile.mkdtemp(prefix="kata-")


def _remove_private_directory(path: str) -> None:
    """Removes it with whatever the answer left in its scratch."""
    try:  # what a check leaves: two files and an empty scratch, unless the answer wrote there
        for name in ("output.txt", "crash.txt"):
            if os.path.lexists(os.path.join(path, name)):
                os.unlink(os.path.join(path, name))
        if os.path.isdir(os.path.join(path, "scratch")):
            os.rmdir(os.path.join(path, "scratch"))
        os.rmdir(path)
    except OSError:
        import shutil

        shutil.rmtree(path, ignore_errors=True)


DEFAULT_MEMORY = 2 * 2**30  # bytes of address space (isolation.Policy.memory)
MOST_SECONDS = 3600.0  # the longest timeout a check may have (kata check --timeout): a child's bound until its calls


class Session:
    """One check's child, started before its calls are drawn: while the parent imports the kata and what
    judges, and draws the inputs, the child forks, isolates itself and imports the answer. Then :meth:`run`
    (once), or close() if run() is never called.

    preload: the modules of the drivers and function references the calls will name (a call naming another
    one, or no warm process, and run() starts a child for the whole request instead). timeout: the most a
    call may take, which run(calls, timeout) may lower once the kata is known.
    """

    def __init__(self, path: str | os.PathLike, *, preload: list[str], seed: int, timeout: float,
                 memory: int | None = None):
        self.began = time.perf_counter()
        self.path, self.timeout, self.preload = str(Path(path).resolve()), timeout, sorted(set(preload))
        self.private = _private_directory()
        self.capture, self.crash = os.path.join(self.private, "output.txt"), os.path.join(self.private, "crash.txt")
        os.mkdir(os.path.join(self.private, "scratch"))
        self.fields = {"path": self.path, "seed": int(seed), "scratch": os.path.join(self.private, "scratch"),
                       "timeout": float(timeout), "memory": int(memory or DEFAULT_MEMORY)}
        self.shared = SharedInputs()  # the calls' input arrays, which this process reads back itself
        self.started = warm.begin(protocol.dumps(dict(self.fields, preload=self.preload)), self.preload,
                                  self.capture, self.crash, timeout, self.shared.fd)

    def run(self, calls: list[Call], timeout: float | None = None) -> SandboxRun:
        if timeout is not None and timeout < self.timeout:
            self.timeout = self.fields["timeout"] = float(timeout)
        try:
            encoded, preload = [_encode_call(c, self.shared) for c in calls], _modules_to_preload(calls)
            if self.shared.available:
                self.shared.write()
            placed = {"calls": encoded, "shared_size": self.shared.size, "timeout": self.fields["timeout"]}
            if self.started is not None and set(preload) <= set(self.preload):
                started, self.started = self.started, None  # finish owns it now, whatever happens
                ran = warm.finish(started, protocol.dumps(placed), self.timeout)
            else:  # no warm process (a fresh interpreter, then), or a call names a module not preloaded
                had_warm = self.started is not None
                self._abandon()
                ran = had_warm and warm.run(protocol.dumps(dict(self.fields, **placed, preload=preload)), preload,
                                            self.capture, self.crash, self.timeout, self.shared.fd)
            if not ran:  # the fresh interpreter gets the shared file by number
                request = protocol.dumps(dict(self.fields, **placed, preload=preload, shared_fd=self.shared.fd))
                ran = _run_cold(request, self.capture, self.crash, self.timeout, self.shared.fd)
            stream, process, timed_out = ran
            output, crash_report = _read_text(self.capture, OUTPUT_LIMIT * 4), _read_text(self.crash, 20000)
            in_memory = [self._inputs_in_memory(call) for call in encoded]
        finally:
            self.close()
        run = _sandbox_run(stream, process, timed_out, output, crash_report, self, len(calls))
        for outcome, inputs in zip(run.outcomes, in_memory):
            outcome.inputs_in_memory = inputs
        return run

    def _inputs_in_memory(self, call: dict) -> list | None:
        """A call's arguments (positional, then keyword) as the shared file holds them once the child ended."""
        if not self.shared.available or not call["return_inputs"]:
            return None
        return [protocol.decode(tree, shared=self.shared) for tree in call["args"] + [v for _, v in call["kwargs"]]]

    def _abandon(self) -> None:
        if self.started is not None:
            started, self.started = self.started, None
            warm.abandon(started)

    def close(self) -> None:
        self._abandon()
        self.shared.close()
        if self.private:
            _remove_private_directory(self.private)
            self.private = ""


def _read_text(path: str, limit: int) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(limit)
    except OSError:
        return ""


def run_calls(path: str | os.PathLike, calls: list[Call], *, seed: int, timeout: float,
              memory: int | None = None) -> SandboxRun:
    """Runs the calls in one child: a Session started and run at once."""
    session = Session(path, preload=_modules_to_preload(calls), seed=seed, timeout=timeout, memory=memory)
    return session.run(calls)


def _sandbox_run(stream: bytes, process, timed_out: bool, output: str, crash_report: str,
                 session: Session, calls: int) -> SandboxRun:
    """What happened, from the channel's records and how the child ended."""
    timeout, user_path = session.timeout, session.path
    records, fault = _read_records(stream)
    if fault is None and records.phase == "done" and records.imported and len(records.calls) != calls:
        # Only the answer can end the records early: it wrote a "done" of its own, then left.
        fault = Fault("crashed", f"the process running your code said it was done after {len(records.calls)} of "
                                 f"{calls} calls (did it write to a file descriptor it does not own?)")
        records.calls, records.phase = [], "imported"  # none of its records can be believed
    elif fault is not None:  # a channel written to by the answer: none of its records can be believed
        records.calls, records.import_fault = [], None
    import_fault = Fault(**records.import_fault) if records.import_fault else None
    outcomes = [CallOutcome(**dict(c, fault=c["fault"] and Fault(**c["fault"]))) for c in records.calls]
    if fault is None and records.phase != "done":
        if timed_out:
            fault = Fault("timeout", f"did not finish within {timeout:g} s")
        elif process.returncode == 0 and sum(8 + len(p) for p in protocol.unframe(stream)) < len(stream):
            fault = Fault("crashed", "the process running your code sent results the checker could not read "
                                     "(did it write to a file descriptor it does not own?)")
        else:
            fault = Fault("crashed", _describe_exit(process.returncode))
            fault.file, fault.line = _user_frame(crash_report, user_path)
            if fault.line:
                fault.code = inert(protocol.source_line(fault.file, fault.line))
    if fault is not None:
        if records.imported:
            outcomes.append(CallOutcome(fault=fault))
        else:
            import_fault = fault  # it never got past the import
    output = "\n".join(inert(line) for line in output[-OUTPUT_LIMIT:].split("\n")[-OUTPUT_LINES:])
    return SandboxRun(import_fault=import_fault, outcomes=outcomes, parameters=records.parameters,
                      isolation=records.pieces, output=output, seconds=time.perf_counter() - session.began)
