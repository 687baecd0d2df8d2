"""expect: ignores_keyword

Takes the stride argument and never uses it: every window is one step from the last, so the
output is larger than (H + 2*pad - HH) // stride + 1 whenever stride > 1.
"""
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    HH, WW = w.shape[2:]
    H_out, W_out = x_pad.shape[2] - HH + 1, x_pad.shape[3] - WW + 1
    out = np.empty((x.shape[0], w.shape[0], H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            out[:, :, i, j] = np.tensordot(x_pad[:, :, i:i + HH, j:j + WW], w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    HH, WW = w.shape[2:]
    dx_pad, dw = np.zeros_like(x_pad), np.zeros_like(w)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            dw += np.tensordot(dout[:, :, i, j], x_pad[:, :, i:i + HH, j:j + WW], axes=([0], [0]))
            dx_pad[:, :, i:i + HH, j:j + WW] += np.tensordot(dout[:, :, i, j], w, axes=([1], [0]))
    return dx_pad[:, :, pad:pad + x.shape[2], pad:pad + x.shape[3]], dw, dout.sum(axis=(0, 2, 3))
