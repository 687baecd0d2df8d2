"""expect: crashed

Forges records whose fields have the wrong types, then ends the process so that only they are read.
"""
import os
import struct


def _wire(value):
    if isinstance(value, str):
        data = value.encode()
        return b"s" + struct.pack("<I", len(data)) + data
    if isinstance(value, int):
        return b"i" + struct.pack("<I", 8) + value.to_bytes(8, "little", signed=True)
    if isinstance(value, list):
        return b"l" + struct.pack("<I", len(value)) + b"".join(_wire(v) for v in value)
    if isinstance(value, dict):
        return b"d" + struct.pack("<I", len(value)) + b"".join(_wire(k) + _wire(v) for k, v in value.items())
    return b"N"


forged = {"event": "imported", "parameters": {"relu_backward": {"names": 5, "defaults": "x"}}}
payload = _wire(forged)
for fd in range(3, 64):
    try:
        os.write(fd, struct.pack("<Q", len(payload)) + payload)
    except OSError:
        pass
os._exit(0)
