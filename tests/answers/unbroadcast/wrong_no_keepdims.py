"""expect: wrong_shape

Sums over the size-1 axes without keepdims: x of shape (3, 1) gets a (3,) gradient.
"""
import numpy as np


def unbroadcast(grad, shape):
    added = grad.ndim - len(shape)
    grad = grad.sum(axis=tuple(range(added)))
    ones = tuple(i for i, s in enumerate(shape) if s == 1)
    return grad.sum(axis=ones)
