"""The warm server's side (see checker/warm.py): one job at a time, a fresh child forked for each.

Run as ``python -I _warm_server.py FD`` (FD: its end of the control socket), or entered by a fork of the parent.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import socket
import struct
import sys
import time

STOP_GRACE = 0.5  # seconds between asking the child's tree to end and killing it
_LENGTH = struct.Struct(">I")


# The control channel, both sides: a length-prefixed JSON message, then a length-prefixed payload.

def _send(sock: socket.socket, message: dict, payload: bytes = b"") -> None:
    data = json.dumps(message).encode()
    sock.sendall(_LENGTH.pack(len(data)) + data + _LENGTH.pack(len(payload)) + payload)


def _receive_exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _receive(sock: socket.socket) -> tuple[dict, bytes] | None:
    """(message, payload), or None once the other side has gone."""
    head = _receive_exactly(sock, _LENGTH.size)
    message = head and _receive_exactly(sock, _LENGTH.unpack(head)[0])
    size = message and _receive_exactly(sock, _LENGTH.size)
    payload = _receive_exactly(sock, _LENGTH.unpack(size)[0]) if size else None
    return None if payload is None else (json.loads(message), payload)


def _serve(control: socket.socket) -> None:
    """The server's loop: one job at a time, until the parent closes the control socket."""
    from checker import _forbidden, isolation

    isolation.prepare()  # the readable paths, worked out once for every child
    _forbidden.classify_loaded_modules()
    _set_dumpable(False)
    while True:
        try:
            # the results' write end, the calls' read end, and the shared input file where there is one
            _, fds, _, _ = socket.recv_fds(control, 1, 3)
        except OSError:
            return
        job = _receive(control) if len(fds) in (2, 3) else None
        if job is None:
            return
        header, request = job
        for name in header["preload"]:
            try:  # a spec's drivers: trusted, kept for the next check
                __import__(name)
            except Exception:
                pass  # the child imports it again, and reports what went wrong
        _forbidden.classify_loaded_modules()
        pid = os.fork()
        if pid == 0:
            _be_the_child(control, fds, header, request)
        for descriptor in fds:
            os.close(descriptor)
        try:
            _send(control, {"pid": pid})
            status = _watch(control, pid)
            _send(control, {"status": status})
        except OSError:
            return  # the parent has gone


def _as_if_isolated() -> None:
    """sys.path as python -I has it: no script folder or working directory, no user site, no PYTHONPATH."""
    import site

    if not sys.flags.safe_path and sys.path:
        del sys.path[0]
    dropped = {"", os.getcwd(), site.USER_SITE or "", *os.environ.get("PYTHONPATH", "").split(os.pathsep)}
    sys.path[:] = [entry for entry in sys.path if entry not in dropped]


def _set_dumpable(dumpable: bool) -> None:
    """A server that is not dumpable cannot be traced or have its memory read by a process of the same user
    (an answer whose isolation the kernel refused): no answer can reach the process the next child comes from."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(4, int(dumpable), 0, 0, 0)  # PR_SET_DUMPABLE


def _be_the_child(control: socket.socket, descriptors: list[int], header: dict, request: bytes) -> None:
    """In the forked child: a session of its own, only its pipes (and shared file) open, then the child's main."""
    try:
        control.close()
        _set_dumpable(True)  # the child is as a fresh interpreter is (its own /proc files, a core if it crashes)
        os.setsid()
        channel, calls, shared = (descriptors + [None])[:3]
        kept = sorted(descriptors)
        for low, high in zip([2] + kept, kept + [1 << 16]):
            os.closerange(low + 1, high)
        os.environ.clear()
        os.environ.update(header["env"])
        from checker import _child, protocol

        # main has flushed the streams it printed to; sys.stdout may be the answer's by now, and nothing of
        # the answer's runs once its results are sent.
        _child.main(protocol.loads(request), channel, header["capture"], header["crash"], calls, shared)
    except BaseException:
        os._exit(1)
    os._exit(0)


def _watch(control: socket.socket, pid: int) -> int:
    """Waits for the child, ending its tree first if the parent asks; returns its wait status."""
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None
    with selectors.DefaultSelector() as selector:
        selector.register(control, selectors.EVENT_READ)
        if pidfd is not None:
            selector.register(pidfd, selectors.EVENT_READ)
        while True:
            events = selector.select(None if pidfd is not None else 0.01)
            if any(key.fileobj is control for key, _ in events):
                if _receive(control) is None:  # the parent has gone: so does the check
                    selector.unregister(control)
                _end_tree(pid)
            if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                break
    try:
        os.killpg(pid, signal.SIGKILL)  # what is left of its session (the child is a zombie: no pid reuse)
    except OSError:
        pass
    if pidfd is not None:
        os.close(pidfd)
    return os.waitpid(pid, 0)[1]


def _end_tree(pid: int) -> None:
    """SIGTERM (the child takes its namespace down with it), then SIGKILL for its session after a grace."""
    try:
        os.kill(pid, signal.SIGTERM)
    except OSError:
        return
    deadline = time.monotonic() + STOP_GRACE
    while time.monotonic() < deadline:
        if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
            return
        time.sleep(0.005)
    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _main() -> None:
    control = socket.socket(fileno=int(sys.argv[1]))
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import numpy  # noqa: F401  (what every child needs, loaded once)

    from checker import _child, protocol  # noqa: F401
    _serve(control)


if __name__ == "__main__":
    _main()
