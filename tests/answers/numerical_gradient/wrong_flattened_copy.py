"""expect: wrong_value

Works on a flat copy of x, so that a single loop reaches every entry, and calls f on that copy:
f sees an array of shape (x.size,), not of x's shape.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-4):
    flat = x.flatten()
    grad = np.zeros_like(flat)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        fxh1 = f(flat)
        flat[i] = old - h
        fxh2 = f(flat)
        flat[i] = old
        grad[i] = (fxh1 - fxh2) / (2 * h)
    return grad.reshape(x.shape)
