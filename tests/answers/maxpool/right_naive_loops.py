"""The course's naive version: every image, channel and window, the argmax found with np.unravel_index."""
import numpy as np


def maxpool_forward(x, pool=2, stride=2):
    N, C, H, W = x.shape
    H_out, W_out = 1 + (H - pool) // stride, 1 + (W - pool) // stride
    out = np.zeros((N, C, H_out, W_out))
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    out[n, c, i, j] = np.max(x[n, c, i * stride:i * stride + pool, j * stride:j * stride + pool])
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
                    dx[n, c, i * stride + p, j * stride + q] += dout[n, c, i, j]
    return dx
