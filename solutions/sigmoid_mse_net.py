"""Two sigmoid layers and a squared error: out_h = σ(x @ w1), out_o = σ(out_h @ w2),
loss = ½ Σ (target − out_o)².

With σ'(z) = σ(z)(1 − σ(z)), written in terms of the layer's output:
    delta_o = (out_o − target) · out_o (1 − out_o)          dloss/d(out_h @ w2); the ½ cancels the 2
    delta_h = (delta_o @ w2.T) · out_h (1 − out_h)           dloss/d(x @ w1)
    grad_w2 = out_h.T @ delta_o,   grad_w1 = x.T @ delta_h
A single sample is treated as a batch of one, so the products are outer products.
"""
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_mse_net(x, target, w1, w2):
    """
    Inputs:
    - x (N, D) or (D,), target (N, O) or (O,), w1 (D, H), w2 (H, O)

    Returns:
    - loss (float), grad_w1 (D, H), grad_w2 (H, O)
    """
    x, target = np.atleast_2d(x), np.atleast_2d(target)
    out_h = sigmoid(x @ w1)
    out_o = sigmoid(out_h @ w2)
    loss = 0.5 * np.sum((target - out_o) ** 2)

    delta_o = (out_o - target) * out_o * (1 - out_o)
    delta_h = (delta_o @ w2.T) * out_h * (1 - out_h)
    return loss, x.T @ delta_h, out_h.T @ delta_o
