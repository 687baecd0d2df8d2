"""expect: exception

Indexes x with a flat position: fine on a vector, an IndexError on a matrix.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-4):
    grad = np.zeros_like(x)
    for idx in range(x.size):
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        x[idx] = tmp_val
        grad[idx] = (fxh1 - fxh2) / (2 * h)
    return grad
