"""im2col: every window unrolled into a column, so the layer is one matrix product each way."""
import numpy as np


def im2col_indices(C, H_pad, W_pad, HH, WW, stride):
    H_out = (H_pad - HH) // stride + 1
    W_out = (W_pad - WW) // stride + 1
    c = np.repeat(np.arange(C), HH * WW)                      # (C*HH*WW,)
    p = np.tile(np.repeat(np.arange(HH), WW), C)
    q = np.tile(np.arange(WW), C * HH)
    i = stride * np.repeat(np.arange(H_out), W_out)           # (H_out*W_out,)
    j = stride * np.tile(np.arange(W_out), H_out)
    return c[:, None], p[:, None] + i[None, :], q[:, None] + j[None, :], H_out, W_out


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    c, rows, cols, H_out, W_out = im2col_indices(C, H + 2 * pad, W + 2 * pad, HH, WW, stride)
    columns = x_pad[:, c, rows, cols]                          # (N, C*HH*WW, H_out*W_out)
    out = w.reshape(F, -1) @ columns + b[:, None]              # (N, F, H_out*W_out)
    return out.reshape(N, F, H_out, W_out)


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    c, rows, cols, H_out, W_out = im2col_indices(C, H + 2 * pad, W + 2 * pad, HH, WW, stride)
    columns = x_pad[:, c, rows, cols]
    dout_flat = dout.reshape(N, F, -1)                         # (N, F, H_out*W_out)
    dw = np.einsum("nfk,nck->fc", dout_flat, columns).reshape(w.shape)
    dcolumns = w.reshape(F, -1).T @ dout_flat                  # (N, C*HH*WW, H_out*W_out)
    dx_pad = np.zeros_like(x_pad)
    c_full = np.broadcast_to(c, rows.shape)
    for n in range(N):                                          # col2im: overlapping windows add up
        np.add.at(dx_pad[n], (c_full, rows, cols), dcolumns[n])
    return dx_pad[:, :, pad:pad + H, pad:pad + W], dw, dout.sum(axis=(0, 2, 3))
