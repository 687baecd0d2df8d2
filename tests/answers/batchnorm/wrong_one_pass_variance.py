"""expect: wrong_value

The one-pass variance E[x²] − E[x]²: exact on paper, but on a column of mean 1000 and spread 0.01
the two terms agree in their first ten digits and their difference is mostly rounding.
"""
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    var = (x ** 2).mean(axis=0) - mu ** 2
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def batchnorm_backward(dout, x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    std = np.sqrt((x ** 2).mean(axis=0) - mu ** 2 + eps)
    xhat = (x - mu) / std
    g = dout * gamma
    dx = (g - g.mean(axis=0) - xhat * np.mean(g * xhat, axis=0)) / std
    return dx, np.sum(dout * xhat, axis=0), np.sum(dout, axis=0)
