"""expect: wrong_gradient

Spreads each window's dout evenly over it, the backward of average pooling.
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
    dx = np.zeros_like(x)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            dx[:, :, i * stride:i * stride + pool, j * stride:j * stride + pool] += dout[:, :, i, j][:, :, None, None] / pool ** 2
    return dx
