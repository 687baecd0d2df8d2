"""expect: wrong_shape

Right for (N, D), but dgamma and dbeta sum over axis 0 only: a (B, T, D) input leaves them (T, D).
"""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def layernorm_backward(dout, x, gamma, beta, eps=1e-5):
    std = np.sqrt(x.var(axis=-1, keepdims=True) + eps)
    xhat = (x - x.mean(axis=-1, keepdims=True)) / std
    g = dout * gamma
    dx = (g - g.mean(axis=-1, keepdims=True) - xhat * np.mean(g * xhat, axis=-1, keepdims=True)) / std
    return dx, np.sum(dout * xhat, axis=0), np.sum(dout, axis=0)
