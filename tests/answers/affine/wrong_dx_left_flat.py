"""expect: wrong_shape

Returns dx flat, (N, D), instead of reshaping it back to x's shape.
"""
import numpy as np


def affine_forward(x, w, b):
    return x.reshape(x.shape[0], -1).dot(w) + b


def affine_backward(dout, x, w, b):
    x_flat = x.reshape(x.shape[0], -1)
    return dout.dot(w.T), x_flat.T.dot(dout), np.sum(dout, axis=0)
