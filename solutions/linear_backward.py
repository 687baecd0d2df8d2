"""Linear layer backward: out = x @ W + b.

Entry by entry, out[n, m] = sum_d x[n, d] W[d, m] + b[m], so
    dL/dx[n, d] = sum_m dout[n, m] W[d, m]    ->  dx = dout @ W.T      (N, M) @ (M, D)
    dL/dW[d, m] = sum_n x[n, d] dout[n, m]    ->  dW = x.T @ dout      (D, N) @ (N, M)
    dL/db[m]    = sum_n dout[n, m]            ->  db = dout.sum(axis=0)
b is shared by every row, so its gradient sums over the batch.
"""
import numpy as np


def linear_backward(dout, x, W, b):
    """
    Inputs:
    - dout: upstream gradient, (N, M)
    - x: input, (N, D)
    - W: weights, (D, M)
    - b: biases, (M,)

    Returns:
    - dx (N, D), dW (D, M), db (M,)
    """
    dx = dout @ W.T
    dW = x.T @ dout
    db = dout.sum(axis=0)
    return dx, dW, db
