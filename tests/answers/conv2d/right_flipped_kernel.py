"""dx as a transposed convolution: dout spread onto the stride grid, padded, and correlated with
the filters turned by 180°; dw as the correlation of the padded input with the spread dout."""
import numpy as np


def correlate(x, w):
    """Valid cross-correlation, stride 1, no bias: x (N, C, H, W), w (F, C, HH, WW)."""
    HH, WW = w.shape[2:]
    H_out, W_out = x.shape[2] - HH + 1, x.shape[3] - WW + 1
    out = np.zeros((x.shape[0], w.shape[0], H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            out[:, :, i, j] = np.tensordot(x[:, :, i:i + HH, j:j + WW], w, axes=([1, 2, 3], [1, 2, 3]))
    return out


def conv2d_forward(x, w, b, stride=1, pad=0):
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    return correlate(x_pad, w)[:, :, ::stride, ::stride] + b.reshape(1, -1, 1, 1)


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    spread = np.zeros((N, F, x_pad.shape[2] - HH + 1, x_pad.shape[3] - WW + 1))
    spread[:, :, ::stride, ::stride] = dout
    # dw[f, c] = correlation of x_pad[:, c] with spread[:, f], summed over the batch
    dw = correlate(x_pad.transpose(1, 0, 2, 3), spread.transpose(1, 0, 2, 3)).transpose(1, 0, 2, 3)
    flipped = w[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)        # (C, F, HH, WW)
    full = np.pad(spread, ((0, 0), (0, 0), (HH - 1, HH - 1), (WW - 1, WW - 1)))
    dx = correlate(full, flipped)[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, dout.sum(axis=(0, 2, 3))
