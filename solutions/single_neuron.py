"""A single sigmoid neuron trained by gradient descent.

With z = X @ w, p = σ(z) and loss = ½ Σ (p − y)²:
    dloss/dp = p − y,   dp/dz = σ′(z) = p·(1 − p)   (written with the output p)
    dloss/dz = (p − y)·p·(1 − p)                    (N, 1), row by row
    dw = X.T @ dloss/dz                             (D, N) @ (N, 1)
Training repeats w ← w − lr·dw; the loss is a sum, so nothing is divided by N.
"""
import numpy as np


def single_neuron_grad(X, y, w):
    """
    Inputs:
    - X: (N, D), y: (N, 1), w: (D, 1)

    Returns:
    - loss: float
    - dw: (D, 1)
    """
    p = 1.0 / (1.0 + np.exp(-(X @ w)))
    loss = 0.5 * np.sum((p - y) ** 2)
    dw = X.T @ ((p - y) * p * (1.0 - p))
    return loss, dw


def train_single_neuron(X, y, iters=10000, lr=1.0, seed=0):
    """
    Inputs:
    - X: (N, D), y: (N, 1)
    - iters, lr: number of steps and step size
    - seed: seed of the starting weights

    Returns:
    - w: (D, 1)
    """
    rng = np.random.default_rng(seed)
    w = 2 * rng.random((X.shape[1], 1)) - 1
    for _ in range(iters):
        _, dw = single_neuron_grad(X, y, w)
        w = w - lr * dw
    return w
