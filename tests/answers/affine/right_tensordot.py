"""Without flattening: w viewed as (d1, ..., dk, M) and contracted over the feature axes."""
import numpy as np


def affine_forward(x, w, b):
    w_full = w.reshape(x.shape[1:] + (w.shape[1],))
    return np.tensordot(x, w_full, axes=x.ndim - 1) + b


def affine_backward(dout, x, w, b):
    feature_axes = tuple(range(1, x.ndim))
    w_full = w.reshape(x.shape[1:] + (w.shape[1],))
    dx = np.tensordot(dout, w_full, axes=([1], [x.ndim - 1]))
    dw = np.tensordot(x, dout, axes=([0], [0])).reshape(w.shape)
    return dx, dw, dout.sum(axis=0)
