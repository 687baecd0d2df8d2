"""The course's structure: a step forward and a step backward, and the sequence functions loop
over them, the backward from the last step to the first."""
import numpy as np


def step_forward(x, prev_h, Wx, Wh, b):
    return np.tanh(x @ Wx + prev_h @ Wh + b)


def step_backward(dnext_h, next_h, x, prev_h, Wx, Wh):
    dtanh = dnext_h * (1 - next_h ** 2)
    return dtanh @ Wx.T, dtanh @ Wh.T, x.T @ dtanh, prev_h.T @ dtanh, dtanh.sum(axis=0)


def rnn_forward(x, h0, Wx, Wh, b):
    N, T, _ = x.shape
    h = np.zeros((N, T, h0.shape[1]))
    prev_h = h0
    for t in range(T):
        prev_h = step_forward(x[:, t, :], prev_h, Wx, Wh, b)
        h[:, t, :] = prev_h
    return h


def rnn_backward(dh, x, h0, Wx, Wh, b):
    N, T, D = x.shape
    h = rnn_forward(x, h0, Wx, Wh, b)
    dx = np.zeros((N, T, D))
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)
    dprev_h = np.zeros_like(h0)
    for t in reversed(range(T)):
        prev_h = h0 if t == 0 else h[:, t - 1, :]
        dx_t, dprev_h, dWx_t, dWh_t, db_t = step_backward(dh[:, t, :] + dprev_h, h[:, t, :], x[:, t, :], prev_h, Wx, Wh)
        dx[:, t, :] = dx_t
        dWx += dWx_t
        dWh += dWh_t
        db += db_t
    return dx, dprev_h, dWx, dWh, db
