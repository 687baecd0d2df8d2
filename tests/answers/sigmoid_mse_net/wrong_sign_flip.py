"""expect: sign_flip

Uses (target - out_o) as the error without the minus of the inner derivative.
"""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_mse_net(x, target, w1, w2):
    x, target = np.atleast_2d(x), np.atleast_2d(target)
    out_h = sigmoid(x @ w1)
    out_o = sigmoid(out_h @ w2)
    error = target - out_o
    loss = 0.5 * np.sum(error ** 2)

    delta_o = error * out_o * (1 - out_o)
    delta_h = delta_o @ w2.T * out_h * (1 - out_h)
    return loss, x.T @ delta_h, out_h.T @ delta_o
