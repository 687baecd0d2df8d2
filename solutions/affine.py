"""Affine layer out = x_flat @ w + b, with x_flat = x.reshape(N, D) in row-major order.

The flatten is a fixed permutation-free relabelling of x's entries, so its backward is the
reshape back to x's shape. Through the matrix product and the bias added to every row:
    dx_flat = dout @ wᵀ  ->  dx = dx_flat.reshape(x.shape)
    dw = x_flatᵀ @ dout,    db = Σ_n dout[n]
"""
import numpy as np


def affine_forward(x, w, b):
    """x (N, d1, ..., dk), w (D, M), b (M,) -> out (N, M)."""
    return x.reshape(x.shape[0], -1) @ w + b


def affine_backward(dout, x, w, b):
    """Returns (dx of x's shape, dw (D, M), db (M,))."""
    x_flat = x.reshape(x.shape[0], -1)
    dx = (dout @ w.T).reshape(x.shape)
    return dx, x_flat.T @ dout, dout.sum(axis=0)
