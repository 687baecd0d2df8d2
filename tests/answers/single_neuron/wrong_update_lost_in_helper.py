"""expect: wrong_value

The step is taken in a helper that rebinds its own local w: the caller's w never changes, and
the returned weights are the random start.
"""
import numpy as np


def single_neuron_grad(X, y, w):
    p = 1 / (1 + np.exp(-X @ w))
    return 0.5 * np.sum((p - y) ** 2), X.T @ ((p - y) * p * (1 - p))


def sgd_step(w, dw, lr):
    w = w - lr * dw


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    w = 2 * np.random.default_rng(seed).random((X.shape[1], 1)) - 1
    for _ in range(iters):
        _, dw = single_neuron_grad(X, y, w)
        sgd_step(w, dw, lr)
    return w
