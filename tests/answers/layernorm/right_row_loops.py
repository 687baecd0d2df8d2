"""One row at a time, over np.ndindex of the leading axes, with the chain rule through μ and σ²
written out term by term."""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    out = np.empty_like(x)
    for index in np.ndindex(x.shape[:-1]):
        row = x[index]
        mu = row.mean()
        var = ((row - mu) ** 2).mean()
        out[index] = gamma * (row - mu) / np.sqrt(var + eps) + beta
    return out


def layernorm_backward(dout, x, gamma, beta, eps=1e-5):
    D = x.shape[-1]
    dx = np.empty_like(x)
    dgamma = np.zeros(D)
    dbeta = np.zeros(D)
    for index in np.ndindex(x.shape[:-1]):
        row, up = x[index], dout[index]
        mu = row.mean()
        var = ((row - mu) ** 2).mean()
        std = np.sqrt(var + eps)
        xhat = (row - mu) / std
        dgamma += up * xhat
        dbeta += up
        dxhat = up * gamma
        dvar = np.sum(dxhat * (row - mu)) * -0.5 * std ** -3
        dmu = -np.sum(dxhat) / std + dvar * np.mean(-2.0 * (row - mu))
        dx[index] = dxhat / std + dvar * 2.0 * (row - mu) / D + dmu / D
    return dx, dgamma, dbeta
