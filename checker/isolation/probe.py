"""A throwaway isolated child, and the probes `kata doctor` runs in one: each piece tried, not just claimed.

``run_in_child(target, policy)`` forks, isolates the child under `policy`, runs ``target()`` in the process
that would run an answer, and brings back its (JSON) value, the statuses, the exit code, and whether every
process of the tree had ended within a second of the end.
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

import numpy as np

from . import Policy, as_dict, isolate, stop_tree
from ._limits import capabilities_in_effect

# Modules of the standard library an answer might import late; the probe imports one not yet loaded.
LATE_IMPORTS = ("colorsys", "sched", "tabnanny", "wave", "chunk", "sndhdr", "mailcap", "netrc")


@dataclass
class ChildRun:
    statuses: dict = field(default_factory=dict)  # {piece: {"state", "in_force", "detail"}}
    value: object = None
    error: str | None = None
    returncode: int | None = None
    tree_gone: bool = False
    seconds: float = 0.0


class Forked:
    """A Popen-like handle on a forked child, for stop_tree."""

    def __init__(self, pid: int):
        self.pid, self.returncode = pid, None

    def poll(self):
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired("child", timeout)
            time.sleep(0.002)
        return self.returncode

    def kill(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _read_until_eof(fd: int, deadline: float) -> tuple[bytes, bool]:
    data = b""
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return data, False
        chunk = os.read(fd, 65536)
        if not chunk:
            return data, True
        data += chunk


def _child_main(target, policy: Policy, result_w: int) -> None:
    try:
        os.setsid()  # as start_new_session=True does for a subprocess
        statuses = isolate(policy)
        try:
            value, error = target(), None
        except BaseException as exc:
            value, error = None, f"{type(exc).__name__}: {exc}"
        payload = json.dumps({"statuses": as_dict(statuses), "value": value, "error": error}, default=str)
        data = payload.encode()
        while data:
            data = data[os.write(result_w, data):]
    finally:
        os._exit(0)


def run_in_child(target, policy: Policy, *, timeout: float = 10.0, linger: float = 1.0) -> ChildRun:
    """Runs `target` (no arguments, returns JSON-able data) in an isolated child; see ChildRun.

    timeout: seconds before the whole tree is stopped. linger: how long after the end every process of the
    tree may take to be gone before tree_gone is False.
    """
    started = time.monotonic()
    result_r, result_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(result_r)
        _child_main(target, policy, result_w)
    os.close(result_w)
    process = Forked(pid)
    try:
        # Every process of the tree holds the pipe's write end, so EOF means all of them are gone.
        data, gone = _read_until_eof(result_r, started + timeout)
        if not gone:
            stop_tree(process)
            more, gone = _read_until_eof(result_r, time.monotonic() + linger)
            data += more
        process.wait(linger)
    finally:
        stop_tree(process)
        os.close(result_r)
    run = ChildRun(returncode=process.returncode, tree_gone=gone, seconds=time.monotonic() - started)
    try:
        record = json.loads(data)
        run.statuses, run.value, run.error = record["statuses"], record["value"], record["error"]
    except (ValueError, KeyError):
        run.error = "the child sent no result"
    return run


def _denied(action) -> tuple[bool, str]:
    """(True, why) when `action` fails with an OSError, (False, "allowed") when it succeeds."""
    try:
        action()
    except OSError as exc:
        return True, f"{type(exc).__name__} {exc.errno}: {exc.strerror}"
    return False, "allowed"


def _probe_filesystem(place: dict) -> list:
    secret = _denied(lambda: open(place["secret"]).read())
    own_source = _denied(lambda: open(place["checker_file"]).read())
    outside = _denied(lambda: open(place["outside"], "w").write("x"))
    inside = _denied(lambda: open(os.path.join(place["scratch"], "ok.txt"), "w").write("x"))
    late = next((m for m in LATE_IMPORTS if m not in sys.modules), None)
    runtime = True
    try:
        if late:
            __import__(late)
        runtime = float(np.linalg.norm(np.ones((3, 4)))) == np.sqrt(12.0)
    except Exception:
        runtime = False
    usable = runtime and not inside[0]
    return [secret[0] and own_source[0] and outside[0] and usable,
            f"workspace file: {secret[1]}; checker source: {own_source[1]}; write outside scratch: {outside[1]}; "
            f"scratch and runtime ({late or 'numpy'}): {'usable' if usable else 'NOT usable'}"]


def _connect(family: int, kind: int, address) -> None:
    with socket.socket(family, kind) as sock:
        if kind == socket.SOCK_DGRAM:
            sock.sendto(b"kata", address)
        else:
            sock.settimeout(1)
            sock.connect(address)


def probe_sockets(place: dict) -> dict:
    """{piece: [held, evidence]} for sockets, tcp, network and abstract_sockets.

    With the seccomp piece in force every socket() fails first, so `kata doctor` runs these once more in a
    child where that piece is refused, to try the Landlock and namespace pieces on their own."""
    tcp = _denied(lambda: _connect(socket.AF_INET, socket.SOCK_STREAM, ("127.0.0.1", place["tcp_port"])))
    udp = _denied(lambda: _connect(socket.AF_INET, socket.SOCK_DGRAM, ("127.0.0.1", place["udp_port"])))
    abstract = _denied(lambda: _connect(socket.AF_UNIX, socket.SOCK_STREAM, place["abstract"]))
    pathname = _denied(lambda: _connect(socket.AF_UNIX, socket.SOCK_STREAM, place["unix_path"]))
    return {"sockets": [pathname[0], f"connect to a unix socket in the workspace: {pathname[1]}"],
            "tcp": [tcp[0], f"connect to a listening loopback port: {tcp[1]}"],
            "network": [udp[0], f"UDP to loopback: {udp[1]}"],
            "abstract_sockets": [abstract[0], f"connect to the parent's abstract socket: {abstract[1]}"]}


def _probe_processes(policy: Policy, cap: int = 1000) -> list:
    """Starts tasks until the kernel refuses one. Threads, not forks: the kernel counts both alike (each takes
    a PID of the namespace and counts for RLIMIT_NPROC), and a thread starts in microseconds."""
    release = threading.Event()
    started, why = [], f"no limit met in {cap}"
    previous = threading.stack_size(256 * 1024)  # small stacks, so the memory limit is not what stops them
    try:
        while len(started) < cap:
            thread = threading.Thread(target=release.wait, daemon=True)
            try:
                thread.start()
            except RuntimeError as exc:
                why = f"refused after {len(started)} tasks: {exc}"
                break
            started.append(thread)
    finally:
        threading.stack_size(previous)
        release.set()
        for thread in started:
            thread.join()
    return [len(started) < cap, why]


def _write_file(path: str, size: int) -> None:
    try:
        with open(path, "wb") as handle:  # closed here: a buffered write fails only when flushed
            handle.write(b"\0" * size)
    finally:
        if os.path.exists(path):
            os.remove(path)


def _fill_scratch(policy: Policy) -> None:
    """Writes more than the scratch directory holds, in files each within the file size limit."""
    names = [f"fill{i}.bin" for i in range(policy.scratch_size // (policy.file_size - 1) + 2)]
    try:
        for name in names:
            with open(name, "wb") as handle:
                handle.write(b"\0" * (policy.file_size - 1))
    finally:
        for name in names:
            if os.path.exists(name):
                os.remove(name)


def _probe_limits(policy: Policy) -> dict:
    try:
        np.empty(policy.memory, dtype=np.uint8)  # reserved, never touched: cheap when nothing stops it
        memory = [False, f"{policy.memory} bytes allocated"]
    except MemoryError:
        memory = [True, f"MemoryError for {policy.memory} bytes"]
    cpu = resource.getrlimit(resource.RLIMIT_CPU)[0]
    fds = []
    try:
        while len(fds) < policy.open_files + 10:
            fds.append(os.open(os.devnull, os.O_RDONLY))
    except OSError:
        pass
    for fd in fds:
        os.close(fd)
    big = _denied(lambda: _write_file("big.bin", policy.file_size + 1))
    space = _denied(lambda: _fill_scratch(policy))
    return {"memory": memory,
            "cpu_time": [cpu != resource.RLIM_INFINITY, f"soft limit read back: {cpu}"],
            "open_files": [len(fds) < policy.open_files, f"{len(fds)} more descriptors could be opened"],
            "file_size": [big[0], f"writing {policy.file_size + 1} bytes: {big[1]}"],
            "scratch_space": [space[0], f"writing {policy.scratch_size + policy.file_size} bytes in files each "
                                        f"within the file size limit: {space[1]}"],
            "process_count": _probe_processes(policy)}


def leave_grandchild() -> list:
    """Leaves a setsid() grandchild behind, where a fork is allowed; [refused, evidence] of new_processes."""
    try:
        pid = os.fork()
    except OSError as exc:
        return [True, f"fork: {type(exc).__name__} {exc.errno}: {exc.strerror}"]
    if pid == 0:
        os.setsid()
        time.sleep(5)
        os._exit(0)
    return [False, "fork allowed"]


def probe_all(policy: Policy, place: dict) -> dict:
    """Runs in the isolated child: {piece: [held, evidence]}. A setsid() grandchild is left behind where the
    kernel lets it fork (`kata doctor` tries the process tree in a child of its own where it does not)."""
    forked = leave_grandchild()  # first: the thread probe below uses up the process slots
    results = {"new_processes": forked, "filesystem": _probe_filesystem(place), **probe_sockets(place), **_probe_limits(policy)}
    targets = _denied(lambda: os.kill(os.getppid(), 0)), _denied(lambda: os.kill(place["parent_pid"], 0))
    results["signals"] = [targets[0][0] and targets[1][0],
                          f"signal 0 to its parent: {targets[0][1]}; to the checker: {targets[1][1]}"]
    caps = capabilities_in_effect()
    results["privileges"] = [caps == 0, f"effective capabilities: {caps:#x}"]
    return results
