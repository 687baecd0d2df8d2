"""expect: wrong_gradient

Treats each step as if it were the last: da_t = dh[:, t]·(1 − h_t²), nothing carried back from
step t+1; dh0 is then what step 0 alone sends back.
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
    for t in range(T):
        prev = h0 if t == 0 else h[:, t - 1]
        da = dh[:, t] * (1 - h[:, t] ** 2)
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        dWh += prev.T @ da
        db += da.sum(axis=0)
    dh0 = (dh[:, 0] * (1 - h[:, 0] ** 2)) @ Wh.T
    return dx, dh0, dWx, dWh, db
