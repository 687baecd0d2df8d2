"""Tanh backward: out = tanh(x).

tanh = sinh / cosh, so by the quotient rule d tanh / dx = (cosh² − sinh²) / cosh² = 1 − tanh²(x):
the derivative is written in the output, so compute the output from x first, then
    dx = dout * (1 − tanh(x)²)
"""
import numpy as np


def tanh_backward(dout, x):
    """
    Inputs:
    - dout: upstream gradient, any shape
    - x: the input of the forward pass, same shape as dout

    Returns:
    - dx: gradient w.r.t. x, same shape as x
    """
    out = np.tanh(x)
    return dout * (1.0 - out * out)
