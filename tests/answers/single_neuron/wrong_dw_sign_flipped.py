"""expect: sign_flip

Returns the quantity the 11-line network adds to the weights, X.T @ ((y - p) * p * (1 - p)),
as the gradient: that is minus dloss/dw. (Training with += still works.)
"""
import numpy as np


def single_neuron_grad(X, y, w):
    p = 1 / (1 + np.exp(-X @ w))
    error = y - p
    return 0.5 * np.sum(error ** 2), X.T @ (error * p * (1 - p))


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    w = 2 * np.random.default_rng(seed).random((X.shape[1], 1)) - 1
    for _ in range(iters):
        _, dw = single_neuron_grad(X, y, w)
        w = w + lr * dw
    return w
