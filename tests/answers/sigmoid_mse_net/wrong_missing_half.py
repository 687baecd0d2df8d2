"""expect: constant_scale

Drops the ½ in front of the loss (and differentiates that loss consistently, with the 2).
"""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_mse_net(x, target, w1, w2):
    x, target = np.atleast_2d(x), np.atleast_2d(target)
    out_h = sigmoid(x @ w1)
    out_o = sigmoid(out_h @ w2)
    loss = np.sum((target - out_o) ** 2)

    delta_o = 2 * (out_o - target) * out_o * (1 - out_o)
    delta_h = (delta_o @ w2.T) * out_h * (1 - out_h)
    return loss, x.T @ delta_h, out_h.T @ delta_o
