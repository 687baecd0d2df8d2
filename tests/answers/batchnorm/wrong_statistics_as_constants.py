"""expect: wrong_gradient

Backpropagates through x̂ = (x − μ)/σ as if μ and σ were constants: dx = dout·γ/σ.
"""
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def batchnorm_backward(dout, x, gamma, beta, eps=1e-5):
    std = np.sqrt(x.var(axis=0) + eps)
    xhat = (x - x.mean(axis=0)) / std
    return dout * gamma / std, np.sum(dout * xhat, axis=0), np.sum(dout, axis=0)
