"""expect: batch_scale

Sums the cross-entropy over the batch instead of averaging it (reg = 0 here would still be wrong).
"""
import numpy as np


def linear_softmax_loss(W, X, y, reg):
    N = X.shape[0]
    scores = X @ W
    scores = scores - scores.max(axis=1, keepdims=True)
    log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(N), y].sum() + reg * np.sum(W ** 2)
    dscores = np.exp(log_probs)
    dscores[np.arange(N), y] -= 1
    return loss, X.T @ dscores + 2 * reg * W
