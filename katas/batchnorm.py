"""Batch normalization (training mode): forward and backward.

A batchnorm layer normalizes each feature over the batch, then scales and shifts it:

    x (N, D),  gamma (D,),  beta (D,)
    mu  = mean of x over the batch (axis 0)               shape (D,)
    var = mean of (x - mu)**2 over the batch (biased: / N) shape (D,)
    x_hat = (x - mu) / sqrt(var + eps)
    out = gamma * x_hat + beta

Write batchnorm_forward(x, gamma, beta, eps=1e-5), returning out (N, D), and
batchnorm_backward(dout, x, gamma, beta, eps=1e-5), returning (dx, dgamma, dbeta): the gradients
of the loss w.r.t. x, gamma and beta given dout = dL/d(out), each of its input's shape.

- Training mode only: the statistics are those of this batch (no running averages). mu and var
  depend on every row of x, so every row's dx depends on every other row of the same column.
- N >= 2 (with N = 1 every x_hat is 0). At N = 2, x_hat is ±1 in every column.
- The mean of a column may be large next to its spread (mean 1000, std 0.01): compute the
  variance so that no digits are lost to cancellation.
- eps may be any positive value; do not modify dout, x, gamma or beta.
- numpy and the standard library only.
"""
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    """
    Inputs:
    - x: data, of shape (N, D), N >= 2
    - gamma: scale, of shape (D,)
    - beta: shift, of shape (D,)
    - eps: added to the variance before the square root

    Returns:
    - out: of shape (N, D)
    """
    raise NotImplementedError


def batchnorm_backward(dout, x, gamma, beta, eps=1e-5):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), of shape (N, D)
    - x, gamma, beta, eps: the inputs of the forward pass, as in batchnorm_forward

    Returns a tuple of:
    - dx: gradient dL/dx, of shape (N, D)
    - dgamma: gradient dL/dgamma, of shape (D,)
    - dbeta: gradient dL/dbeta, of shape (D,)
    """
    raise NotImplementedError
