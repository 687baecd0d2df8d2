"""Flatten the leading axes to (M, D), work on a matrix, and reshape back."""
import numpy as np


def rmsnorm_forward(x, weight, eps=1e-6):
    rows = x.reshape(-1, x.shape[-1])
    rms = np.sqrt((rows ** 2).mean(axis=1) + eps)
    return (rows / rms[:, None] * weight).reshape(x.shape)


def rmsnorm_backward(dout, x, weight, eps=1e-6):
    D = x.shape[-1]
    rows = x.reshape(-1, D)
    up = dout.reshape(-1, D)
    rms = np.sqrt((rows ** 2).mean(axis=1) + eps)[:, None]
    normed = rows / rms
    dnormed = up * weight
    dx = dnormed / rms - rows * np.sum(dnormed * rows, axis=1, keepdims=True) / (D * rms ** 3)
    return dx.reshape(x.shape), np.sum(up * normed, axis=0)
