"""Layernorm as batchnorm of the transpose: the rows flattened to (M, D), turned into columns, and
the batchnorm formulas applied over axis 0."""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    D = x.shape[-1]
    xt = x.reshape(-1, D).T                      # (D, M): each column is a row of x
    mu = xt.mean(axis=0)
    var = xt.var(axis=0)
    xhat = ((xt - mu) / np.sqrt(var + eps)).T
    return (xhat * gamma + beta).reshape(x.shape)


def layernorm_backward(dout, x, gamma, beta, eps=1e-5):
    D = x.shape[-1]
    xt = x.reshape(-1, D).T
    doutf = dout.reshape(-1, D)
    std = np.sqrt(xt.var(axis=0) + eps)
    xhat_t = (xt - xt.mean(axis=0)) / std
    dgamma = np.sum(doutf * xhat_t.T, axis=0)
    dbeta = np.sum(doutf, axis=0)
    g = (doutf * gamma).T
    dxt = (D * g - g.sum(axis=0) - xhat_t * np.sum(g * xhat_t, axis=0)) / (D * std)
    return dxt.T.reshape(x.shape), dgamma, dbeta
