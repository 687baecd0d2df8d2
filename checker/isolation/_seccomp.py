"""A small seccomp filter: the answer can create no socket of any kind, and no process (threads it may start).

Sockets: Landlock (up to ABI 7) does not govern connecting to a pathname unix socket (``/run/...sock``, another
program's socket in /tmp), and a network namespace does not hide those either. The answer needs no socket, so
``socket()`` fails with EACCES; ``socketpair()`` and the descriptors the process already holds still work.

Processes: ``fork``, ``vfork`` and a ``clone`` without CLONE_THREAD fail with EOPNOTSUPP (an errno no fork
returns by itself, so the child can name the refusal). Every thread shares the one address space, so the
address-space limit bounds the memory of the whole check, and a fork bomb ends at its first fork. ``clone3``
passes its flags in memory a filter cannot read: it fails with ENOSYS, and the C library falls back to
``clone`` for a thread, as it does on kernels older than 5.3.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys

from ._status import check_refused, off, on, reason

PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2
BPF_LD_W_ABS, BPF_JEQ_K, BPF_JGE_K, BPF_JSET_K, BPF_RET_K = 0x20, 0x15, 0x35, 0x45, 0x06
SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO = 0x7FFF0000, 0x00050000
X32_SYSCALL_BIT = 0x40000000
CLONE_THREAD = 0x00010000
PROCESS_REFUSED = errno.EOPNOTSUPP  # what a refused fork raises: OSError(EOPNOTSUPP)
_installed = {"new_processes": False}  # in this process
# Offsets in struct seccomp_data: the call's number, its architecture, the low word of its first argument.
NR, ARCH, ARG0_LOW = 0, 4, 16


class _Numbers:
    def __init__(self, audit_arch: int, socket: int, clone: int, clone3: int, forks: tuple):
        self.audit_arch, self.socket, self.clone, self.clone3, self.forks = audit_arch, socket, clone, clone3, forks


# machine: its calling convention and the numbers of the calls filtered (aarch64 has no fork or vfork)
ARCHITECTURES = {"x86_64": _Numbers(0xC000003E, socket=41, clone=56, clone3=435, forks=(57, 58)),
                 "aarch64": _Numbers(0xC00000B7, socket=198, clone=220, clone3=435, forks=())}
ARCHITECTURES["arm64"] = ARCHITECTURES["aarch64"]


class _Instruction(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Instruction))]


def _assemble(lines: list[tuple]) -> list[tuple]:
    """BPF with labels: a line is (label,) or (code, true_label, false_label, k); jumps become offsets."""
    labels, position = {}, 0
    for line in lines:
        if len(line) == 1:
            labels[line[0]] = position
        else:
            position += 1
    program, position = [], 0
    for line in lines:
        if len(line) == 1:
            continue
        code, true, false, k = line
        offset = (lambda label: 0 if label is None else labels[label] - position - 1)
        program.append((code, offset(true), offset(false), k))
        position += 1
    return program


def program(numbers: _Numbers, sockets: bool, processes: bool) -> list[tuple]:
    """The filter's instructions: refuses what is asked of it, allows every other call."""
    lines = [
        (BPF_LD_W_ABS, None, None, ARCH),  # the calling convention's architecture
        (BPF_JEQ_K, "native", None, numbers.audit_arch),
        (BPF_RET_K, None, None, SECCOMP_RET_ERRNO | errno.EACCES),  # another one (32-bit calls): refused
        ("native",),
        (BPF_LD_W_ABS, None, None, NR),
        (BPF_JGE_K, "deny", None, X32_SYSCALL_BIT),  # x32 calls: refused
    ]
    if sockets:
        lines.append((BPF_JEQ_K, "deny", None, numbers.socket))
    if processes:
        lines += [(BPF_JEQ_K, "no_process", None, number) for number in numbers.forks]
        lines += [(BPF_JEQ_K, "no_clone3", None, numbers.clone3),
                  (BPF_JEQ_K, None, "allow", numbers.clone),
                  (BPF_LD_W_ABS, None, None, ARG0_LOW),  # clone's flags
                  (BPF_JSET_K, "allow", "no_process", CLONE_THREAD)]
    lines += [
        ("allow",), (BPF_RET_K, None, None, SECCOMP_RET_ALLOW),
        ("deny",), (BPF_RET_K, None, None, SECCOMP_RET_ERRNO | errno.EACCES),
        ("no_process",), (BPF_RET_K, None, None, SECCOMP_RET_ERRNO | PROCESS_REFUSED),
        ("no_clone3",), (BPF_RET_K, None, None, SECCOMP_RET_ERRNO | errno.ENOSYS),
    ]
    return _assemble(lines)


def restrict(refused: frozenset) -> dict:
    """Installs the filter on this process and all it starts; the PieceStatus of "sockets" and "new_processes"."""
    if not sys.platform.startswith("linux"):
        why = off(f"seccomp is Linux only (this is {sys.platform})")
        return {"sockets": why, "new_processes": why}
    machine = os.uname().machine
    if machine not in ARCHITECTURES:
        why = off(f"no seccomp filter written for {machine}")
        return {"sockets": why, "new_processes": why}
    wanted = {}
    for piece in ("sockets", "new_processes"):
        try:
            check_refused(piece, refused)
            wanted[piece] = True
        except OSError as exc:
            wanted[piece] = off(f"seccomp refused: {reason(exc)}")
    if all(value is not True for value in wanted.values()):
        return wanted
    instructions = program(ARCHITECTURES[machine], wanted["sockets"] is True, wanted["new_processes"] is True)
    array = (_Instruction * len(instructions))(*[_Instruction(*i) for i in instructions])
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(_Program(len(instructions), array)), 0, 0):
        code = ctypes.get_errno()
        why = off(f"seccomp refused: {reason(OSError(code, os.strerror(code)))}")
        return {piece: why for piece in wanted}
    _installed["new_processes"] = wanted["new_processes"] is True
    held = {"sockets": on("seccomp: no new socket of any kind (pathname unix sockets included)"),
            "new_processes": on("seccomp: no new process, threads only (so the memory limit holds for the "
                                "whole check)")}
    return {piece: held[piece] if value is True else value for piece, value in wanted.items()}


def processes_refused() -> bool:
    """Whether this process runs under the filter's rule against new processes (a refused fork is ours)."""
    return _installed["new_processes"]
