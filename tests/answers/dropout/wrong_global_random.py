"""expect: ignores_rng

Draws the mask from numpy's global generator (np.random.rand), not from the rng it is given.
"""
import numpy as np


def dropout_forward(x, p, rng):
    mask = np.random.rand(*x.shape) < p
    return x * mask / p, mask


def dropout_backward(dout, mask, p):
    return dout * mask / p
