"""expect: mask_error

Uses the pre-activation h for the second layer's gradient; the second layer saw max(h, 0).
"""
import numpy as np


def relu_net(x, y, w1, w2):
    h = x @ w1
    y_pred = np.maximum(h, 0) @ w2
    loss = np.sum((y_pred - y) ** 2)

    grad_y_pred = 2 * (y_pred - y)
    grad_w2 = h.T @ grad_y_pred
    grad_h = (grad_y_pred @ w2.T) * (h > 0)
    grad_w1 = x.T @ grad_h
    return loss, grad_w1, grad_w2
