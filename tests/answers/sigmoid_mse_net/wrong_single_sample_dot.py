"""expect: wrong_shape

Batch code applied to a single sample: with 1-D arrays, out_h.T @ delta_o and x.T @ delta_h are
dot products (numbers), not the outer products the gradients need.
"""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_mse_net(x, target, w1, w2):
    out_h = sigmoid(x @ w1)
    out_o = sigmoid(out_h @ w2)
    loss = 0.5 * np.sum((target - out_o) ** 2)

    delta_o = -(target - out_o) * out_o * (1 - out_o)
    grad_w2 = out_h.T @ delta_o
    delta_h = (delta_o @ w2.T) * out_h * (1 - out_h)
    grad_w1 = x.T @ delta_h
    return loss, grad_w1, grad_w2
