"""Only the carried gradient needs the loop: every da_t is collected first, then the weight
gradients are one contraction each over the batch and the time axis."""
import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    states = [h0]
    for t in range(x.shape[1]):
        states.append(np.tanh(x[:, t] @ Wx + states[-1] @ Wh + b))
    return np.stack(states[1:], axis=1)


def rnn_backward(dh, x, h0, Wx, Wh, b):
    h = rnn_forward(x, h0, Wx, Wh, b)
    T = x.shape[1]
    da = np.zeros_like(h)
    future = np.zeros_like(h0)
    for t in range(T - 1, -1, -1):
        da[:, t] = (dh[:, t] + future) * (1 - h[:, t] ** 2)
        future = da[:, t] @ Wh.T
    h_prev = np.concatenate([h0[:, None, :], h[:, :-1, :]], axis=1)
    dx = np.einsum("nth,dh->ntd", da, Wx)
    dWx = np.einsum("ntd,nth->dh", x, da)
    dWh = np.einsum("ntk,nth->kh", h_prev, da)
    return dx, future, dWx, dWh, da.sum(axis=(0, 1))
