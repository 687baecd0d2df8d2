"""expect: constant_scale

Takes the mean squared error (over all N*D_out entries) where the kata asks for the sum.
"""
import numpy as np


def relu_net(x, y, w1, w2):
    h = x @ w1
    h_relu = np.maximum(h, 0)
    y_pred = h_relu @ w2
    loss = np.mean((y_pred - y) ** 2)

    grad_y_pred = 2 * (y_pred - y) / y.size
    grad_w2 = h_relu.T @ grad_y_pred
    grad_h = (grad_y_pred @ w2.T) * (h > 0)
    grad_w1 = x.T @ grad_h
    return loss, grad_w1, grad_w2
