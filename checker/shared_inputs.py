"""The calls' input arrays in memory the parent can read itself: whether an answer changed an input in place is
then read by the process that judges, not reported by the one that runs the answer.

The parent lays every input array of a check out in one memory file (``memfd_create``), hands its descriptor
to the child with the job and sends, in the calls, where each array lies (``protocol.encode(..., shared=...)``).
The child maps the file and passes your function views into it, so an input changed in place is changed there.
Once the child has ended, the parent reads the arrays back (``decode(tree, shared=...)``) and compares them
with what it sent. Each call has arrays of its own, and the file can neither shrink nor grow once written
(seals). What the child reports of its inputs still counts too: a dict entry rebound is only visible there.
An answer that puts back every byte it changed before its process ends has, to the checker, changed nothing.

Where the platform has no memfd (macOS), the arrays travel in the calls as before and only the child's
report is there to judge.
"""

from __future__ import annotations

import mmap
import os

import numpy as np

ALIGNMENT = 64
_SEALS = ("F_SEAL_SHRINK", "F_SEAL_GROW", "F_SEAL_SEAL")


class SharedInputs:
    """The parent's side: arrays placed (``place``), then written in one go (``write``), then read back."""

    def __init__(self):
        self.fd: int | None = None
        self.size = 0
        self._placed: list[tuple[int, np.ndarray]] = []
        if hasattr(os, "memfd_create"):
            try:
                self.fd = os.memfd_create("kata-inputs", os.MFD_ALLOW_SEALING)
            except OSError:
                self.fd = None

    @property
    def available(self) -> bool:
        return self.fd is not None

    def place(self, array: np.ndarray) -> int:
        """Reserves room for a C-contiguous copy of ``array``; its offset in the file."""
        offset = -(-self.size // ALIGNMENT) * ALIGNMENT
        data = np.ascontiguousarray(array)
        self._placed.append((offset, data))
        self.size = offset + data.nbytes
        return offset

    def write(self) -> None:
        """Writes every placed array, then seals the file's size."""
        os.ftruncate(self.fd, self.size)
        for offset, data in self._placed:
            if data.nbytes:
                os.pwrite(self.fd, memoryview(data).cast("B"), offset)
        self._placed = []
        import fcntl

        seals = 0
        for name in _SEALS:
            seals |= getattr(fcntl, name, 0)
        if seals and hasattr(fcntl, "F_ADD_SEALS"):
            try:
                fcntl.fcntl(self.fd, fcntl.F_ADD_SEALS, seals)
            except OSError:
                pass  # no seals on this kernel: a size changed by the child reads back as a changed input

    def read_back(self, offset: int, dtype: np.dtype, shape: tuple) -> np.ndarray | None:
        """The array as it is now in the file (None if the file no longer holds it whole)."""
        count = int(np.prod(shape, dtype=np.int64))
        nbytes = count * dtype.itemsize
        data = os.pread(self.fd, nbytes, offset) if nbytes else b""
        if len(data) != nbytes:
            return None
        return np.frombuffer(data, dtype=dtype, count=count).reshape(shape).copy()

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def map_in_child(fd: int, size: int):
    """The child's side: the file mapped shared and writable, as a buffer the arrays are views of."""
    if size <= 0:
        return bytearray()
    return mmap.mmap(fd, size, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
