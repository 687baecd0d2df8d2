"""expect: wrong_gradient

Writes dx as the full correlation of dout with the filters, but forgets to turn them by 180°.
"""
import numpy as np


def correlate(x, w):
    HH, WW = w.shape[2:]
    H_out, W_out = x.shape[2] - HH + 1, x.shape[3] - WW + 1
    out = np.zeros((x.shape[0], w.shape[0], H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", x[:, :, i:i + HH, j:j + WW], w)
    return out


def conv2d_forward(x, w, b, stride=1, pad=0):
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    return correlate(x_pad, w)[:, :, ::stride, ::stride] + b[None, :, None, None]


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    spread = np.zeros((N, F, x_pad.shape[2] - HH + 1, x_pad.shape[3] - WW + 1))
    spread[:, :, ::stride, ::stride] = dout
    dw = np.einsum("nfij,ncijpq->fcpq", spread,
                   np.lib.stride_tricks.sliding_window_view(x_pad, (HH, WW), axis=(2, 3)))
    full = np.pad(spread, ((0, 0), (0, 0), (HH - 1, HH - 1), (WW - 1, WW - 1)))
    dx = correlate(full, w.transpose(1, 0, 2, 3))[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, dout.sum(axis=(0, 2, 3))
