"""expect: wrong_axis

Normalizes the weights over the queries (axis -2) instead of over the keys.
"""
import numpy as np


def weights(q, k, causal):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if causal:
        s = np.where(np.tril(np.ones(s.shape[-2:], dtype=bool)), s, -np.inf)
    e = np.exp(s - s.max(axis=-2, keepdims=True))
    return e / e.sum(axis=-2, keepdims=True)


def attention_forward(q, k, v, causal=False):
    return weights(q, k, causal) @ v


def attention_backward(dout, q, k, v, causal=False):
    p = weights(q, k, causal)
    dv = np.swapaxes(p, -1, -2) @ dout
    dp = dout @ np.swapaxes(v, -1, -2)
    ds = p * (dp - (dp * p).sum(axis=-2, keepdims=True)) / np.sqrt(q.shape[-1])
    return ds @ k, np.swapaxes(ds, -1, -2) @ q, dv
