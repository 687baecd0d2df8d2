"""Epochs: shuffle the rows once per pass and walk through them in slices; integer labels
instead of the one-hot matrix; biases kept as (1, H) rows while training."""
import numpy as np


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    rng = np.random.default_rng(seed)
    n, d = x.shape
    c = t.shape[1]
    W1 = 0.5 * rng.standard_normal((d, hidden_size))
    W2 = 0.5 * rng.standard_normal((hidden_size, c))
    b1, b2 = np.zeros((1, hidden_size)), np.zeros((1, c))
    labels = t.argmax(axis=1)
    order, position = rng.permutation(n), 0
    losses = []
    for step in range(iters):
        if position + batch_size > n:
            order, position = rng.permutation(n), 0
        rows = order[position:position + batch_size]
        position += batch_size
        xb, yb, m = x[rows], labels[rows], len(rows)

        a = xb @ W1 + b1
        h = np.exp(-np.logaddexp(0.0, -a))  # sigmoid, without overflow
        scores = h @ W2 + b2
        log_probs = scores - np.logaddexp.reduce(scores, axis=1, keepdims=True)
        losses.append(-log_probs[np.arange(m), yb].mean())

        dscores = np.exp(log_probs)
        dscores[np.arange(m), yb] -= 1.0
        dscores /= m
        dh = dscores @ W2.T
        da = dh * h * (1.0 - h)
        W2 = W2 - lr * (h.T @ dscores)
        b2 = b2 - lr * dscores.sum(axis=0, keepdims=True)
        W1 = W1 - lr * (xb.T @ da)
        b1 = b1 - lr * da.sum(axis=0, keepdims=True)
    return {"W1": W1, "b1": b1.ravel(), "W2": W2, "b2": b2.ravel()}, losses
