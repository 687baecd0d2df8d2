"""expect: wrong_value

Uses the ½·reg·ΣW² convention of other courses, with its matching gradient reg·W.
"""
import numpy as np


def linear_softmax_loss(W, X, y, reg):
    N = X.shape[0]
    scores = X @ W
    scores -= np.max(scores, axis=1, keepdims=True)
    log_probs = scores - np.log(np.sum(np.exp(scores), axis=1, keepdims=True))
    loss = -np.mean(log_probs[np.arange(N), y]) + 0.5 * reg * np.sum(W * W)
    dscores = np.exp(log_probs)
    dscores[np.arange(N), y] -= 1
    return loss, X.T @ dscores / N + reg * W
