"""What each piece of isolation reports about itself, and which pieces a caller asks to treat as refused."""

from __future__ import annotations

import os
from dataclasses import dataclass

# The pieces, in the order `kata doctor` shows them.
PIECES = (
    "user_namespace", "process_tree", "process_count", "new_processes", "network", "memory", "cpu_time",
    "open_files", "file_size", "scratch_space", "privileges", "filesystem", "tcp", "signals", "abstract_sockets",
    "sockets",
)
REFUSE_VARIABLE = "KATA_ISOLATION_REFUSE"
ON, PARTIAL, OFF = "on", "partial", "off"


@dataclass(frozen=True)
class PieceStatus:
    """One piece of isolation as it stands in the child.

    state: "on" (in force), "partial" (a weaker fallback holds), or "off" (unavailable).
    detail: what holds, or why not, in one line a person can act on.
    """

    state: str
    detail: str

    @property
    def in_force(self) -> bool:
        return self.state == ON

    def to_dict(self) -> dict:
        return {"state": self.state, "in_force": self.in_force, "detail": self.detail}


def on(detail: str) -> PieceStatus:
    return PieceStatus(ON, detail)


def partial(detail: str) -> PieceStatus:
    return PieceStatus(PARTIAL, detail)


def off(detail: str) -> PieceStatus:
    return PieceStatus(OFF, detail)


class Refused(OSError):
    """A piece the caller asked to treat as refused by the kernel (to show and test the fallback)."""

    def __init__(self, piece: str):
        super().__init__(f"refused ({REFUSE_VARIABLE} names {piece})")


def refused_pieces(extra=()) -> frozenset:
    """The pieces named in KATA_ISOLATION_REFUSE (comma-separated, or "all"), plus `extra`."""
    named = {p.strip() for p in os.environ.get(REFUSE_VARIABLE, "").split(",") if p.strip()}
    named |= set(extra)
    if "all" in named:
        return frozenset(PIECES)
    return frozenset(named)


def check_refused(piece: str, refused: frozenset) -> None:
    """Raises as the kernel would if the caller asked for this piece to be refused."""
    if piece in refused:
        raise Refused(piece)


def reason(exc: OSError) -> str:
    """A short reason from a failed system call."""
    if isinstance(exc, Refused):
        return str(exc)
    return exc.strerror or str(exc)
