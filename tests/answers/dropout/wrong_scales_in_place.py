"""expect: mutated_input

Applies the mask to x in place and returns x itself: the caller's x is destroyed.
"""
import numpy as np


def dropout_forward(x, p, rng):
    mask = rng.random(x.shape) < p
    x *= mask / p
    return x, mask


def dropout_backward(dout, mask, p):
    return dout * mask / p
