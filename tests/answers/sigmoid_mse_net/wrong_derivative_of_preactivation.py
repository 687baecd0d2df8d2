"""expect: output_for_input

Writes the sigmoid's derivative as s * (1 - s) but feeds it the pre-activations instead of the
layers' outputs.
"""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_derivative(s):
    return s * (1 - s)


def sigmoid_mse_net(x, target, w1, w2):
    x, target = np.atleast_2d(x), np.atleast_2d(target)
    net_h = x @ w1
    out_h = sigmoid(net_h)
    net_o = out_h @ w2
    out_o = sigmoid(net_o)
    loss = 0.5 * np.sum((target - out_o) ** 2)

    delta_o = (out_o - target) * sigmoid_derivative(net_o)
    delta_h = (delta_o @ w2.T) * sigmoid_derivative(net_h)
    return loss, x.T @ delta_h, out_h.T @ delta_o
