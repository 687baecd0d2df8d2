"""The child process: imports the user's file and evaluates the calls the parent asks for.

It decides nothing. For each call it sends back what happened (the returned value, the
exception with the user's file and line, the warnings numpy raised, the inputs as they were
after the call), one framed record at a time, so that a hang or crash loses only the call in
flight. Run as ``python -I _child.py CAPTURE_PATH CRASH_PATH`` with the request on standard input.
"""

import os
import sys

# The child is started in isolated mode (-I) so that nothing in the user's folder shadows our
# modules; it finds its own package from its location, installed or not.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import errno  # noqa: E402
import faulthandler  # noqa: E402
import gc  # noqa: E402
import importlib.util  # noqa: E402
import random  # noqa: E402
import signal  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
import types  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402

from checker import _forbidden as forbidden, isolation, protocol  # noqa: E402
from checker.shared_inputs import map_in_child  # noqa: E402

_write = os.write
# Bound before the answer is imported: it may rebind the modules' own names.
_settrace, _setprofile, _gc_disable, _setitimer = sys.settrace, sys.setprofile, gc.disable, signal.setitimer
_TIMERS = [getattr(signal, name) for name in ("ITIMER_REAL", "ITIMER_VIRTUAL", "ITIMER_PROF") if hasattr(signal, name)]
OUTPUT_FILE_LIMIT = 16 * 2**20
_perf_counter = time.perf_counter


def _send(channel: int, record: dict) -> None:
    data = protocol.frame(protocol.dumps(record))
    while data:
        written = _write(channel, data)
        data = data[written:]


def _describe_exception(exc: BaseException, user_path: str, function=None) -> dict:
    """The exception, located at the deepest frame that is in the user's file."""
    where_file, where_line, where_function = None, None, ""
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if os.path.abspath(frame.f_code.co_filename) == user_path:
            where_file, where_line = user_path, lineno
            where_function = getattr(frame.f_code, "co_qualname", frame.f_code.co_name)
    code = getattr(function, "__code__", None) if isinstance(function, types.FunctionType) else None
    if where_line is None and isinstance(code, types.CodeType):
        # Raised before the body ran (a call with the wrong arguments): point at the def.
        if os.path.abspath(code.co_filename) == user_path:
            where_file, where_line = user_path, code.co_firstlineno
    if isinstance(exc, OSError) and exc.errno == errno.EOPNOTSUPP and isolation.processes_refused():
        return {"kind": "exception", "type": "ProcessRefused", "file": where_file, "line": where_line,
                "code": protocol.source_line(user_path, where_line), "function": where_function,
                "message": "tried to start a process (a fork, subprocess or multiprocessing), which the checker "
                           "refuses"}
    if isinstance(exc, OSError) and exc.errno == errno.EFBIG:
        return {"kind": "exception", "type": "OutputLimit", "file": where_file, "line": where_line,
                "code": protocol.source_line(user_path, where_line),
                "message": f"printed more than {OUTPUT_FILE_LIMIT // 2**20} MB of output and was stopped "
                           f"(a print inside a loop that never ends?)"}
    if forbidden.is_forbidden(exc):
        kind = "forbidden_import"
    elif isinstance(exc, SystemExit):
        kind = "exit"
    elif isinstance(exc, ImportError):
        kind = "import_error"
    else:
        kind = "exception"
    try:
        message = str(exc)
    except Exception:
        message = "<the exception's message could not be shown>"
    if kind == "forbidden_import" and isinstance(exc, PermissionError):  # a read the kernel refused
        message = (f"a kata answer may not read the checker's files or the reference solutions "
                   f"({exc.filename}): the point is to write the backward yourself")
    return {
        "kind": kind,
        "type": type(exc).__name__,
        "message": message[:2000],
        "file": where_file,
        "line": where_line,
        "code": protocol.source_line(user_path, where_line),
        "function": "" if where_function == "<module>" else where_function,
    }


