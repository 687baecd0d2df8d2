"""A warm process that forks one fresh child per check, so a check does not pay for a new interpreter.

    parent ──control socket── warm server (numpy and the child runtime imported, no answer ever)
                                 └─ child, forked per check: runs ``_child.main`` (isolation included)

``kata check`` forks its server from itself at once, once it has imported numpy and the wire format (which
both need): the server imports the rest of the child runtime while the command imports what it needs (no
second interpreter to pay for); any other process (the test suite, a notebook) starts a fresh ``python -I``
server on its first check. A check's child is forked before its inputs are drawn (:func:`begin`): it isolates
itself and imports the answer while the parent draws, and its calls follow on a pipe of their own
(:func:`finish`). While a child runs, the parent does its own work (see meanwhile).

The server imports only trusted modules (numpy, the child runtime, the spec drivers a check names) and never
runs an answer itself: each check's child is forked from it, so it starts with nothing a previous answer did.
The server is the child's parent, so it waits for it and reports its wait status over the control socket (a
crash or ``os._exit`` keeps its named diagnosis), and it kills the child's tree when the parent asks (a
timeout). Results travel as today, on a pipe whose write end the parent hands over with the job.

:func:`start` starts the server at once (``kata check`` calls it before it imports the spec); :func:`begin` forks
one child through it and returns None wherever the server cannot be had (it died, no fork on this platform,
``KATA_WARM=0``, another thread is using it): the caller then starts a fresh interpreter as before. One process
reuses its server for every check it runs (the test suite, mutation testing); a forked process starts its own.
"""

from __future__ import annotations

import atexit
import os
import selectors
import signal
import socket
import sys
import time
from _thread import allocate_lock

from ._warm_results import Finished, collect, send_calls
from ._warm_server import STOP_GRACE, _as_if_isolated, _receive, _send, _serve

SERVER_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_warm_server.py")
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
STARTUP_LIMIT = 30.0  # seconds a server may take to fork the first child (it imports numpy first)
MAX_START_FAILURES = 3  # then this process stops trying and every check starts a fresh interpreter


def child_environment() -> dict:
    """The environment of every process that runs an answer: BLAS single-threaded (isolation needs it)."""
    env = dict(os.environ)
    for variable in THREAD_VARIABLES:
        env[variable] = "1"
    return env


def available() -> bool:
    return hasattr(os, "fork") and hasattr(socket, "send_fds") and os.environ.get("KATA_WARM", "1") != "0"


# ---------------------------------------------------------------- the parent's side

class _Forked:
    """A server forked from this very process, shaped like the subprocess.Popen of one started afresh."""

    def __init__(self, pid: int):
        self.pid = pid

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)

    def reap(self) -> None:
        try:
            os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            pass


class _Server:
    """The parent's handle on one warm server: a fresh interpreter, or (fork_self) a fork of this process."""

    def __init__(self, fork_self: bool = False):
        ours, theirs = socket.socketpair()
        if fork_self:
            self.process = _Forked(_fork_server(ours, theirs))
        else:
            import subprocess  # a fresh interpreter: not on the path of `kata check`, which forks itself

            self.process = subprocess.Popen(
                [sys.executable, "-I", SERVER_SCRIPT, str(theirs.fileno())],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, env=child_environment(), start_new_session=True)
        theirs.close()
        ours.settimeout(STARTUP_LIMIT)  # a server that stops answering never blocks a check for long
        self.control = ours
        self.owner = os.getpid()
        self.pending: int | None = None  # a child whose results are in but whose end the server has yet to report

    def close(self) -> None:
        self.control.close()  # the server ends when its control socket does
        if isinstance(self.process, _Forked):
            self.process.reap()  # no wait: it ends by itself, and whoever adopts it reaps it
            return
        import subprocess

        try:
            self.process.wait(1.0)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def reply(self, deadline: float) -> dict | None:
        """The server's next message, or None if it has none by the deadline or is gone."""
        try:
            if not self._readable(deadline):
                return None
            received = _receive(self.control)
        except (OSError, ValueError):  # the server died (a reset connection), or sent what is not a message
            return None
        return received and received[0]

    def _readable(self, deadline: float) -> bool:
        with selectors.DefaultSelector() as selector:
            selector.register(self.control, selectors.EVENT_READ)
            return bool(selector.select(max(0.0, deadline - time.monotonic())))


