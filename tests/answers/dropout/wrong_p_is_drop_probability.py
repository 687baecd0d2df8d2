"""expect: wrong_value

Reads p as the probability to drop: keeps an entry where the uniform draw exceeds p, and
rescales by 1 - p.
"""
import numpy as np


def dropout_forward(x, p, rng):
    mask = rng.random(x.shape) > p
    return x * mask / (1 - p), mask


def dropout_backward(dout, mask, p):
    return dout * mask / (1 - p)
