"""expect: crashed

Sends small records that used to decode in exponential time (a pickle whose memo shares one list
2**40 times) and a list nested a million deep, then ends the process.
"""
import os
import pickle
import struct

shared = []
for _ in range(40):
    shared = [shared, shared]
bomb = pickle.dumps(shared, protocol=4)
deep = b"l\x01\x00\x00\x00" * 1_000_000 + b"N"
for payload in (bomb, deep):
    for fd in range(3, 64):
        try:
            os.write(fd, struct.pack("<Q", len(payload)) + payload)
        except OSError:
            pass
os._exit(0)
