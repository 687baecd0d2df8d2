"""Scaled dot-product attention, batched over any leading dimensions.

With s = q kᵀ/√d, p = softmax(s) over the keys and out = p v:
    dv = pᵀ dout                     dp = dout vᵀ
    ds = p · (dp − Σ_j dp·p)         (the softmax Jacobian diag(p) − p pᵀ applied to each row)
    dq = ds k / √d                   dk = dsᵀ q / √d
A masked score is −∞: its weight p is exactly 0, so ds is 0 there and no gradient flows through it.
Subtracting each row's maximum before exp leaves p unchanged and keeps exp from overflowing.
"""
import numpy as np


def _weights(q, k, causal):
    """p = softmax(q kᵀ/√d) over the keys, (..., T_q, T_k)."""
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if causal:
        visible = np.tril(np.ones(scores.shape[-2:], dtype=bool))  # key j <= query i
        scores = np.where(visible, scores, -np.inf)
    p = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return p / p.sum(axis=-1, keepdims=True)


def attention_forward(q, k, v, causal=False):
    """q (..., T_q, d), k (..., T_k, d), v (..., T_k, d_v) -> out (..., T_q, d_v)."""
    return _weights(q, k, causal) @ v


def attention_backward(dout, q, k, v, causal=False):
    """Returns (dq, dk, dv), each of its input's shape."""
    p = _weights(q, k, causal)
    dv = np.swapaxes(p, -1, -2) @ dout
    dp = dout @ np.swapaxes(v, -1, -2)
    dscores = p * (dp - np.sum(dp * p, axis=-1, keepdims=True)) / np.sqrt(q.shape[-1])
    return dscores @ k, np.swapaxes(dscores, -1, -2) @ q, dv
