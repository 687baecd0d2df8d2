"""expect: constant_scale

Plain (not inverted) dropout: the kept entries are never divided by p.
"""
import numpy as np


def dropout_forward(x, p, rng):
    mask = rng.random(x.shape) < p
    return x * mask, mask


def dropout_backward(dout, mask, p):
    return dout * mask
