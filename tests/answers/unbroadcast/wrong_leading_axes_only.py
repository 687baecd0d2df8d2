"""expect: wrong_shape

Sums away the added leading axes but forgets the axes of size 1 that were repeated.
"""
import numpy as np


def unbroadcast(grad, shape):
    while grad.ndim > len(shape):
        grad = grad.sum(axis=0)
    return grad