def _import_user_module(path: str):
    forbidden.forbid_imports()
    with open(path, "rb") as handle:
        source = handle.read()
    try:
        code = compile(source, path, "exec")
    except SyntaxError as exc:  # IndentationError and TabError included
        return None, {
            "kind": "syntax_error",
            "type": type(exc).__name__,
            "message": exc.msg,
            "file": path,
            "line": exc.lineno,
            "offset": exc.offset,
            "code": (exc.text or protocol.source_line(path, exc.lineno)).rstrip("\n"),
        }
    except ValueError as exc:  # source with null bytes
        return None, {"kind": "syntax_error", "type": "ValueError", "message": str(exc),
                      "file": path, "line": None, "code": ""}
    spec = importlib.util.spec_from_file_location("user_attempt", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["user_attempt"] = module
    try:
        _run_answer(exec, (code, module.__dict__), {})
    except KeyboardInterrupt:
        raise
    except BaseException as exc:
        return None, _describe_exception(exc, path)
    return module, None


def _run_answer(function, args, kwargs):
    """Runs code of the answer's, with the ways into this process refused while it runs (checker/_forbidden.py)."""
    forbidden.guard_answer()
    try:
        return function(*args, **kwargs)
    finally:
        forbidden.unguard()


def _parameters(module, functions: list) -> dict:
    """The parameter names of each function the checker will call, so it can spot a swapped order."""
    found = {}
    for name in set(functions):
        function = getattr(module, name, None)
        # A plain function only: an object's __code__ or __defaults__ could be anything, or raise.
        code = function.__code__ if isinstance(function, types.FunctionType) else None
        if isinstance(code, types.CodeType):
            positional = list(code.co_varnames[:code.co_argcount])
            keyword_only = list(code.co_varnames[code.co_argcount:code.co_argcount + code.co_kwonlyargcount])
            defaults = getattr(function, "__defaults__", None)
            defaults = defaults if isinstance(defaults, tuple) else ()
            with_defaults = list(zip(positional[len(positional) - len(defaults):], defaults)) if defaults else []
            keyword_defaults = getattr(function, "__kwdefaults__", None)
            if isinstance(keyword_defaults, dict):
                with_defaults += [(n, v) for n, v in keyword_defaults.items() if n in keyword_only]
            found[name] = {"names": positional, "keyword_only": keyword_only,
                           "defaults": [[n, protocol.encode(v)] for n, v in with_defaults]}
    return found


def _missing_output() -> dict:
    return {"ok": False, "fault": {"kind": "exception", "type": "LookupError", "file": None, "line": None,
                                   "code": "", "message": "an earlier result this call is fed was not returned"}}


def _run_call(module, call: dict, user_path: str, outputs: dict, shared) -> tuple[dict, object]:
    """Runs one call; returns the record to send and the value itself (kept for later calls)."""
    name = call["function"]
    function = getattr(module, name, None)
    if function is None or not callable(function):
        return {"ok": False, "fault": {"kind": "missing_function", "type": "", "message": name,
                                       "file": None, "line": None, "code": ""}}, None
    try:
        args = [protocol.decode(a, resolve_functions=True, outputs=outputs, shared=shared) for a in call["args"]]
        kwargs = {k: protocol.decode(v, resolve_functions=True, outputs=outputs, shared=shared)
                  for k, v in call["kwargs"]}
    except (LookupError, TypeError):
        return _missing_output(), None
    if call.get("driver"):
        driver = protocol.FunctionRef(call["driver"]).resolve()
        args, function = [module, *args], driver
    value = None
    record: dict = {}
    inputs = args[1:] if call.get("driver") else list(args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with np.errstate(all="warn"):
            started = _perf_counter()
            try:
                value = _run_answer(function, args, kwargs)
                seconds = _perf_counter() - started
                _settle()
                # The inputs first, before anything of the answer's could run again; and from here on nothing
                # of it does: the value and the warnings are read without calling a method of theirs.
                after = _inputs_after(call, inputs, kwargs)
                record = {"ok": True, "value": protocol.encode(value)}
                if _threads_left():
                    record = {"ok": False, "fault": _thread_fault(user_path, function)}
            except KeyboardInterrupt:
                raise
            except BaseException as exc:
                seconds = _perf_counter() - started
                _settle()
                after = _inputs_after(call, inputs, kwargs)
                record = {"ok": False, "fault": _describe_exception(exc, user_path, function)}
            record["seconds"] = seconds
    record["warnings"] = [_warning(w, user_path) for w in caught[:20]]
    record.update(after)
    gc.enable()
    return record, value


def _inputs_after(call: dict, inputs: list, kwargs: dict) -> dict:
    if not call.get("return_inputs"):
        return {}
    return {"inputs_after": [protocol.encode(a) for a in inputs],
            "kwargs_after": [[k, protocol.encode(v)] for k, v in kwargs.items()]}


_EXCEPTION_ARGS = BaseException.__dict__["args"].__get__


def _warning(caught, user_path: str) -> list:
    """[category, message, raised in the user's file, line] of a warning, read without running anything of
    it (a Warning subclass of the answer's could run code in __str__ or a metaclass's __name__)."""
    category, message = caught.category, caught.message
    name = protocol.class_name(category).rpartition(".")[2] if isinstance(category, type) else "Warning"
    if type(message) is str:
        text = message
    elif issubclass(type(message), BaseException):
        text = " ".join(a for a in _EXCEPTION_ARGS(message) if type(a) is str)
    else:
        text = ""
    filename = caught.filename if type(caught.filename) is str else ""
    return [name, text[:300], bool(filename) and os.path.abspath(filename) == user_path,
            caught.lineno if type(caught.lineno) is int else None]


def _settle() -> None:
    """Once the answer's function has returned, none of its code runs while the result is read: no trace
    or profile hook, no timer signal, no collection that could call one of its finalizers."""
    _settrace(None)
    _setprofile(None)
    _gc_disable()
    for timer in _TIMERS:
        _setitimer(timer, 0)


def _threads_left() -> bool:
    """Whether a thread of the answer's still runs (it could change a result after it is read)."""
    return len(sys._current_frames()) > 1


def _thread_fault(user_path: str, function) -> dict:
    fault = _describe_exception(RuntimeError(), user_path, function)
    fault.update(type="ThreadLeftRunning", message="left a thread running after it returned: a thread can change "
                 "the inputs or the result after the checker has read them")
    return fault



def _read_calls(descriptor: int) -> dict:
    """The calls (and the size of the shared input file), sent on their own pipe once the parent has drawn
    them: the answer is imported meanwhile."""
    chunks = []
    while chunk := os.read(descriptor, 1 << 20):
        chunks.append(chunk)
    os.close(descriptor)
    return protocol.loads(b"".join(chunks))


def main(request: dict | None = None, channel: int | None = None, capture_path: str = "",
         crash_path: str = "", calls_pipe: int | None = None, shared_fd: int | None = None) -> None:
    """Runs one check. A fresh interpreter reads its request on stdin and answers on stdout; a child
    forked by the warm server (checker/warm.py) is handed its request and its channel, and, when the request
    has no calls yet, the pipe they come on: it is isolated and has imported the answer by then."""
    if request is None:
        capture_path, crash_path = sys.argv[1], sys.argv[2]
        request = protocol.loads(sys.stdin.buffer.read())
        channel = os.dup(1)
    # Whatever the user's code prints (Python or C level) goes to the capture file, never
    # into the channel that carries results.
    capture = open(capture_path, "w", buffering=1, encoding="utf-8", errors="replace")
    os.dup2(capture.fileno(), 1)
    os.dup2(capture.fileno(), 2)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    sys.stdin = open(os.devnull)
    # A hard crash (segfault) dumps the Python stack here, so the parent can point at the user's line.
    faulthandler.enable(file=open(crash_path, "w"))

    printed_to = (sys.stdout, sys.stderr)  # the streams themselves: the answer may rebind sys.stdout
    user_path = os.path.abspath(request["path"])
    # Everything of ours this process will need comes in now: once isolated, it cannot read the
    # checker's source (nor the reference solutions, nor the workspace).
    for module_name in request.get("preload", []):
        importlib.import_module(module_name)
    statuses = isolation.isolate(isolation.Policy(scratch=request["scratch"], answer=user_path,
                                                  timeout=request["timeout"], memory=request["memory"]))
    _send(channel, {"event": "isolation", "pieces": isolation.as_dict(statuses)})
    seed = request["seed"]
    np.random.seed(seed % 2**32)
    random.seed(seed)
    module, fault = _import_user_module(user_path)
    if fault is not None:
        _send(channel, {"event": "import_fault", "fault": fault})
        return
    if "calls" not in request:  # they come once the parent has drawn them, with their own timeout
        request = dict(request, **_read_calls(calls_pipe))
        isolation.limit_cpu(request["timeout"])
    calls = request["calls"]
    _send(channel, {"event": "imported", "parameters": _parameters(module, [c["function"] for c in calls])})
    if shared_fd is None:
        shared_fd = request.get("shared_fd")  # a fresh interpreter: passed by number
    shared = map_in_child(shared_fd, request.get("shared_size", 0)) if shared_fd is not None else None
    outputs: dict = {}
    run_call, send = _run_call, _send  # local: the answer rebinding this module's names changes nothing here
    for index, call in enumerate(calls):
        np.random.seed((seed + index) % 2**32)
        random.seed(seed + index)
        record, value = run_call(module, call, user_path, outputs, shared)
        if record.get("ok") and call.get("label"):
            outputs[(call["function"], call["label"])] = value
        record.update(event="call", index=index)
        send(channel, record)
    for stream in printed_to:  # what was printed is in the capture file before "done" is read
        try:
            stream.flush()
        except Exception:
            pass
    send(channel, {"event": "done"})


if __name__ == "__main__":
    main()
    # Skip interpreter teardown: nothing of the answer's (a finalizer, a sys.stdout of its own) runs once its
    # results are sent; main has flushed the streams it printed to.
    os._exit(0)
