"""expect: wrong_gradient

Backpropagates softmax with cross-entropy as y / N, forgetting the "- t": the gradient only
pushes every class down. The one-step check shows the output layer is already off.
"""
import numpy as np


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    rng = np.random.default_rng(seed)
    W1 = 0.5 * rng.standard_normal((x.shape[1], hidden_size))
    b1 = np.zeros(hidden_size)
    W2 = 0.5 * rng.standard_normal((hidden_size, t.shape[1]))
    b2 = np.zeros(t.shape[1])
    history = []
    for _ in range(iters):
        rows = rng.choice(len(x), batch_size, replace=False)
        xb, tb = x[rows], t[rows]
        h = 1 / (1 + np.exp(-(xb @ W1 + b1)))
        z = h @ W2 + b2
        z = z - z.max(axis=1, keepdims=True)
        y = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        history.append(-np.sum(tb * np.log(y)) / len(xb))
        dz = y / len(xb)
        da = dz @ W2.T * h * (1 - h)
        W2 = W2 - lr * h.T @ dz
        b2 = b2 - lr * dz.sum(axis=0)
        W1 = W1 - lr * xb.T @ da
        b1 = b1 - lr * da.sum(axis=0)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}, history
