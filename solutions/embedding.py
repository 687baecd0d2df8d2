"""Embedding lookup out[n, t] = W[idx[n, t]].

Each out[n, t] is a copy of one row of W, so dL/dW[v] sums dout[n, t] over every (n, t) with
idx[n, t] = v:  dW = Σ_{n,t} onehot(idx[n, t]) ⊗ dout[n, t]. np.add.at does that scatter-add
unbuffered: a plain dW[idx] += dout would keep only one of the repeated indices.
"""
import numpy as np


def embedding_forward(idx, W):
    """idx (N, T) int, W (V, D) -> out (N, T, D)."""
    return W[idx]


def embedding_backward(dout, idx, vocab_size):
    """dout (N, T, D), idx (N, T) -> dW (vocab_size, D)."""
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, idx, dout)
    return dW
