"""A one-rule seccomp filter: the answer cannot create a socket of any kind.

Landlock (up to ABI 7) does not govern connecting to a pathname unix socket (``/run/...sock``, another
program's socket in /tmp), and a network namespace does not hide those either. The answer needs no socket, so
``socket()`` fails with EACCES; ``socketpair()`` and the descriptors the process already holds still work.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys

from ._status import check_refused, off, on, reason

PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2
BPF_LD_W_ABS, BPF_JEQ_K, BPF_JGE_K, BPF_RET_K = 0x20, 0x15, 0x35, 0x06
SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO = 0x7FFF0000, 0x00050000
X32_SYSCALL_BIT = 0x40000000
# machine: (the audit architecture, the number of socket())
ARCHITECTURES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198), "arm64": (0xC00000B7, 198)}


class _Instruction(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Instruction))]


def _program(arch: int, socket_number: int) -> list[tuple]:
    deny = SECCOMP_RET_ERRNO | errno.EACCES
    return [
        (BPF_LD_W_ABS, 0, 0, 4),                  # the calling convention's architecture
        (BPF_JEQ_K, 1, 0, arch),
        (BPF_RET_K, 0, 0, deny),                  # another one (32-bit calls on a 64-bit kernel): refused
        (BPF_LD_W_ABS, 0, 0, 0),                  # the system call's number
        (BPF_JGE_K, 2, 0, X32_SYSCALL_BIT),       # x32 calls: refused
        (BPF_JEQ_K, 1, 0, socket_number),
        (BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW),
        (BPF_RET_K, 0, 0, deny),
    ]


def forbid_sockets(refused: frozenset):
    """Installs the filter on this process and all it starts; returns the PieceStatus of "sockets"."""
    if not sys.platform.startswith("linux"):
        return off(f"seccomp is Linux only (this is {sys.platform})")
    machine = os.uname().machine
    if machine not in ARCHITECTURES:
        return off(f"no socket filter written for {machine}")
    libc = ctypes.CDLL(None, use_errno=True)
    instructions = _program(*ARCHITECTURES[machine])
    array = (_Instruction * len(instructions))(*[_Instruction(*i) for i in instructions])
    program = _Program(len(instructions), array)
    try:
        check_refused("sockets", refused)
        libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) != 0:
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code))
    except OSError as exc:
        return off(f"seccomp refused: {reason(exc)}")
    return on("seccomp: no new socket of any kind (pathname unix sockets included)")
