"""expect: mask_error

Multiplies by the forward output max(x, 0) instead of the 0/1 indicator of x > 0.
"""
import numpy as np


def relu_backward(dout, x):
    return dout * np.maximum(x, 0)
