"""Softmax backward.

The forward pass is a softmax over the last axis: for each row x of C logits,

    y_i = exp(x_i) / sum_j exp(x_j)

Write softmax_backward(dout, y): given the upstream gradient dout = dL/dy and the softmax's
*output* y (not its input x), return dx = dL/dx.

- y and dout have the same shape: a vector (C,), or any leading dimensions (..., C) such as
  (N, C) or (N, T, C); each row along the last axis is a softmax of its own.
- Every y_i depends on every x_j of its row, so the Jacobian is not diagonal. You may build the
  C×C Jacobian of each row (allowed, only slower), but it is not needed.
- Do not modify dout or y: return a new array.
- numpy and the standard library only.
"""
import numpy as np


def softmax_backward(dout, y):
    """
    Inputs:
    - dout: upstream gradient dL/dy, of shape (C,) or (..., C)
    - y: the softmax's output, same shape as dout, each row along the last axis summing to 1

    Returns:
    - dx: gradient dL/dx w.r.t. the softmax's input, same shape as y
    """
    raise NotImplementedError
