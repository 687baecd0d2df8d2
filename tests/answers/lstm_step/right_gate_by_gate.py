"""Four weight slices, one per gate: each gate's pre-activation and its gradients separately, the
weight gradients written back into their columns."""
import numpy as np


def _gate_slices(H):
    return {"i": slice(0, H), "f": slice(H, 2 * H), "o": slice(2 * H, 3 * H), "g": slice(3 * H, 4 * H)}


def _activations(x, prev_h, Wx, Wh, b):
    H = prev_h.shape[1]
    act = {}
    for name, cols in _gate_slices(H).items():
        z = x @ Wx[:, cols] + prev_h @ Wh[:, cols] + b[cols]
        act[name] = np.tanh(z) if name == "g" else 0.5 * (1 + np.tanh(z / 2))
    return act


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b):
    act = _activations(x, prev_h, Wx, Wh, b)
    next_c = act["f"] * prev_c + act["i"] * act["g"]
    return act["o"] * np.tanh(next_c), next_c


def lstm_step_backward(dnext_h, dnext_c, x, prev_h, prev_c, Wx, Wh, b):
    H = prev_h.shape[1]
    act = _activations(x, prev_h, Wx, Wh, b)
    i, f, o, g = act["i"], act["f"], act["o"], act["g"]
    tc = np.tanh(f * prev_c + i * g)
    dc = dnext_c + dnext_h * o * (1 - tc * tc)
    dz = {"i": dc * g * i * (1 - i), "f": dc * prev_c * f * (1 - f), "o": dnext_h * tc * o * (1 - o),
          "g": dc * i * (1 - g * g)}
    dx, dprev_h = np.zeros_like(x), np.zeros_like(prev_h)
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)
    for name, cols in _gate_slices(H).items():
        dx += dz[name] @ Wx[:, cols].T
        dprev_h += dz[name] @ Wh[:, cols].T
        dWx[:, cols] = x.T @ dz[name]
        dWh[:, cols] = prev_h.T @ dz[name]
        db[cols] = dz[name].sum(axis=0)
    return dx, dprev_h, dc * f, dWx, dWh, db
