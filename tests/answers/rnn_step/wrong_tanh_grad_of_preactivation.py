"""expect: output_for_input

Writes tanh' as 1 − a² on the pre-activation a, mixing up 1 − tanh(a)² with its input.
"""
import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    return np.tanh(x @ Wx + prev_h @ Wh + b)


def rnn_step_backward(dnext_h, x, prev_h, Wx, Wh, b):
    a = x @ Wx + prev_h @ Wh + b
    da = dnext_h * (1 - a ** 2)
    return da @ Wx.T, da @ Wh.T, x.T @ da, prev_h.T @ da, da.sum(axis=0)
