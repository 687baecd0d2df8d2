"""expect: mask_error

Multiplies by alpha·x on the negative side, the forward's value rather than its slope.
"""
import numpy as np


def leaky_relu_forward(x, alpha=0.01):
    return np.where(x > 0, x, alpha * x)


def leaky_relu_backward(dout, x, alpha=0.01):
    return dout * np.where(x > 0, 1.0, alpha * x)
