"""expect: wrong_shape

Sums dweight over axis 0 only: right for (N, D), a scalar for a vector and (T, D) for (B, T, D).
"""
import numpy as np


def rmsnorm_forward(x, weight, eps=1e-6):
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * weight


def rmsnorm_backward(dout, x, weight, eps=1e-6):
    r = 1.0 / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps)
    xhat = x * r
    g = dout * weight
    return r * (g - xhat * np.mean(g * xhat, axis=-1, keepdims=True)), np.sum(dout * xhat, axis=0)
