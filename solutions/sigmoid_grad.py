"""Derivative of the sigmoid, at the input x.

    s = 1 / (1 + e^-x)
    ds/dx = e^-x / (1 + e^-x)^2 = s · e^-x / (1 + e^-x) = s · (1 − s)
so compute s from x first; s · (1 − s) is a formula in the output, x · (1 − x) would be wrong.
"""
import numpy as np


def sigmoid_grad(x):
    """
    Inputs:
    - x: numpy array of any shape, the input of the sigmoid

    Returns:
    - grad: d sigmoid / dx at every entry of x, same shape as x
    """
    s = 1.0 / (1.0 + np.exp(-x))
    return s * (1.0 - s)
