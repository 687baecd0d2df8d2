"""expect: ignores_keyword

The step size 0.1 is written into the update instead of the lr argument: it trains with the
defaults, but lr=0.0 still moves the weights.
"""
import numpy as np


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    rng = np.random.default_rng(seed)
    W1 = 0.5 * rng.standard_normal((x.shape[1], hidden_size))
    b1 = np.zeros(hidden_size)
    W2 = 0.5 * rng.standard_normal((hidden_size, t.shape[1]))
    b2 = np.zeros(t.shape[1])
    losses = []
    for it in range(iters):
        batch = rng.choice(len(x), batch_size, replace=False)
        xb, tb = x[batch], t[batch]
        h = 1.0 / (1.0 + np.exp(-(xb @ W1 + b1)))
        scores = h @ W2 + b2
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
        losses.append(-np.mean(np.sum(tb * np.log(probs), axis=1)))
        dscores = (probs - tb) / len(xb)
        dW2 = h.T @ dscores
        db2 = dscores.sum(axis=0)
        dz = dscores @ W2.T * h * (1 - h)
        dW1 = xb.T @ dz
        db1 = dz.sum(axis=0)
        W1 -= 0.1 * dW1
        b1 -= 0.1 * db1
        W2 -= 0.1 * dW2
        b2 -= 0.1 * db2
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}, losses
