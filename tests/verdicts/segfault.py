"""expect: crashed

Reads far outside an array through a view numpy was told is valid: a segmentation fault in native code.
"""
import numpy as np


def relu_backward(dout, x):
    return np.lib.stride_tricks.as_strided(dout, shape=(2**20,), strides=(2**30,)).sum() * dout
