"""expect: wrong_value

Steps first and records the loss afterwards, by running the forward again with the updated
weights: loss_history[i] is the loss of step i + 1's weights on batch i, not the loss of step i.
"""
import numpy as np


def forward(params, x, t):
    h = 1 / (1 + np.exp(-(x @ params["W1"] + params["b1"])))
    z = h @ params["W2"] + params["b2"]
    z = z - z.max(axis=1, keepdims=True)
    y = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    return h, y, -np.sum(t * np.log(y)) / len(x)


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    rng = np.random.default_rng(seed)
    params = {"W1": 0.5 * rng.standard_normal((x.shape[1], hidden_size)), "b1": np.zeros(hidden_size),
              "W2": 0.5 * rng.standard_normal((hidden_size, t.shape[1])), "b2": np.zeros(t.shape[1])}
    loss_history = []
    for _ in range(iters):
        idx = rng.choice(x.shape[0], batch_size, replace=False)
        xb, tb = x[idx], t[idx]
        h, y, _ = forward(params, xb, tb)
        dz2 = (y - tb) / len(xb)
        dz1 = (dz2 @ params["W2"].T) * h * (1 - h)
        grads = {"W1": xb.T @ dz1, "b1": dz1.sum(0), "W2": h.T @ dz2, "b2": dz2.sum(0)}
        for k in params:
            params[k] -= lr * grads[k]
        loss_history.append(forward(params, xb, tb)[2])
    return params, loss_history
