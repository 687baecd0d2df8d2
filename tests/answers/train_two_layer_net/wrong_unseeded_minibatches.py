"""expect: ignores_keyword

The initial weights come from the seeded generator, but the minibatches from numpy's global one
(np.random.choice): two runs with the same seed train differently.
"""
import numpy as np


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    rng = np.random.default_rng(seed)
    params = {"W1": 0.5 * rng.standard_normal((x.shape[1], hidden_size)), "b1": np.zeros(hidden_size),
              "W2": 0.5 * rng.standard_normal((hidden_size, t.shape[1])), "b2": np.zeros(t.shape[1])}
    train_loss_list = []
    for _ in range(iters):
        batch_mask = np.random.choice(x.shape[0], batch_size)
        x_batch, t_batch = x[batch_mask], t[batch_mask]
        h = 1 / (1 + np.exp(-(x_batch @ params["W1"] + params["b1"])))
        a2 = h @ params["W2"] + params["b2"]
        a2 = a2 - a2.max(axis=1, keepdims=True)
        y = np.exp(a2) / np.exp(a2).sum(axis=1, keepdims=True)
        train_loss_list.append(-np.sum(t_batch * np.log(y + 1e-7)) / batch_size)
        dy = (y - t_batch) / batch_size
        da1 = (dy @ params["W2"].T) * (1 - h) * h
        grads = {"W1": x_batch.T @ da1, "b1": da1.sum(axis=0), "W2": h.T @ dy, "b2": dy.sum(axis=0)}
        for key in ("W1", "b1", "W2", "b2"):
            params[key] -= lr * grads[key]
    return params, train_loss_list
