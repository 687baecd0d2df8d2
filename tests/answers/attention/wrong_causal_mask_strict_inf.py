"""expect: non_finite

The causal mask hides the diagonal too (np.triu(..., k=0) marks j >= i as hidden), with -inf:
the first query sees no key at all, and its softmax is 0/0.
"""
import numpy as np


def weights(q, k, causal):
    s = np.einsum("...id,...jd->...ij", q, k) / np.sqrt(q.shape[-1])
    if causal:
        hidden = np.triu(np.ones(s.shape[-2:], dtype=bool), k=0)
        s = np.where(hidden, -np.inf, s)
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def attention_forward(q, k, v, causal=False):
    return np.einsum("...ij,...jv->...iv", weights(q, k, causal), v)


def attention_backward(dout, q, k, v, causal=False):
    p = weights(q, k, causal)
    dv = np.einsum("...ij,...iv->...jv", p, dout)
    dp = np.einsum("...iv,...jv->...ij", dout, v)
    ds = p * (dp - (dp * p).sum(axis=-1, keepdims=True)) / np.sqrt(q.shape[-1])
    return ds @ k, np.einsum("...ij,...id->...jd", ds, q), dv
