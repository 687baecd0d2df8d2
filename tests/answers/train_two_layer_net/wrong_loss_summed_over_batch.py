"""expect: batch_scale

The gradients carry the 1/N, but the recorded loss is the sum over the batch, not its mean:
training works, and every entry of loss_history is batch_size times too large.
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
        log_y = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss_history.append(-np.sum(tb * log_y))
        dz = (np.exp(log_y) - tb) / batch_size
        da = (dz @ params["W2"].T) * h * (1 - h)
        grads = {"W1": xb.T @ da, "b1": da.sum(0), "W2": h.T @ dz, "b2": dz.sum(0)}
        for k in params:
            params[k] -= lr * grads[k]
    return params, loss_history
