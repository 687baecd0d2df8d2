"""expect: overflow

Exponentiates the raw scores: exp(1000) overflows.
"""
import numpy as np


def temporal_softmax_loss(x, y, mask):
    N, T, V = x.shape
    x_flat, y_flat, mask_flat = x.reshape(N * T, V), y.reshape(N * T), mask.reshape(N * T)
    probs = np.exp(x_flat)
    probs /= probs.sum(axis=1, keepdims=True)
    loss = -np.sum(mask_flat * np.log(probs[np.arange(N * T), y_flat])) / N
    dx = probs.copy()
    dx[np.arange(N * T), y_flat] -= 1
    dx = dx * mask_flat[:, None] / N
    return loss, dx.reshape(N, T, V)
