"""expect: sign_flip

The update adds the gradient: every step climbs the loss instead of descending it.
"""
import numpy as np


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    rng = np.random.default_rng(seed)
    D, C = x.shape[1], t.shape[1]
    params = {"W1": 0.5 * rng.standard_normal((D, hidden_size)), "b1": np.zeros(hidden_size),
              "W2": 0.5 * rng.standard_normal((hidden_size, C)), "b2": np.zeros(C)}
    loss_history = []
    for _ in range(iters):
        idx = rng.choice(x.shape[0], batch_size, replace=False)
        xb, tb = x[idx], t[idx]
        h = 1 / (1 + np.exp(-(xb @ params["W1"] + params["b1"])))
        y = softmax(h @ params["W2"] + params["b2"])
        loss_history.append(-np.sum(tb * np.log(y + 1e-7)) / batch_size)
        dy = (y - tb) / batch_size
        dh = dy @ params["W2"].T
        da = dh * h * (1 - h)
        grads = {"W1": xb.T @ da, "b1": da.sum(axis=0), "W2": h.T @ dy, "b2": dy.sum(axis=0)}
        for key in params:
            params[key] += lr * grads[key]
    return params, loss_history
