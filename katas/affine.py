"""Affine (fully connected) layer on inputs of any rank: forward and backward.

Each of the N examples in x (N, d1, ..., dk) is flattened to a row of D = d1·...·dk entries, in
row-major (C) order, the order of x.reshape(N, -1); then

    out = x_flat @ w + b,    x_flat (N, D),  w (D, M),  b (M,)  ->  out (N, M)

Write affine_forward(x, w, b), returning out, and affine_backward(dout, x, w, b), returning
(dx, dw, db): the gradients of the loss w.r.t. x, w and b given dout = dL/d(out), each of its
input's shape (dx of x's shape, not flattened).

- x may be 2-D (already flat) up to 4-D; N may be 1.
- Do not modify dout, x, w or b: return new arrays.
- numpy and the standard library only.
"""
import numpy as np


def affine_forward(x, w, b):
    """
    Inputs:
    - x: input data, of shape (N, d_1, ..., d_k)
    - w: weights, of shape (D, M) with D = d_1 * ... * d_k
    - b: biases, of shape (M,)

    Returns:
    - out: output, of shape (N, M)
    """
    raise NotImplementedError


def affine_backward(dout, x, w, b):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), of shape (N, M)
    - x, w, b: the inputs of the forward pass, as in affine_forward

    Returns a tuple of:
    - dx: gradient dL/dx, of shape (N, d_1, ..., d_k)
    - dw: gradient dL/dw, of shape (D, M)
    - db: gradient dL/db, of shape (M,)
    """
    raise NotImplementedError
