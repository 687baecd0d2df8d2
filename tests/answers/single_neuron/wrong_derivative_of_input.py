"""expect: output_for_input

Applies σ′ = s·(1 − s), a formula in the output, to the pre-activation z = X @ w.
"""
import numpy as np


def single_neuron_grad(X, y, w):
    z = X @ w
    p = 1 / (1 + np.exp(-z))
    e = p - y
    return 0.5 * np.sum(e ** 2), X.T @ (e * z * (1 - z))


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    w = 2 * np.random.default_rng(seed).random((X.shape[1], 1)) - 1
    for _ in range(iters):
        _, dw = single_neuron_grad(X, y, w)
        w = w - lr * dw
    return w
