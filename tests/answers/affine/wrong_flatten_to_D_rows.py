"""expect: wrong_value

Reshapes x to (D, N) and transposes, which mixes entries of different examples.
"""
import numpy as np


def affine_forward(x, w, b):
    N, D = x.shape[0], w.shape[0]
    return x.reshape(D, N).T @ w + b


def affine_backward(dout, x, w, b):
    N, D = x.shape[0], w.shape[0]
    x_flat = x.reshape(D, N).T
    dx = (dout @ w.T).T.reshape(x.shape)
    return dx, x_flat.T @ dout, dout.sum(axis=0)
