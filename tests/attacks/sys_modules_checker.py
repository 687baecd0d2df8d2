"""expect: forbidden_import

Reaches the child's own modules through sys.modules to patch how results are sent.
"""
import sys


def relu_backward(dout, x):
    protocol = sys.modules["checker.protocol"]
    protocol.encode = lambda value, _depth=0: ["P", None]
    return -dout * (x > 0)
