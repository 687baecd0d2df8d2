"""expect: mask_error

The causal mask hides the diagonal too (key j visible when j < i): each query no longer sees
itself, and the first sees nothing (all -1e9, so uniform weights).
"""
import numpy as np


def weights(q, k, causal):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if causal:
        T = s.shape[-1]
        i, j = np.arange(T)[:, None], np.arange(T)[None, :]
        s = np.where(j < i, s, -1e9)
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def attention_forward(q, k, v, causal=False):
    return weights(q, k, causal) @ v


def attention_backward(dout, q, k, v, causal=False):
    p = weights(q, k, causal)
    dv = np.swapaxes(p, -1, -2) @ dout
    dp = dout @ np.swapaxes(v, -1, -2)
    ds = p * (dp - (dp * p).sum(axis=-1, keepdims=True)) / np.sqrt(q.shape[-1])
    return ds @ k, np.swapaxes(ds, -1, -2) @ q, dv
