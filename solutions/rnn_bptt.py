"""A vanilla RNN over a whole sequence, and backpropagation through time.

h_t = tanh(x_t Wx + h_{t−1} Wh + b) for t = 0 … T−1, from h_{−1} = h0. The loss reaches h_t directly
(dh[:, t]) and through every later state, via h_{t+1}; going back in time, the carried gradient is
    g_t = dh[:, t] + da_{t+1} Whᵀ,   da_t = g_t·(1 − h_t²)
what is carried past the first step is dh0 = da_0 Whᵀ. The weights are shared by every step, so their
gradients sum over the steps and the batch: dWx = Σ_t x_tᵀ da_t, dWh = Σ_t h_{t−1}ᵀ da_t, db = Σ_{n,t} da_t;
and dx_t = da_t Wxᵀ.
"""
import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    """x (N, T, D), h0 (N, H) -> h (N, T, H)."""
    states = [h0]
    for t in range(x.shape[1]):
        states.append(np.tanh(x[:, t] @ Wx + states[-1] @ Wh + b))
    return np.stack(states[1:], axis=1)


def rnn_backward(dh, x, h0, Wx, Wh, b):
    """Returns (dx (N, T, D), dh0 (N, H), dWx (D, H), dWh (H, H), db (H,))."""
    h = rnn_forward(x, h0, Wx, Wh, b)
    previous = np.concatenate([h0[:, None], h[:, :-1]], axis=1)  # h_{t−1} for every t
    # Only the carried gradient needs the loop; with every da_t known, the shared weights' gradients
    # are sums over the batch and the steps at once.
    da = np.empty_like(h)
    carried = dh[:, -1]
    for t in reversed(range(x.shape[1])):
        da[:, t] = carried * (1.0 - h[:, t] ** 2)
        carried = da[:, t] @ Wh.T + (dh[:, t - 1] if t > 0 else 0.0)
    dx = da @ Wx.T
    dWx = np.einsum("ntd,nth->dh", x, da)
    dWh = np.einsum("ntk,nth->kh", previous, da)
    return dx, carried, dWx, dWh, da.sum(axis=(0, 1))
