"""expect: crashed

Writes junk to every file descriptor it can find, the one carrying results included: the
checker says so instead of failing itself.
"""
import os


def relu_backward(dout, x):
    for fd in range(3, 20):
        try:
            os.write(fd, b"\x00\x00\x00\x00\x00\x00\x00\x10" + b"junk" * 8)
        except OSError:
            pass
    return dout * (x > 0)
