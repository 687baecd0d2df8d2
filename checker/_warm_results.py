"""The parent's side of one child's run through the warm server (checker/warm.py): its calls written, its
results read until they are complete, it has ended, or its time is up."""

from __future__ import annotations

import os
import selectors
import signal
import time

from ._warm_server import _receive

LINGER = 0.2  # seconds the channel may stay open after the child has ended, as on the cold path


class Finished:
    """How the child ended, shaped like the subprocess.Popen the cold path has (returncode)."""

    def __init__(self, returncode: int):
        self.returncode = returncode


def send_calls(descriptor: int, calls: bytes) -> None:
    """Writes the calls on a thread: a child that never reads them (an answer that hangs while it is
    imported) must not block this process past the timeout; the pipe closes once all is written."""
    import threading  # loaded already with numpy.random

    def write() -> None:
        try:
            view = memoryview(calls)
            while view:
                view = view[os.write(descriptor, view[:1 << 16]):]
        except OSError:
            pass  # the child has ended: what it sent says why
        finally:
            os.close(descriptor)
    if len(calls) <= 1 << 15:  # fits the pipe whatever the child does: no thread needed
        write()
    else:
        threading.Thread(target=write, daemon=True).start()


def collect(server, pid: int, read_end: int, deadline: float, stop) -> tuple[bytes, Finished, bool]:
    """Reads the child's results until they end and its status is in, or the timeout; then stops its tree
    (``stop(server, pid)``: asks the server, and returns the child's wait status).

    Once the last record ("done") is in, it returns at once: the child's end (the status the server reports
    when its tree is gone) is read before the server's next job (_settle), and a process that ends without
    another check never waits for it."""
    from . import channel, protocol  # loaded already by the sandbox; this file also runs as the server's script

    buffer, status, timed_out, eof, ended_at = channel.ChannelBuffer(), None, False, False, None
    done, tail, server_gone = protocol.frame(protocol.dumps({"event": "done"})), b"", False
    with selectors.DefaultSelector() as selector:
        selector.register(read_end, selectors.EVENT_READ, "results")
        selector.register(server.control, selectors.EVENT_READ, "control")
        while not (eof and (status is not None or server_gone)):
            if ended_at is not None and time.monotonic() - ended_at > LINGER:
                break  # it has ended, but a process it left behind holds the channel open
            if status is None and time.monotonic() >= deadline:
                timed_out = True  # on every pass: a channel that never runs dry must not outlast the timeout
                break
            ready = selector.select(min(deadline, (ended_at or deadline) + LINGER) - time.monotonic())
            if not ready and time.monotonic() >= deadline:
                timed_out = True
                break
            for key, _ in ready:
                if key.data == "results":
                    chunk = os.read(read_end, 1 << 16)
                    if chunk and not buffer.feed(chunk) and status is None:  # more than a check accepts
                        status, ended_at = stop(server, pid), time.monotonic()
                    tail = (tail + chunk)[-len(done):]
                    if tail == done and status is None and not buffer.full:
                        server.pending = pid
                        os.close(read_end)
                        return buffer.data(), Finished(0), False
                    if not chunk or buffer.full:
                        eof = True
                        selector.unregister(read_end)
                elif status is None:
                    try:
                        reply = _receive(server.control)
                    except (OSError, ValueError):
                        reply = None
                    if reply is None:  # the server died: the child may still finish, so its results are read
                        server_gone = True
                        selector.unregister(server.control)
                        continue
                    status = reply[0].get("status")
                    if not isinstance(status, int):
                        status = stop(server, pid)  # the server broke: end the child ourselves
                    ended_at = time.monotonic()
                    selector.unregister(server.control)
        if status is None:
            status = stop(server, pid)
        if not eof:
            os.set_blocking(read_end, False)
            try:
                buffer.feed(os.read(read_end, 1 << 20))  # what was written before the end
            except BlockingIOError:
                pass
    os.close(read_end)
    returncode = os.waitstatus_to_exitcode(status) if status >= 0 else -signal.SIGKILL
    return buffer.data(), Finished(returncode), timed_out
