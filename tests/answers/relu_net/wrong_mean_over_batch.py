"""expect: batch_scale

Divides the loss, and so its gradients, by the batch size: a mean over the batch, where the kata
asks for a sum.
"""
import numpy as np


def relu_net(x, y, w1, w2):
    N = x.shape[0]
    h = x @ w1
    h_relu = np.maximum(h, 0)
    y_pred = h_relu @ w2
    loss = np.sum((y_pred - y) ** 2) / N

    grad_y_pred = 2 * (y_pred - y) / N
    grad_w2 = h_relu.T @ grad_y_pred
    grad_h = (grad_y_pred @ w2.T) * (h > 0)
    grad_w1 = x.T @ grad_h
    return loss, grad_w1, grad_w2
