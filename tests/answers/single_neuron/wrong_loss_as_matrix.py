"""expect: wrong_shape

Writes the sum of squares as a matrix product, e.T @ e, and returns the (1, 1) array as the loss.
"""
import numpy as np


def single_neuron_grad(X, y, w):
    p = 1 / (1 + np.exp(-X @ w))
    e = p - y
    return 0.5 * e.T @ e, X.T @ (e * p * (1 - p))


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    w = 2 * np.random.default_rng(seed).random((X.shape[1], 1)) - 1
    for _ in range(iters):
        _, dw = single_neuron_grad(X, y, w)
        w = w - lr * dw
    return w
