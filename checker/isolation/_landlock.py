"""Linux Landlock through three system calls: what the process may read, write, connect to and signal.

A thin ctypes layer of our own rather than a binding: the one on PyPI is an alpha that covers the filesystem
only (no ABI 4 network rules, no ABI 6 scopes), and the whole interface is three calls and three structs.
Rules are additive: a directory allowed is allowed with everything beneath it, so a forbidden directory is
kept out by never allowing it or any directory above it (see ``_paths``).
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys

from ._status import check_refused, off, on, reason

SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446  # the same on every architecture
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS = 38

# Filesystem rights (ABI 1 has bits 0-12; REFER is ABI 2, TRUNCATE ABI 3, IOCTL_DEV ABI 5).
EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
REFER, TRUNCATE, IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
FILE_ONLY_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV
READ_RIGHTS = EXECUTE | READ_FILE | READ_DIR
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1  # ABI 4
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1  # ABI 6


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
if _libc is not None:
    _libc.syscall.restype = ctypes.c_long


def _syscall(number: int, *args) -> int:
    result = _libc.syscall(ctypes.c_long(number), *args)
    if result < 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))
    return result


def abi_version() -> tuple[int, str]:
    """(the kernel's Landlock ABI, or 0; why 0)."""
    if _libc is None:
        return 0, f"Landlock is Linux only (this is {sys.platform})"
    try:
        return _syscall(SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(CREATE_RULESET_VERSION)), ""
    except OSError as exc:
        if exc.errno == errno.ENOSYS:
            return 0, "this kernel has no Landlock (Linux 5.13 or later has it)"
        if exc.errno == errno.EOPNOTSUPP:
            return 0, "Landlock is built in but not enabled (add landlock to the lsm= boot parameter)"
        return 0, f"Landlock refused: {reason(exc)}"


def filesystem_rights(abi: int) -> int:
    rights = (1 << 13) - 1
    if abi >= 2:
        rights |= REFER
    if abi >= 3:
        rights |= TRUNCATE
    if abi >= 5:
        rights |= IOCTL_DEV
    return rights


def _attr_size(abi: int) -> int:
    # Older kernels reject a struct with fields they do not know, so pass only the ones this ABI has.
    return 8 if abi < 4 else 16 if abi < 6 else 24


def _add_path(ruleset: int, path: str, rights: int, handled: int) -> bool:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return False  # a path that is not there needs no rule
    try:
        if not os.path.isdir(path):
            rights &= FILE_ONLY_RIGHTS
        attr = _PathBeneathAttr(rights & handled, fd)
        _syscall(SYS_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(RULE_PATH_BENEATH), ctypes.byref(attr),
                 ctypes.c_uint32(0))
        return True
    finally:
        os.close(fd)


def _plan(abi: int, why: str, refused: frozenset) -> tuple[dict, dict]:
    """(what to handle per piece, the status of each piece that will not be handled)."""
    wanted = {"filesystem": (1, "", filesystem_rights(abi)),
              "tcp": (4, "Linux 6.7", NET_BIND_TCP | NET_CONNECT_TCP),
              "signals": (6, "Linux 6.12", SCOPE_SIGNAL),
              "abstract_sockets": (6, "Linux 6.12", SCOPE_ABSTRACT_UNIX_SOCKET)}
    handled, missing = {}, {}
    for piece, (needed, kernel, bits) in wanted.items():
        if abi < 1:
            missing[piece] = off(why)
        elif abi < needed:
            missing[piece] = off(f"Landlock ABI {abi} has no {piece} rules (ABI {needed}, {kernel}, has them)")
        else:
            try:
                check_refused(piece, refused)
                handled[piece] = bits
            except OSError as exc:
                missing[piece] = off(reason(exc))
    return handled, missing


def restrict(read_paths: list[str], read_files: list[str], write_dirs: list[str], refused: frozenset) -> dict:
    """Restricts this process (and all it starts) for good.

    Inputs: read_paths, directories or files to read and execute beneath; read_files, files to read only;
    write_dirs, directories to read, write, create and remove in; refused, pieces to treat as refused.
    Returns {piece: PieceStatus} for filesystem, tcp, signals and abstract_sockets. TCP bind and connect
    are handled with no rule, so both are denied everywhere.
    """
    abi, why = abi_version()
    handled, statuses = _plan(abi, why, refused)
    if not handled:
        return statuses
    fs_rights = handled.get("filesystem", 0)
    scoped = handled.get("signals", 0) | handled.get("abstract_sockets", 0)
    attr = _RulesetAttr(fs_rights, handled.get("tcp", 0), scoped)
    try:
        ruleset = _syscall(SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(_attr_size(abi)), ctypes.c_uint32(0))
    except OSError as exc:
        return {**statuses, **{piece: off(f"Landlock refused the ruleset: {reason(exc)}") for piece in handled}}
    try:
        ruled = 0
        if fs_rights:
            ruled += sum(_add_path(ruleset, p, READ_RIGHTS, fs_rights) for p in read_paths)
            ruled += sum(_add_path(ruleset, p, READ_FILE, fs_rights) for p in read_files)
            ruled += sum(_add_path(ruleset, p, fs_rights, fs_rights) for p in write_dirs)
        # Without this flag only a process with CAP_SYS_ADMIN may restrict itself; it also stops setuid gains.
        _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        _syscall(SYS_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0))
    except OSError as exc:
        return {**statuses, **{piece: off(f"Landlock refused: {reason(exc)}") for piece in handled}}
    finally:
        os.close(ruleset)
    details = {"filesystem": f"Landlock ABI {abi}: reads the runtime ({ruled} rules) and the answer, "
                             f"writes only the scratch directory",
               "tcp": f"Landlock ABI {abi}: TCP bind and connect denied",
               "signals": f"Landlock ABI {abi}: no signal to any process outside the answer's own",
               "abstract_sockets": f"Landlock ABI {abi}: no abstract unix socket outside the answer's own"}
    return {**statuses, **{piece: on(details[piece]) for piece in handled}}
