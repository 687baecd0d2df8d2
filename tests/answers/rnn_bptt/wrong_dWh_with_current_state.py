"""expect: wrong_gradient

Accumulates dWh with h[:, t], the state step t produced, instead of the state it was given.
"""
import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    N, T, D = x.shape
    h = np.zeros((N, T, h0.shape[1]))
    prev = h0
    for t in range(T):
        prev = np.tanh(x[:, t] @ Wx + prev @ Wh + b)
        h[:, t] = prev
    return h


def rnn_backward(dh, x, h0, Wx, Wh, b):
    N, T, D = x.shape
    h = rnn_forward(x, h0, Wx, Wh, b)
    dx = np.zeros_like(x)
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)
    carried = np.zeros_like(h0)
    for t in reversed(range(T)):
        da = (dh[:, t] + carried) * (1 - h[:, t] ** 2)
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        dWh += h[:, t].T @ da
        db += da.sum(axis=0)
        carried = da @ Wh.T
    return dx, carried, dWx, dWh, db
