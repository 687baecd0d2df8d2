"""Two-layer ReLU network: h = x @ w1, y_pred = max(h, 0) @ w2, loss = Σ (y_pred − y)².

Backward, from the loss down:
    grad_y_pred = 2 (y_pred − y)                      (the 2 of the square; no 1/N: a sum)
    grad_w2     = h_relu.T @ grad_y_pred              (H, N) @ (N, D_out)
    grad_h      = (grad_y_pred @ w2.T) * [h > 0]      the ReLU passes the gradient where h > 0
    grad_w1     = x.T @ grad_h                        (D_in, N) @ (N, H)
"""
import numpy as np


def relu_net(x, y, w1, w2):
    """
    Inputs:
    - x (N, D_in), y (N, D_out), w1 (D_in, H), w2 (H, D_out)

    Returns:
    - loss (float), grad_w1 (D_in, H), grad_w2 (H, D_out)
    """
    h = x @ w1
    h_relu = np.maximum(h, 0)
    y_pred = h_relu @ w2
    loss = np.sum((y_pred - y) ** 2)

    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = h_relu.T @ grad_y_pred
    grad_h = (grad_y_pred @ w2.T) * (h > 0)
    grad_w1 = x.T @ grad_h
    return loss, grad_w1, grad_w2
