"""expect: crashed"""
import ctypes


def relu_backward(dout, x):
    return ctypes.string_at(0)
