"""expect: ignores_upstream

Seeds the backward with dh[:, -1] and carries it back, but never adds dh[:, t] of the earlier steps.
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
    dnext = dh[:, -1]
    for t in reversed(range(T)):
        prev = h0 if t == 0 else h[:, t - 1]
        da = dnext * (1 - h[:, t] ** 2)
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        dWh += prev.T @ da
        db += da.sum(axis=0)
        dnext = da @ Wh.T
    return dx, dnext, dWx, dWh, db
