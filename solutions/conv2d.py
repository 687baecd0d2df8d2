"""2-D convolution (cross-correlation) with stride and zero padding.

Loop over the HH·WW filter offsets (p, q); at each, the window entries form the strided slice
x_pad[:, :, p::stride, q::stride] (cut to H_out × W_out), and out += that slice contracted with
w[:, :, p, q] over the channels. Each offset's term is linear in its slice and in w[:, :, p, q], so
    dw[:, :, p, q]  = Σ_{n,i,j} dout[n, :, i, j] · slice[n, :, i, j]     (an outer product over f, c)
    dx_pad[slice]  += Σ_f dout[n, f, i, j] · w[f, :, p, q]   (+= : windows overlap), dx = dx_pad unpadded
    db = Σ_{n,i,j} dout                    (b[f] is added at every output position of filter f)
"""
import numpy as np


def _output_size(x, w, stride, pad):
    H, W = x.shape[2:]
    HH, WW = w.shape[2:]
    return (H + 2 * pad - HH) // stride + 1, (W + 2 * pad - WW) // stride + 1


def _window(p, q, stride, h_out, w_out):
    """The entries of x_pad that filter offset (p, q) meets, for every output position."""
    return (slice(None), slice(None), slice(p, p + stride * h_out, stride), slice(q, q + stride * w_out, stride))


def conv2d_forward(x, w, b, stride=1, pad=0):
    """x (N, C, H, W), w (F, C, HH, WW), b (F,) -> out (N, F, H_out, W_out)."""
    h_out, w_out = _output_size(x, w, stride, pad)
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((x.shape[0], w.shape[0], h_out, w_out)) + b[:, None, None]
    for p in range(w.shape[2]):
        for q in range(w.shape[3]):
            out += np.einsum("nchw,fc->nfhw", x_pad[_window(p, q, stride, h_out, w_out)], w[:, :, p, q])
    return out


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    """Returns (dx (N, C, H, W), dw (F, C, HH, WW), db (F,))."""
    h_out, w_out = dout.shape[2:]
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    for p in range(w.shape[2]):
        for q in range(w.shape[3]):
            window = _window(p, q, stride, h_out, w_out)
            dw[:, :, p, q] = np.einsum("nfhw,nchw->fc", dout, x_pad[window])
            dx_pad[window] += np.einsum("nfhw,fc->nchw", dout, w[:, :, p, q])
    dx = dx_pad[:, :, pad:pad + x.shape[2], pad:pad + x.shape[3]]
    return dx, dw, dout.sum(axis=(0, 2, 3))
