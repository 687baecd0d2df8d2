"""RMS normalization (RMSNorm): forward and backward.

RMSNorm rescales each row by its root mean square, with no mean subtracted and no shift:

    x (..., D),  weight (D,)
    rms = sqrt(mean of x**2 over the last axis + eps)     one per row
    out = x / rms * weight

Write rmsnorm_forward(x, weight, eps=1e-6), returning out (x's shape), and
rmsnorm_backward(dout, x, weight, eps=1e-6), returning (dx, dweight): the gradients of the loss
w.r.t. x and weight given dout = dL/d(out), each of its input's shape.

- x may be a single vector (D,), a batch (N, D), or have any leading dimensions (B, T, D): a
  row is always the last axis, and weight is shared by every row.
- eps sits inside the square root; a row of small entries (rms ~ 1e-3) feels it.
- eps may be any positive value; do not modify dout, x or weight.
- numpy and the standard library only.
"""
import numpy as np


def rmsnorm_forward(x, weight, eps=1e-6):
    """
    Inputs:
    - x: data, of shape (..., D): (D,), (N, D), (B, T, D), ...
    - weight: scale, of shape (D,)
    - eps: added to the mean square before the square root

    Returns:
    - out: of x's shape
    """
    raise NotImplementedError


def rmsnorm_backward(dout, x, weight, eps=1e-6):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), of x's shape
    - x, weight, eps: the inputs of the forward pass, as in rmsnorm_forward

    Returns a tuple of:
    - dx: gradient dL/dx, of x's shape
    - dweight: gradient dL/dweight, of shape (D,)
    """
    raise NotImplementedError
