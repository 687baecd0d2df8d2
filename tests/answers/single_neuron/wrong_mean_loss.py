"""expect: batch_scale

Averages over the rows: the loss and dw are 1/N of the kata's, which is a sum.
"""
import numpy as np


def single_neuron_grad(X, y, w):
    N = X.shape[0]
    p = 1 / (1 + np.exp(-X @ w))
    loss = 0.5 * np.mean((p - y) ** 2)
    dw = X.T @ ((p - y) * p * (1 - p)) / N
    return loss, dw


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    w = 2 * np.random.default_rng(seed).random((X.shape[1], 1)) - 1
    for _ in range(iters):
        _, dw = single_neuron_grad(X, y, w)
        w = w - lr * dw
    return w
