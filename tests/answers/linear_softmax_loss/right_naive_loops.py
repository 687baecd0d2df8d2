"""The course's naive version: one example at a time, with its own shift."""
import numpy as np


def linear_softmax_loss(W, X, y, reg):
    N, C = X.shape[0], W.shape[1]
    loss = 0.0
    dW = np.zeros_like(W)
    for i in range(N):
        scores = X[i].dot(W)
        scores -= np.max(scores)
        log_sum = np.log(np.sum(np.exp(scores)))
        loss += log_sum - scores[y[i]]
        for j in range(C):
            p = np.exp(scores[j] - log_sum)
            dW[:, j] += (p - (j == y[i])) * X[i]
    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2 * reg * W
    return loss, dW
