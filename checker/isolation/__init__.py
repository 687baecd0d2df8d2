"""Isolation of the process that runs the answer: what it may read, write, signal, reach and spend.

In the child, after its runtime is imported and before the answer is, one call::

    statuses = isolation.isolate(Policy(scratch=..., answer=..., timeout=...))

moves the check into namespaces of its own and a process tree that ends whole (see ``_tree``), sets the limits,
drops capabilities, applies Landlock and a seccomp filter that refuses new sockets and new processes. It returns in the process
that will run the answer; the processes that wait outside never return from it. Every piece reports itself,
in force or not and why (``{piece: PieceStatus}``), and the check runs with whatever the kernel offers. In the
parent, ``stop_tree(process)`` ends the child and everything under it.

KATA_ISOLATION_REFUSE=piece,piece (or "all") makes this process behave as if the kernel refused those pieces.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from . import _landlock, _limits, _mounts, _paths, _seccomp, _tree
from ._status import PIECES, REFUSE_VARIABLE, PieceStatus, off, refused_pieces
from ._tree import stop_tree

__all__ = ["Policy", "PieceStatus", "PIECES", "REFUSE_VARIABLE", "isolate", "stop_tree", "full", "as_dict",
           "landlock_abi", "default_forbidden", "prepare", "processes_refused", "limit_cpu"]

GiB, MiB = 2**30, 2**20
default_forbidden = _paths.default_forbidden


@dataclass(frozen=True)
class Policy:
    """What the answer's process may do.

    scratch: a private directory, read and written, made the working directory (and HOME, TMPDIR).
    answer: the answer's file, readable (nothing else of its folder is).
    forbidden: paths that stay unreadable even where a runtime directory holds them; None means
        default_forbidden() (this package, the reference solutions, any installed copy of them). The
        workspace is never readable either way: only the runtime, the answer and scratch are.
    memory: address space in bytes (RLIMIT_AS). timeout: the check's wall-clock timeout in seconds; the CPU
        limit is one second more. open_files, file_size (bytes, per file written), processes: limits.
        scratch_size: bytes the scratch directory holds in all (a tmpfs).
    refuse: pieces to treat as refused by the kernel, on top of KATA_ISOLATION_REFUSE.
    """

    scratch: str
    answer: str | None = None
    forbidden: tuple | None = None
    memory: int = 2 * GiB
    timeout: float = 30.0
    open_files: int = 256
    file_size: int = 16 * MiB
    processes: int = 64
    scratch_size: int = 64 * MiB
    refuse: frozenset = field(default_factory=frozenset)


def prepare(forbidden=None) -> None:
    """Works out the readable paths ahead of time (a warm process calls it before forking; optional)."""
    _paths.readable_paths(list(default_forbidden() if forbidden is None else forbidden))


def landlock_abi() -> int:
    """The kernel's Landlock ABI version (0 when it has none)."""
    return _landlock.abi_version()[0]


def _enter_scratch(scratch: str) -> None:
    os.chdir(scratch)
    os.environ["HOME"] = os.environ["TMPDIR"] = scratch
    tempfile = sys.modules.get("tempfile")
    if tempfile is not None:
        tempfile.tempdir = scratch


def isolate(policy: Policy) -> dict:
    """Applies every piece of `policy` it can to this process; returns {piece: PieceStatus} for all PIECES.

    Call it once, single-threaded, after everything the answer's process will need is imported: afterwards
    the checker's own source is unreadable. Forks: it returns in a new process (see the module docstring).
    """
    if not 0 < policy.timeout < 1e6 or policy.memory <= 0:
        raise ValueError(f"timeout and memory must be positive and finite, not {policy.timeout}, {policy.memory}")
    refused = refused_pieces(policy.refuse)
    forbidden = list(default_forbidden() if policy.forbidden is None else policy.forbidden)
    readable = _paths.readable_paths(forbidden) + list(_paths.DEVICES_READ)
    statuses = _tree.enter(policy.processes, refused)
    pid_max = statuses.pop("pid_max")
    own_user_namespace = statuses["user_namespace"].in_force
    statuses["scratch_space"] = _mounts.limit_scratch(policy.scratch, policy.scratch_size, refused,
                                                      own_user_namespace)
    _enter_scratch(policy.scratch)  # after the mount: the working directory is the tmpfs
    statuses.update(_limits.apply_limits(policy, refused, own_user_namespace, pid_max))
    statuses["privileges"] = _limits.drop_privileges(refused)
    answers = [policy.answer] if policy.answer else []
    statuses.update(_landlock.restrict(readable, answers, [policy.scratch, os.devnull], refused))
    statuses.update(_seccomp.restrict(refused))
    return {piece: statuses.get(piece, off("not attempted")) for piece in PIECES}


processes_refused = _seccomp.processes_refused
limit_cpu = _limits.limit_cpu


def full(statuses: dict) -> bool:
    """Whether every piece is in force."""
    return all(s.in_force for s in statuses.values())


def as_dict(statuses: dict) -> dict:
    """{piece: {"state", "in_force", "detail"}}, for a --json result."""
    return {piece: status.to_dict() for piece, status in statuses.items()}
