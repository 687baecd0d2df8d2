"""expect: wrong_value

Forgets the 1/sqrt(d): the softmax of the raw dot products q k^T.
"""
import numpy as np


def weights(q, k, causal):
    s = np.einsum("...id,...jd->...ij", q, k)
    if causal:
        s = np.where(np.tril(np.ones(s.shape[-2:])) == 1, s, -np.inf)
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def attention_forward(q, k, v, causal=False):
    return weights(q, k, causal) @ v


def attention_backward(dout, q, k, v, causal=False):
    p = weights(q, k, causal)
    dv = np.einsum("...ij,...iv->...jv", p, dout)
    dp = np.einsum("...iv,...jv->...ij", dout, v)
    ds = p * (dp - (dp * p).sum(axis=-1, keepdims=True))
    return ds @ k, np.einsum("...ij,...id->...jd", ds, q), dv
