"""expect: missing_accumulation

Assigns dout to each window's argmax (dx[...] = dout) instead of adding: right for stride = pool,
but where windows overlap an entry that wins two windows keeps only the last one's gradient.
"""
import numpy as np


def maxpool_forward(x, pool=2, stride=2):
    N, C, H, W = x.shape
    H_out, W_out = (H - pool) // stride + 1, (W - pool) // stride + 1
    out = np.empty((N, C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            out[:, :, i, j] = x[:, :, i * stride:i * stride + pool, j * stride:j * stride + pool].max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, pool=2, stride=2):
    N, C, H_out, W_out = dout.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * stride:i * stride + pool, j * stride:j * stride + pool]
                    p, q = np.unravel_index(np.argmax(window), window.shape)
                    dx[n, c, i * stride + p, j * stride + q] = dout[n, c, i, j]
    return dx
