"""One row at a time, summing each row's contribution to dw; the start drawn from a legacy
RandomState, uniformly in [-1, 1)."""
import math

import numpy as np


def single_neuron_grad(X, y, w):
    loss = 0.0
    dw = np.zeros_like(w)
    for n in range(X.shape[0]):
        p = 1.0 / (1.0 + math.exp(-float(X[n] @ w[:, 0])))
        err = p - float(y[n, 0])
        loss += 0.5 * err * err
        dw[:, 0] += err * p * (1.0 - p) * X[n]
    return loss, dw


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    w = np.random.RandomState(seed).uniform(-1.0, 1.0, size=(X.shape[1], 1))
    for _ in range(iters):
        _, dw = single_neuron_grad(X, y, w)
        w -= lr * dw
    return w
