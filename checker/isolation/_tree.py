"""The process tree: namespaces, and a tree that ends whole with the check.

With a PID namespace (the strong way, unprivileged through a user namespace):

    A  the child the parent started; stays outside, waits, exits as the answer's process did
    └─ B  PID 1 of the new namespace: reaps orphans; dies if A dies (PDEATHSIG)
       └─ C  runs the answer (``enter`` returns here); it can neither see nor signal A or B

When C ends, B exits, and the kernel kills every other process of the namespace, ``setsid()`` or not. When the
parent stops A, B gets SIGKILL and the same happens. Without a PID namespace, A is a subreaper that kills all
that is left under it (every orphan is re-parented to it); without that, only the process group is killed.
"""

from __future__ import annotations

import ctypes
import faulthandler
import os
import signal
import struct
import sys

from ._status import check_refused, off, on, partial, reason

CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
PR_SET_PDEATHSIG, PR_SET_CHILD_SUBREAPER = 1, 36
PID_MAX_MIN = 301  # the kernel's floor for a namespace's pid_max: at most 300 processes

_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def _call(result: int) -> None:
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def _unshare(flags: int, piece: str, refused: frozenset) -> str:
    """'' when the namespace was made, else why not."""
    if _libc is None:
        return f"namespaces are Linux only (this is {sys.platform})"
    try:
        check_refused(piece, refused)
        _call(_libc.unshare(flags))
    except OSError as exc:
        return f"unshare refused: {reason(exc)}"
    return ""


def _user_namespace(refused: frozenset):
    uid, gid = os.geteuid(), os.getegid()
    why = _unshare(CLONE_NEWUSER, "user_namespace", refused)
    if why:
        return off(why)
    try:
        with open("/proc/self/setgroups", "w") as handle:
            handle.write("deny")
        with open("/proc/self/uid_map", "w") as handle:
            handle.write(f"{uid} {uid} 1")
        with open("/proc/self/gid_map", "w") as handle:
            handle.write(f"{gid} {gid} 1")
    except OSError as exc:
        return partial(f"made, but uid {uid} could not be mapped: {reason(exc)}")
    return on(f"uid {uid} mapped to itself; no capability outside the namespace")


def _exit_as(status: int) -> None:
    """Ends this process the way the answer's process ended (same exit code, or same signal)."""
    faulthandler.disable()
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            signal.signal(number, signal.SIG_DFL)
        except (OSError, ValueError):
            pass
        os.kill(os.getpid(), number)
        os._exit(128 + number)
    os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1)


def _wait_for(target: int) -> int | None:
    """Reaps children (orphans included) until `target` ends; its wait status, or None if it is not a child."""
    while True:
        try:
            pid, status = os.waitpid(-1, 0)
        except ChildProcessError:
            return None
        if pid == target:
            return status


def _set_pid_max(processes: int) -> int | None:
    try:
        with open("/proc/sys/kernel/pid_max", "w") as handle:  # per PID namespace since Linux 6.14
            value = max(PID_MAX_MIN, processes + 3)
            handle.write(str(value))
        return value
    except OSError:
        return None


def _run_init(c_status_w: int, a_alive_r: int, processes: int) -> int | None:
    """B, PID 1 of the namespace. Returns (in C only) the namespace's pid_max, or None."""
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    os.set_blocking(a_alive_r, False)
    try:
        if os.read(a_alive_r, 1) == b"":
            os._exit(1)  # A died before PDEATHSIG was armed
    except BlockingIOError:
        pass
    pid_max = _set_pid_max(processes)
    c = os.fork()
    if c == 0:
        os.close(c_status_w)
        os.close(a_alive_r)
        return pid_max
    try:
        status = _wait_for(c)
        os.write(c_status_w, struct.pack("i", status if status is not None else signal.SIGKILL))
    finally:
        os._exit(0)  # the kernel now kills every process left in the namespace


def _fork_into_namespace(processes: int) -> int | None:
    """Forks B then C; returns in C (the namespace's pid_max or None); A and B never return."""
    status_r, status_w = os.pipe()
    alive_r, alive_w = os.pipe()
    b = os.fork()
    if b == 0:
        os.close(status_r)
        os.close(alive_w)
        return _run_init(status_w, alive_r, processes)
    os.close(status_w)
    os.close(alive_r)

    def stop(signum, frame):
        os.kill(b, signal.SIGKILL)  # B's end takes the whole namespace with it

    try:  # whatever happens here, A must never go on to run the check itself
        signal.signal(signal.SIGTERM, stop)
        _wait_for(b)
        data = os.read(status_r, 4)
        _exit_as(struct.unpack("i", data)[0] if len(data) == 4 else signal.SIGKILL)
    finally:
        os._exit(1)


def _children(parent: int) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == parent:
                found.append(int(name))
    return found


def _kill_descendants() -> None:
    """Kills every process under this subreaper: orphans come up to it as their parents die."""
    me = os.getpid()
    while True:
        for pid in _children(me):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _fork_as_subreaper() -> None:
    """A becomes a subreaper and forks C; returns in C; A never returns."""
    a = os.getpid()
    c = os.fork()
    if c == 0:
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != a:
            os._exit(1)
        return

    def stop(signum, frame):
        os.kill(c, signal.SIGKILL)
        _kill_descendants()
        _exit_as(signal.SIGKILL)

    try:
        signal.signal(signal.SIGTERM, stop)
        status = _wait_for(c)
        _kill_descendants()
        _exit_as(status if status is not None else signal.SIGKILL)
    finally:
        os._exit(1)


def enter(processes: int, refused: frozenset) -> dict:
    """Moves the rest of the check into its own namespaces and process tree.

    Returns {piece: PieceStatus} for user_namespace, network and process_tree, plus "pid_max" (int or None),
    in the process that will run the answer. The processes that wait outside never return from this call.
    """
    statuses = {"user_namespace": _user_namespace(refused)}
    why_net = _unshare(CLONE_NEWNET, "network", refused)
    statuses["network"] = off(why_net) if why_net else on("network namespace: no interface but a loopback "
                                                         "that is down; no UDP, no TCP, to anywhere")
    why_pid = _unshare(CLONE_NEWPID, "process_tree", refused)
    if not why_pid:
        statuses["pid_max"] = _fork_into_namespace(processes)
        statuses["process_tree"] = on("PID namespace: every process the answer starts ends with the check")
        return statuses
    statuses["pid_max"] = None
    try:
        if _libc is None:
            raise OSError(0, f"no subreaper on {sys.platform}")
        _call(_libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0))
    except OSError as exc:
        statuses["process_tree"] = off(f"no PID namespace ({why_pid}) and no subreaper ({reason(exc)}): "
                                       f"only the process group is killed; a setsid() escapes")
        return statuses
    _fork_as_subreaper()
    statuses["process_tree"] = partial(f"no PID namespace ({why_pid}): a subreaper kills what is left, "
                                       f"unless it is itself killed first")
    return statuses


def stop_tree(process, grace: float = 0.5) -> None:
    """In the parent: ends the child started with start_new_session=True and everything under it.

    process: anything with pid, poll(), wait(timeout) and kill() (a subprocess.Popen). Safe to call after
    it has ended; call it in a finally, on every path.
    """
    import subprocess  # the parent's side: the process that runs the answer never imports it

    if process.poll() is None:
        try:
            os.kill(process.pid, signal.SIGTERM)  # the waiting process takes its tree down with it
            process.wait(grace)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass
    if process.poll() is None:
        process.kill()
        process.wait()
