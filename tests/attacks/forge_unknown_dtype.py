"""expect: crashed

Writes a well-framed call record of its own whose value is an array of a dtype the wire's pattern lets
through but numpy refuses (``<i3``): decoding it raised something other than the channel's own error.
"""
import fcntl
import os
import stat
import struct


def _wire(value):
    if type(value) is bool:
        return b"T" if value else b"F"
    if type(value) is int:
        return b"i" + struct.pack("<I", 8) + value.to_bytes(8, "little", signed=True)
    if type(value) is float:
        return b"f" + struct.pack("<d", value)
    if type(value) is str:
        return b"s" + struct.pack("<I", len(value.encode())) + value.encode()
    if type(value) is bytes:
        return b"b" + struct.pack("<I", len(value)) + value
    if type(value) is list:
        return b"l" + struct.pack("<I", len(value)) + b"".join(_wire(v) for v in value)
    return b"d" + struct.pack("<I", len(value)) + b"".join(_wire(k) + _wire(v) for k, v in value.items())


def relu_backward(dout, x):
    payload = _wire({"event": "call", "index": 0, "ok": True, "seconds": 0.0,
                     "value": ["A", "<i3", [2], b"\0" * 6]})
    for fd in range(3, 256):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY:
                os.write(fd, struct.pack("<Q", len(payload)) + payload)
        except OSError:
            pass
    return dout * (x > 0)
