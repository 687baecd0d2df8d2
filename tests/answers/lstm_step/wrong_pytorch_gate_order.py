"""expect: wrong_value

Splits a as i, f, g, o (PyTorch's order) in the forward and the backward alike: consistent with
itself, but not the task's i, f, o, g.
"""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def gates(x, prev_h, Wx, Wh, b):
    H = prev_h.shape[1]
    a = x @ Wx + prev_h @ Wh + b
    i, f = sigmoid(a[:, :H]), sigmoid(a[:, H:2 * H])
    g, o = np.tanh(a[:, 2 * H:3 * H]), sigmoid(a[:, 3 * H:])
    return i, f, o, g


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    i, f, o, g = gates(x, prev_h, Wx, Wh, b)
    next_c = f * prev_c + i * g
    return o * np.tanh(next_c), next_c


def lstm_step_backward(dnext_h, dnext_c, x, prev_h, prev_c, Wx, Wh, b):
    i, f, o, g = gates(x, prev_h, Wx, Wh, b)
    tc = np.tanh(f * prev_c + i * g)
    dc = dnext_c + dnext_h * o * (1 - tc ** 2)
    da = np.hstack([dc * g * i * (1 - i), dc * prev_c * f * (1 - f), dc * i * (1 - g ** 2), dnext_h * tc * o * (1 - o)])
    return da @ Wx.T, da @ Wh.T, dc * f, x.T @ da, prev_h.T @ da, da.sum(axis=0)
