"""expect: wrong_value

The vector version of the loop, for i in range(x.shape[0]): on a matrix x[i] is a whole row,
saved as a view and moved all at once.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-4):
    grad = np.zeros_like(x)
    for i in range(x.shape[0]):
        old = x[i]
        x[i] = old + h
        fxph = f(x)
        x[i] = old - h
        fxmh = f(x)
        x[i] = old
        grad[i] = (fxph - fxmh) / (2 * h)
    return grad
