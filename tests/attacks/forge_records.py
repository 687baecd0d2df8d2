"""expect: crashed

Writes records of its own on every descriptor that may carry results: a call that passed, and "done".
"""
import os
import struct


def _wire(value):
    if isinstance(value, bool):
        return b"T" if value else b"F"
    if isinstance(value, str):
        data = value.encode()
        return b"s" + struct.pack("<I", len(data)) + data
    if isinstance(value, float):
        return b"f" + struct.pack("<d", value)
    if isinstance(value, int):
        data = value.to_bytes(8, "little", signed=True)
        return b"i" + struct.pack("<I", 8) + data
    if isinstance(value, list):
        return b"l" + struct.pack("<I", len(value)) + b"".join(_wire(v) for v in value)
    if isinstance(value, dict):
        return b"d" + struct.pack("<I", len(value)) + b"".join(_wire(k) + _wire(v) for k, v in value.items())
    return b"N"


def _forge(record):
    payload = _wire(record)
    data = struct.pack("<Q", len(payload)) + payload
    for fd in range(3, 64):
        try:
            os.write(fd, data)
        except OSError:
            pass


def relu_backward(dout, x):
    _forge({"event": "call", "index": 0, "ok": True, "value": ["P", 0.0], "seconds": 0.0, "warnings": []})
    _forge({"event": "done"})
    return -dout * (x > 0)
