"""ReLU backward.

The forward pass of a rectified linear unit is, elementwise,

    out = max(x, 0)

Write the backward pass: given the upstream gradient dout = dL/d(out) and the input x of the
forward pass, return dx = dL/dx.

- x and dout have the same shape, any shape (a batch of vectors, a batch of images, ...).
- At x == 0 the derivative is undefined; use 0 there (the checker does not test x == 0).
- Do not modify dout or x: return a new array.
"""
import numpy as np


def relu_backward(dout, x):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), any shape
    - x: the input of the forward pass, same shape as dout

    Returns:
    - dx: gradient dL/dx, same shape as x
    """
    raise NotImplementedError