_lock = allocate_lock()  # _thread: `kata check` never imports threading
_server: _Server | None = None
_start_failures = 0
_meanwhile: list = []


def meanwhile(task) -> None:
    """Runs ``task()`` (work of the parent's own, e.g. an import the report needs) while the next child runs,
    on the other core, instead of after it. Its errors are ignored: whatever it loads is loaded again later."""
    _meanwhile.append(task)


def _run_meanwhile() -> None:
    tasks, _meanwhile[:] = list(_meanwhile), []
    for task in tasks:
        try:
            task()
        except Exception:
            pass


def start(fork_self: bool = False) -> None:
    """Starts this process's warm server if it has none (returns at once; the server warms up meanwhile).

    fork_self: a command's first call, before it has imported anything of a kata: the server is then a fork
    of this process, which imports numpy and the child runtime itself (no second interpreter to pay for).
    A process that has already imported numpy (it may hold a reference solution) starts a fresh one.
    """
    global _server
    if not available() or _start_failures >= MAX_START_FAILURES:
        return
    if _server is not None and _server.owner != os.getpid():
        _server = None  # inherited through a fork: that one belongs to the parent process
    if _server is None:
        try:
            _server = _Server(fork_self and "numpy" not in sys.modules)
        except OSError:
            _discard(None)


def _discard(server: _Server | None) -> None:
    global _server, _start_failures
    _start_failures += 1
    _server = None
    if server is not None:
        try:
            server.process.kill()
        except OSError:
            pass
        server.close()


@atexit.register
def stop() -> None:
    """Ends this process's warm server (at exit; a test calls it to start afresh)."""
    global _server
    if _server is not None and _server.owner == os.getpid():
        _server.close()
    _server = None


class Started:
    """A child forked from the warm server and on its way (isolating itself, importing the answer) before
    its calls are sent: :func:`finish` sends them and collects, :func:`abandon` ends it unused."""

    def __init__(self, server: _Server, results: int, calls: int, timeout: float, startup_limit: float):
        self.server, self.results, self.calls, self.timeout = server, results, calls, timeout
        self.startup_limit, self.pid = startup_limit, None

    def forked(self) -> int | None:
        """The child's pid, once the server says it has forked it (None: the server is gone)."""
        if self.pid is None:
            reply = self.server.reply(time.monotonic() + self.startup_limit)
            self.pid = reply["pid"] if reply and isinstance(reply.get("pid"), int) else -1
        return self.pid if self.pid > 0 else None


def begin(request: bytes, preload: list[str], capture_path: str, crash_path: str,
          timeout: float, shared_fd: int | None = None) -> Started | None:
    """Forks one child from the warm server for ``request`` (its calls may come later); None: go cold.

    Until finish() or abandon(), this process's server runs that child only."""
    if not available() or not _lock.acquire(blocking=False):
        return None
    try:
        start()
        server = _server
        if server is not None and server.pending is not None and not _settle(server):
            server = _server
        if server is None:
            raise LookupError
        read_end, write_end = os.pipe()
        calls_read, calls_write = os.pipe()
        try:
            descriptors = [write_end, calls_read] + ([shared_fd] if shared_fd is not None else [])
            sent = _hand_over(server, descriptors, request, preload, capture_path, crash_path)
        finally:
            os.close(write_end)
            os.close(calls_read)
        if not sent:
            os.close(read_end)
            os.close(calls_write)
            _discard(server)
            raise LookupError
    except LookupError:
        _lock.release()
        return None
    except BaseException:
        _lock.release()
        raise
    # The server's reply (the child's pid) is read when it is needed: the parent draws meanwhile.
    return Started(server, read_end, calls_write, timeout, min(timeout, STARTUP_LIMIT))


