"""The gradient of np.broadcast_to(x, grad.shape) w.r.t. x.

Broadcasting copies x along the axes it adds in front and along its size-1 axes, and
out[..., i, ...] = x[..., 0, ...] for every i there. A sum over copies is the adjoint of copying:
    dx = Σ over the leading grad.ndim − len(shape) axes, then Σ over the axes where shape is 1,
keeping those (keepdims) so the result has x's shape.
"""
import numpy as np


def unbroadcast(grad, shape):
    """grad (any shape), shape (a tuple that broadcasts to grad.shape) -> dx of `shape`."""
    added = grad.ndim - len(shape)
    summed = np.sum(grad, axis=tuple(range(added)))
    ones = tuple(axis for axis, size in enumerate(shape) if size == 1)
    return np.sum(summed, axis=ones, keepdims=True)
