"""expect: constant_scale

Averages over the unmasked steps, mask.sum(), instead of dividing by N.
"""
import numpy as np


def temporal_softmax_loss(x, y, mask):
    N, T, V = x.shape
    x_flat, y_flat, mask_flat = x.reshape(N * T, V), y.reshape(N * T), mask.reshape(N * T)
    shifted = x_flat - x_flat.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    count = mask_flat.sum()
    loss = -np.sum(mask_flat * log_probs[np.arange(N * T), y_flat]) / count
    dx = np.exp(log_probs)
    dx[np.arange(N * T), y_flat] -= 1
    dx = dx * mask_flat[:, None] / count
    return loss, dx.reshape(N, T, V)
