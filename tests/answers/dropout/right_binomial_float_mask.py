"""A float mask from rng.binomial, and the scale folded into one factor."""
import numpy as np


def dropout_forward(x, p, rng):
    mask = rng.binomial(1, p, size=x.shape).astype(np.float64)
    return x * (mask / p), mask


def dropout_backward(dout, mask, p):
    return dout * (mask / p)
