"""expect: crashed

Answers the first call right, then, during the second, writes a well-formed "done" record on every pipe it
holds and ends its process: the records that arrived are all valid, but they stop after one call of six.
"""
import os
import stat
import struct

calls = [0]


def _wire(value):
    if isinstance(value, str):
        data = value.encode()
        return b"s" + struct.pack("<I", len(data)) + data
    return b"d" + struct.pack("<I", len(value)) + b"".join(_wire(k) + _wire(v) for k, v in value.items())


def relu_backward(dout, x):
    calls[0] += 1
    if calls[0] == 2:
        payload = _wire({"event": "done"})
        for fd in range(3, 64):
            try:
                if stat.S_ISFIFO(os.fstat(fd).st_mode):
                    os.write(fd, struct.pack("<Q", len(payload)) + payload)
            except OSError:
                pass
        os._exit(0)
    return dout * (x > 0)
