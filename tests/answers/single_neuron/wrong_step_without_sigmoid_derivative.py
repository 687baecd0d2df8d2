"""expect: wrong_gradient

The trainer writes its own step and forgets the σ′ factor: X.T @ (p − y), the gradient of the
cross-entropy loss, not of ½ Σ (p − y)².
"""
import numpy as np


def single_neuron_grad(X, y, w):
    p = 1 / (1 + np.exp(-X @ w))
    return 0.5 * np.sum((p - y) ** 2), X.T @ ((p - y) * p * (1 - p))


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    w = 2 * np.random.default_rng(seed).random((X.shape[1], 1)) - 1
    for _ in range(iters):
        p = 1 / (1 + np.exp(-X @ w))
        w = w - lr * X.T @ (p - y)
    return w
