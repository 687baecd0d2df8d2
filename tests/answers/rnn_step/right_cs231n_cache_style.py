"""The course's style: the forward keeps a cache and the backward unpacks it; here the backward
rebuilds the cache from its inputs first."""
import numpy as np


def _forward_with_cache(x, prev_h, Wx, Wh, b):
    next_h = np.tanh(np.dot(x, Wx) + np.dot(prev_h, Wh) + b)
    return next_h, (x, prev_h, Wx, Wh, next_h)


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    return _forward_with_cache(x, prev_h, Wx, Wh, b)[0]


def rnn_step_backward(dnext_h, x, prev_h, Wx, Wh, b):
    _, cache = _forward_with_cache(x, prev_h, Wx, Wh, b)
    x, prev_h, Wx, Wh, next_h = cache
    dtanh = (1 - next_h * next_h) * dnext_h
    dx = np.dot(dtanh, Wx.T)
    dprev_h = np.dot(dtanh, Wh.T)
    dWx = np.dot(x.T, dtanh)
    dWh = np.dot(prev_h.T, dtanh)
    db = np.sum(dtanh, axis=0)
    return dx, dprev_h, dWx, dWh, db
