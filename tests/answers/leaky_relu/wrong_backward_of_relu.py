"""expect: mask_error

The forward is right; the backward is copied from a ReLU and blocks the negative side.
"""
import numpy as np


def leaky_relu_forward(x, alpha=0.01):
    return np.where(x > 0, x, alpha * x)


def leaky_relu_backward(dout, x, alpha=0.01):
    return dout * (x > 0)
