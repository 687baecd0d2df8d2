"""expect: batch_scale

The loss is the mean over the batch, but the backward starts from y - t without the 1/N: every
gradient is batch_size times the gradient of the mean loss.
"""
import numpy as np


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    rng = np.random.default_rng(seed)
    W1 = 0.5 * rng.standard_normal((x.shape[1], hidden_size))
    b1 = np.zeros(hidden_size)
    W2 = 0.5 * rng.standard_normal((hidden_size, t.shape[1]))
    b2 = np.zeros(t.shape[1])
    losses = []
    for _ in range(iters):
        rows = rng.choice(len(x), batch_size, replace=False)
        xb, tb = x[rows], t[rows]
        h = 1.0 / (1.0 + np.exp(-(xb @ W1 + b1)))
        scores = h @ W2 + b2
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
        losses.append(-np.mean(np.sum(tb * np.log(probs), axis=1)))
        dscores = probs - tb
        dz = dscores @ W2.T * h * (1 - h)
        W2 -= lr * (h.T @ dscores)
        b2 -= lr * dscores.sum(axis=0)
        W1 -= lr * (xb.T @ dz)
        b1 -= lr * dz.sum(axis=0)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}, losses
