"""One time step at a time: each step is a masked softmax cross-entropy over the batch."""
import numpy as np


def temporal_softmax_loss(x, y, mask):
    N, T, V = x.shape
    loss = 0.0
    dx = np.zeros_like(x)
    rows = np.arange(N)
    for t in range(T):
        scores = x[:, t, :]
        top = scores.max(axis=1, keepdims=True)
        lse = top[:, 0] + np.log(np.exp(scores - top).sum(axis=1))
        counted = mask[:, t]
        loss += np.sum((lse - scores[rows, y[:, t]])[counted])
        grad = np.exp(scores - lse[:, None])
        grad[rows, y[:, t]] -= 1.0
        dx[:, t, :] = np.where(counted[:, None], grad, 0.0) / N
    return loss / N, dx
