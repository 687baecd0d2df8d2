"""The staged computational graph of the course notes: every intermediate kept, and the backward
walks it node by node."""
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = np.mean(x, axis=0)
    xmu = x - mu
    var = np.mean(xmu ** 2, axis=0)
    ivar = 1.0 / np.sqrt(var + eps)
    return gamma * (xmu * ivar) + beta


def batchnorm_backward(dout, x, gamma, beta, eps=1e-5):
    N = x.shape[0]
    mu = np.mean(x, axis=0)
    xmu = x - mu
    sq = xmu ** 2
    var = np.mean(sq, axis=0)
    sqrtvar = np.sqrt(var + eps)
    ivar = 1.0 / sqrtvar
    xhat = xmu * ivar
    dbeta = np.sum(dout, axis=0)
    dgamma = np.sum(dout * xhat, axis=0)
    dxhat = dout * gamma
    divar = np.sum(dxhat * xmu, axis=0)
    dxmu1 = dxhat * ivar
    dsqrtvar = -1.0 / sqrtvar ** 2 * divar
    dvar = 0.5 / np.sqrt(var + eps) * dsqrtvar
    dsq = np.ones_like(x) / N * dvar
    dxmu2 = 2 * xmu * dsq
    dx1 = dxmu1 + dxmu2
    dmu = -np.sum(dx1, axis=0)
    dx2 = np.ones_like(x) / N * dmu
    return dx1 + dx2, dgamma, dbeta
