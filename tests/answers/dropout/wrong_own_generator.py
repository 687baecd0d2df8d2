"""expect: ignores_rng

Makes a generator of its own with a fixed seed: reproducible, but blind to the caller's seed.
"""
import numpy as np


def dropout_forward(x, p, rng):
    rng = np.random.default_rng(0)
    mask = rng.random(x.shape) < p
    return x * mask / p, mask


def dropout_backward(dout, mask, p):
    return dout * mask / p
