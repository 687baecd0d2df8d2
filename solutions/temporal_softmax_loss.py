"""Masked cross-entropy over time steps, summed and divided by the number of sequences N.

Each counted step adds −log p[y] = logsumexp(x[n, t]) − x[n, t, y], whose gradient is p − onehot(y);
a masked-out step adds nothing, so
    dx[n, t] = mask[n, t] · (softmax(x[n, t]) − onehot(y[n, t])) / N
Each step's scores are shifted by their own maximum, so ±1000 neither overflows nor underflows.
"""
import numpy as np


def temporal_softmax_loss(x, y, mask):
    """x (N, T, V), y (N, T) int, mask (N, T) bool -> (loss, dx (N, T, V))."""
    n = x.shape[0]
    shifted = x - x.max(axis=-1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    one_hot = np.eye(x.shape[-1])[y]
    counted = mask[..., None] / n
    loss = -np.sum(log_p * one_hot * counted)
    return float(loss), (np.exp(log_p) - one_hot) * counted
