"""expect: wrong_shape

Handles one added leading axis only, as if the batch axis were the only one ever added.
"""
import numpy as np


def unbroadcast(grad, shape):
    if grad.ndim > len(shape):
        grad = grad.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1:
            grad = grad.sum(axis=axis, keepdims=True)
    return grad
