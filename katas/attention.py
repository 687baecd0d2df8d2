"""Scaled dot-product attention: forward and backward.

Each query attends to every key; its output is the average of the values weighted by a softmax
of the query-key scores:

    scores = q @ k^T / sqrt(d)           q (..., T_q, d), k (..., T_k, d)  ->  (..., T_q, T_k)
    p      = softmax(scores)             over the last axis: each query's weights sum to 1
    out    = p @ v                       v (..., T_k, d_v)                 ->  (..., T_q, d_v)

d is the last dimension of q (and of k). The leading dimensions "..." are batch and head
dimensions, the same for q, k and v: there may be none, one (B,) or two (B, h).

With causal=True (then T_q == T_k) query i may only look at keys j <= i: the scores of keys
j > i are left out of the softmax (their weights are exactly 0). With causal=False every query
sees every key, and T_q may differ from T_k.

Write attention_forward(q, k, v, causal=False), returning out, and
attention_backward(dout, q, k, v, causal=False), returning (dq, dk, dv): the gradients of the loss
w.r.t. q, k and v given dout = dL/d(out), each of its input's shape.

- Numerically stable: scores up to 1e3 in magnitude, with rows of one batch far apart (one row
  near +1000, another near -1000), give exact results and no warning from numpy.
- d and d_v differ in general; T_q may be 1.
- Do not modify dout, q, k or v: return new arrays.
- numpy and the standard library only.
"""
import numpy as np


def attention_forward(q, k, v, causal=False):
    """
    Inputs:
    - q: queries, of shape (..., T_q, d)
    - k: keys, of shape (..., T_k, d)
    - v: values, of shape (..., T_k, d_v)
    - causal: if True (and T_q == T_k), query i attends to keys j <= i only

    Returns:
    - out: of shape (..., T_q, d_v)
    """
    raise NotImplementedError


def attention_backward(dout, q, k, v, causal=False):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), of shape (..., T_q, d_v)
    - q, k, v, causal: the inputs of the forward pass, as in attention_forward

    Returns a tuple of:
    - dq: gradient dL/dq, of shape (..., T_q, d)
    - dk: gradient dL/dk, of shape (..., T_k, d)
    - dv: gradient dL/dv, of shape (..., T_k, d_v)
    """
    raise NotImplementedError
