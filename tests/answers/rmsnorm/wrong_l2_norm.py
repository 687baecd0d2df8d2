"""expect: wrong_value

Divides by the L2 norm of the row, √(Σx² + eps), instead of its root mean square.
"""
import numpy as np


def rmsnorm_forward(x, weight, eps=1e-6):
    return x / np.sqrt(np.sum(x * x, axis=-1, keepdims=True) + eps) * weight


def rmsnorm_backward(dout, x, weight, eps=1e-6):
    norm = np.sqrt(np.sum(x * x, axis=-1, keepdims=True) + eps)
    g = dout * weight
    dx = g / norm - x * np.sum(g * x, axis=-1, keepdims=True) / norm ** 3
    return dx, np.sum(dout * x / norm, axis=tuple(range(x.ndim - 1)))
