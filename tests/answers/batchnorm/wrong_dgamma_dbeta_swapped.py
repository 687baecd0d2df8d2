"""expect: wrong_type

Right gradients, returned as (dx, dbeta, dgamma): both have shape (D,), so only their values tell.
"""
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def batchnorm_backward(dout, x, gamma, beta, eps=1e-5):
    std = np.sqrt(x.var(axis=0) + eps)
    xhat = (x - x.mean(axis=0)) / std
    g = dout * gamma
    dx = (g - g.mean(axis=0) - xhat * np.mean(g * xhat, axis=0)) / std
    dgamma = np.sum(dout * xhat, axis=0)
    dbeta = np.sum(dout, axis=0)
    return dx, dbeta, dgamma
