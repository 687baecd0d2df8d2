"""expect: loss_mismatch

The loss of a popular from-scratch article: binary cross-entropy summed over the classes,
−Σ [t·log y + (1 − t)·log(1 − y)], averaged over the batch, applied to softmax probabilities.
"""
import numpy as np


def cross_entropy(y, t):
    y = np.atleast_2d(y)
    t = np.asarray(t)
    if t.shape != y.shape and t.size == y.shape[0]:
        t = np.eye(y.shape[1])[t.reshape(-1)]
    t = t.reshape(y.shape)
    return float(-np.sum(t * np.log(y) + (1 - t) * np.log(1 - y)) / y.shape[0])
