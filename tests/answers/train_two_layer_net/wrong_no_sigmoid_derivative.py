"""expect: wrong_gradient

Backpropagates through the hidden layer as if it were linear: dz1 = dh, without the sigmoid's
derivative h * (1 - h). The net still learns the digits, only the update of W1 and b1 is off.
"""
import numpy as np


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    rng = np.random.default_rng(seed)
    params = {"W1": 0.5 * rng.standard_normal((x.shape[1], hidden_size)), "b1": np.zeros(hidden_size),
              "W2": 0.5 * rng.standard_normal((hidden_size, t.shape[1])), "b2": np.zeros(t.shape[1])}
    loss_history = []
    for _ in range(iters):
        idx = rng.choice(x.shape[0], batch_size, replace=False)
        xb, tb = x[idx], t[idx]
        h = 1 / (1 + np.exp(-(xb @ params["W1"] + params["b1"])))
        z = h @ params["W2"] + params["b2"]
        z = z - z.max(axis=1, keepdims=True)
        y = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss_history.append(-np.sum(tb * np.log(y)) / batch_size)
        dz2 = (y - tb) / batch_size
        dh = dz2 @ params["W2"].T
        dz1 = dh
        grads = {"W1": xb.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}
        for k in params:
            params[k] -= lr * grads[k]
    return params, loss_history
