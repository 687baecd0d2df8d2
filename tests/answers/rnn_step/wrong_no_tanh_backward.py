"""expect: wrong_gradient

Backpropagates through the two products as if there were no tanh: da = dnext_h.
"""
import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    return np.tanh(x @ Wx + prev_h @ Wh + b)


def rnn_step_backward(dnext_h, x, prev_h, Wx, Wh, b):
    da = dnext_h
    return da @ Wx.T, da @ Wh.T, x.T @ da, prev_h.T @ da, da.sum(axis=0)
