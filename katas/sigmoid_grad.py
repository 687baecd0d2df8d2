"""Derivative of the sigmoid.

With sigmoid(x) = 1 / (1 + e^(-x)), write the derivative d sigmoid / dx, elementwise,
evaluated at the input x:

    sigmoid_grad(x)[i] = sigmoid'(x[i])

- x is a float64 numpy array of any shape; return an array of x's shape.
- The argument is the input x of the sigmoid, not its output.
- Do not modify x: return a new array.
"""
import numpy as np


def sigmoid_grad(x):
    """
    Inputs:
    - x: numpy array of any shape, the input of the sigmoid

    Returns:
    - grad: d sigmoid / dx at every entry of x, same shape as x
    """
    raise NotImplementedError
