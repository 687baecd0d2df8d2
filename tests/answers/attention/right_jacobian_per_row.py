"""Loops over the batch and the queries, with the softmax's Jacobian built for each row."""
import math

import numpy as np


def flat(a):
    """(..., T, D) -> (B, T, D), with B the product of the leading dimensions."""
    return a.reshape(-1, *a.shape[-2:])


def row_weights(scores, visible):
    kept = scores[visible]
    e = np.exp(kept - kept.max())
    p = np.zeros_like(scores)
    p[visible] = e / e.sum()
    return p


def attention_forward(q, k, v, causal=False):
    Q, K, V = flat(q), flat(k), flat(v)
    out = np.zeros((Q.shape[0], Q.shape[1], V.shape[2]))
    for b in range(Q.shape[0]):
        for i in range(Q.shape[1]):
            visible = np.arange(K.shape[1]) <= i if causal else np.ones(K.shape[1], dtype=bool)
            p = row_weights(K[b] @ Q[b, i] / math.sqrt(q.shape[-1]), visible)
            out[b, i] = p @ V[b]
    return out.reshape(q.shape[:-1] + v.shape[-1:])


def attention_backward(dout, q, k, v, causal=False):
    Q, K, V, dO = flat(q), flat(k), flat(v), flat(dout)
    dQ, dK, dV = np.zeros_like(Q), np.zeros_like(K), np.zeros_like(V)
    scale = 1.0 / math.sqrt(q.shape[-1])
    for b in range(Q.shape[0]):
        for i in range(Q.shape[1]):
            visible = np.arange(K.shape[1]) <= i if causal else np.ones(K.shape[1], dtype=bool)
            p = row_weights(K[b] @ Q[b, i] * scale, visible)
            dV[b] += np.outer(p, dO[b, i])
            dp = V[b] @ dO[b, i]
            jacobian = np.diag(p) - np.outer(p, p)
            ds = jacobian @ dp
            dQ[b, i] = ds @ K[b] * scale
            dK[b] += np.outer(ds, Q[b, i]) * scale
    return dQ.reshape(q.shape), dK.reshape(k.shape), dV.reshape(v.shape)
