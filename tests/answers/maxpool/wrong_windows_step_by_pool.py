"""expect: ignores_keyword

Assumes the windows never overlap: the output is H // pool by W // pool and windows start pool
apart, whatever the stride.
"""
import numpy as np


def maxpool_forward(x, pool=2, stride=2):
    N, C, H, W = x.shape
    H_out, W_out = H // pool, W // pool
    cut = x[:, :, :H_out * pool, :W_out * pool]
    return cut.reshape(N, C, H_out, pool, W_out, pool).max(axis=(3, 5))


def maxpool_backward(dout, x, pool=2, stride=2):
    N, C, H, W = x.shape
    H_out, W_out = dout.shape[2:]
    cut = x[:, :, :H_out * pool, :W_out * pool].reshape(N, C, H_out, pool, W_out, pool)
    mask = cut == cut.max(axis=(3, 5), keepdims=True)
    dx = np.zeros_like(x)
    dx[:, :, :H_out * pool, :W_out * pool] = (mask * dout[:, :, :, None, :, None]).reshape(N, C, H_out * pool, W_out * pool)
    return dx
