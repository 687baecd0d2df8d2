"""Pad the shape with 1s on the left, sum where it is 1 and grad is not, and reshape."""
import numpy as np


def unbroadcast(grad, shape):
    padded = (1,) * (np.ndim(grad) - len(shape)) + tuple(shape)
    axes = tuple(i for i, (g, s) in enumerate(zip(np.shape(grad), padded)) if s == 1 and g != 1)
    return np.reshape(np.sum(grad, axis=axes, keepdims=True), shape)
