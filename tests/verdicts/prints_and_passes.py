"""expect: passed"""
import sys


def relu_backward(dout, x):
    print("shape", dout.shape)
    print("to stderr", file=sys.stderr)
    return dout * (x > 0)
