"""expect: ignores_rng

Keeps the first p·n entries, in order: the right rate, but no randomness at all.
"""
import numpy as np


def dropout_forward(x, p, rng):
    mask = np.arange(x.size).reshape(x.shape) < round(p * x.size)
    return x * mask / p, mask


def dropout_backward(dout, mask, p):
    return dout * mask / p
