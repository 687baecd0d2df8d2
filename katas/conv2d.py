"""2-D convolution layer: forward and backward.

A convolution layer slides F filters over a batch of N images with C channels:

    x (N, C, H, W),  w (F, C, HH, WW),  b (F,)
    x_pad = x with `pad` zeros added on each side of both spatial axes
    out[n, f, i, j] = b[f] + sum_{c, p, q} x_pad[n, c, i*stride + p, j*stride + q] * w[f, c, p, q]

This is a cross-correlation (the filter is not flipped), as in every deep-learning library. The
output has shape (N, F, H_out, W_out) with

    H_out = (H + 2*pad - HH) // stride + 1,    W_out = (W + 2*pad - WW) // stride + 1

and the sizes you get always divide evenly.

Write conv2d_forward(x, w, b, stride=1, pad=0), returning out, and
conv2d_backward(dout, x, w, b, stride=1, pad=0), returning (dx, dw, db): the gradients of the
loss w.r.t. x, w and b given dout = dL/d(out), each of its input's shape.

- pad may be 0, and is applied with zeros; stride may be 1 or more.
- The filter need not be square (HH != WW), nor the image (H != W); N may be 1.
- Do not modify dout, x, w or b: return new arrays.
- numpy and the standard library only.
"""
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    """
    Inputs:
    - x: input images, of shape (N, C, H, W)
    - w: filters, of shape (F, C, HH, WW)
    - b: biases, one per filter, of shape (F,)
    - stride: the step between neighbouring windows, along both spatial axes
    - pad: the number of zeros added on every side of both spatial axes

    Returns:
    - out: of shape (N, F, H_out, W_out)
    """
    raise NotImplementedError


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    """
    Inputs:
    - dout: upstream gradient dL/d(out), of shape (N, F, H_out, W_out)
    - x, w, b, stride, pad: the inputs of the forward pass, as in conv2d_forward

    Returns a tuple of:
    - dx: gradient dL/dx, of shape (N, C, H, W)
    - dw: gradient dL/dw, of shape (F, C, HH, WW)
    - db: gradient dL/db, of shape (F,)
    """
    raise NotImplementedError
