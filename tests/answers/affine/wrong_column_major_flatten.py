"""expect: wrong_value

Flattens each example in column-major (Fortran) order, consistently in the forward and backward.
"""
import numpy as np


def affine_forward(x, w, b):
    return x.reshape(x.shape[0], -1, order="F") @ w + b


def affine_backward(dout, x, w, b):
    x_flat = x.reshape(x.shape[0], -1, order="F")
    dx = (dout @ w.T).reshape(x.shape, order="F")
    return dx, x_flat.T @ dout, dout.sum(axis=0)
