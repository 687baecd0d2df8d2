"""expect: wrong_value

Each step is right, but the loop runs range(iters // 2): half the steps.
"""
import numpy as np


def single_neuron_grad(X, y, w):
    p = 1 / (1 + np.exp(-X @ w))
    return 0.5 * np.sum((p - y) ** 2), X.T @ ((p - y) * p * (1 - p))


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    w = 2 * np.random.default_rng(seed).random((X.shape[1], 1)) - 1
    for _ in range(iters // 2):
        _, dw = single_neuron_grad(X, y, w)
        w = w - lr * dw
    return w
