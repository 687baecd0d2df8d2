"""expect: inexact

A clean central difference, but the default step in the signature is 1e-2 instead of 1e-4.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-2):
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        x[idx] = tmp_val
        grad[idx] = (fxh1 - fxh2) / (2 * h)
    return grad
