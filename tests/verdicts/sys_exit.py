"""expect: crashed"""
import sys


def relu_backward(dout, x):
    print("debugging:", dout.shape)
    sys.exit(1)
