"""expect: transposed

Writes dWh = da.T @ prev_h, the transpose of the right (H, H) gradient: its shape cannot tell.
"""
import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    return np.tanh(x @ Wx + prev_h @ Wh + b)


def rnn_step_backward(dnext_h, x, prev_h, Wx, Wh, b):
    next_h = np.tanh(x @ Wx + prev_h @ Wh + b)
    da = dnext_h * (1 - next_h ** 2)
    return da @ Wx.T, da @ Wh.T, x.T @ da, da.T @ prev_h, da.sum(axis=0)
