"""expect: wrong_gradient

The forward reads i, f, o, g, but the backward stacks da as [di, df, dg, do], PyTorch's order:
the output gate's and the candidate's gradients land in each other's columns.
"""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def gates(x, prev_h, Wx, Wh, b):
    H = prev_h.shape[1]
    a = x @ Wx + prev_h @ Wh + b
    return sigmoid(a[:, :H]), sigmoid(a[:, H:2 * H]), sigmoid(a[:, 2 * H:3 * H]), np.tanh(a[:, 3 * H:])


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    i, f, o, g = gates(x, prev_h, Wx, Wh, b)
    next_c = f * prev_c + i * g
    return o * np.tanh(next_c), next_c


def lstm_step_backward(dnext_h, dnext_c, x, prev_h, prev_c, Wx, Wh, b):
    i, f, o, g = gates(x, prev_h, Wx, Wh, b)
    tc = np.tanh(f * prev_c + i * g)
    dc = dnext_c + dnext_h * o * (1 - tc ** 2)
    di, df, do, dg = dc * g * i * (1 - i), dc * prev_c * f * (1 - f), dnext_h * tc * o * (1 - o), dc * i * (1 - g ** 2)
    da = np.hstack([di, df, dg, do])
    return da @ Wx.T, da @ Wh.T, dc * f, x.T @ da, prev_h.T @ da, da.sum(axis=0)
