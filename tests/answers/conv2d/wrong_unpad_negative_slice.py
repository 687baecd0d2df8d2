"""expect: wrong_shape

Cuts the padding off dx_pad with [pad:-pad], which is empty when pad = 0 (x[0:-0] is x[0:0]).
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
            window = x_pad[:, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", window, w) + b
    return out


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    for i in range(H_out):
        for j in range(W_out):
            rows, cols = slice(i * stride, i * stride + HH), slice(j * stride, j * stride + WW)
            dw += np.einsum("nf,nchw->fchw", dout[:, :, i, j], x_pad[:, :, rows, cols])
            dx_pad[:, :, rows, cols] += np.einsum("nf,fchw->nchw", dout[:, :, i, j], w)
    dx = dx_pad[:, :, pad:-pad, pad:-pad]
    return dx, dw, dout.sum(axis=(0, 2, 3))
