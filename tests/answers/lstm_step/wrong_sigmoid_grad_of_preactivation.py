"""expect: wrong_gradient

Multiplies the gates' gradients by σ'(a) written as a·(1 − a), on the pre-activations instead of
the gates' values.
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
    H = prev_h.shape[1]
    a = x @ Wx + prev_h @ Wh + b
    i, f, o, g = gates(x, prev_h, Wx, Wh, b)
    ai, af, ao = a[:, :H], a[:, H:2 * H], a[:, 2 * H:3 * H]
    tc = np.tanh(f * prev_c + i * g)
    dc = dnext_c + dnext_h * o * (1 - tc ** 2)
    da = np.hstack([dc * g * ai * (1 - ai), dc * prev_c * af * (1 - af), dnext_h * tc * ao * (1 - ao), dc * i * (1 - g ** 2)])
    return da @ Wx.T, da @ Wh.T, dc * f, x.T @ da, prev_h.T @ da, da.sum(axis=0)
