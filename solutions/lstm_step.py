"""One step of an LSTM, forward and backward.

a = x Wx + prev_h Wh + b, split in four blocks of H as i, f, o, g; i, f, o = σ(·), g = tanh(·);
next_c = f·prev_c + i·g, next_h = o·tanh(next_c). Going back, next_c receives dnext_c and, through
next_h, dnext_h·o·(1 − tanh²(next_c)); call the sum dc. Then
    do = dnext_h·tanh(next_c),  df = dc·prev_c,  di = dc·g,  dg = dc·i,  dprev_c = dc·f
and through the nonlinearities σ' = σ(1 − σ), tanh' = 1 − tanh²: da = [di·i(1−i), df·f(1−f), do·o(1−o),
dg·(1−g²)], stacked in the forward's order; a is affine in x, prev_h, Wx, Wh, b as in rnn_step.
"""
import numpy as np


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # no overflow for any z


def _gates(x, prev_h, Wx, Wh, b):
    a = x @ Wx + prev_h @ Wh + b
    H = a.shape[1] // 4
    return _sigmoid(a[:, :H]), _sigmoid(a[:, H:2 * H]), _sigmoid(a[:, 2 * H:3 * H]), np.tanh(a[:, 3 * H:])


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    """x (N, D), prev_h (N, H), prev_c (N, H), Wx (D, 4H), Wh (H, 4H), b (4H,) -> (next_h, next_c)."""
    i, f, o, g = _gates(x, prev_h, Wx, Wh, b)
    next_c = f * prev_c + i * g
    return o * np.tanh(next_c), next_c


def lstm_step_backward(dnext_h, dnext_c, x, prev_h, prev_c, Wx, Wh, b):
    """Returns (dx, dprev_h, dprev_c, dWx, dWh, db), each of its input's shape."""
    i, f, o, g = _gates(x, prev_h, Wx, Wh, b)
    tanh_c = np.tanh(f * prev_c + i * g)
    dc = dnext_c + dnext_h * o * (1.0 - tanh_c ** 2)
    da = np.hstack([dc * g * i * (1 - i), dc * prev_c * f * (1 - f), dnext_h * tanh_c * o * (1 - o),
                    dc * i * (1 - g ** 2)])
    return da @ Wx.T, da @ Wh.T, dc * f, x.T @ da, prev_h.T @ da, da.sum(axis=0)
