"""expect: mask_error

Writes the negative side as alpha itself instead of alpha·x.
"""
import numpy as np


def leaky_relu_forward(x, alpha=0.01):
    return np.where(x > 0, x, alpha)


def leaky_relu_backward(dout, x, alpha=0.01):
    return dout * np.where(x > 0, 1.0, alpha)
