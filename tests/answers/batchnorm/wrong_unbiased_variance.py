"""expect: wrong_value

Takes the sample variance with Bessel's correction (ddof=1), as statistics courses teach, in both
passes: batchnorm's training-mode variance is the biased one, divided by N.
"""
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    var = x.var(axis=0, ddof=1)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def batchnorm_backward(dout, x, gamma, beta, eps=1e-5):
    N = x.shape[0]
    std = np.sqrt(x.var(axis=0, ddof=1) + eps)
    xhat = (x - x.mean(axis=0)) / std
    g = dout * gamma
    dx = (g - g.mean(axis=0) - xhat * np.sum(g * xhat, axis=0) / (N - 1)) / std
    return dx, np.sum(dout * xhat, axis=0), np.sum(dout, axis=0)
