"""expect: ignores_keyword

Loops a fixed 10000 times, the number of the famous example, whatever iters says.
"""
import numpy as np


def single_neuron_grad(X, y, w):
    p = 1 / (1 + np.exp(-X @ w))
    return 0.5 * np.sum((p - y) ** 2), X.T @ ((p - y) * p * (1 - p))


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    w = 2 * np.random.default_rng(seed).random((X.shape[1], 1)) - 1
    for _ in range(10000):
        _, dw = single_neuron_grad(X, y, w)
        w = w - lr * dw
    return w
