"""expect: batch_scale

dz1 already carries the 1/N of the mean loss (it comes from dz2 = (y - t) / N), and the bias
gradient divides by N again: b1 moves batch_size times too little.
"""
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    rng = np.random.default_rng(seed)
    D, C = x.shape[1], t.shape[1]
    params = {"W1": 0.5 * rng.standard_normal((D, hidden_size)), "b1": np.zeros(hidden_size),
              "W2": 0.5 * rng.standard_normal((hidden_size, C)), "b2": np.zeros(C)}
    loss_history = []
    for _ in range(iters):
        batch = rng.choice(x.shape[0], batch_size, replace=False)
        xb, tb = x[batch], t[batch]
        N = xb.shape[0]
        h = sigmoid(xb @ params["W1"] + params["b1"])
        z2 = h @ params["W2"] + params["b2"]
        z2 = z2 - z2.max(axis=1, keepdims=True)
        y = np.exp(z2) / np.sum(np.exp(z2), axis=1, keepdims=True)
        loss_history.append(-np.sum(tb * np.log(y + 1e-7)) / N)
        dz2 = (y - tb) / N
        dz1 = (dz2 @ params["W2"].T) * h * (1 - h)
        grads = {}
        grads["W2"] = h.T @ dz2
        grads["b2"] = dz2.sum(axis=0)
        grads["W1"] = xb.T @ dz1
        grads["b1"] = dz1.sum(axis=0) / N
        for key in params:
            params[key] -= lr * grads[key]
    return params, loss_history
