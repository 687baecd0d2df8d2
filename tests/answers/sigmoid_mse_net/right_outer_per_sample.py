"""The textbook walk-through, one sample at a time, with np.outer; a batch is a loop over samples."""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def one_sample(x, target, w1, w2):
    out_h = sigmoid(np.dot(x, w1))
    out_o = sigmoid(np.dot(out_h, w2))
    error = target - out_o
    delta_o = -error * out_o * (1 - out_o)
    delta_h = np.dot(w2, delta_o) * out_h * (1 - out_h)
    return 0.5 * np.dot(error, error), np.outer(x, delta_h), np.outer(out_h, delta_o)


def sigmoid_mse_net(x, target, w1, w2):
    if x.ndim == 1:
        return one_sample(x, target, w1, w2)
    loss, grad_w1, grad_w2 = 0.0, np.zeros_like(w1), np.zeros_like(w2)
    for xn, tn in zip(x, target):
        l, g1, g2 = one_sample(xn, tn, w1, w2)
        loss, grad_w1, grad_w2 = loss + l, grad_w1 + g1, grad_w2 + g2
    return loss, grad_w1, grad_w2
