"""Whether the answer's process will be kept from writing outside its scratch directory, known before its
child starts and without loading the isolation package (about 8 ms): where it will not, a command imports
all it needs first, so that nothing the answer could have written is imported once it runs."""

from __future__ import annotations

import os
import sys


def refused_by_environment() -> bool:
    """Whether KATA_ISOLATION_REFUSE (checker/isolation/_status.py) refuses the filesystem piece."""
    refused = {piece.strip() for piece in os.environ.get("KATA_ISOLATION_REFUSE", "").split(",")}
    return bool(refused & {"filesystem", "all"})


def files_confined() -> bool:
    """Whether Landlock will confine the answer's writes (the kernel has it, and it is not refused)."""
    if refused_by_environment() or not sys.platform.startswith("linux"):
        return False
    import ctypes  # loaded already with numpy

    libc = ctypes.CDLL(None, use_errno=True)
    # landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION): the ABI, or -1 (the same number on
    # every architecture; checker/isolation/_landlock.py has the rest)
    return libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1)) > 0
