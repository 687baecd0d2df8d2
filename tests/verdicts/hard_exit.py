"""expect: crashed"""
import os


def relu_backward(dout, x):
    os._exit(0)
