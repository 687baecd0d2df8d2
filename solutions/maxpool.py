"""Max pooling over pool × pool windows with a stride, forward and backward.

out[n, c, i, j] is the largest entry of its window, so its gradient goes to that one entry (the
argmax) and nowhere else. Loop over the pool² window offsets (p, q): the entries at offset (p, q)
of every window form the strided slice x[:, :, p::stride, q::stride] (cut to H_out × W_out), and
    dx[slice] += dout · (window's entry at (p, q) is its maximum)
with += because windows overlap when stride < pool: one entry can be the maximum of several.
"""
import numpy as np


def _offset(p, q, stride, h_out, w_out):
    """The entries at offset (p, q) of every window, as a slice of x."""
    return (slice(None), slice(None), slice(p, p + stride * h_out, stride), slice(q, q + stride * w_out, stride))


def _output_size(x, pool, stride):
    return (x.shape[2] - pool) // stride + 1, (x.shape[3] - pool) // stride + 1


def maxpool_forward(x, pool=2, stride=2):
    """x (N, C, H, W) -> out (N, C, H_out, W_out)."""
    h_out, w_out = _output_size(x, pool, stride)
    return np.max([x[_offset(p, q, stride, h_out, w_out)] for p in range(pool) for q in range(pool)], axis=0)


def maxpool_backward(dout, x, pool=2, stride=2):
    """Returns dx (N, C, H, W)."""
    out = maxpool_forward(x, pool, stride)
    dx = np.zeros_like(x)
    for p in range(pool):
        for q in range(pool):
            window = _offset(p, q, stride, *out.shape[2:])
            dx[window] += dout * (x[window] == out)
    return dx
