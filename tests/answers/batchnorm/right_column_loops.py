"""One feature at a time, with the compact formula dx = (N·g − Σg − x̂·Σ(g·x̂)) / (N·σ)."""
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    out = np.empty_like(x)
    for j in range(x.shape[1]):
        column = x[:, j]
        centred = column - column.mean()
        out[:, j] = gamma[j] * centred / np.sqrt(np.mean(centred * centred) + eps) + beta[j]
    return out


def batchnorm_backward(dout, x, gamma, beta, eps=1e-5):
    N, D = x.shape
    dx = np.empty_like(x)
    dgamma = np.empty(D)
    dbeta = np.empty(D)
    for j in range(D):
        centred = x[:, j] - x[:, j].mean()
        std = np.sqrt(np.mean(centred * centred) + eps)
        xhat = centred / std
        g = dout[:, j] * gamma[j]
        dx[:, j] = (N * g - g.sum() - xhat * np.sum(g * xhat)) / (N * std)
        dgamma[j] = np.sum(dout[:, j] * xhat)
        dbeta[j] = dout[:, j].sum()
    return dx, dgamma, dbeta
