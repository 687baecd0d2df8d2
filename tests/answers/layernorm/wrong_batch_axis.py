"""expect: wrong_axis

Copied from batchnorm: the statistics over axis 0 instead of the last axis.
"""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0, keepdims=True)
    var = x.var(axis=0, keepdims=True)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def layernorm_backward(dout, x, gamma, beta, eps=1e-5):
    std = np.sqrt(x.var(axis=0, keepdims=True) + eps)
    xhat = (x - x.mean(axis=0, keepdims=True)) / std
    g = dout * gamma
    dx = (g - g.mean(axis=0, keepdims=True) - xhat * np.mean(g * xhat, axis=0, keepdims=True)) / std
    rows = tuple(range(x.ndim - 1))
    return dx, np.sum(dout * xhat, axis=rows), np.sum(dout, axis=rows)
