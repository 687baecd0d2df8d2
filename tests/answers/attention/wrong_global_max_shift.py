"""expect: non_finite

Subtracts the maximum of the whole array instead of each row's: a row of scores far below the
largest one (near -1000 when another is near +1000) underflows to all zeros, and 0/0 is NaN.
"""
import numpy as np


def weights(q, k, causal):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if causal:
        s = np.where(np.tril(np.ones(s.shape[-2:], dtype=bool)), s, -np.inf)
    e = np.exp(s - np.max(s))
    return e / e.sum(axis=-1, keepdims=True)


def attention_forward(q, k, v, causal=False):
    return weights(q, k, causal) @ v


def attention_backward(dout, q, k, v, causal=False):
    p = weights(q, k, causal)
    dp = dout @ np.swapaxes(v, -1, -2)
    ds = p * (dp - (dp * p).sum(axis=-1, keepdims=True)) / np.sqrt(q.shape[-1])
    return ds @ k, np.swapaxes(ds, -1, -2) @ q, np.swapaxes(p, -1, -2) @ dout
