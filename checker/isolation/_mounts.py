"""The scratch directory as a small filesystem of its own: a tmpfs mounted on it in a mount namespace of the
answer's, so that what it writes there is bounded in all (RLIMIT_FSIZE bounds one file, not how many).

Needs the user namespace (mounting takes CAP_SYS_ADMIN, which the answer's process has there and nowhere
else); the mount is invisible outside, where scratch stays the empty directory the parent removes.
"""

from __future__ import annotations

import ctypes
import os
import sys

from ._status import check_refused, off, on, reason

CLONE_NEWNS = 0x00020000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REC, MS_PRIVATE = 0x2, 0x4, 0x8, 0x4000, 0x40000
_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def _call(result: int) -> None:
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def limit_scratch(scratch: str, size: int, refused: frozenset, in_user_namespace: bool):
    """Mounts a tmpfs of ``size`` bytes on ``scratch``; the PieceStatus of "scratch_space"."""
    if _libc is None:
        return off(f"mount namespaces are Linux only (this is {sys.platform})")
    if not in_user_namespace:
        return off("needs the user namespace (mounting takes a privilege the answer only has there)")
    try:
        check_refused("scratch_space", refused)
        _call(_libc.unshare(CLONE_NEWNS))
        # Private first: nothing mounted here propagates back to the machine's namespace.
        _call(_libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None))
        options = f"size={size},nr_inodes=4096,mode=0700".encode()
        _call(_libc.mount(b"kata-scratch", os.fsencode(scratch), b"tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
                          options))
    except OSError as exc:
        return off(f"no tmpfs on scratch: {reason(exc)}")
    return on(f"tmpfs of {size // 2**20} MiB on the scratch directory: what the answer writes there is "
              f"bounded in all")
