"""Leaky ReLU: out = x where x > 0, alpha·x elsewhere.

Each side is linear, so the local derivative is the slope of the side x lies on (the kink at 0
takes alpha):
    d out / d x = 1 where x > 0, alpha elsewhere   =>   dx = dout * where(x > 0, 1, alpha)
"""
import numpy as np


def leaky_relu_forward(x, alpha=0.01):
    """x any shape -> out, same shape."""
    return np.where(x > 0, x, alpha * x)


def leaky_relu_backward(dout, x, alpha=0.01):
    """dout, x same shape -> dx, same shape."""
    return dout * np.where(x > 0, 1.0, alpha)
