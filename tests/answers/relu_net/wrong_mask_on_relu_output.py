"""expect: mask_error

Tests the ReLU's output for negative values: max(h, 0) is never negative, so nothing is masked.
"""
import numpy as np


def relu_net(x, y, w1, w2):
    h = x @ w1
    h_relu = np.maximum(h, 0)
    y_pred = h_relu @ w2
    loss = np.sum((y_pred - y) ** 2)

    grad_y_pred = 2 * (y_pred - y)
    grad_w2 = h_relu.T @ grad_y_pred
    grad_h = grad_y_pred @ w2.T
    grad_h[h_relu < 0] = 0
    grad_w1 = x.T @ grad_h
    return loss, grad_w1, grad_w2
