"""Softmax classifier loss: mean cross-entropy of softmax(X @ W) plus reg·ΣW².

With p = softmax(scores) row by row, −log p[y] = logsumexp(scores) − scores[y], whose gradient
w.r.t. the scores is p − onehot(y). Through scores = X @ W and the mean over N:
    dW = Xᵀ (p − onehot(y)) / N + 2·reg·W
Each row is shifted by its own maximum before exp, so scores of ±1000 neither overflow nor underflow.
"""
import numpy as np


def linear_softmax_loss(W, X, y, reg):
    """W (D, C), X (N, D), y (N,) int, reg float -> (loss, dW (D, C))."""
    n = X.shape[0]
    scores = X @ W
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(n), y].mean() + reg * np.sum(W * W)
    dscores = np.exp(log_p)
    dscores[np.arange(n), y] -= 1
    dW = X.T @ dscores / n + 2 * reg * W
    return float(loss), dW
