"""Inverted dropout, p = the probability to keep an entry.

Forward: mask[i] ~ Bernoulli(p) independently and out = x * mask / p, so
    E[out] = x * P(keep) / p = x:
the expected activation is unchanged, and the layer is the identity at test time.
Backward: with the mask fixed, out is linear in x, d out[i] / d x[i] = mask[i] / p, so
    dx = dout * mask / p,
with the very mask the forward drew (a new draw would route the gradient elsewhere).
"""
import numpy as np


def dropout_forward(x, p, rng):
    """
    Inputs:
    - x: input, 1-D to 4-D
    - p: probability to keep each entry, 0 < p <= 1
    - rng: a numpy.random.Generator

    Returns (out, mask), both of x's shape: mask bool, out float64.
    """
    mask = rng.random(x.shape) < p
    return x * mask / p, mask


def dropout_backward(dout, mask, p):
    """
    Inputs:
    - dout: upstream gradient, of x's shape
    - mask: the 0/1 mask the forward returned
    - p: the keep probability of the forward

    Returns dx, of dout's shape.
    """
    return dout * mask / p
