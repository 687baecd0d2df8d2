"""Layer normalization: forward and backward.

A layernorm layer normalizes each row over its features, the last axis, then scales and shifts it:

    x (..., D),  gamma (D,),  beta (D,)
    mu  = mean of x over the last axis                 one per row
    var = mean of (x - mu)**2 over the last axis (biased: / D)
    x_hat = (x - mu) / sqrt(var + eps)
    out = gamma * x_hat + beta

Write layernorm_forward(x, gamma, beta, eps=1e-5), returning out (x's shape), and
layernorm_backward(dout, x, gamma, beta, eps=1e-5), returning (dx, dgamma, dbeta): the gradients
of the loss w.r.t. x, gamma and beta given dout = dL/d(out), each of its input's shape.

- x may be a single vector (D,), a batch (N, D), or have any leading dimensions (B, T, D): a
  row is always the last axis, and gamma, beta are shared by every row.
- The statistics are those of each row alone (unlike batchnorm, nothing is averaged over the
  batch), so dx of a row depends on that row only.
- eps may be any positive value; do not modify dout, x, gamma or beta.
- numpy and the standard library only.
"""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    """
    Inputs:
    - x: data, of shape (..., D): (D,), (N, D), (B, T, D), ...
    - gamma: scale, of shape (D,)
    - beta: shift, of shape (D,)
    - eps: added to the variance before the square root

    Returns:
    - out: of x's shape
    """
    raise NotImplementedError


def layernorm_backward(dout, x, gamma, beta, eps=1e-5):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), of x's shape
    - x, gamma, beta, eps: the inputs of the forward pass, as in layernorm_forward

    Returns a tuple of:
    - dx: gradient dL/dx, of x's shape
    - dgamma: gradient dL/dgamma, of shape (D,)
    - dbeta: gradient dL/dbeta, of shape (D,)
    """
    raise NotImplementedError
