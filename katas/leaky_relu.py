"""Leaky ReLU: forward and backward.

A leaky rectified linear unit lets a small slope through on the negative side, elementwise:

    out = x          where x > 0
    out = alpha * x  where x <= 0

with 0 <= alpha < 1 (alpha = 0 is the plain ReLU).

Write leaky_relu_forward(x, alpha=0.01), returning out, and
leaky_relu_backward(dout, x, alpha=0.01), returning dx = dL/dx given dout = dL/d(out).

- x and dout have the same shape, any shape from 0-d to 4-d.
- Use alpha as given: it is not always 0.01, and it may be 0.
- At x == 0 the derivative is undefined; use alpha there (the checker does not test x == 0).
- Do not modify dout or x: return new arrays.
- numpy and the standard library only.
"""
import numpy as np


def leaky_relu_forward(x, alpha=0.01):
    """
    Inputs:
    - x: input, any shape
    - alpha: the slope for x <= 0, 0 <= alpha < 1

    Returns:
    - out: same shape as x
    """
    raise NotImplementedError


def leaky_relu_backward(dout, x, alpha=0.01):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), same shape as x
    - x: the input of the forward pass
    - alpha: the slope for x <= 0, as in the forward pass

    Returns:
    - dx: gradient dL/dx, same shape as x
    """
    raise NotImplementedError
