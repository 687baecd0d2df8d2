"""expect: wrong_value

The textbook's start, weight_init_std = 0.01: W = 0.01·N(0, 1) instead of the task's 0.5·N(0, 1).
Everything else is right, but a sigmoid net this close to zero starts on a plateau and ends
near 0.90 held-out accuracy, below it on some seeds and above on others.
"""
import numpy as np


def sigmoid(z):
    # exp of a non-positive number only, so no overflow for either sign
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def loss_and_grads(params, x, t):
    """
    Inputs: params dict W1 (D, H), b1 (H,), W2 (H, C), b2 (C,); x (N, D); t one-hot (N, C).
    Returns (loss, grads) with grads a dict of the same keys and shapes.
    """
    n = x.shape[0]
    h = sigmoid(x @ params["W1"] + params["b1"])
    z2 = h @ params["W2"] + params["b2"]
    z2 = z2 - z2.max(axis=1, keepdims=True)
    log_y = z2 - np.log(np.exp(z2).sum(axis=1, keepdims=True))
    loss = -np.sum(t * log_y) / n

    dz2 = (np.exp(log_y) - t) / n
    dz1 = (dz2 @ params["W2"].T) * h * (1.0 - h)
    grads = {"W2": h.T @ dz2, "b2": dz2.sum(axis=0), "W1": x.T @ dz1, "b1": dz1.sum(axis=0)}
    return loss, grads


def train_two_layer_net(x, t, hidden_size=50, lr=0.1, iters=2000, batch_size=100, seed=0):
    """
    Inputs: x (N, D); t one-hot (N, C); keywords as in the task.
    Returns (params, loss_history): params W1 (D, H), b1 (H,), W2 (H, C), b2 (C,);
    loss_history a list of iters minibatch losses.
    """
    rng = np.random.default_rng(seed)
    d, c = x.shape[1], t.shape[1]
    params = {"W1": 0.01 * rng.standard_normal((d, hidden_size)), "b1": np.zeros(hidden_size),
              "W2": 0.01 * rng.standard_normal((hidden_size, c)), "b2": np.zeros(c)}
    loss_history = []
    for _ in range(iters):
        batch = rng.choice(x.shape[0], batch_size, replace=False)
        loss, grads = loss_and_grads(params, x[batch], t[batch])
        for name in params:
            params[name] = params[name] - lr * grads[name]
        loss_history.append(float(loss))
    return params, loss_history
