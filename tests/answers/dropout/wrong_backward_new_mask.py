"""expect: mask_error

The backward draws a fresh mask with np.random instead of using the one it is given.
"""
import numpy as np


def dropout_forward(x, p, rng):
    mask = rng.random(x.shape) < p
    return x * mask / p, mask


def dropout_backward(dout, mask, p):
    mask = np.random.rand(*dout.shape) < p
    return dout * mask / p
