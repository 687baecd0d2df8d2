"""expect: ignores_keyword

Writes the default 1e-5 into the formula instead of using the eps argument.
"""
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    return gamma * (x - x.mean(axis=0)) / np.sqrt(x.var(axis=0) + 1e-5) + beta


def batchnorm_backward(dout, x, gamma, beta, eps=1e-5):
    std = np.sqrt(x.var(axis=0) + 1e-5)
    xhat = (x - x.mean(axis=0)) / std
    g = dout * gamma
    dx = (g - g.mean(axis=0) - xhat * np.mean(g * xhat, axis=0)) / std
    return dx, np.sum(dout * xhat, axis=0), np.sum(dout, axis=0)
