"""expect: mask_error

Masks the loss but forgets the mask in the gradient.
"""
import numpy as np


def temporal_softmax_loss(x, y, mask):
    N, T, V = x.shape
    x_flat, y_flat, mask_flat = x.reshape(N * T, V), y.reshape(N * T), mask.reshape(N * T)
    shifted = x_flat - x_flat.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -np.sum(mask_flat * log_probs[np.arange(N * T), y_flat]) / N
    dx = np.exp(log_probs)
    dx[np.arange(N * T), y_flat] -= 1
    return loss, (dx / N).reshape(N, T, V)
