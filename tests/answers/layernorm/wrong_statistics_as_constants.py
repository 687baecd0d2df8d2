"""expect: wrong_gradient

Treats the row's mean and standard deviation as constants in the backward: dx = dout·γ/σ.
"""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def layernorm_backward(dout, x, gamma, beta, eps=1e-5):
    std = np.sqrt(x.var(axis=-1, keepdims=True) + eps)
    xhat = (x - x.mean(axis=-1, keepdims=True)) / std
    rows = tuple(range(x.ndim - 1))
    return dout * gamma / std, np.sum(dout * xhat, axis=rows), np.sum(dout, axis=rows)
