"""expect: ignores_keyword

The output size uses the stride, but the windows start at (i, j) instead of (i*stride, j*stride).
"""
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_out, W_out = (H + 2 * pad - HH) // stride + 1, (W + 2 * pad - WW) // stride + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((N, F, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", x_pad[:, :, i:i + HH, j:j + WW], w) + b
    return out


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    for i in range(H_out):
        for j in range(W_out):
            dw += np.einsum("nf,nchw->fchw", dout[:, :, i, j], x_pad[:, :, i:i + HH, j:j + WW])
            dx_pad[:, :, i:i + HH, j:j + WW] += np.einsum("nf,fchw->nchw", dout[:, :, i, j], w)
    return dx_pad[:, :, pad:pad + H, pad:pad + W], dw, dout.sum(axis=(0, 2, 3))
