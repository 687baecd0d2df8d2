"""One step of a vanilla (Elman) RNN, forward and backward.

next_h = tanh(a) with a = x Wx + prev_h Wh + b. Since tanh'(a) = 1 − tanh(a)² = 1 − next_h²,
    da = dnext_h · (1 − next_h²)
and a is linear in each input, as in an affine layer:
    dx = da Wxᵀ,  dprev_h = da Whᵀ,  dWx = xᵀ da,  dWh = prev_hᵀ da,  db = Σ_n da
"""
import numpy as np


def rnn_step_forward(x, prev_h, Wx, Wh, b):
    """x (N, D), prev_h (N, H), Wx (D, H), Wh (H, H), b (H,) -> next_h (N, H)."""
    return np.tanh(x @ Wx + prev_h @ Wh + b)


def rnn_step_backward(dnext_h, x, prev_h, Wx, Wh, b):
    """Returns (dx (N, D), dprev_h (N, H), dWx (D, H), dWh (H, H), db (H,))."""
    next_h = rnn_step_forward(x, prev_h, Wx, Wh, b)
    da = dnext_h * (1.0 - next_h ** 2)
    return da @ Wx.T, da @ Wh.T, x.T @ da, prev_h.T @ da, da.sum(axis=0)
