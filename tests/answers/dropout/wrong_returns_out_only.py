"""expect: wrong_type

Returns the output alone and keeps the mask to itself (in a global), as a layer with a cache
would: the task's forward returns (out, mask).
"""
import numpy as np

_mask = None


def dropout_forward(x, p, rng):
    global _mask
    _mask = rng.random(x.shape) < p
    return x * _mask / p


def dropout_backward(dout, mask, p):
    return dout * mask / p
