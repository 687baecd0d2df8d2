"""Resource limits (setrlimit) and the capabilities the answer gives up."""

from __future__ import annotations

import ctypes
import math
import os
import sys

from ._status import check_refused, off, on, partial, reason

try:
    import resource
except ImportError:  # not a POSIX system
    resource = None

PR_SET_NO_NEW_PRIVS = 38
_LINUX_CAPABILITY_VERSION_3 = 0x20080522


def _mib(n: int) -> str:
    return f"{n / 2**30:g} GiB" if n >= 2**30 else f"{n / 2**20:g} MiB"


def _set(kind: int, value: int, hard: int | None = None) -> int:
    """Sets the soft limit to `value` (hard to `hard`, default the same), never above the current hard limit."""
    _, current_hard = resource.getrlimit(kind)
    hard = value if hard is None else hard
    if current_hard != resource.RLIM_INFINITY:
        hard = min(hard, current_hard)
        value = min(value, hard)
    resource.setrlimit(kind, (value, hard))
    return value


def _limit(piece: str, refused, name: str, value: int, describe, hard: int | None = None):
    try:
        check_refused(piece, refused)
        kind = getattr(resource, name)
        got = _set(kind, value, hard)
    except (OSError, ValueError, AttributeError) as exc:
        return off(f"{name} not set: {reason(exc) if isinstance(exc, OSError) else exc}")
    return on(f"{name}: {describe(got)}")


def apply_limits(policy, refused: frozenset, own_user_namespace: bool, pid_max: int | None) -> dict:
    """Sets every limit of `policy` on this process; returns {piece: PieceStatus}.

    policy: an isolation Policy (memory, timeout, open_files, file_size, processes in it).
    own_user_namespace: whether this process is in a user namespace of its own, where RLIMIT_NPROC counts
    only the processes of that namespace. pid_max: the bound the PID namespace holds, if there is one.
    """
    if resource is None:
        return {p: off("no setrlimit on this system") for p in
                ("memory", "cpu_time", "open_files", "file_size", "process_count")}
    cpu = math.ceil(policy.timeout) + 1  # the wall-clock timeout fires first; this is the backstop
    statuses = {
        "memory": _limit("memory", refused, "RLIMIT_AS", policy.memory, lambda v: f"{_mib(v)} of address space"),
        "cpu_time": _limit("cpu_time", refused, "RLIMIT_CPU", cpu, lambda v: f"{v} s of CPU, then killed",
                           hard=cpu + 1),
        "open_files": _limit("open_files", refused, "RLIMIT_NOFILE", policy.open_files, lambda v: f"{v} open files"),
        "file_size": _limit("file_size", refused, "RLIMIT_FSIZE", policy.file_size,
                            lambda v: f"{_mib(v)} per file written, no core dumps"),
    }
    try:
        _set(resource.RLIMIT_CORE, 0)
    except (OSError, ValueError):
        pass
    statuses["process_count"] = _process_count(policy, refused, own_user_namespace, pid_max)
    return statuses


def _process_count(policy, refused, own_user_namespace: bool, pid_max: int | None):
    holds = []
    if pid_max:
        holds.append(f"at most {pid_max - 1} processes in its PID namespace")
    if os.geteuid() == 0:
        why = "RLIMIT_NPROC does not bind root"
    elif not own_user_namespace:
        why = "RLIMIT_NPROC not set: outside a user namespace of its own it counts every process of this user"
    else:
        try:
            check_refused("process_count", refused)
            holds.append(f"RLIMIT_NPROC {_set(resource.RLIMIT_NPROC, policy.processes)}")
            why = ""
        except (OSError, ValueError) as exc:
            why = f"RLIMIT_NPROC not set: {reason(exc)}"
    if holds:
        return on("; ".join(holds + ([why] if why else [])))
    return off(why)


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def drop_privileges(refused: frozenset):
    """Drops every capability and sets no_new_privs (no setuid or file-capability gain on exec)."""
    if _libc is None:
        return off(f"capabilities are Linux only (this is {sys.platform})")
    try:
        check_refused("privileges", refused)
        header, data = _CapHeader(_LINUX_CAPABILITY_VERSION_3, 0), (_CapData * 2)()
        if _libc.capset(ctypes.byref(header), data) != 0:
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code))
    except OSError as exc:
        if _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0:
            return partial(f"no_new_privs set, capabilities kept: {reason(exc)}")
        return off(f"capabilities kept: {reason(exc)}")
    if _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return partial("no capabilities, but no_new_privs could not be set")
    return on("no capabilities, no_new_privs")


def capabilities_in_effect() -> int:
    """The effective capability bits of this process (0 when none), for probes."""
    header, data = _CapHeader(_LINUX_CAPABILITY_VERSION_3, 0), (_CapData * 2)()
    if _libc is None or _libc.capget(ctypes.byref(header), data) != 0:
        return -1
    return data[0].effective | (data[1].effective << 32)


def limit_cpu(timeout: float) -> None:
    """Lowers the CPU limit to a check's own timeout, once it is known (a child isolated before its calls
    came has the largest one); lowering a limit needs no privilege."""
    if resource is None:
        return
    cpu = math.ceil(timeout) + 1
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if soft == resource.RLIM_INFINITY or cpu < soft:
        lower_hard = cpu + 1 if hard == resource.RLIM_INFINITY else min(hard, cpu + 1)
        try:
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, lower_hard))
        except (OSError, ValueError):
            pass
