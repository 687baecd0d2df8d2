"""expect: batch_scale

single_neuron_grad is right, but the training step divides it by the number of rows, as if the
loss were a mean: every step is 1/N of w − lr·dw.
"""
import numpy as np


def single_neuron_grad(X, y, w):
    p = 1 / (1 + np.exp(-X @ w))
    return 0.5 * np.sum((p - y) ** 2), X.T @ ((p - y) * p * (1 - p))


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    w = 2 * np.random.default_rng(seed).random((X.shape[1], 1)) - 1
    for _ in range(iters):
        w = w - lr * single_neuron_grad(X, y, w)[1] / X.shape[0]
    return w
