"""expect: wrong_value

Leaves eps out of the forward altogether, x/√mean(x²): the rows of small entries tell.
"""
import numpy as np


def rmsnorm_forward(x, weight, eps=1e-6):
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True)) * weight


def rmsnorm_backward(dout, x, weight, eps=1e-6):
    r = 1.0 / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps)
    xhat = x * r
    g = dout * weight
    return r * (g - xhat * np.mean(g * xhat, axis=-1, keepdims=True)), np.sum(dout * xhat, axis=tuple(range(x.ndim - 1)))
