"""expect: transposed

Puts grad_h first in the product: grad_h.T @ x is (H, D_in), the transpose of w1's shape.
"""
import numpy as np


def relu_net(x, y, w1, w2):
    h = x @ w1
    h_relu = np.maximum(h, 0)
    y_pred = h_relu @ w2
    loss = np.sum((y_pred - y) ** 2)

    grad_y_pred = 2 * (y_pred - y)
    grad_w2 = h_relu.T @ grad_y_pred
    grad_h = (grad_y_pred @ w2.T) * (h > 0)
    grad_w1 = grad_h.T @ x
    return loss, grad_w1, grad_w2
