"""expect: constant_scale

Averages over the copies instead of summing them.
"""
import numpy as np


def unbroadcast(grad, shape):
    added = grad.ndim - len(shape)
    grad = grad.mean(axis=tuple(range(added)))
    ones = tuple(i for i, s in enumerate(shape) if s == 1)
    return grad.mean(axis=ones, keepdims=True)
