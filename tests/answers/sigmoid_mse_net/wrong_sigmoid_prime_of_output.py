"""expect: wrong_gradient

Defines sigmoid_prime(z) = sigmoid(z) * (1 - sigmoid(z)) and calls it on the activations, so the
sigmoid is applied twice.
"""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_prime(z):
    return sigmoid(z) * (1 - sigmoid(z))


def sigmoid_mse_net(x, target, w1, w2):
    x, target = np.atleast_2d(x), np.atleast_2d(target)
    out_h = sigmoid(x @ w1)
    out_o = sigmoid(out_h @ w2)
    loss = 0.5 * np.sum((target - out_o) ** 2)

    delta_o = (out_o - target) * sigmoid_prime(out_o)
    delta_h = (delta_o @ w2.T) * sigmoid_prime(out_h)
    return loss, x.T @ delta_h, out_h.T @ delta_o
