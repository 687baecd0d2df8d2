"""The report, loaded on the other core: a process forked at the start of ``kata check`` imports rich and the
report while the command imports numpy and runs the check, then renders the result it is sent.

    ahead = report_ahead.start()        # first thing, before numpy: a fork of a small process
    ...                                 # the check
    sent = ahead.send(result)           # the JSON result over a pipe; it prints while this process
    ...                                 # records the check
    if not (sent and ahead.wait()):     # False if that process is gone
        render it here

It renders exactly what the command would (the same module, the same console, its standard output), and
nothing else: it reads one JSON object and never runs an answer. A command that ends without sending one
(an error, --json) just closes the pipe, and the process ends.
"""

from __future__ import annotations

import json
import os
import sys


class ReportAhead:
    """The parent's handle on the forked report process."""

    def __init__(self, pid: int, pipe: int):
        self.pid, self.pipe = pid, pipe

    def send(self, result: dict) -> bool:
        """Hands ``result`` to the report process, which prints it meanwhile; False if it could not."""
        try:
            data = json.dumps(result).encode()
            for start in range(0, len(data), 1 << 16):
                os.write(self.pipe, data[start:start + (1 << 16)])
        except (OSError, TypeError, ValueError):
            return False
        finally:
            self.close()
        return True

    def wait(self) -> bool:
        """Whether it printed the result (False: render it yourself)."""
        sys.stdout.flush()
        return _exit_status(self.pid) == 0

    def render(self, result: dict) -> bool:
        """send, then wait: whether the report process printed ``result``."""
        return self.send(result) and self.wait()

    def close(self) -> None:
        if self.pipe >= 0:
            os.close(self.pipe)
            self.pipe = -1


def _exit_status(pid: int) -> int | None:
    try:
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    except ChildProcessError:
        return None


def start() -> ReportAhead | None:
    """Forks the report process (None where this platform cannot fork, or when KATA_REPORT_AHEAD=0)."""
    if not hasattr(os, "fork") or os.environ.get("KATA_REPORT_AHEAD", "1") == "0" or "numpy" in sys.modules:
        return None
    from .confinement import refused_by_environment

    if refused_by_environment():
        return None  # the answer could write to rich's files while this process imports them
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid:
        os.close(read_end)
        return ReportAhead(pid, write_end)
    os.close(write_end)
    code = 1
    try:
        code = _render_what_comes(read_end)
    except BaseException:
        code = 1
    finally:
        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            pass
        os._exit(code)


def _render_what_comes(pipe: int) -> int:
    from .report import make_console, render_check

    chunks = []
    while chunk := os.read(pipe, 1 << 16):
        chunks.append(chunk)
    if not chunks:
        return 0  # the command rendered nothing through us
    render_check(json.loads(b"".join(chunks)), make_console())
    return 0
