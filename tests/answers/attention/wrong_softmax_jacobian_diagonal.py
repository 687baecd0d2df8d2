"""expect: wrong_gradient

Backpropagates through the softmax with p * (1 - p) alone, the diagonal of its Jacobian.
"""
import numpy as np


def weights(q, k, causal):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if causal:
        s = np.where(np.tril(np.ones(s.shape[-2:], dtype=bool)), s, -np.inf)
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def attention_forward(q, k, v, causal=False):
    return weights(q, k, causal) @ v


def attention_backward(dout, q, k, v, causal=False):
    p = weights(q, k, causal)
    dv = np.swapaxes(p, -1, -2) @ dout
    dp = dout @ np.swapaxes(v, -1, -2)
    ds = p * (1 - p) * dp / np.sqrt(q.shape[-1])
    return ds @ k, np.swapaxes(ds, -1, -2) @ q, dv
