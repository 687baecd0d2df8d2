"""expect: wrong_value

Adds eps to the standard deviation instead of the variance: (x − μ)/(σ + eps).
"""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    std = x.std(axis=-1, keepdims=True)
    return gamma * (x - mu) / (std + eps) + beta


def layernorm_backward(dout, x, gamma, beta, eps=1e-5):
    D = x.shape[-1]
    sigma = x.std(axis=-1, keepdims=True)
    s = sigma + eps
    xc = x - x.mean(axis=-1, keepdims=True)
    g = dout * gamma
    dx = g / s - g.mean(axis=-1, keepdims=True) / s - xc * np.sum(g * xc, axis=-1, keepdims=True) / (D * sigma * s ** 2)
    rows = tuple(range(x.ndim - 1))
    return dx, np.sum(dout * xc / s, axis=rows), np.sum(dout, axis=rows)