def finish(started: Started, calls: bytes | None = None,
           timeout: float | None = None) -> tuple[bytes, Finished, bool] | None:
    """Sends the calls (None: the request had them), then reads the results: (stream, how it ended, timed
    out), or None if the server could not fork the child (go cold). The timeout (begin's unless given) runs
    from here. While the child runs, the meanwhile tasks run here."""
    try:
        pid = started.forked()
        if pid is None:
            for descriptor in (started.calls, started.results):
                os.close(descriptor)
            _discard(started.server)
            return None
        deadline = time.monotonic() + (started.timeout if timeout is None else timeout)
        if calls:
            send_calls(started.calls, calls)
        else:
            os.close(started.calls)
        _run_meanwhile()
        return collect(started.server, pid, started.results, deadline, _stop)
    finally:
        _lock.release()


def abandon(started: Started) -> None:
    """Ends a child whose calls will not be sent (the parent failed before it could draw them)."""
    try:
        os.close(started.calls)
        os.close(started.results)
        pid = started.forked()
        if pid is None:
            _discard(started.server)
        else:
            _stop(started.server, pid)
    finally:
        _lock.release()


def run(request: bytes, preload: list[str], capture_path: str, crash_path: str,
        timeout: float, shared_fd: int | None = None) -> tuple[bytes, Finished, bool] | None:
    """Runs one child from the warm server: (result stream, how it ended, timed out), or None (go cold)."""
    started = begin(request, preload, capture_path, crash_path, timeout, shared_fd)
    return None if started is None else finish(started)


def _hand_over(server: _Server, descriptors: list[int], request: bytes, preload: list[str], capture_path: str,
               crash_path: str) -> bool:
    """Sends the job (the server forks its child and replies with the pid); False if the server is gone."""
    header = {"preload": preload, "capture": capture_path, "crash": crash_path, "env": child_environment()}
    try:
        socket.send_fds(server.control, [b"J"], descriptors)
        _send(server.control, header, request)
    except OSError:
        return False
    return True


def settle() -> None:
    """Waits until the last check's child has ended (a check returns once its results are complete, and
    this process's server reports the end of that child's tree later)."""
    server = _server
    if server is not None and server.pending is not None and server.owner == os.getpid():
        with _lock:
            _settle(server)


def _settle(server: _Server) -> bool:
    """Reads the end of the previous child, which the server reports once its tree is gone (a check does not
    wait for it: its results were complete). A child still running then ran code of the answer's after its
    results: its tree is ended. False if the server had to be discarded for it (its session killed too)."""
    pid, server.pending = server.pending, None
    reply = server.reply(time.monotonic() + STOP_GRACE)
    if reply and isinstance(reply.get("status"), int):
        return True
    return _stop(server, pid) >= 0  # it still runs after its results: end its tree (or the server with it)


def _stop(server: _Server, pid: int) -> int:
    """Asks the server to end the child's tree; its wait status (-1 if the server is gone)."""
    try:
        _send(server.control, {"stop": True})
        reply = server.reply(time.monotonic() + STOP_GRACE + 0.4)
    except OSError:
        reply = None
    if reply and isinstance(reply.get("status"), int):
        return reply["status"]
    try:  # the server is broken: end the child's session ourselves, and the server with it
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
    _discard(server)
    return -1


def _fork_server(ours: socket.socket, theirs: socket.socket) -> int:
    """Forks the server from this process; its pid. What both need (numpy, numpy.random and the wire format)
    is imported first, once; then the server imports the rest of the child runtime while this process
    imports what it needs itself, on the other core."""
    for variable in THREAD_VARIABLES:
        os.environ[variable] = "1"  # before numpy loads, as in a child started afresh
    from checker import protocol  # noqa: F401  (numpy and numpy.random with it)

    pid = os.fork()
    if pid:
        return pid
    try:
        ours.close()
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDWR)
        for descriptor in (0, 1, 2):
            os.dup2(devnull, descriptor)
        os.closerange(3, theirs.fileno())
        os.closerange(theirs.fileno() + 1, 1 << 16)
        _as_if_isolated()
        from checker import _child, isolation  # noqa: F401
        _serve(theirs)
    finally:
        os._exit(0)
