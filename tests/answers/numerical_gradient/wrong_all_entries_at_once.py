"""expect: wrong_value

Loops over the entries but perturbs the whole array, x + h, in every evaluation.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-4):
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        grad[idx] = (f(x + h) - f(x - h)) / (2 * h)
    return grad
