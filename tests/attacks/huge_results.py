"""expect: crashed

Returns 100 MB on every call (three calls make 300 MB): the parent refuses past its limit, unharmed.
"""
import numpy as np


def relu_backward(dout, x):
    return np.ones(100 * 2**20 // 8)
